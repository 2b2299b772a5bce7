import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, addApiKey, api, manualClock, type TestApp } from '../helpers/app';
import { rebuildRollups, RUNNING_TOTAL_JOIN, runningTotalBounds } from '../../db/queries/rollups';
import { sql } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { getCpiSumsByRep } from '../../db/queries/cpis';
import { DAY_MS } from '../../src/lib/days';

describe('CPI running totals', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-20T12:00:00Z'));
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'a@acme.test', name: 'A', team: 'T' }]);
  });
  afterAll(async () => t.close());

  const snapshot = async () =>
    [
      ...(await t.db.readClient.execute('SELECT * FROM cpi_cumulative ORDER BY rep_id, interaction_type, day')).rows,
      ...(await t.db.readClient.execute('SELECT * FROM cpi_monthly ORDER BY month, rep_id, interaction_type')).rows,
    ].map((r) => ({ ...r }));

  it('stays equal to a rebuild from the rows through incremental and bulk writes, and sums any period like SQL', async () => {
    const days = [3, 10, 10, 40, 41, 80, 2, 120];
    for (const [i, d] of days.entries()) {
      const occurredAt = new Date(Date.parse('2026-05-01T00:00:00Z') + d * DAY_MS + i * 3_600_000).toISOString();
      await api(t, key, 'POST', '/interactions', {
        externalId: `x${i}`,
        repEmail: 'a@acme.test',
        customer: { email: `c${i}@x.test` },
        type: i % 2 ? 'call' : 'demo',
        occurredAt,
      });
      await api(t, key, 'POST', '/responses/import', [
        {
          interactionExternalId: `x${i}`,
          answeredAt: occurredAt,
          answers: { decision_clearer: 1 + (i % 5), resolved_first_contact: i % 3 ? 'yes' : 'no' },
        },
      ]);
    }
    const incremental = await snapshot();
    await t.db.write((tx) => rebuildRollups(tx));
    expect(await snapshot()).toEqual(incremental);
    for (const [from, to] of [
      ['2026-05-01T00:00:00Z', '2026-12-01T00:00:00Z'],
      ['2026-05-11T00:30:00Z', '2026-06-10T12:00:00Z'],
      ['2026-05-11T03:00:00Z', '2026-05-11T05:00:00Z'],
      ['2026-05-04T00:00:00Z', '2026-05-11T02:00:00Z'],
    ] as const) {
      const period = { from: Date.parse(from), to: Date.parse(to) };
      const sums = await getCpiSumsByRep(t.db.read, period, Date.parse('2026-11-20T12:00:00Z'));
      const raw = await t.db.readClient.execute({
        sql: 'SELECT count(*) n, coalesce(sum(decision_clearer), 0) s FROM responses WHERE occurred_at >= ? AND occurred_at < ?',
        args: [period.from, period.to],
      });
      const got = [...sums.values()][0];
      expect([got?.responses ?? 0, got?.dcSum ?? 0], `${from} → ${to}`).toEqual([
        Number(raw.rows[0]!.n),
        Number(raw.rows[0]!.s),
      ]);
    }
  });

  it('reads a period with two index seeks per rep and type: never a scan of the running totals', async () => {
    // Left to the planner, the join had SQLite scan all of cpi_cumulative (0.7 s at a million responses).
    const query = new SQLiteSyncDialect().sqlToQuery(
      sql`${runningTotalBounds(20_000, 20_090)} SELECT b.rep_id ${RUNNING_TOTAL_JOIN}`,
    );
    const plan = await t.db.readClient.execute({ sql: `EXPLAIN QUERY PLAN ${query.sql}`, args: query.params as never });
    const steps = plan.rows.map((r) => String(r.detail));
    expect(steps.filter((d) => /^SCAN (e|s|c)\b/.test(d))).toEqual([]);
    expect(steps.some((d) => d.startsWith('SEARCH e USING'))).toBe(true);
  });
});
