import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { ApiKeysPage, type ApiKeysPageProps } from '../../../views/pages/admin/api-keys';
import { sampleInteractionBody, sampleRepEmail, sendTestInteraction } from '../../domain/test-interaction';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listApiKeys } from '../../../db/queries/api-keys';
import { createApiKey, revokeKey } from '../../domain/api-keys';
import { API_SCOPES } from '../../../db/schema';

const keySchema = z.object({ name: z.string().trim().min(1, 'is required').max(100), scope: z.enum(API_SCOPES) });

export function apiKeyAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const page = async (
    c: Context<AppEnv>,
    extra: Pick<ApiKeysPageProps, 'createdKey' | 'errors' | 'notice'> = {},
    status: 200 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const example = sampleInteractionBody(
      (await sampleRepEmail(deps)) ?? 'rep@example.com',
      'customer@example.com',
      deps.clock.now(),
      'crm-1',
    );
    return renderHtml(
      c,
      <ApiKeysPage
        t={staffT(user.locale)}
        user={user}
        keys={await listApiKeys(deps.db.read)}
        baseUrl={`${deps.config.baseUrl}/api/v1`}
        exampleBody={JSON.stringify(example)}
        {...extra}
      />,
      status,
    );
  };

  app.get('/', (c) => page(c));
  app.post('/', async (c) => {
    const user = currentUser(c);
    const form = await readForm(c);
    const parsed = parseWith(keySchema, { name: field(form, 'name') ?? '', scope: field(form, 'scope') ?? '' });
    if (!parsed.ok) return page(c, { errors: parsed.errors }, 422);
    const created = await createApiKey(deps, { ...parsed.data, actor: user.email, actorId: user.id });
    return page(c, { createdKey: created.key });
  });
  app.post('/test-interaction', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const sent = await sendTestInteraction(deps, user);
    if (!sent.ok) return page(c, { notice: { kind: 'error', text: t('apiTestNoRep') } }, 422);
    const text = t('apiTestSent', { externalId: sent.externalId, email: user.email });
    return page(c, { notice: { kind: 'ok', text } });
  });
  app.post('/:id/revoke', async (c) => {
    const user = currentUser(c);
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || !(await revokeKey(deps, id, user.email))) throw notFound();
    return c.redirect('/admin/api-keys', 303);
  });
  return app;
}
