/**
 * GET /gaps — the skill-gap analysis (every staff role), from the period's served link
 * analysis. Links, the planner, importance, training effects and content usefulness are
 * org-wide statistics; rep rows only inside the reader's scope. With HX-Request: the results
 * region (or, while the analysis is computed, the region that asks again), or only the
 * quadrant section when htmx targets it.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import { filterQuery } from '../../domain/filters';
import { loadGapAnalysis, loadImportanceMap } from '../../domain/gap-analysis';
import { serveLinks } from '../../domain/analysis/serve-links';
import { isHtmx, ownHref, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { formatter } from '../../../views/partials/analysis/format';
import { GapsPage } from '../../../views/pages/analysis/gaps';
import { GapsResults } from '../../../views/partials/analysis/gaps-results';
import { QuadrantSection } from '../../../views/partials/analysis/quadrant';
import { ComputingRegion } from '../../../views/partials/analysis/analysis-status';
import { filterBarProps, readAnalysisFilters } from './staff-filters';

export function gapsPageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/gaps', requireRole('admin', 'lead', 'trainer'), async (c: Context<AppEnv>) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const { staff, filters, problems, status } = await readAnalysisFilters(c, deps, user, now);
    const teamName = staff.team?.name;
    const fmt = formatter(staffT(user.locale), user.locale);
    const query = {
      range: filters.range,
      scope: teamScopeOf(user),
      team: teamName,
      cpi: filters.cpi,
      locale: fmt.locale,
    };
    const self = ownHref(c);
    c.header('Vary', 'HX-Request, HX-Target');
    const served = await serveLinks(deps, filters.range.period, now, 'page');
    if (isHtmx(c) && c.req.header('HX-Target') === 'quadrant') {
      if (!served)
        return renderHtml(
          c,
          <ComputingRegion fmt={fmt} id="quadrant" tag="section" href={self} class="quadrant" />,
          status,
        );
      const importance = await loadImportanceMap(deps.db.read, served.analysis, query);
      return renderHtml(
        c,
        <QuadrantSection fmt={fmt} importance={importance} filters={filters} teamName={teamName} outOfBand />,
        status,
      );
    }
    const analysis = served ? await loadGapAnalysis(deps.db.read, served.analysis, query) : null;
    const exportHref = `/exports/gaps.csv${filterQuery({ ...filters.values, type: '' })}`;
    const errors = staff.errors;
    const props = { fmt, analysis, stamp: served, filters, errors, problems, teamName, exportHref, selfHref: self };
    if (isHtmx(c)) return renderHtml(c, <GapsResults {...props} />, status);
    const bar = {
      ...filterBarProps(staff, fmt.t, user, { id: 'gaps-filters', action: '/gaps', target: '#gaps-results' }),
      swap: 'outerHTML' as const,
      live: true,
    };
    return renderHtml(c, <GapsPage {...props} user={user} bar={bar} />, status);
  });
  return app;
}
