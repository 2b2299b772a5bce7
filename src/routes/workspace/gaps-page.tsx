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
import { filterSearch, parseAnalysisFilters, type AnalysisFilters } from '../../domain/analysis-filters';
import { loadGapAnalysis, loadImportanceMap } from '../../domain/gap-analysis';
import { serveLinks } from '../../domain/analysis/serve-links';
import { listTeams } from '../../../db/queries/reps';
import { notFound } from '../../lib/errors';
import { isHtmx, ownHref, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { formatter } from '../../../views/partials/analysis/format';
import { GapsPage } from '../../../views/pages/analysis/gaps';
import { GapsResults } from '../../../views/partials/analysis/gaps-results';
import { QuadrantSection } from '../../../views/partials/analysis/quadrant';
import { ComputingRegion } from '../../../views/partials/analysis/analysis-status';
import type { SessionUser } from '../../context';
import type { Drizzle } from '../../../db/client';

/** The teams the reader may filter by, and the chosen one (a team outside the scope is a 404). */
export async function teamFilter(db: Drizzle, user: SessionUser, filters: AnalysisFilters) {
  const teams = await listTeams(db, teamScopeOf(user));
  const chosen = filters.team === undefined ? undefined : teams.find((t) => t.id === filters.team);
  if (filters.team !== undefined && !chosen) throw notFound();
  return { teams, teamName: chosen?.name };
}

export function gapsPageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/gaps', requireRole('admin', 'lead', 'trainer'), async (c: Context<AppEnv>) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const { filters, problems } = parseAnalysisFilters(c.req.query(), now);
    const { teams, teamName } = await teamFilter(deps.db.read, user, filters);
    const fmt = formatter(staffT(user.locale), user.locale);
    const query = {
      range: filters.range,
      scope: teamScopeOf(user),
      team: teamName,
      cpi: filters.cpi,
      locale: fmt.locale,
    };
    const status = problems.length > 0 ? 422 : 200;
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
    const exportHref = `/exports/gaps.csv${filterSearch(filters, ['range', 'team'])}`;
    const props = { fmt, analysis, stamp: served, filters, problems, teamName, exportHref, selfHref: self };
    if (isHtmx(c)) return renderHtml(c, <GapsResults {...props} />, status);
    return renderHtml(c, <GapsPage {...props} user={user} teams={teams} />, status);
  });
  return app;
}
