/**
 * Staff CSV exports of the coaching area, scoped like the pages (trainers: their teams),
 * formula-safe (csvResponse) and audited in their own write before the download starts:
 * GET /exports/responses.csv (the API's response export, from, to, optional team) and
 * GET /exports/coaching-plan.csv (the plan as shown: the staff filters; from the served link analysis).
 * Both are readable (headers and labels in the reader's language); `format=raw` gives the machine columns.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { invalid } from '../../lib/errors';
import { parsePeriod, type Period } from '../../lib/period';
import { csvResponse, type CsvRow } from '../../lib/csv';
import { teamScopeOf, type TeamScope } from '../../domain/access';
import { RESPONSE_COLUMNS, responseExportRows, responsesFilename } from '../../domain/exports';
import { staffViewer } from '../../domain/customer-identity';
import { buildCoachingPlan, sessionCounts } from '../../domain/coaching';
import { staffT } from '../../lib/i18n/staff';
import { serveLinks } from '../../domain/analysis/serve-links';
import { isoDay } from '../../lib/days';
import { recordAudit } from '../../../db/queries/audit';
import { readStaffFilters, rejectFilterErrors } from './staff-filters';
import { chosenForm } from './readable-csv';
import { COACHING_PLAN_RAW_HEADER, coachingPlanExportForm, responsesExportForm } from './readable-exports';

const round = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10_000) / 10_000;

function periodOf(c: Context, now: number): Period {
  const period = parsePeriod(c.req.query('from'), c.req.query('to'), now);
  if ('field' in period) throw invalid([{ path: [period.field], message: period.message }], `Invalid ${period.field}.`);
  return period;
}

async function* once(rows: CsvRow[]): AsyncGenerator<CsvRow[]> {
  yield rows;
}

export function coachingExportRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = requireRole('admin', 'lead', 'trainer');

  app.get('/exports/responses.csv', staff, async (c) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const period = periodOf(c, now);
    // Only the team is read from the staff filters here: `from` and `to` are the API's instants (src/lib/period.ts).
    const filter = await readStaffFilters(c, deps, user, now);
    // A team filter narrows the user's scope; it never widens it (readStaffFilters 404s outside it).
    const scope: TeamScope = filter.team ? { kind: 'teams', teamIds: [filter.team.id] } : teamScopeOf(user);
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.responses',
        detail: {
          from: period.from,
          to: period.to,
          team: filter.team?.name ?? null,
          scope: scope.kind === 'all' ? 'all' : scope.teamIds,
        },
      }),
    );
    const csv = chosenForm(
      c,
      RESPONSE_COLUMNS,
      () => responsesExportForm(staffT(user.locale)),
      responseExportRows(deps.db.read, { period, scope, viewer: staffViewer(user) }),
    );
    return csvResponse(c, responsesFilename(period), csv.header, csv.pages);
  });

  app.get('/exports/coaching-plan.csv', staff, async (c) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    rejectFilterErrors(filters, staffT(user.locale));
    const period = filters.period;
    // A file cannot say "being computed": the first analysis of the period is waited for.
    const served = await serveLinks(deps, period.period, now, 'file');
    const plan = await buildCoachingPlan(
      deps.db.read,
      {
        now,
        period: period.period,
        protectDifferences: filters.protectDifferences,
        scope: filters.scope,
        team: filters.team?.name,
        viewer: staffViewer(user),
      },
      served?.analysis ?? null,
    );
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.coaching-plan',
        detail: { period: period.key, team: filters.team?.name ?? null, reps: plan.reps.length },
      }),
    );
    let rank = 0;
    const rows: CsvRow[] = plan.reps.map((r) => {
      const gap = r.gap;
      const counts = gap
        ? sessionCounts(r.sessions, gap.skill)
        : {
            planned: r.sessions.filter((s) => s.status === 'planned').length,
            done: r.sessions.filter((s) => s.status === 'done').length,
            lastDone: null,
          };
      return [
        gap ? ++rank : null,
        r.email,
        r.name,
        r.team,
        r.status,
        gap?.skill,
        gap?.cpi,
        round(gap?.score),
        round(gap?.lower),
        round(gap?.upper),
        gap?.label,
        gap ? (gap.lowConfidence ? 'yes' : 'no') : null,
        r.n,
        counts.planned,
        counts.done,
        counts.lastDone === null ? null : isoDay(counts.lastDone),
      ];
    });
    if (served) c.header('X-Computed-At', new Date(served.computedAt).toISOString());
    const stamp = `${isoDay(plan.period.from)}_${isoDay(plan.period.to)}`;
    const names = new Map((served?.analysis.skills ?? []).map((s) => [s.slug, s.name]));
    const csv = chosenForm(
      c,
      COACHING_PLAN_RAW_HEADER,
      () => coachingPlanExportForm(staffT(user.locale), (slug) => names.get(slug) ?? slug),
      once(rows),
    );
    return csvResponse(c, `coaching-plan_${stamp}.csv`, csv.header, csv.pages);
  });

  return app;
}
