import { StaffLayout, Flash } from '../../layout';
import { TextField, Card } from '../../components/form';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../../../src/lib/webhook-events';
import type { listDeliveries, listWebhookEndpoints } from '../../../db/queries/webhooks';
import { AdminNav } from './nav';
import { EmptyTable } from './record-form';

export interface WebhooksPageProps {
  t: StaffT;
  user: SessionUser;
  endpoints: Awaited<ReturnType<typeof listWebhookEndpoints>>;
  deliveries: Awaited<ReturnType<typeof listDeliveries>>;
  /** A secret just created or rotated: shown once. */
  shownSecret?: { id: number; secret: string } | undefined;
  values?: { url: string; events: string[] };
  errors?: Record<string, string>;
}

export function WebhooksPage({ t, user, endpoints, deliveries, shownSecret, values, errors }: WebhooksPageProps) {
  const checked = new Set<string>(values?.events ?? []);
  return (
    <StaffLayout title={t('webhooksTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/webhooks">
      <AdminNav t={t} current="/admin/webhooks" />
      <h1>{t('webhooksTitle')}</h1>
      <p>{t('webhooksIntro')}</p>
      {shownSecret && (
        <Flash kind="info">
          {t('webhookSecretShown')}{' '}
          <code class="secret" data-testid="webhook-secret">
            {shownSecret.secret}
          </code>
        </Flash>
      )}
      {endpoints.length === 0 ? (
        <EmptyTable testId="webhooks-empty">{t('webhookNoEndpoints')}</EmptyTable>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('webhookUrl')}</th>
                <th scope="col">{t('webhookEvents')}</th>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr>
                  <th scope="row">
                    <code>{e.url}</code>
                  </th>
                  <td>{e.events.join(', ')}</td>
                  <td>
                    <Time ms={e.createdAt} />
                    {e.rotatedAt !== null && (
                      <>
                        <br />
                        {t('webhookRotated')} <Time ms={e.rotatedAt} />
                      </>
                    )}
                  </td>
                  <td>
                    <form method="post" action={`/admin/webhooks/${e.id}/rotate`} class="inline">
                      <button type="submit" class="small secondary" title={t('webhookRotateHint')}>
                        {t('webhookRotate')}
                      </button>
                    </form>{' '}
                    <form method="post" action={`/admin/webhooks/${e.id}/delete`} class="inline">
                      <button type="submit" class="small secondary">
                        {t('webhookDelete')}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Card title={t('webhookAdd')}>
        <form method="post" action="/admin/webhooks" class="stack">
          <TextField name="url" label={t('webhookUrl')} type="url" value={values?.url} error={errors?.url} required />
          <fieldset class={errors?.events ? 'checks has-error' : 'checks'}>
            <legend>{t('webhookEvents')}</legend>
            {WEBHOOK_EVENTS.map((event: WebhookEvent) => (
              <label>
                <input type="checkbox" name="events" value={event} checked={checked.has(event)} /> <code>{event}</code>
              </label>
            ))}
            {errors?.events && <p class="error">{errors.events}</p>}
          </fieldset>
          <button type="submit">{t('webhookAdd')}</button>
        </form>
      </Card>
      <h2>{t('webhookDeliveries')}</h2>
      {deliveries.length === 0 ? (
        <EmptyTable testId="webhook-deliveries-empty">{t('webhookNoDeliveries')}</EmptyTable>
      ) : (
        <div class="table-wrap">
          <table data-testid="webhook-deliveries">
            <thead>
              <tr>
                <th scope="col">{t('created')}</th>
                <th scope="col">{t('webhookEvent')}</th>
                <th scope="col">{t('webhookUrl')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('webhookAttempts')}</th>
                <th scope="col">{t('webhookLastAnswer')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr>
                  <td>
                    <Time ms={d.createdAt} />
                  </td>
                  <td>
                    <code>{d.eventType}</code>
                    <br />
                    <code>{d.messageId}</code>
                  </td>
                  <td>
                    <code>{d.url}</code>
                  </td>
                  <td>{t(`webhookStatus_${d.status}`)}</td>
                  <td>{d.attempts}</td>
                  <td>
                    {d.lastStatus !== null ? `HTTP ${d.lastStatus}` : ''}
                    {d.lastError ? ` ${d.lastError}` : ''}
                    {d.status === 'pending' && d.attempts > 0 && (
                      <>
                        <br />
                        {t('webhookNextAttempt')} <Time ms={d.nextAttemptAt} />
                      </>
                    )}
                  </td>
                  <td>
                    {d.status === 'dead' && (
                      <form method="post" action={`/admin/webhooks/deliveries/${d.id}/retry`} class="inline">
                        <button type="submit" class="small secondary">
                          {t('webhookRetry')}
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
    </StaffLayout>
  );
}
