/**
 * GET /api/v1/training-effects (issue 15) on a constructed organisation: 32 reps, a course in
 * value messaging completed by 16 of them in staggered months (June–August), which raises
 * their added value by one point from the month after; everyone's added value rises half a
 * point in September (a company-wide change). The cohort estimator must find about +1, in the
 * contract's shape, and nothing for a skill nobody took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { mulberry32 } from '../../src/stats/prng';

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'];

describe('GET /api/v1/training-effects', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-25T12:00:00Z'));
    key = (await addApiKey(t, 'all')).key;
    const random = mulberry32(5);
    const reps = Array.from({ length: 32 }, (_, i) => ({ email: `rep${i}@acme.test`, name: `Rep ${i}`, team: i % 2 ? 'Alpha' : 'Beta' }));
    await api(t, key, 'POST', '/reps', reps);
    // Reps 0–15 take the course in June, July or August (staggered); the rest never do.
    const courseMonth = (i: number) => (i < 16 ? 5 + (i % 3) : null); // index into MONTHS
    const records = reps.flatMap((rep, i) => (courseMonth(i) === null ? [] : [{ repEmail: rep.email, skill: 'value-messaging', kind: 'course', completedAt: `${MONTHS[courseMonth(i)!]}-15T10:00:00Z` }]));
    expect((await api(t, key, 'POST', '/training-records', records)).status).toBe(201);
    for (const [i, rep] of reps.entries()) {
      const level = 2.8 + random() * 0.4;
      const items: { externalId: string; occurredAt: string; value: number }[] = [];
      MONTHS.forEach((month, m) => {
        for (let k = 0; k < 12; k++) {
          const trained = courseMonth(i) !== null && m > courseMonth(i)!;
          const mean = level + (trained ? 1 : 0) + (m >= 8 ? 0.5 : 0);
          const value = Math.max(1, Math.min(5, Math.round(mean + (random() - 0.5) * 1.6)));
          items.push({ externalId: `x-${i}-${m}-${k}`, occurredAt: `${month}-${String(2 + k * 2).padStart(2, '0')}T10:00:00Z`, value });
        }
      });
      const interactions = items.map((x) => ({ externalId: x.externalId, repEmail: rep.email, customer: { email: `${x.externalId}@c.test` }, type: 'call', occurredAt: x.occurredAt }));
      expect((await api(t, key, 'POST', '/interactions', interactions)).status).toBe(201);
      const answers = items.map((x) => ({ interactionExternalId: x.externalId, answeredAt: x.occurredAt, answers: { added_value: x.value } }));
      expect((await api(t, key, 'POST', '/responses/import', answers)).status).toBe(201);
    }
  }, 180_000);
  afterAll(async () => t.close());

  it('finds the course effect on added value, in the contract shape', async () => {
    const res = await api(t, key, 'GET', '/training-effects?from=2026-06-01T00:00:00Z&to=2026-09-01T00:00:00Z&skill=value-messaging&kind=course');
    expect(res.status).toBe(200);
    const added = res.json.effects.find((e: { cpi: string }) => e.cpi === 'addedValue');
    expect(added).toMatchObject({ skill: 'value-messaging', kind: 'course', status: 'ok', treatedReps: 16, cohorts: 3 });
    expect(Object.keys(added)).toEqual(expect.arrayContaining(['effect', 'lower', 'upper', 'p', 'q', 'treatedReps', 'controlReps', 'cohorts', 'preTrend', 'eventStudy']));
    expect(added.effect).toBeGreaterThan(0.7);
    expect(added.effect).toBeLessThan(1.3);
    expect(added.lower).toBeGreaterThan(0);
    expect(added.q).toBeLessThanOrEqual(0.05);
    expect(added.controlReps).toBeGreaterThanOrEqual(8);
    expect(added.eventStudy.map((m: { month: number }) => m.month)).toEqual([1, 2, 3]);
    expect(added.preTrend === null || typeof added.preTrend.ok === 'boolean').toBe(true);
  });

  it('says "not enough data", with the reason, where too few reps trained', async () => {
    // June's cohort alone: 6 reps (fewer than 8 treated).
    const res = await api(t, key, 'GET', '/training-effects?from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z&kind=course');
    expect(res.status).toBe(200);
    expect(res.json.effects.length).toBeGreaterThan(0);
    for (const e of res.json.effects) {
      expect(e.status).toBe('not-enough-data');
      expect(typeof e.reason).toBe('string');
    }
    expect((await api(t, key, 'GET', '/training-effects?kind=lecture')).status).toBe(422);
  });
});
