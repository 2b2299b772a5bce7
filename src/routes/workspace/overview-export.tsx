/**
 * GET /exports/cpis.csv?groupBy=team|rep&team=&period=&type=[&format=raw]: the CPIs the overview's
 * by-team table or the reps heatmap show for the same filter, as formula-safe CSV (readable
 * headers and labels, or the machine columns with format=raw);
 * scoped like the pages (another team's filter is 404 for a trainer) and audited.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { requireRole, currentUser } from '../../middleware/session';
import { staffT } from '../../lib/i18n/staff';
import { csvResponse } from '../../lib/csv';
import { invalid } from '../../lib/errors';
import { computeCpis } from '../../domain/cpis';
import { heatmapRows, orgValues, HEAT_COLUMNS } from '../../domain/heatmap';
import { protectTeams } from '../../domain/workspace-overview';
import { CPI_EXPORT_HEADER, cpiExportRow, type ExportColumn, type ExportGroup } from '../../domain/cpi-export';
import { listRepsWithTeams } from '../../../db/queries/reps';
import { recordAudit } from '../../../db/queries/audit';
import { readStaffFilters, rejectFilterErrors } from './staff-filters';
import { chosenForm } from './readable-csv';
import { cpiExportForm } from './readable-exports';

const groupBySchema = z.enum(['team', 'rep']);

export function exportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/exports/cpis.csv', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const groupBy = groupBySchema.safeParse(c.req.query('groupBy') ?? 'team');
    if (!groupBy.success)
      throw invalid([{ path: ['groupBy'], message: 'must be team or rep' }], 'groupBy must be team or rep.');
    rejectFilterErrors(filters, t);
    const period = filters.period;
    const query = {
      period: period.period,
      now,
      types: filters.type ? [filters.type] : undefined,
      scope: filters.scope,
      protectDifferences: filters.protectDifferences,
    };
    const teamFilter = filters.team ? { team: filters.team.name } : {};
    const org = await computeCpis(deps.db.read, { ...query, groupBy: 'org', ...teamFilter });
    const total: ExportGroup = {
      kind: 'total',
      name: filters.team?.name ?? 'all',
      repEmail: null,
      team: filters.team?.name ?? null,
      former: null,
      group: org.groups[0],
      hidden: new Set(),
    };
    let groups: ExportGroup[];
    if (groupBy.data === 'team') {
      const byTeam = await computeCpis(deps.db.read, { ...query, groupBy: 'team' });
      // The whole table is protected as on the overview; a team filter then picks its row.
      const all = await computeCpis(deps.db.read, { ...query, groupBy: 'org' });
      groups = protectTeams(byTeam.groups, all.groups[0])
        .filter((r) => !filters.team || r.group.team === filters.team.name)
        .map((r) => ({
          kind: 'team',
          name: r.group.name,
          repEmail: null,
          team: r.group.team,
          former: null,
          group: r.group,
          hidden: r.hidden,
        }));
    } else {
      const [reps, byRep, all] = await Promise.all([
        listRepsWithTeams(deps.db.read, filters.scope),
        computeCpis(deps.db.read, { ...query, groupBy: 'rep', ...teamFilter }),
        computeCpis(deps.db.read, { ...query, groupBy: 'org' }),
      ]);
      const inTeam = reps.filter((r) => !filters.team || r.teamId === filters.team.id);
      const rows = heatmapRows(
        inTeam.map((r) => ({ id: r.id, email: r.email, name: r.name, team: r.teamName, active: r.active })),
        byRep.groups,
        orgValues(all.groups[0]),
      );
      const byEmail = new Map(byRep.groups.map((g) => [g.key, g]));
      groups = rows.map((r) => {
        const hidden = new Set<ExportColumn>(HEAT_COLUMNS.filter((col) => r.cells[col].level === 'hidden'));
        return {
          kind: 'rep',
          name: r.name,
          repEmail: r.email,
          team: r.team,
          former: !r.active,
          group: byEmail.get(r.email),
          hidden,
        };
      });
    }
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.cpis',
        subject: groupBy.data,
        detail: {
          groupBy: groupBy.data,
          team: filters.team?.name ?? null,
          period: period.key,
          from: period.period.from,
          to: period.period.to,
          type: filters.type ?? null,
          rows: groups.length,
        },
      }),
    );
    const stamp = period.kind === 'custom' ? `${period.fromDate}_${period.lastDate}` : period.key;
    const rows = [...groups, total].map(cpiExportRow);
    const csv = chosenForm(
      c,
      CPI_EXPORT_HEADER,
      () => cpiExportForm(t),
      (async function* () {
        yield rows;
      })(),
    );
    return csvResponse(c, `cpis_by-${groupBy.data}_${stamp}.csv`, csv.header, csv.pages);
  });

  return app;
}
