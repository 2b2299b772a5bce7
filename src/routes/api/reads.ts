/** Reads for BI tools and dashboards (scope `read`): docs/api.md, "Reads". */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireScope } from '../../middleware/api-key';
import { invalid } from '../../lib/errors';
import { parsePeriod, type Period } from '../../lib/period';
import { INTERACTION_TYPES, type InteractionType } from '../../../db/schema';
import { computeCpis, type GroupBy } from '../../domain/cpis';
import { serveAnalysis } from '../../domain/analysis/cache';
import { gapsForApi } from '../../domain/analysis/gaps-view';
import { effectForApi } from '../../domain/analysis/training-view';
import { monthKey } from '../../lib/periods';
import { RESPONSE_COLUMNS, responseExportRows, responsesFilename } from '../../domain/exports';
import { csvResponse } from '../../lib/csv';
import { recordAudit } from '../../../db/queries/audit';
import { DAY_MS } from '../../lib/days';

function periodFrom(c: Context, now: number, defaultTo?: number): Period {
  const to = c.req.query('to') ?? (defaultTo === undefined ? undefined : new Date(defaultTo).toISOString());
  const period = parsePeriod(c.req.query('from'), to, now);
  if ('field' in period) throw invalid([{ path: [period.field], message: period.message }], `Invalid ${period.field}.`);
  return period;
}

function typesFrom(c: Context): InteractionType[] | undefined {
  const raw = c.req.query('type');
  if (!raw) return undefined;
  const types = raw.split(',').map((t) => t.trim());
  const bad = types.filter((t) => !(INTERACTION_TYPES as readonly string[]).includes(t));
  if (bad.length) throw invalid([{ path: ['type'], message: `unknown interaction type(s): ${bad.join(', ')}` }]);
  return types as InteractionType[];
}

const endOfUtcDay = (ms: number) => (Math.floor(ms / DAY_MS) + 1) * DAY_MS;

export function readRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const read = requireScope('read');
  const all = { kind: 'all' } as const;

  app.get('/cpis', read, async (c) => {
    const groupBy = (c.req.query('groupBy') ?? 'rep') as GroupBy;
    if (!['rep', 'team', 'org'].includes(groupBy))
      throw invalid([{ path: ['groupBy'], message: 'must be rep, team or org' }]);
    const now = deps.clock.nowMs();
    const result = await computeCpis(deps.db.read, {
      period: periodFrom(c, now),
      groupBy,
      now,
      types: typesFrom(c),
      team: c.req.query('team') || undefined,
      scope: all,
    });
    // A suppressed group carries its key, n and the flag only (docs/api.md, "GET /api/v1/cpis": no figures). Team and
    // org CPIs carry designEffect and effectiveN (their intervals are cluster-robust); reps' do not.
    return c.json({
      groups: result.groups.map(({ name: _name, team: _team, valueAddedRate: _shown, ...g }) =>
        g.suppressed ? { key: g.key, n: g.n, suppressed: true } : g,
      ),
    });
  });

  app.get('/gaps', read, async (c) => {
    const now = deps.clock.nowMs();
    // Without `to` the period ends at the end of today (UTC), not at this millisecond: the
    // analysis is stored per period, and a bound that moved every request was never served
    // from the store (measured: each default request recomputed, 8 s at 100,000 responses).
    const period = c.req.query('to') ? periodFrom(c, now) : periodFrom(c, now, endOfUtcDay(now));
    const served = await serveAnalysis(deps, 'links', { from: period.from, to: period.to }, 'wait');
    if (served.status !== 'ready') throw new Error('the analysis did not answer');
    c.header('X-Computed-At', new Date(served.computedAt).toISOString());
    return c.json({
      ...gapsForApi(served.result, all, c.req.query('team') || undefined),
      computedAt: new Date(served.computedAt).toISOString(),
      dataVersion: served.dataVersion,
    });
  });

  app.get('/training-effects', read, async (c) => {
    const now = deps.clock.nowMs();
    const raw = c.req.query('kind') || undefined;
    if (raw !== undefined && raw !== 'course' && raw !== 'coaching')
      throw invalid([{ path: ['kind'], message: 'must be course or coaching' }]);
    const kind: 'course' | 'coaching' | undefined = raw;
    // The period selects completions: the calendar months it touches.
    const period = periodFrom(c, now);
    const params = {
      fromMonth: monthKey(period.from),
      toMonth: monthKey(period.to - 1),
      skill: c.req.query('skill') || undefined,
      kind,
      team: c.req.query('team') || undefined,
    };
    const served = await serveAnalysis(deps, 'training-effects', params, 'wait');
    if (served.status !== 'ready') throw new Error('the analysis did not answer');
    return c.json({
      effects: served.result.effects.map(effectForApi),
      computedAt: new Date(served.computedAt).toISOString(),
      dataVersion: served.dataVersion,
    });
  });

  app.get('/responses.csv', read, async (c) => {
    const now = deps.clock.nowMs();
    const period = periodFrom(c, now);
    const key = c.get('apiKey');
    await deps.db.write((tx) =>
      recordAudit(tx, now, { actor: `apikey:${key.name}`, action: 'export.responses', detail: period }),
    );
    return csvResponse(
      c,
      responsesFilename(period),
      RESPONSE_COLUMNS,
      responseExportRows(deps.db.read, { period, scope: all, viewer: { kind: 'integration' } }),
    );
  });

  return app;
}
