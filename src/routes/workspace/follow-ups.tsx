/**
 * /follow-ups (leads and admins; trainers 403): low answers from customers who consented
 * to be contacted. The status filter and page are in the URL; assign, note, resolve and
 * reopen are posts (audited) that come back to the list, or with htmx swap the one item.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole, safeNextPath } from '../../middleware/session';
import { renderHtml, isHtmx } from '../../lib/render';
import { readForm, field } from '../../lib/forms';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { FOLLOW_UP_NOTE_MAX, addFollowUpNote, assignFollowUp, setFollowUpState } from '../../domain/follow-ups';
import {
  countFollowUpsByStatus,
  getFollowUpItem,
  listAssignableStaff,
  listFollowUpItems,
  type FollowUpStatus,
} from '../../../db/queries/coaching-follow-ups';
import { FollowUpList, FollowUpsPage, type FollowUpListProps } from '../../../views/pages/coaching/follow-ups';
import { FollowUpItemCard, followUpItemId } from '../../../views/partials/coaching/follow-up-item';

/** Six a page: a follow-up with its answers and forms is most of a phone screen tall. */
const PAGE_SIZE = 6;
const isId = (v: string | undefined): v is string => v !== undefined && /^\d{1,12}$/.test(v);
const statusOf = (v: string | undefined): FollowUpStatus => (v === 'resolved' ? 'resolved' : 'open');

function followUpsHref(filter: { status: FollowUpStatus; page?: number | undefined }): string {
  const params = new URLSearchParams();
  if (filter.status !== 'open') params.set('status', filter.status);
  if (filter.page !== undefined && filter.page > 1) params.set('page', String(filter.page));
  const query = params.toString();
  return query ? `/follow-ups?${query}` : '/follow-ups';
}

/** A posted `back` is followed only to the follow-up list. */
function safeListPath(back: string | undefined): string {
  const path = safeNextPath(back);
  return path === '/follow-ups' || path.startsWith('/follow-ups?') ? path : '/follow-ups';
}

export function followUpRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const leads = requireRole('admin', 'lead');

  const listProps = async (
    c: Context<AppEnv>,
    status: FollowUpStatus,
    rawPage: string | undefined,
  ): Promise<FollowUpListProps> => {
    const t = staffT(currentUser(c).locale);
    const counts = await countFollowUpsByStatus(deps.db.read);
    const pageCount = Math.max(1, Math.ceil(counts[status] / PAGE_SIZE));
    const page = Math.min(pageCount, Math.max(1, isId(rawPage) ? Number(rawPage) : 1));
    const [items, staff] = await Promise.all([
      listFollowUpItems(deps.db.read, { status, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE }),
      listAssignableStaff(deps.db.read),
    ]);
    return { t, status, counts, items, staff, page, pageCount, hrefFor: followUpsHref };
  };

  app.get('/follow-ups', leads, async (c) => {
    const props = await listProps(c, statusOf(c.req.query('status')), c.req.query('page'));
    if (isHtmx(c)) return renderHtml(c, <FollowUpList {...props} />);
    return renderHtml(c, <FollowUpsPage {...props} user={currentUser(c)} />);
  });

  /** The item after a change: swapped in place (htmx) or the list again (303), or with errors (422). */
  const answer = async (
    c: Context<AppEnv>,
    id: number,
    back: string,
    problem?: { errors: { assignee?: string; note?: string }; noteValue?: string },
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    if (isHtmx(c)) {
      const [item, staff] = await Promise.all([getFollowUpItem(deps.db.read, id), listAssignableStaff(deps.db.read)]);
      if (!item) throw notFound();
      return renderHtml(
        c,
        <FollowUpItemCard
          t={t}
          item={item}
          staff={staff}
          back={back}
          errors={problem?.errors}
          noteValue={problem?.noteValue}
          message={problem ? undefined : t('coFollowUpSaved')}
        />,
        problem ? 422 : 200,
      );
    }
    if (!problem) return c.redirect(`${back}#${followUpItemId(id)}`, 303);
    const url = new URL(back, 'http://local.invalid');
    const props = await listProps(
      c,
      statusOf(url.searchParams.get('status') ?? undefined),
      url.searchParams.get('page') ?? undefined,
    );
    return renderHtml(c, <FollowUpsPage {...props} user={user} problem={{ id, ...problem }} />, 422);
  };

  /** The follow-up named in the path, else 404. */
  const itemId = async (c: Context<AppEnv>): Promise<number> => {
    const raw = c.req.param('id');
    const item = isId(raw) ? await getFollowUpItem(deps.db.read, Number(raw)) : undefined;
    if (!item) throw notFound();
    return item.id;
  };

  app.post('/follow-ups/:id/assign', leads, async (c) => {
    const user = currentUser(c);
    const id = await itemId(c);
    const form = await readForm(c);
    const back = safeListPath(field(form, 'back'));
    const raw = field(form, 'assignee') ?? '';
    const assigneeId = raw === '' ? null : isId(raw) ? Number(raw) : NaN;
    const ok =
      !Number.isNaN(assigneeId) &&
      (await assignFollowUp(deps.db, {
        id,
        assigneeId: assigneeId === null || Number.isNaN(assigneeId) ? null : assigneeId,
        user,
        now: deps.clock.nowMs(),
      }));
    if (!ok) return answer(c, id, back, { errors: { assignee: staffT(user.locale)('coErrAssignee') } });
    return answer(c, id, back);
  });

  app.post('/follow-ups/:id/note', leads, async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const id = await itemId(c);
    const form = await readForm(c);
    const back = safeListPath(field(form, 'back'));
    const text = (field(form, 'note') ?? '').trim();
    if (text === '') return answer(c, id, back, { errors: { note: t('coErrNoteEmpty') }, noteValue: '' });
    if (text.length > FOLLOW_UP_NOTE_MAX)
      return answer(c, id, back, { errors: { note: t('coErrNoteLong') }, noteValue: text });
    await addFollowUpNote(deps.db, { id, text, user, now: deps.clock.nowMs() });
    return answer(c, id, back);
  });

  for (const [action, status] of [
    ['resolve', 'resolved'],
    ['reopen', 'open'],
  ] as const) {
    app.post(`/follow-ups/:id/${action}`, leads, async (c) => {
      const user = currentUser(c);
      const id = await itemId(c);
      const form = await readForm(c);
      await setFollowUpState(deps.db, { id, status, user, now: deps.clock.nowMs() });
      return answer(c, id, safeListPath(field(form, 'back')));
    });
  }

  return app;
}
