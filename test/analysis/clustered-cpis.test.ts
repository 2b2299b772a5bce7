/**
 * Team and org CPIs with cluster-robust intervals, reps as clusters (docs/statistics.md,
 * "Team and org figures"), on a real database loaded through the JSON API: two teams of three reps with
 * counts worked by hand below. clusteredProportion / clusteredMean appear only as oracles
 * of formulas the hand-worked numbers check first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { addApiKey, api, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { FROM, NOW, SEED_REPS, TO, seedClusteredTeams } from '../helpers/clustered-teams';
import { clusteredProportion, likertMean, wilsonInterval } from '../../src/stats';
import { wilsonAtZ } from '../../src/stats/wilson-interval';
import { computeCpiSeries } from '../../src/domain/trends';

type Json = Record<string, any>;

describe('team and org CPIs cluster by rep', () => {
  let t: TestApp;
  let key: string;
  const groups = async (query: string): Promise<Json[]> => {
    const res = await api(t, key, 'GET', `/cpis?from=${FROM}&to=${TO}&${query}`);
    expect(res.status).toBe(200);
    return res.json.groups;
  };
  const first = async (query: string) => (await groups(query))[0]!;
  const team = async (name: string) => (await groups('groupBy=team')).find((g) => g.key === name)!;
  const alpha = SEED_REPS.filter((r) => r.team === 'Alpha');

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    key = (await addApiKey(t, 'all')).key;
    await seedClusteredTeams(t, key);
  });
  afterAll(async () => t.close());

  it('widens the FCR interval of a team whose reps differ: Wilson at the effective n with t(k−1)', async () => {
    const { fcr } = await team('Alpha');
    // x = 9, 1, 5 of 10: p̂ = 15/30 = 0.5; Σ(xᵢ − p̂nᵢ)² = 16 + 16 + 0 = 32; v_CR = 3/2·32/30² = 0.05333;
    // v_SRS = 0.25/30 = 0.008333; deff = 6.4; n_eff = 30/6.4 = 4.6875; t(2, 0.975) = 4.3027;
    // Wilson at p̂ = 0.5, n = 4.6875, z = 4.3027: 0.0534 to 0.9466.
    expect(fcr).toMatchObject({ n: 30, rate: 0.5 });
    expect(fcr.designEffect).toBeCloseTo(6.4, 10);
    expect(fcr.effectiveN).toBeCloseTo(4.6875, 10);
    expect(fcr.lower).toBeCloseTo(0.0534, 4);
    expect(fcr.upper).toBeCloseTo(0.9466, 4);
    const oracle = clusteredProportion([9, 1, 5], [10, 10, 10], 0.95);
    expect(fcr.lower).toBeCloseTo(oracle.lower, 12);
    expect(fcr.upper).toBeCloseTo(oracle.upper, 12);
    // As if the 30 answers were independent: Wilson(15, 30) = 0.3315 to 0.6685, far narrower.
    const independent = wilsonInterval(15, 30);
    expect(fcr.upper - fcr.lower).toBeGreaterThan(2.5 * (independent.upper - independent.lower));
  });

  it('widens the mean interval of a team whose reps differ: m ± t(k−1)·√v_CR', async () => {
    const { decisionClearer: dc } = await team('Alpha');
    // Sums 38, 32, 35 of 10 each (squares 146, 104, 125): m = 105/30 = 3.5; s² = (375 − 30·3.5²)/29 = 7.5/29;
    // v_CR = 3/2·(3² + 3² + 0²)/30² = 0.03; se = √0.03 = 0.1732 > s/√N = 0.0928;
    // 3.5 ± 4.3027·0.1732 = 2.7548 to 4.2452; deff = 0.03/(7.5/29/30) = 3.48; n_eff = 30/3.48.
    expect(dc.mean).toBeCloseTo(3.5, 12);
    expect(dc.lower).toBeCloseTo(2.7548, 4);
    expect(dc.upper).toBeCloseTo(4.2452, 4);
    expect(dc.designEffect).toBeCloseTo(3.48, 10);
    expect(dc.effectiveN).toBeCloseTo(30 / 3.48, 10);
  });

  it('gives design effect 1 and Wilson’s interval with t(k−1) in place of z when reps do not differ', async () => {
    const { fcr, decisionClearer: dc } = await team('Beta');
    // 6 of 10 each: v_CR = 0, so deff = 1 and n_eff = N = 30; the interval is Wilson(18, 30) with z = t(2, 0.975):
    // 0.2568 to 0.8669 (with z = 1.96 it would be 0.4232 to 0.7541).
    expect(fcr.designEffect).toBe(1);
    expect(fcr.effectiveN).toBe(30);
    expect(fcr.lower).toBeCloseTo(0.2568, 4);
    expect(fcr.upper).toBeCloseTo(0.8669, 4);
    const tWilson = wilsonAtZ(0.6, 30, tQuantile(0.975, 2));
    expect(fcr.lower).toBeCloseTo(tWilson.lower, 12);
    expect(fcr.upper).toBeCloseTo(tWilson.upper, 12);
    // Means: v_CR = 0 < s²/N, so se = s/√N and the interval is the t interval on k − 1 = 2 df: 3.5 ± 4.3027·0.0928.
    expect(dc.designEffect).toBe(1);
    expect(dc.lower).toBeCloseTo(3.1005, 4);
    expect(dc.upper).toBeCloseTo(3.8995, 4);
    expect(dc.upper - dc.mean).toBeCloseTo(tQuantile(0.975, 2) * Math.sqrt(7.5 / 29 / 30), 12);
  });

  it('clusters the org over all its reps, and an org total narrowed to a team is that team', async () => {
    const org = await first('groupBy=org');
    // 6 reps, 33 of 60: p̂ = 0.55; Σ(xᵢ − 5.5)² = 12.25 + 20.25 + 0.25 + 3·0.25 = 33.5; v_CR = 6/5·33.5/60² = 0.011167;
    // v_SRS = 0.55·0.45/60 = 0.004125; deff = 2.7071; n_eff = 22.164; the interval uses t(5).
    expect(org.fcr.designEffect).toBeCloseTo(2.7071, 4);
    expect(org.fcr.effectiveN).toBeCloseTo(22.164, 3);
    const oracle = clusteredProportion(
      SEED_REPS.map((r) => r.fcrYes),
      [10, 10, 10, 10, 10, 10],
      0.95,
    );
    expect([org.fcr.lower, org.fcr.upper]).toEqual([
      expect.closeTo(oracle.lower, 12),
      expect.closeTo(oracle.upper, 12),
    ]);
    const narrowed = await first('groupBy=org&team=Alpha');
    const alphaGroup = await team('Alpha');
    for (const cpi of ['fcr', 'decisionClearer', 'addedValue']) {
      const { shrunk: _a, shrunkSd: _b, ...figures } = alphaGroup[cpi];
      expect(narrowed[cpi], cpi).toMatchObject(figures);
    }
    expect(narrowed.quoteTurnaroundHours).toEqual(alphaGroup.quoteTurnaroundHours);
  });

  it('puts designEffect and effectiveN in every CPI of team and org groups, none in a rep’s', async () => {
    for (const g of [...(await groups('groupBy=team')), ...(await groups('groupBy=org'))]) {
      for (const cpi of ['fcr', 'decisionClearer', 'addedValue', 'quoteTurnaroundHours']) {
        expect(g[cpi], `${g.key} ${cpi}`).toMatchObject({
          designEffect: expect.any(Number),
          effectiveN: expect.any(Number),
        });
      }
      expect(g.contentUseful).toBeNull();
      expect(g).not.toHaveProperty('valueAddedRate');
    }
    const a1 = (await groups('groupBy=rep')).find((g) => g.key === 'a1@clustered.test')!;
    expect(a1.fcr).toMatchObject({ n: 10, ...pick(wilsonInterval(9, 10)) });
    const m = likertMean({ n: 10, sum: 38, sumOfSquares: 146 });
    expect(a1.decisionClearer.lower).toBeCloseTo(m.lower, 12);
    for (const cpi of ['fcr', 'decisionClearer', 'addedValue', 'quoteTurnaroundHours']) {
      expect(a1[cpi]).not.toHaveProperty('designEffect');
      expect(a1[cpi]).not.toHaveProperty('effectiveN');
    }
  });

  it('clusters the share of quotes within the SLA by rep', async () => {
    const { quoteTurnaroundHours: q } = await team('Alpha');
    // Within 48 h: 10, 2, 5 of 10: p̂ = 17/30; Σ(xᵢ − p̂nᵢ)² = 18.78 + 13.44 + 0.44 = 32.67;
    // v_CR = 3/2·32.67/900 = 0.05444; v_SRS = (17/30)(13/30)/30 = 0.008185; deff = 6.652.
    expect(q.withinSla).toBeCloseTo(17 / 30, 12);
    expect(q.designEffect).toBeCloseTo(6.652, 3);
    const oracle = clusteredProportion(
      alpha.map((r) => r.withinSla),
      [10, 10, 10],
      0.95,
    );
    expect([q.withinSlaLower, q.withinSlaUpper]).toEqual([
      expect.closeTo(oracle.lower, 12),
      expect.closeTo(oracle.upper, 12),
    ]);
    expect((await team('Beta')).quoteTurnaroundHours.designEffect).toBe(1);
  });

  it('clusters the monthly points of a team’s and the org’s trend; a rep’s keep Wilson', async () => {
    const query = { fromMonth: 202610, toMonth: 202610, now: Date.parse(NOW), scope: { kind: 'all' } as const };
    const [teamMonth] = await computeCpiSeries(t.db.read, { ...query, team: 'Alpha' });
    const alphaGroup = await team('Alpha');
    expect(teamMonth!.fcr).toMatchObject({
      n: 30,
      rate: 0.5,
      lower: alphaGroup.fcr.lower,
      upper: alphaGroup.fcr.upper,
      designEffect: alphaGroup.fcr.designEffect,
    });
    expect(teamMonth!.decisionClearer).toMatchObject({
      lower: alphaGroup.decisionClearer.lower,
      upper: alphaGroup.decisionClearer.upper,
    });
    const [orgMonth] = await computeCpiSeries(t.db.read, query);
    const org = await first('groupBy=org');
    expect(orgMonth!.fcr).toMatchObject({ lower: org.fcr.lower, upper: org.fcr.upper, effectiveN: org.fcr.effectiveN });
    const repId = Number(
      (await t.db.readClient.execute("SELECT id FROM reps WHERE email = 'a1@clustered.test'")).rows[0]!.id,
    );
    const [repMonth] = await computeCpiSeries(t.db.read, { ...query, repId });
    expect(repMonth!.fcr).toEqual({ n: 10, ...pick(wilsonInterval(9, 10)) });
  });
});

const pick = (w: { estimate: number; lower: number; upper: number }) => ({
  rate: w.estimate,
  lower: w.lower,
  upper: w.upper,
});
