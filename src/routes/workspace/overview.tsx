/**
 * The lead workspace (issue 5): the overview at `/`, targets and baselines at `/targets`,
 * the reps × CPIs heatmap at `/reps` and the CPI export. Every staff role may open them;
 * trainers see only their teams (filters, fragments and exports outside them are 404).
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireRole, currentUser } from '../../middleware/session';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { canManageTargets } from '../../domain/access';
import { computeOverview } from '../../domain/workspace-overview';
import { OverviewPage } from '../../../views/pages/workspace/overview';
import { OverviewResults, TrendsSection } from '../../../views/partials/workspace/overview-results';
import { FilterErrors } from '../../../views/partials/workspace/filter-errors';
import { filterQuery, formats } from '../../../views/partials/workspace/format';
import { interactionTypeLabel } from '../../../views/components/labels';
import { allTeamsLabel, filterFormProps, hasFilterErrors, readFilters, wantsFragment } from './overview-filters';
import { targetRoutes } from './targets';
import { heatmapRoutes } from './heatmap';
import { exportRoutes } from './overview-export';

export function overviewRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readFilters(c, deps, user, t, now);
    c.header('Vary', 'HX-Request');
    const form = filterFormProps(filters, t, user, {
      id: 'overview-filters',
      action: '/',
      target: '#overview-results',
    });
    let results;
    let status: 200 | 422 = 200;
    if (hasFilterErrors(filters) || !filters.period) {
      results = <FilterErrors t={t} errors={filters.errors} />;
      status = 422;
    } else {
      const period = filters.period;
      const withTrends = c.req.query('trends') === '1';
      const data = await computeOverview(deps.db.read, {
        period: period.period,
        lastMonth: period.lastMonth,
        team: filters.team,
        types: filters.types,
        scope: filters.scope,
        protectDifferences: filters.protectDifferences,
        now,
        trends: withTrends,
      });
      const idByName = new Map(filters.teams.map((x) => [x.name, x.id]));
      results = (
        <OverviewResults
          t={t}
          f={formats(user.locale)}
          scopeLabel={filters.team?.name ?? allTeamsLabel(t, user)}
          totalLabel={allTeamsLabel(t, user)}
          typeLabel={filters.types?.[0] ? interactionTypeLabel(t, filters.types[0]) : t('wsAllTypes')}
          period={period}
          defaultPeriod={filters.defaultPeriod}
          data={data}
          teamHref={(name) => {
            const id = idByName.get(name);
            return id === undefined ? undefined : `/${filterQuery({ ...filters.values, team: String(id) })}`;
          }}
          exportHref={(groupBy) => `/exports/cpis.csv${filterQuery(filters.values, { groupBy })}`}
          canEditTargets={canManageTargets(user)}
          trendsHref={{
            fragment: `/overview/trends${filterQuery(filters.values)}`,
            page: `/${filterQuery(filters.values, { trends: '1' })}#overview-trends`,
          }}
        />
      );
    }
    if (wantsFragment(c)) return renderHtml(c, results, status);
    return renderHtml(
      c,
      <OverviewPage t={t} user={user} form={form}>
        {results}
      </OverviewPage>,
      status,
    );
  });

  // The trend charts, loaded by htmx right after the overview (they read 12 months).
  app.get('/overview/trends', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readFilters(c, deps, user, t, now);
    if (hasFilterErrors(filters) || !filters.period)
      return renderHtml(c, <FilterErrors t={t} errors={filters.errors} />, 422);
    const period = filters.period;
    const data = await computeOverview(deps.db.read, {
      period: period.period,
      lastMonth: period.lastMonth,
      team: filters.team,
      types: filters.types,
      scope: filters.scope,
      protectDifferences: filters.protectDifferences,
      now,
      trends: true,
    });
    return renderHtml(
      c,
      <TrendsSection t={t} f={formats(user.locale)} data={data} trendsHref={{ fragment: '', page: '' }} />,
    );
  });

  app.route('/', targetRoutes(deps));
  app.route('/', heatmapRoutes(deps));
  app.route('/', exportRoutes(deps));
  return app;
}
