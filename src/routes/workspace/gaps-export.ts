/**
 * GET /exports/gaps.csv — every scored rep × skill gap for the period (and team), only reps
 * inside the reader's scope; formula-safe CSV (src/lib/csv.ts); the export is audited first,
 * in its own write.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import { parseAnalysisFilters } from '../../domain/analysis-filters';
import { computeGaps } from '../../domain/gaps';
import { invalid } from '../../lib/errors';
import { csvResponse, type CsvRow } from '../../lib/csv';
import { recordAudit } from '../../../db/queries/audit';
import { teamFilter } from './gaps-page';

export const GAPS_CSV_HEADER = ['rep', 'rep_email', 'team', 'skill', 'cpi', 'score', 'lower', 'upper', 'label'];

const round = (v: number | null) => (v === null || !Number.isFinite(v) ? null : Math.round(v * 10_000) / 10_000);

export function gapsExportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/exports/gaps.csv', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const { filters, problems } = parseAnalysisFilters(c.req.query(), now);
    // A file is not a page that can show what was wrong: refuse instead of exporting something else.
    if (problems.length > 0) throw invalid(problems.map((p) => ({ path: [p.field], message: p.code })), `Invalid ${problems.map((p) => p.field).join(', ')}.`);
    const { teamName } = await teamFilter(deps.db.read, user, filters);
    const scope = teamScopeOf(user);
    const { period } = filters.range;
    const result = await computeGaps(deps.db.read, { period, now, scope, ...(teamName === undefined ? {} : { team: teamName }) });
    const rows: CsvRow[] = result.reps.flatMap((r) =>
      r.gaps.map((g) => [r.name, r.repEmail, r.team, g.skill, g.cpi, round(g.score), round(g.lower), round(g.upper), g.label]),
    );
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.gaps',
        detail: { from: new Date(period.from).toISOString(), to: new Date(period.to).toISOString(), team: teamName ?? null, rows: rows.length },
      }),
    );
    const day = new Date(now).toISOString().slice(0, 10);
    return csvResponse(c, `gaps-${day}.csv`, GAPS_CSV_HEADER, (async function* () {
      for (let i = 0; i < rows.length; i += 500) yield rows.slice(i, i + 500);
    })());
  });
  return app;
}
