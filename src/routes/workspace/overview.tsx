/**
 * The lead workspace (issue 5): the overview at `/overview` (at `/` until the role homes took
 * it, issue 17: `/?…` links redirect here), targets and baselines at `/targets`,
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
import { FilterErrors } from '../../../views/partials/filter-bar';
import { formats } from '../../../views/partials/workspace/format';
import { filterQuery } from '../../domain/filters';
import { interactionTypeLabel } from '../../../views/components/labels';
import { allTeamsLabel, filterBarProps, filterStatus, readStaffFilters, wantsFragment } from './staff-filters';
import { targetRoutes } from './targets';
import { heatmapRoutes } from './heatmap';
import { exportRoutes } from './overview-export';
import { loadSetupChecklist } from '../../domain/setup-checklist';
import { hasSubmittedResponses } from '../../../db/queries/setup';
import { EmptyOverview, SetupBanner } from '../../../views/pages/admin/setup-checklist';

export function overviewRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/overview', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    c.header('Vary', 'HX-Request');
    const form = {
      ...filterBarProps(filters, t, user, { id: 'overview-filters', action: '/overview', target: '#overview-results' }),
      type: true,
    };
    // Before any customer has answered: one empty state, not five empty tiles and blank charts.
    const noAnswersYet = !(await hasSubmittedResponses(deps.db.read));
    const status = noAnswersYet ? 200 : filterStatus(filters);
    let results;
    if (noAnswersYet) {
      results = <EmptyOverview t={t} isAdmin={user.role === 'admin'} />;
    } else {
      const period = filters.period;
      const types = filters.type ? [filters.type] : undefined;
      const withTrends = c.req.query('trends') === '1';
      const data = await computeOverview(deps.db.read, {
        period: period.period,
        lastMonth: period.toMonth,
        team: filters.team,
        types,
        scope: filters.scope,
        protectDifferences: filters.protectDifferences,
        now,
        trends: withTrends,
      });
      const idByName = new Map(filters.teams.map((x) => [x.name, x.id]));
      results = (
        <>
          <FilterErrors t={t} errors={filters.errors} />
          <OverviewResults
            t={t}
            f={formats(user.locale)}
            scopeLabel={filters.team?.name ?? allTeamsLabel(t, user)}
            totalLabel={allTeamsLabel(t, user)}
            typeLabel={filters.type ? interactionTypeLabel(t, filters.type) : t('wsAllTypes')}
            period={period}
            defaultPeriod={filters.defaultPeriod}
            data={data}
            teamHref={(name) => {
              const id = idByName.get(name);
              return id === undefined ? undefined : `/overview${filterQuery({ ...filters.applied, team: String(id) })}`;
            }}
            exportHref={(groupBy) => `/exports/cpis.csv${filterQuery(filters.applied, { groupBy })}`}
            canEditTargets={canManageTargets(user)}
            trendsHref={{
              fragment: `/overview/trends${filterQuery(filters.applied)}`,
              page: `/overview${filterQuery(filters.applied, { trends: '1' })}#overview-trends`,
            }}
          />
        </>
      );
    }
    if (wantsFragment(c)) return renderHtml(c, results, status);
    const checklist = user.role === 'admin' ? await loadSetupChecklist(deps) : undefined;
    return renderHtml(
      c,
      <OverviewPage
        t={t}
        user={user}
        form={noAnswersYet ? undefined : form}
        setup={checklist && !checklist.complete ? <SetupBanner t={t} checklist={checklist} /> : undefined}
      >
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
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const period = filters.period;
    const data = await computeOverview(deps.db.read, {
      period: period.period,
      lastMonth: period.toMonth,
      team: filters.team,
      types: filters.type ? [filters.type] : undefined,
      scope: filters.scope,
      protectDifferences: filters.protectDifferences,
      now,
      trends: true,
    });
    return renderHtml(
      c,
      <TrendsSection t={t} f={formats(user.locale)} data={data} trendsHref={{ fragment: '', page: '' }} />,
      filterStatus(filters),
    );
  });

  app.route('/', targetRoutes(deps));
  app.route('/', heatmapRoutes(deps));
  app.route('/', exportRoutes(deps));
  return app;
}
