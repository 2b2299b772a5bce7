import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { ContentPage, type ContentPageProps } from '../../../views/pages/admin/content';
import { renderHtml } from '../../lib/render';
import { readForm, field, parseWith } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { listContentItems } from '../../../db/queries/content';
import { createContentItem, getContentItem, updateContentItem } from '../../../db/queries/admin-records';
import { recordAudit } from '../../../db/queries/audit';
import { contentEditForm, contentForm, savedNotice } from './record-forms';

/** /admin/content: the decks and documents reps share, by the id the CRM sends. */
export function contentAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const page = async (
    c: Context<AppEnv>,
    extra: Partial<Omit<ContentPageProps, 't' | 'user' | 'items'>> = {},
    status: 200 | 409 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const items = await listContentItems(deps.db.read);
    const done = savedNotice(c);
    const named = done && items.find((item) => item.id === done.id);
    const notice = named
      ? t(done.kind === 'created' ? 'contentCreated' : 'contentSaved', { name: named.title })
      : undefined;
    return renderHtml(c, <ContentPage t={t} user={user} items={items} notice={notice} {...extra} />, status);
  };

  const valuesOf = async (c: Context<AppEnv>) => {
    const form = await readForm(c);
    return {
      id: field(form, 'id'),
      title: field(form, 'title'),
      url: field(form, 'url') ?? '',
      stage: field(form, 'stage') ?? '',
      topic: field(form, 'topic') ?? '',
    };
  };

  const target = async (c: Context<AppEnv>) => {
    const item = await getContentItem(deps.db.read, c.req.param('id') ?? '');
    if (!item) throw notFound();
    return item;
  };

  app.get('/', (c) => page(c));

  app.post('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const values = await valuesOf(c);
    const parsed = parseWith(contentForm, values);
    if (!parsed.ok) return page(c, { values, errors: parsed.errors }, 422);
    const now = deps.clock.nowMs();
    const result = await deps.db.write(async (tx) => {
      const saved = await createContentItem(tx, parsed.data, now);
      if (saved.ok)
        await recordAudit(tx, now, { actor: user.email, action: 'content.create', subject: parsed.data.id });
      return saved;
    });
    if (!result.ok) return page(c, { values, errors: { id: t('contentIdTaken') } }, 409);
    return c.redirect(`/admin/content?created=${encodeURIComponent(parsed.data.id)}`, 303);
  });

  app.get('/:id/edit', async (c) => page(c, { editing: await target(c) }));

  app.post('/:id', async (c) => {
    const user = currentUser(c);
    const editing = await target(c);
    const values = await valuesOf(c);
    const parsed = parseWith(contentEditForm, values);
    if (!parsed.ok) return page(c, { editing, values, errors: parsed.errors }, 422);
    const now = deps.clock.nowMs();
    await deps.db.write(async (tx) => {
      await updateContentItem(tx, editing.id, parsed.data, now);
      await recordAudit(tx, now, {
        actor: user.email,
        action: 'content.update',
        subject: editing.id,
        detail: { from: { title: editing.title, url: editing.url, stage: editing.stage, topic: editing.topic } },
      });
    });
    return c.redirect(`/admin/content?saved=${encodeURIComponent(editing.id)}`, 303);
  });
  return app;
}
