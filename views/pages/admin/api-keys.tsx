import { StaffLayout, Flash } from '../../layout';
import { TextField, SelectField, Card } from '../../components/form';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { ApiKey } from '../../../db/schema';
import { AdminNav } from './nav';
import { EmptyTable } from './record-form';

export interface ApiKeysPageProps {
  t: StaffT;
  user: SessionUser;
  keys: ApiKey[];
  createdKey?: string | undefined;
  errors?: Record<string, string>;
}

export function ApiKeysPage({ t, user, keys, createdKey, errors }: ApiKeysPageProps) {
  return (
    <StaffLayout title={t('adminApiKeys')} t={t} lang={user.locale} user={user} currentPath="/admin/api-keys">
      <AdminNav t={t} current="/admin/api-keys" />
      <h1>{t('adminApiKeys')}</h1>
      <p>{t('apiKeysIntro')}</p>
      {createdKey && (
        <Flash kind="info">
          {t('keyCreated')}{' '}
          <code class="secret" data-testid="new-api-key">
            {createdKey}
          </code>
        </Flash>
      )}
      {keys.length === 0 ? (
        <EmptyTable testId="api-keys-empty">{t('noApiKeysYet')}</EmptyTable>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('keyName')}</th>
                <th scope="col">{t('scope')}</th>
                <th scope="col">Prefix</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr>
                  <th scope="row">{k.name}</th>
                  <td>{k.scope}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>
                    <Time ms={k.createdAt} />
                  </td>
                  <td>{k.lastUsedAt ? <Time ms={k.lastUsedAt} /> : t('never')}</td>
                  <td>{k.revokedAt ? t('revoked') : t('active')}</td>
                  <td>
                    {!k.revokedAt && (
                      <form method="post" action={`/admin/api-keys/${k.id}/revoke`} class="inline">
                        <button type="submit" class="small secondary">
                          {t('revoke')}
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title={t('createKey')}>
        <form method="post" action="/admin/api-keys" class="stack">
          <TextField name="name" label={t('keyName')} error={errors?.name} required />
          <SelectField
            name="scope"
            label={t('scope')}
            value="ingest"
            options={[
              { value: 'ingest', label: t('scopeIngest') },
              { value: 'read', label: t('scopeRead') },
              { value: 'all', label: t('scopeAll') },
            ]}
            error={errors?.scope}
          />
          <button type="submit">{t('createKey')}</button>
        </form>
      </Card>
    </StaffLayout>
  );
}
