/** /admin/webhooks: endpoints (add, rotate, delete) and the delivery log with retry for dead letters. */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { WebhooksPage, type WebhooksPageProps } from '../../../views/pages/admin/webhooks';
import { renderHtml } from '../../lib/render';
import { readForm, field, fieldList, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { AppError, notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listDeliveries, listWebhookEndpoints } from '../../../db/queries/webhooks';
import {
  deleteWebhook,
  registerWebhook,
  retryWebhookDelivery,
  rotateWebhook,
  webhookInput,
} from '../../domain/webhooks';
import { WEBHOOK_EVENTS } from '../../lib/webhook-events';

const LOG_ROWS = 100;

const idOf = (raw: string) => {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound();
  return Number(raw);
};

export function webhookAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const page = async (
    c: Context<AppEnv>,
    extra: Pick<WebhooksPageProps, 'shownSecret' | 'values' | 'errors'> = {},
    status: 200 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const [endpoints, deliveries] = await Promise.all([
      listWebhookEndpoints(deps.db.read),
      listDeliveries(deps.db.read, LOG_ROWS),
    ]);
    return renderHtml(
      c,
      <WebhooksPage t={t} user={user} endpoints={endpoints} deliveries={deliveries} {...extra} />,
      status,
    );
  };

  app.get('/', (c) => page(c));

  app.post('/', async (c) => {
    const user = currentUser(c);
    const form = await readForm(c);
    const values = { url: field(form, 'url') ?? '', events: fieldList(form, 'events', WEBHOOK_EVENTS.length) };
    const parsed = parseWith(webhookInput, values);
    if (!parsed.ok) {
      const errors = { ...parsed.errors };
      if (errors.events) errors.events = staffT(user.locale)('webhookEventsRequired');
      return page(c, { values, errors }, 422);
    }
    try {
      const created = await registerWebhook(deps, parsed.data, user.email);
      return page(c, { shownSecret: created });
    } catch (error) {
      // A refused URL (scheme, a private address after DNS) re-renders the form with the reason.
      if (error instanceof AppError && error.status === 422)
        return page(c, { values, errors: { url: error.issues[0]?.message ?? error.message } }, 422);
      throw error;
    }
  });

  app.post('/:id/rotate', async (c) => {
    const rotated = await rotateWebhook(deps, idOf(c.req.param('id')), currentUser(c).email);
    return page(c, { shownSecret: rotated });
  });

  app.post('/:id/delete', async (c) => {
    await deleteWebhook(deps, idOf(c.req.param('id')), currentUser(c).email);
    return c.redirect('/admin/webhooks', 303);
  });

  app.post('/deliveries/:id/retry', async (c) => {
    if (!(await retryWebhookDelivery(deps, idOf(c.req.param('id')), currentUser(c).email))) throw notFound();
    return c.redirect('/admin/webhooks', 303);
  });

  return app;
}
