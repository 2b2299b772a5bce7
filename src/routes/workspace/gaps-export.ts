/**
 * GET /exports/gaps.csv[?format=raw] — every rep × skill gap of the period's served link analysis (and
 * team), only reps inside the reader's scope, each with the joint model's link behind the
 * gap's CPI; formula-safe CSV (src/lib/csv.ts); the export is audited first, in its own
 * write. A file cannot show "being computed": the first analysis of a period is waited for.
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import { staffT } from '../../lib/i18n/staff';
import { serveLinks } from '../../domain/analysis/serve-links';
import { currentReps } from '../../domain/analysis/rep-view';
import { getRepDirectory } from '../../../db/queries/cpis';
import { isoDay } from '../../lib/days';
import { csvResponse, type CsvRow } from '../../lib/csv';
import { recordAudit } from '../../../db/queries/audit';
import { readStaffFilters, rejectFilterErrors } from './staff-filters';
import { chosenForm } from './readable-csv';
import { GAPS_RAW_HEADER, gapsExportForm } from './readable-exports';

const round = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10_000) / 10_000;

export function gapsExportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/exports/gaps.csv', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now);
    // A file is not a page that can show what was wrong: refuse instead of exporting something else.
    rejectFilterErrors(filters, t);
    const teamName = filters.team?.name;
    const { period } = filters.period;
    const [served, directory] = await Promise.all([
      serveLinks(deps, period, now, 'file'),
      getRepDirectory(deps.db.read),
    ]);
    if (!served) throw new Error('the link analysis did not answer');
    const { analysis } = served;
    const rows: CsvRow[] = currentReps(analysis, directory, teamScopeOf(user), teamName).flatMap((r) =>
      r.gaps.map((g) => {
        const link = g.cpi === null ? undefined : analysis.links.find((l) => l.skill === g.skill && l.cpi === g.cpi);
        return [
          r.name,
          r.email,
          r.team,
          g.skill,
          g.cpi,
          round(g.score),
          round(g.lower),
          round(g.upper),
          g.label,
          g.score === null ? null : g.lowConfidence ? 'yes' : 'no',
          link?.tier,
          round(link?.estimate),
          round(link?.se),
          round(link?.lower),
          round(link?.upper),
          round(link?.q),
          round(link?.mde),
        ];
      }),
    );
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.gaps',
        detail: {
          from: new Date(period.from).toISOString(),
          to: new Date(period.to).toISOString(),
          team: teamName ?? null,
          rows: rows.length,
        },
      }),
    );
    c.header('X-Computed-At', new Date(served.computedAt).toISOString());
    const day = isoDay(now);
    const names = new Map(analysis.skills.map((s) => [s.slug, s.name]));
    const csv = chosenForm(
      c,
      GAPS_RAW_HEADER,
      () =>
        gapsExportForm(
          t,
          (slug) => names.get(slug) ?? slug,
          (skill, cpi) => analysis.links.find((l) => l.skill === skill && l.cpi === cpi)?.separableFrom,
        ),
      (async function* () {
        for (let i = 0; i < rows.length; i += 500) yield rows.slice(i, i + 500);
      })(),
    );
    return csvResponse(c, `gaps-${day}.csv`, csv.header, csv.pages);
  });
  return app;
}
