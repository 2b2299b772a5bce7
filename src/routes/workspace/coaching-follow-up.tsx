/** GET /coaching/follow-up: did the CPI coaching targeted change since? (scoped; the staff filters in the URL) */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { renderHtml, isHtmx, ownHref } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { computeCoachingFollowUp } from '../../domain/coaching-follow-up';
import { filterQuery } from '../../domain/filters';
import { serveLinks } from '../../domain/analysis/serve-links';
import { addMonths, monthStart } from '../../lib/periods';
import { CoachingFollowUpPage } from '../../../views/pages/coaching/follow-up';
import { FollowUpRegion } from '../../../views/partials/coaching/follow-up-region';
import { filterBarProps, filterStatus, readStaffFilters } from './staff-filters';
import { DAY_MS, isoDay } from '../../lib/days';

export function coachingFollowUpRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/coaching/follow-up', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    // The page shows each coached rep's CPIs: non-admins choose whole months, as on the plan.
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const period = filters.period;
    const gapAnalysis = async () => (await serveLinks(deps, period.period, now, 'page'))?.analysis ?? null;
    const result = await computeCoachingFollowUp(deps.db.read, {
      now,
      period: period.period,
      scope: filters.scope,
      team: filters.team?.name,
      gapAnalysis,
    });
    // The responses behind the page: from the first "before" month of the period's sessions to today.
    const days = { from: isoDay(monthStart(addMonths(period.fromMonth, -3))), to: isoDay(now + DAY_MS) };
    const region = {
      t,
      locale: user.locale,
      rows: result.rows,
      minResponses: result.minResponses,
      gapsComputing: result.gapsComputing,
      selfHref: ownHref(c),
      exportResponsesHref: `/exports/responses.csv${filterQuery({ ...filters.applied, period: '', type: '' }, days)}`,
      errors: filters.errors,
      period,
    };
    const status = filterStatus(filters);
    if (isHtmx(c)) return renderHtml(c, <FollowUpRegion {...region} />, status);
    const bar = {
      ...filterBarProps(filters, t, user, {
        id: 'follow-up-filters',
        action: '/coaching/follow-up',
        target: '#follow-up-results',
      }),
      swap: 'outerHTML' as const,
      live: true,
    };
    return renderHtml(c, <CoachingFollowUpPage t={t} user={user} bar={bar} region={region} />, status);
  });

  return app;
}
