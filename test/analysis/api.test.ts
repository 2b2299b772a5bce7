import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, addApiKey, api, manualClock, type TestApp } from '../helpers/app';
import { wilsonInterval, likertMean } from '../../src/stats';
import { mulberry32 } from '../../src/stats/prng';
import { DAY_MS } from '../../src/lib/days';

const NOW = '2026-11-20T12:00:00Z';

/** 12 reps in 2 teams with history: rep i answers FCR yes with probability rising in i. */
async function seed(t: TestApp, key: string) {
  const reps = Array.from({ length: 12 }, (_, i) => ({
    email: `rep${i}@acme.test`,
    name: `Rep ${i}`,
    team: i < 6 ? 'Alpha' : 'Beta',
  }));
  reps.push({ email: 'tiny@acme.test', name: 'Tiny', team: 'Alpha' });
  expect((await api(t, key, 'POST', '/reps', reps)).status).toBe(200);
  const random = mulberry32(7);
  const interactions: unknown[] = [];
  const responses: unknown[] = [];
  let n = 0;
  const start = Date.parse('2026-05-01T00:00:00Z');
  for (const [i, rep] of reps.entries()) {
    const count = rep.email === 'tiny@acme.test' ? 4 : 40;
    for (let k = 0; k < count; k++) {
      const externalId = `h-${n++}`;
      const occurredAt = new Date(start + Math.floor(random() * 180) * DAY_MS + 3_600_000).toISOString();
      interactions.push({
        externalId,
        repEmail: rep.email,
        customer: { email: `c${n}@x.test` },
        type: k % 5 === 0 ? 'quote' : 'call',
        occurredAt,
        quoteRequestedAt: k % 5 === 0 ? occurredAt : null,
        quoteDeliveredAt: k % 5 === 0 ? new Date(Date.parse(occurredAt) + (5 + i * 4) * 3_600_000).toISOString() : null,
        contentIds: k % 2 ? ['deck'] : [],
      });
      responses.push({
        interactionExternalId: externalId,
        answeredAt: occurredAt,
        answers: {
          resolved_first_contact: random() < 0.3 + i * 0.05 ? 'yes' : 'no',
          content_useful: k % 2 ? 1 + Math.floor(random() * 5) : null,
          decision_clearer: 1 + Math.floor(random() * 5),
          added_value: k % 7 === 0 ? null : 2 + Math.floor(random() * 4),
        },
      });
    }
  }
  for (let i = 0; i < interactions.length; i += 1000)
    expect((await api(t, key, 'POST', '/interactions', interactions.slice(i, i + 1000))).status).toBe(201);
  for (let i = 0; i < responses.length; i += 1000)
    expect((await api(t, key, 'POST', '/responses/import', responses.slice(i, i + 1000))).status).toBe(201);
}

describe('analysis API', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    key = (await addApiKey(t, 'all')).key;
    await seed(t, key);
  });
  afterAll(async () => t.close());

  it('shows a rep with 4 responses as suppressed, with no figures', async () => {
    const res = await api(t, key, 'GET', '/cpis?groupBy=rep&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(res.status).toBe(200);
    const tiny = res.json.groups.find((g: { key: string }) => g.key === 'tiny@acme.test');
    expect(tiny).toEqual({ key: 'tiny@acme.test', n: 4, suppressed: true });
  });

  it('computes each CPI from the raw answers, with Wilson and t intervals, and the same figures via rollups or raw edges', async () => {
    const whole = await api(t, key, 'GET', '/cpis?groupBy=rep&from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    const rows = await t.db.readClient.execute(`
      SELECT count(*) n, sum(resolved_first_contact) yes, count(resolved_first_contact) fn, count(decision_clearer) dn, sum(decision_clearer) ds, sum(decision_clearer*decision_clearer) dq,
        sum(added_value >= 4) va FROM responses r JOIN reps p ON p.id = r.rep_id WHERE p.email = 'rep3@acme.test'`);
    const raw = rows.rows[0]!;
    const g = whole.json.groups.find((x: { key: string }) => x.key === 'rep3@acme.test');
    expect(g.n).toBe(Number(raw.n));
    const w = wilsonInterval(Number(raw.yes), Number(raw.fn));
    expect(g.fcr).toMatchObject({ n: Number(raw.fn), rate: w.estimate, lower: w.lower, upper: w.upper });
    expect(g.fcr.shrunk).toBeGreaterThan(0);
    const m = likertMean({ n: Number(raw.dn), sum: Number(raw.ds), sumOfSquares: Number(raw.dq) });
    expect(g.decisionClearer.mean).toBeCloseTo(m.mean, 12);
    expect(g.decisionClearer.lower).toBeCloseTo(m.lower, 12);
    expect(g.valueAddedCount).toBe(Number(raw.va));
    expect(g.quoteTurnaroundHours).toMatchObject({ n: 8, median: 17, p90: 17 });
    expect(g.quoteTurnaroundHours.withinSla).toBe(1);
    // A custom period not aligned on months reads its edges from raw rows: same totals as SQL over the same range.
    const from = '2026-05-17T06:00:00Z';
    const to = '2026-09-09T18:00:00Z';
    const custom = await api(t, key, 'GET', `/cpis?groupBy=team&from=${from}&to=${to}`);
    const sqlTotals = await t.db.readClient.execute({
      sql: `SELECT t.name team, count(*) n, sum(r.decision_clearer) ds FROM responses r JOIN reps p ON p.id = r.rep_id JOIN teams t ON t.id = p.team_id
            WHERE r.occurred_at >= ? AND r.occurred_at < ? GROUP BY t.name ORDER BY t.name`,
      args: [Date.parse(from), Date.parse(to)],
    });
    expect(
      custom.json.groups.map((x: { key: string; n: number; decisionClearer: { n: number; mean: number } }) => [
        x.key,
        x.n,
        Math.round(x.decisionClearer.mean * x.decisionClearer.n),
      ]),
    ).toEqual(sqlTotals.rows.map((r) => [r.team, Number(r.n), Number(r.ds)]));
  });

  it('refuses bad periods and groupings with 422 naming the field', async () => {
    const bad = await api(t, key, 'GET', '/cpis?from=yesterday');
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0].path).toEqual(['from']);
    expect((await api(t, key, 'GET', '/cpis?groupBy=planet')).json.error.issues[0].path).toEqual(['groupBy']);
    expect((await api(t, key, 'GET', '/cpis?from=2026-06-01T00:00:00Z&to=2026-05-01T00:00:00Z')).status).toBe(422);
  });

  it('answers /gaps and /training-effects in the contract shape, deterministically', async () => {
    const a = await api(t, key, 'GET', '/gaps?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(a.status).toBe(200);
    expect(a.json).toMatchObject({ links: expect.any(Array), reps: expect.any(Array) });
    expect(a.json.reps).toHaveLength(12);
    const b = await api(t, key, 'GET', '/gaps?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(b.json).toEqual(a.json);
    const effects = await api(t, key, 'GET', '/training-effects');
    expect(effects.status).toBe(200);
    expect(effects.json.effects).toEqual([]);
  });

  it('exports responses as formula-safe CSV', async () => {
    await api(t, key, 'POST', '/interactions', {
      externalId: 'evil-1',
      repEmail: 'rep1@acme.test',
      customer: { email: 'e@x.test' },
      type: 'call',
      occurredAt: '2026-06-01T10:00:00Z',
    });
    await api(t, key, 'POST', '/responses/import', [
      {
        interactionExternalId: 'evil-1',
        answeredAt: '2026-06-01T11:00:00Z',
        answers: { comment: '=HYPERLINK("http://evil.test","x")', resolved_first_contact: 'yes' },
      },
    ]);
    const res = await t.request('/api/v1/responses.csv?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z', {
      headers: { Authorization: `Bearer ${key}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const text = await res.text();
    const [header, ...lines] = text.trim().split('\r\n');
    expect(header).toBe(
      'interactionExternalId,repEmail,repName,team,type,occurredAt,answeredAt,resolved_first_contact,content_useful,decision_clearer,added_value,comment,contactConsent,source',
    );
    expect(lines.length).toBe(12 * 40 + 4 + 1);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
  });
});
