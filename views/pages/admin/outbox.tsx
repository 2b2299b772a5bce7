import { StaffLayout, Flash } from '../../layout';
import { Time } from '../../components/time';
import { Pager } from '../../components/pager';
import { FilterTabs } from '../../components/filter-tabs';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { OutboxMessage } from '../../../db/schema';
import type { MailLinks } from '../../../src/mail/links';
import { AdminNav } from './nav';

export type MailStatus = OutboxMessage['status'];
export const MAIL_STATUSES: readonly MailStatus[] = ['pending', 'sent', 'dead', 'cancelled'];

interface OutboxRow {
  id: number;
  toAddress: string;
  subject: string;
  kind: OutboxMessage['kind'];
  status: MailStatus;
  attempts: number;
  sendAfter: number;
  lastError: string | null;
  sentAt: number | null;
  links: MailLinks;
}

export interface OutboxPageProps {
  t: StaffT;
  user: SessionUser;
  status: MailStatus | undefined;
  counts: Record<MailStatus, number>;
  rows: OutboxRow[];
  page: number;
  pageCount: number;
  hrefFor: (filter: { status?: MailStatus | undefined; page?: number }) => string;
  smtpConfigured: boolean;
  senderRunning: boolean;
  notice?: string | undefined;
}

export const mailStatusLabel = (t: StaffT, status: MailStatus) =>
  status === 'pending'
    ? t('mailPending')
    : status === 'sent'
      ? t('mailSent')
      : status === 'dead'
        ? t('mailDead')
        : t('mailCancelled');
export const mailKindLabel = (t: StaffT, kind: OutboxMessage['kind']) =>
  kind === 'invitation' ? t('mailKindInvitation') : t('mailKindReminder');

export function RetryButton({ t, id }: { t: StaffT; id: number }) {
  return (
    <form method="post" action={`/admin/outbox/${id}/retry`} class="inline">
      <button type="submit" class="small secondary">
        {t('retry')}
        <span class="visually-hidden"> · #{id}</span>
      </button>
    </form>
  );
}

export function MailLinkList({ t, links }: { t: StaffT; links: MailLinks }) {
  if (!links.survey && !links.unsubscribe) return null;
  return (
    <ul class="plain">
      {links.survey && (
        <li>
          <a href={links.survey} data-testid="survey-link">
            {t('openSurvey')}
          </a>
        </li>
      )}
      {links.unsubscribe && (
        <li>
          <a href={links.unsubscribe}>{t('unsubscribeLink')}</a>
        </li>
      )}
    </ul>
  );
}

export function OutboxPage(p: OutboxPageProps) {
  const { t, user } = p;
  const total = MAIL_STATUSES.reduce((sum, s) => sum + p.counts[s], 0);
  return (
    <StaffLayout title={t('adminOutbox')} t={t} lang={user.locale} user={user} currentPath="/admin/outbox">
      <AdminNav t={t} current="/admin/outbox" />
      <h1>{t('adminOutbox')}</h1>
      {p.notice && <Flash kind="ok">{p.notice}</Flash>}
      <p>{p.smtpConfigured ? t('smtpConfigured') : t('smtpNotConfigured')}</p>
      {!p.senderRunning && <p class="hint">{t('senderOff')}</p>}
      <div class="toolbar">
        <form method="post" action="/admin/outbox/send-now" class="inline">
          <button type="submit">{t('sendDueNow')}</button>
        </form>
        <a href="/interactions/new">{t('logInteraction')}</a>
      </div>
      <FilterTabs
        label={t('filterByStatus')}
        tabs={[
          { href: p.hrefFor({}), label: t('filterAll'), count: total, current: p.status === undefined },
          ...MAIL_STATUSES.map((s) => ({
            href: p.hrefFor({ status: s }),
            label: mailStatusLabel(t, s),
            count: p.counts[s],
            current: p.status === s,
          })),
        ]}
      />
      {p.rows.length === 0 ? (
        <p class="muted">{t('noMessages')}</p>
      ) : (
        <div class="table-wrap">
          <table class="wide">
            <caption class="visually-hidden">{t('adminOutbox')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('mailTo')}</th>
                <th scope="col">{t('mailSubject')}</th>
                <th scope="col">{t('mailKind')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" class="num">
                  {t('mailAttempts')}
                </th>
                <th scope="col">{t('mailSendAfter')}</th>
                <th scope="col">{t('mailLastError')}</th>
                <th scope="col">{t('mailSentAt')}</th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((m) => (
                <tr>
                  <th scope="row">
                    <a href={`/admin/outbox/${m.id}`}>
                      <span class="visually-hidden">{t('messageDetails')} </span>#{m.id}
                    </a>
                  </th>
                  <td>{m.toAddress}</td>
                  <td>{m.subject}</td>
                  <td>{mailKindLabel(t, m.kind)}</td>
                  <td>
                    <span class={`badge badge-mail-${m.status}`}>{mailStatusLabel(t, m.status)}</span>
                  </td>
                  <td class="num">{m.attempts}</td>
                  <td>
                    <Time ms={m.sendAfter} />
                  </td>
                  <td>{m.lastError ? <code class="wrap">{m.lastError}</code> : <span class="muted">—</span>}</td>
                  <td>
                    <Time ms={m.sentAt} />
                  </td>
                  <td class="actions">
                    {m.status === 'pending' && <MailLinkList t={t} links={m.links} />}
                    {m.status === 'dead' && <RetryButton t={t} id={m.id} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={p.page} pageCount={p.pageCount} hrefFor={(page) => p.hrefFor({ status: p.status, page })} />
    </StaffLayout>
  );
}
