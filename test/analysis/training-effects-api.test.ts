/**
 * GET /api/v1/training-effects (issue 15) on a constructed organisation: 32 reps, a course in
 * value messaging completed by 16 of them in staggered months (June–August), which raises
 * their added value by one point from the month after; everyone's added value rises half a
 * point in September (a company-wide change). The cohort estimator must find about +1, in the
 * contract's shape, and nothing for a skill nobody took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { loadTrainingOrg } from '../helpers/training-org';

describe('GET /api/v1/training-effects', () => {
  let t: TestApp;
  let key: string;

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-25T12:00:00Z'));
    key = (await addApiKey(t, 'all')).key;
    await loadTrainingOrg(t, key);
  }, 180_000);
  afterAll(async () => t.close());

  it('finds the course effect on added value, in the contract shape', async () => {
    const res = await api(
      t,
      key,
      'GET',
      '/training-effects?from=2026-06-01T00:00:00Z&to=2026-09-01T00:00:00Z&skill=value-messaging&kind=course',
    );
    expect(res.status).toBe(200);
    const added = res.json.effects.find((e: { cpi: string }) => e.cpi === 'addedValue');
    expect(added).toMatchObject({
      skill: 'value-messaging',
      kind: 'course',
      status: 'ok',
      treatedReps: 16,
      cohorts: 3,
    });
    expect(Object.keys(added)).toEqual(
      expect.arrayContaining([
        'effect',
        'lower',
        'upper',
        'p',
        'q',
        'treatedReps',
        'controlReps',
        'cohorts',
        'preTrend',
        'eventStudy',
      ]),
    );
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
    const res = await api(
      t,
      key,
      'GET',
      '/training-effects?from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z&kind=course',
    );
    expect(res.status).toBe(200);
    expect(res.json.effects.length).toBeGreaterThan(0);
    for (const e of res.json.effects) {
      expect(e.status).toBe('not-enough-data');
      expect(typeof e.reason).toBe('string');
    }
    expect((await api(t, key, 'GET', '/training-effects?kind=lecture')).status).toBe(422);
  });
});
