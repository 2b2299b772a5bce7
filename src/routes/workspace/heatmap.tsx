/** GET /reps: reps × CPIs for the filter (trainers: their teams' reps only), sortable by any column. */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { requireRole, currentUser } from '../../middleware/session';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { computeCpis } from '../../domain/cpis';
import { HEAT_SORTS, heatmapRows, orgValues, sortHeatmap } from '../../domain/heatmap';
import { listRepsWithTeams } from '../../../db/queries/reps';
import { HeatmapPage } from '../../../views/pages/workspace/heatmap';
import { HeatmapResults } from '../../../views/partials/workspace/heatmap-results';
import { FilterErrors } from '../../../views/partials/filter-bar';
import { SortState } from '../../../views/partials/workspace/sort-state';
import { formats } from '../../../views/partials/workspace/format';
import { filterQuery } from '../../domain/filters';
import { interactionTypeLabel } from '../../../views/components/labels';
import { allTeamsLabel, filterBarProps, filterStatus, readStaffFilters, wantsFragment } from './staff-filters';

// An unknown sort is not worth an error page: the table falls back to sorting by name.
const sortSchema = z.object({
  sort: z.enum(HEAT_SORTS).catch('name'),
  dir: z.enum(['asc', 'desc']).catch('asc'),
});

export function heatmapRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/reps', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const { sort, dir } = sortSchema.parse({ sort: c.req.query('sort'), dir: c.req.query('dir') });
    c.header('Vary', 'HX-Request');
    const form = {
      ...filterBarProps(filters, t, user, { id: 'reps-filters', action: '/reps', target: '#reps-results' }),
      type: true,
    };
    const status = filterStatus(filters);
    const period = filters.period;
    const query = {
      period: period.period,
      now,
      types: filters.type ? [filters.type] : undefined,
      scope: filters.scope,
      protectDifferences: filters.protectDifferences,
    };
    const [reps, byRep, org] = await Promise.all([
      listRepsWithTeams(deps.db.read, filters.scope),
      computeCpis(deps.db.read, { ...query, groupBy: 'rep', ...(filters.team ? { team: filters.team.name } : {}) }),
      computeCpis(deps.db.read, { ...query, groupBy: 'org' }),
    ]);
    const orgVals = orgValues(org.groups[0]);
    const inTeam = reps.filter((r) => !filters.team || r.teamId === filters.team.id);
    const rows = heatmapRows(
      inTeam.map((r) => ({ id: r.id, email: r.email, name: r.name, team: r.teamName, active: r.active })),
      byRep.groups,
      orgVals,
    );
    const results = (
      <>
        <FilterErrors t={t} errors={filters.errors} />
        <HeatmapResults
          t={t}
          f={formats(user.locale)}
          rows={sortHeatmap(rows, sort, dir)}
          org={orgVals}
          orgLabel={t('wsOrgValue', { scope: allTeamsLabel(t, user) })}
          sort={sort}
          dir={dir}
          sortHref={(s, d) => `/reps${filterQuery(filters.applied, { sort: s, dir: d })}`}
          minResponses={byRep.settings.minResponses}
          slaHours={byRep.settings.slaHours}
          scopeLabel={filters.team?.name ?? allTeamsLabel(t, user)}
          typeLabel={filters.type ? interactionTypeLabel(t, filters.type) : t('wsAllTypes')}
          period={period}
          exportHref={`/exports/cpis.csv${filterQuery(filters.applied, { groupBy: 'rep' })}`}
          pooled={byRep.pooled.rateModel === 'pooled'}
        />
      </>
    );
    if (wantsFragment(c))
      return renderHtml(
        c,
        <>
          {results}
          <SortState sort={sort} dir={dir} oob />
        </>,
        status,
      );
    return renderHtml(
      c,
      <HeatmapPage t={t} user={user} form={form} sort={sort} dir={dir}>
        {results}
      </HeatmapPage>,
      status,
    );
  });

  return app;
}
