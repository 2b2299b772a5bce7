import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { OutboxPage, MAIL_STATUSES, type MailStatus } from '../../../views/pages/admin/outbox';
import { OutboxMessagePage } from '../../../views/pages/admin/outbox-message';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { countOutboxByStatus, retryDead } from '../../../db/queries/outbox';
import { getOutboxMessage, listOutboxPage } from '../../../db/queries/outbox-admin';
import { recordAudit } from '../../../db/queries/audit';
import { mailLinks } from '../../mail/links';
import { fillSenderName } from '../../mail/render';
import { getEffectiveMail } from '../../domain/mail-settings';
import { listHref, paging, TALL_PAGE_SIZE } from './paging';

const isMailStatus = (value: string | undefined): value is MailStatus =>
  (MAIL_STATUSES as readonly string[]).includes(value ?? '');
const messageId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
};

/** /admin/outbox: every message by status, the links of unsent ones, dead-letter retry, and "send now". */
export function outboxAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const raw = c.req.query('status');
    const status = isMailStatus(raw) ? raw : undefined;
    const counts: Record<MailStatus, number> = { pending: 0, sent: 0, dead: 0, cancelled: 0 };
    for (const row of await countOutboxByStatus(deps.db.read)) counts[row.status] = Number(row.n);
    const total = status ? counts[status] : MAIL_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    const pages = paging(c.req.query('page'), total, TALL_PAGE_SIZE);
    const messages = await listOutboxPage(deps.db.read, { status, offset: pages.offset, limit: pages.limit });
    const rows = messages.map(({ textBody, ...m }) => ({
      ...m,
      links: m.status === 'pending' ? mailLinks(textBody, deps.config.baseUrl) : {},
    }));
    const notice = c.req.query('woke') === '1' ? t('senderWoken') : undefined;
    return renderHtml(
      c,
      <OutboxPage
        t={t}
        user={user}
        status={status}
        counts={counts}
        rows={rows}
        page={pages.page}
        pageCount={pages.pageCount}
        hrefFor={(filter) => listHref('/admin/outbox', { status: filter.status, page: filter.page })}
        smtpConfigured={(await getEffectiveMail(deps)).smtpUrl !== undefined}
        senderRunning={deps.config.sendIntervalSeconds > 0}
        notice={notice}
      />,
    );
  });

  app.post('/send-now', async (c) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    await deps.db.write((tx) => recordAudit(tx, now, { actor: user.email, action: 'outbox.send-now' }));
    deps.wakeSender();
    return c.redirect('/admin/outbox?woke=1', 303);
  });

  app.get('/:id', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const message = await getOutboxMessage(deps.db.read, messageId(c));
    if (!message) throw notFound();
    const notice =
      c.req.query('retried') === '1' ? t('mailRetried') : c.req.query('retried') === '0' ? t('mailNotDead') : undefined;
    const links = message.status === 'pending' ? mailLinks(message.textBody, deps.config.baseUrl) : {};
    const { from } = await getEffectiveMail(deps);
    return renderHtml(
      c,
      <OutboxMessagePage
        t={t}
        user={user}
        message={{
          ...message,
          textBody: message.textBody && fillSenderName(message.textBody, from, 'text'),
        }}
        mailFrom={from}
        links={links}
        notice={notice}
      />,
    );
  });

  app.post('/:id/retry', async (c) => {
    const user = currentUser(c);
    const id = messageId(c);
    if (!(await getOutboxMessage(deps.db.read, id))) throw notFound();
    const now = deps.clock.nowMs();
    const retried = await deps.db.write(async (tx) => {
      const changed = await retryDead(tx, id, now);
      if (changed) await recordAudit(tx, now, { actor: user.email, action: 'outbox.retry', subject: String(id) });
      return changed;
    });
    if (retried) deps.wakeSender();
    return c.redirect(`/admin/outbox/${id}?retried=${retried ? 1 : 0}`, 303);
  });

  return app;
}
