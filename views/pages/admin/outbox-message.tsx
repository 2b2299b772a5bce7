import { StaffLayout, Flash } from '../../layout';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { OutboxMessage } from '../../../db/schema';
import type { MailLinks } from '../../../src/mail/links';
import { AdminNav } from './nav';
import { MailLinkList, RetryButton, mailKindLabel, mailStatusLabel } from './outbox';

export interface OutboxMessagePageProps {
  t: StaffT;
  user: SessionUser;
  message: OutboxMessage;
  mailFrom: string;
  links: MailLinks;
  notice?: string | undefined;
}

export function OutboxMessagePage({ t, user, message: m, mailFrom, links, notice }: OutboxMessagePageProps) {
  const title = t('messageTitle', { id: m.id });
  const headers: [string, string][] = [
    ['From', mailFrom],
    ['To', m.toAddress],
    ['Subject', m.subject],
    ['Message-ID', m.messageId],
    ...Object.entries(m.headers),
  ];
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath="/admin/outbox">
      <AdminNav t={t} current="/admin/outbox" />
      <p>
        <a href="/admin/outbox">{t('backToOutbox')}</a>
      </p>
      <h1>{title}</h1>
      {notice && <Flash kind="ok">{notice}</Flash>}
      <dl class="facts">
        <dt>{t('mailKind')}</dt>
        <dd>{mailKindLabel(t, m.kind)}</dd>
        <dt>{t('status')}</dt>
        <dd>
          <span class={`badge badge-mail-${m.status}`}>{mailStatusLabel(t, m.status)}</span>
        </dd>
        <dt>{t('mailAttempts')}</dt>
        <dd>{m.attempts}</dd>
        <dt>{t('mailSendAfter')}</dt>
        <dd>
          <Time ms={m.sendAfter} />
        </dd>
        <dt>{t('mailSentAt')}</dt>
        <dd>
          <Time ms={m.sentAt} />
        </dd>
        <dt>{t('mailLastError')}</dt>
        <dd>{m.lastError ? <code class="wrap">{m.lastError}</code> : <span class="muted">—</span>}</dd>
      </dl>
      {m.status === 'dead' && <RetryButton t={t} id={m.id} />}
      {m.status === 'pending' && <MailLinkList t={t} links={links} />}
      <h2>{t('mailHeaders')}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('headerName')}</th>
              <th scope="col">{t('headerValue')}</th>
            </tr>
          </thead>
          <tbody>
            {headers.map(([name, value]) => (
              <tr>
                <th scope="row">{name}</th>
                <td>
                  <code class="wrap">{value}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t('mailTextPart')}</h2>
      {m.textBody === null ? <p class="muted">{t('mailBodyDropped')}</p> : <pre class="mail-text">{m.textBody}</pre>}
    </StaffLayout>
  );
}
