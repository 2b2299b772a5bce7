import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { SuppressionsPage } from '../../../views/pages/admin/suppressions';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { currentUser } from '../../middleware/session';
import {
  countOptedOutCustomers,
  countSuppressedByReason,
  countSuppressionListEntries,
  listOptedOutCustomers,
  listSuppressedInteractions,
} from '../../../db/queries/suppressions';
import { SUPPRESSION_REASONS, type SuppressionReason } from '../../../db/schema';
import { listHref, paging, TALL_PAGE_SIZE } from './paging';

const OPTED_OUT_SHOWN = 200;
const isReason = (value: string | undefined): value is SuppressionReason =>
  (SUPPRESSION_REASONS as readonly string[]).includes(value ?? '');

/** /admin/suppressions: every interaction that was not surveyed, with its reason, and the opted-out customers. */
export function suppressionAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const user = currentUser(c);
    const raw = c.req.query('reason');
    const reason = isReason(raw) ? raw : undefined;
    const counts: Record<SuppressionReason, number> = { fatigue: 0, 'too-old': 0, 'opted-out': 0, 'rep-excluded': 0 };
    for (const row of await countSuppressedByReason(deps.db.read)) if (row.reason) counts[row.reason] = Number(row.n);
    const total = reason ? counts[reason] : SUPPRESSION_REASONS.reduce((sum, r) => sum + counts[r], 0);
    const pages = paging(c.req.query('page'), total, TALL_PAGE_SIZE);
    const [rows, optedOut, optedOutTotal, suppressionListTotal] = await Promise.all([
      listSuppressedInteractions(deps.db.read, { reason, offset: pages.offset, limit: pages.limit }),
      listOptedOutCustomers(deps.db.read, OPTED_OUT_SHOWN),
      countOptedOutCustomers(deps.db.read),
      countSuppressionListEntries(deps.db.read),
    ]);
    return renderHtml(
      c,
      <SuppressionsPage
        t={staffT(user.locale)}
        user={user}
        reason={reason}
        counts={counts}
        rows={rows}
        page={pages.page}
        pageCount={pages.pageCount}
        hrefFor={(filter) => listHref('/admin/suppressions', { reason: filter.reason, page: filter.page })}
        optedOut={optedOut}
        optedOutTotal={Number(optedOutTotal)}
        suppressionListTotal={Number(suppressionListTotal)}
      />,
    );
  });
  return app;
}
