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
  /** `BASE_URL/api/v1` */
  baseUrl: string;
  /** A sample POST /interactions body (JSON) for the curl example. */
  exampleBody: string;
  notice?: { kind: 'ok' | 'error'; text: string } | undefined;
}

/** A curl command a CRM developer can paste: the key, when just created, or a variable to fill in. */
const curlExample = (baseUrl: string, key: string, body: string) =>
  [
    `curl -sS -X POST '${baseUrl}/interactions' \\`,
    `  -H 'Authorization: Bearer ${key}' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -d '${body.replaceAll("'", "'\\''")}'`,
  ].join('\n');

export function ApiKeysPage({ t, user, keys, createdKey, errors, baseUrl, exampleBody, notice }: ApiKeysPageProps) {
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
      {notice && (
        <Flash kind={notice.kind}>
          <span data-test-interaction={notice.kind}>{notice.text}</span>
        </Flash>
      )}
      <Card title={t('apiConnectTitle')}>
        <dl>
          <dt>{t('apiBaseUrl')}</dt>
          <dd>
            <code data-testid="api-base-url">{baseUrl}</code>
          </dd>
        </dl>
        <p>{t('apiCurlExample')}</p>
        <pre data-testid="curl-example">
          <code>{curlExample(baseUrl, createdKey ?? '$CPI_LENS_KEY', exampleBody)}</code>
        </pre>
        <p>
          <a href="/api/reference">{t('apiReferenceLink')}</a>
        </p>
        <h3>{t('apiTestTitle')}</h3>
        <p class="hint">{t('apiTestHint', { email: user.email })}</p>
        <form method="post" action="/admin/api-keys/test-interaction" class="inline">
          <button type="submit" class="secondary">
            {t('apiTestButton')}
          </button>
        </form>
      </Card>
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
