/** /admin/audit: every recorded action, newest first, paged, filtered by actor, action and days. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { renderHtml } from '../../lib/render';
import { staffT, type StaffT } from '../../lib/i18n/staff';
import { currentUser } from '../../middleware/session';
import { AuditPage, type AuditFilterValues } from '../../../views/pages/admin/audit';
import { countAudit, listAudit, listAuditActions, type AuditFilter } from '../../../db/queries/audit';
import { listHref, paging } from './paging';
import { DAY_MS, parseCalendarDay } from '../../lib/days';

/** The filter as typed, checked field by field: a bad field is named and left out of the query. */
function readFilter(
  t: StaffT,
  values: AuditFilterValues,
  actions: string[],
): { filter: AuditFilter; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const day = (name: 'from' | 'to') => {
    const text = values[name];
    if (!text) return undefined;
    const ms = parseCalendarDay(text);
    if (ms === undefined) errors[name] = t('auditErrDate');
    return ms;
  };
  const from = day('from');
  const lastDay = day('to');
  if (values.action && !actions.includes(values.action)) errors.action = t('auditErrAction');
  if (values.actor.length > 254) errors.actor = t('auditErrActor');
  if (from !== undefined && lastDay !== undefined && lastDay < from) errors.to = t('auditErrOrder');
  return {
    filter: {
      actor: errors.actor ? undefined : values.actor || undefined,
      action: errors.action ? undefined : values.action || undefined,
      from,
      to: lastDay === undefined || errors.to ? undefined : lastDay + DAY_MS,
    },
    errors,
  };
}

export function auditAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const values: AuditFilterValues = {
      actor: (c.req.query('actor') ?? '').trim(),
      action: (c.req.query('action') ?? '').trim(),
      from: (c.req.query('from') ?? '').trim(),
      to: (c.req.query('to') ?? '').trim(),
    };
    const actions = await listAuditActions(deps.db.read);
    const { filter, errors } = readFilter(t, values, actions);
    const total = await countAudit(deps.db.read, filter);
    const pages = paging(c.req.query('page'), total);
    const rows = await listAudit(deps.db.read, filter, pages);
    const hrefFor = (page: number) => listHref('/admin/audit', { ...values, page });
    return renderHtml(
      c,
      <AuditPage
        t={t}
        user={user}
        rows={rows}
        total={total}
        values={values}
        actions={actions}
        errors={errors}
        page={pages.page}
        pageCount={pages.pageCount}
        hrefFor={hrefFor}
      />,
      Object.keys(errors).length > 0 ? 422 : 200,
    );
  });
  return app;
}
