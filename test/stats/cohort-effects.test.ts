import { describe, expect, it } from 'vitest';
import {
  ancovaEffect,
  benjaminiHochberg,
  mulberry32,
  trainingEffects,
  treatmentStarts,
  type PanelCell,
  type TrainingEffect,
  type TrainingEffectsInput,
  type TrainingEvent,
  withFamilyQ,
} from '../../src/stats/index.js';
import { bootstrapReplicates } from '../../src/stats/cohort-bootstrap.js';
import { designCohort } from '../../src/stats/cohort-design.js';
import { poolCohorts } from '../../src/stats/cohort-estimate.js';
import { preparePanel } from '../../src/stats/cohort-panel.js';
import { planCohorts } from '../../src/stats/cohort-plan.js';
import { repKey, seriesCells } from './helpers/training-panel.js';

const G = 100;
const only = (effects: TrainingEffect[], skill = 'discovery', kind = 'course', cpi = 'addedValue'): TrainingEffect => {
  const found = effects.find((e) => e.skill === skill && e.kind === kind && e.cpi === cpi);
  if (!found) throw new Error(`no effect for ${skill} ${kind} ${cpi}`);
  return found;
};

/**
 * One cohort at month G, 8 treated and 9 controls, no noise: month values before G are
 * arbitrary (seeded), month G is junk (left out), and every month after is exactly
 * 1 + 0.5·B + 0.2·(g−1) − 0.1·E + 0.3·treated + 0.1 (a common shift).
 */
function exactCohort(effect = 0.3, afterShape: (k: number) => number = () => 0): TrainingEffectsInput {
  const random = mulberry32(7);
  const reps = Array.from({ length: 17 }, (_, i) => ({ rep: repKey(i), team: i % 2 ? 'north' : 'south' }));
  const panel: PanelCell[] = [];
  reps.forEach(({ rep }, i) => {
    const treated = i < 8 ? 1 : 0;
    const values = new Map<number, number>();
    for (let m = G - 8; m < G; m++) values.set(m, 3 + 0.1 * i + 0.6 * random());
    const mean = (from: number, to: number): number => {
      let s = 0;
      for (let m = from; m <= to; m++) s += values.get(m)!;
      return s / (to - from + 1);
    };
    const after = 1 + 0.5 * mean(G - 3, G - 1) + 0.2 * values.get(G - 1)! - 0.1 * mean(G - 6, G - 4) + 0.1;
    values.set(G, 99);
    for (let k = 1; k <= 3; k++) values.set(G + k, after + treated * (effect + afterShape(k)));
    panel.push(...seriesCells(rep, 'addedValue', G - 8, G + 3, (m) => values.get(m)!));
  });
  const events: TrainingEvent[] = reps
    .slice(0, 8)
    .map(({ rep }) => ({ rep, skill: 'discovery', kind: 'course', month: G }));
  return { reps, panel, events };
}

describe('trainingEffects: the cohort estimator', () => {
  it('recovers a known effect exactly when there is no noise (B, g−1 and E as covariates; month g ignored)', () => {
    const result = only(trainingEffects(exactCohort(), { fromMonth: G, toMonth: G, replicates: 49 }));
    expect(result.status).toBe('ok');
    expect(result.effect).toBeCloseTo(0.3, 10);
    expect(result.se).toBeLessThan(1e-9);
    expect(result).toMatchObject({ treatedReps: 8, controlReps: 9, cohorts: 1, df: 7 });
    expect(result.cohortEffects[0]?.covariates).toEqual(['before', 'monthBefore', 'earlier']);
    expect(result.eventStudy.map((e) => e.month)).toEqual([1, 2, 3]);
    for (const e of result.eventStudy) expect(e.effect).toBeCloseTo(0.3, 10);
  });

  it('the placebo is lm(B ~ treated + E); the event study follows each month', () => {
    const input = exactCohort(0.3, (k) => 0.1 * (k - 2));
    const result = only(trainingEffects(input, { fromMonth: G, toMonth: G, replicates: 49 }));
    expect(result.effect).toBeCloseTo(0.3, 10);
    expect(result.eventStudy.map((e) => e.effect)).toEqual([
      expect.closeTo(0.2, 10),
      expect.closeTo(0.3, 10),
      expect.closeTo(0.4, 10),
    ]);
    const panel = preparePanel('test', input);
    const [plan] = planCohorts(panel, 'discovery', 'course', { fromMonth: G, toMonth: G });
    const design = designCohort(panel, 'addedValue', plan!, 10);
    const post = Array.from(design.placebo!.posts[0]!);
    const direct = ancovaEffect(
      post,
      Array.from(design.placebo!.treated),
      Array.from(design.placebo!.z, (v) => [v]),
      0.95,
    );
    expect(result.preTrend?.effect).toBeCloseTo(direct.effect, 12);
  });

  it('averages staggered cohorts with weights = treated reps: (3·0.2 + 6·0.5)/9 = 0.4', () => {
    // v = b + c·m (rep level and trend), + 0.3 for everyone from month 11, + the cohort's effect after its month.
    // Every rep has 2 responses in months 9 and 11 (g−1 of both cohorts), so only B and E enter: exact.
    const reps = Array.from({ length: 19 }, (_, i) => ({ rep: repKey(i), team: 'north' }));
    const cohortOf = (i: number): number | null => (i < 3 ? 10 : i < 9 ? 12 : null);
    const effectOf = (g: number | null): number => (g === 10 ? 0.2 : g === 12 ? 0.5 : 0);
    const panel = reps.flatMap(({ rep }, i) => {
      const g = cohortOf(i);
      const [b, c] = [3 + 0.07 * i, 0.02 * ((i * 7) % 5) - 0.04];
      return seriesCells(
        rep,
        'addedValue',
        0,
        20,
        (m) => b + c * m + (m >= 11 ? 0.3 : 0) + (g !== null && m > g ? effectOf(g) : 0),
        (m) => (m === 9 || m === 11 ? 2 : 10),
      );
    });
    const events: TrainingEvent[] = reps.flatMap(({ rep }, i) => {
      const g = cohortOf(i);
      return g === null ? [] : [{ rep, skill: 'discovery', kind: 'course' as const, month: g }];
    });
    const result = only(trainingEffects({ reps, panel, events }, { fromMonth: 0, toMonth: 20, replicates: 49 }));
    expect(result.cohortEffects.map((c) => [c.month, c.treatedReps, c.controlReps])).toEqual([
      [10, 3, 10],
      [12, 6, 10],
    ]);
    expect(result.cohortEffects.map((c) => c.effect)).toEqual([expect.closeTo(0.2, 10), expect.closeTo(0.5, 10)]);
    expect(result.cohortEffects[0]?.covariates).toEqual(['before', 'earlier']);
    expect(result.effect).toBeCloseTo(0.4, 10);
    expect(result.treatedReps).toBe(9);
  });

  it('the period selects completions; a team selects treated reps only', () => {
    const input = exactCohort();
    expect(trainingEffects(input, { fromMonth: G + 1, toMonth: G + 5 })).toEqual([]);
    // Treated reps 0..7 alternate teams: 4 in 'south' → not enough data; controls still from both teams.
    const south = only(trainingEffects(input, { fromMonth: G, toMonth: G, team: 'south', replicates: 19 }));
    expect(south).toMatchObject({ status: 'not-enough-data', treatedReps: 4, controlReps: 9 });
    expect(south.reason).toMatch(/4 usable \(need 8\)/);
  });
});

describe('clean comparisons (cohort-plan)', () => {
  const plan = (events: TrainingEvent[], reps: string[]) => {
    const panel = preparePanel('test', { reps: reps.map((rep) => ({ rep, team: 't' })), panel: [], events });
    const plans = planCohorts(panel, 'discovery', 'course', { fromMonth: 8, toMonth: 20 });
    const names = (list: number[]): string[] => list.map((i) => panel.reps[i]!);
    return plans.map((p) => ({
      month: p.month,
      treated: names(p.treated),
      overlapping: names(p.overlapping),
      controls: names(p.controls),
    }));
  };
  const course = (rep: string, month: number, skill = 'discovery'): TrainingEvent => ({
    rep,
    skill,
    kind: 'course',
    month,
  });
  const coaching = (rep: string, month: number, skill = 'discovery'): TrainingEvent => ({
    rep,
    skill,
    kind: 'coaching',
    month,
  });

  it('a rep trained later is a control until g+3 and not after; any record of the skill and kind rules a rep out', () => {
    const plans = plan(
      [
        course('a', 10),
        course('late', 14),
        course('soon', 13),
        course('before', 2),
        coaching('otherKind', 4),
        course('otherSkill', 5, 'pricing'),
      ],
      ['a', 'late', 'soon', 'before', 'otherKind', 'otherSkill', 'never'],
    );
    expect(plans[0]).toEqual({
      month: 10,
      treated: ['a'],
      overlapping: [],
      controls: ['late', 'otherKind', 'otherSkill', 'never'],
    });
    // For cohort 13 (soon), 'a' has a record before: never a control again; 'late' trained at 14 (inside g−3…g+3) is out.
    expect(plans.find((p) => p.month === 13)?.controls).toEqual(['otherKind', 'otherSkill', 'never']);
  });

  it('other training in g−3…g+3 removes a cohort rep; later completions of the same treatment do not', () => {
    const plans = plan(
      [
        course('same', 10),
        course('same', 12),
        course('kind', 10),
        coaching('kind', 11),
        course('skill', 10),
        course('skill', 7, 'pricing'),
        course('after', 10),
        course('after', 14, 'pricing'),
      ],
      ['same', 'kind', 'skill', 'after'],
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ treated: ['same', 'after'], overlapping: ['kind', 'skill'] });
  });

  it('treatment starts: later completions within six months belong to the first', () => {
    expect(treatmentStarts([17, 3, 5, 9, 10, 16])).toEqual([3, 10, 17]);
    // A treatment that began before the period is not a cohort of the period.
    expect(plan([course('x', 5), course('x', 9)], ['x'])).toEqual([]);
  });

  it('"other trainings overlap" when that is what removed the treated reps', () => {
    const input = exactCohort();
    const overlapped: TrainingEvent[] = [
      ...input.events,
      ...['r00', 'r01', 'r02'].map((rep) => ({ rep, skill: 'pricing', kind: 'coaching' as const, month: G + 2 })),
    ];
    const result = only(trainingEffects({ ...input, events: overlapped }, { fromMonth: G, toMonth: G }));
    expect(result).toMatchObject({ status: 'not-enough-data', treatedReps: 5, overlapExcluded: 3 });
    expect(result.reason).toMatch(/^other trainings overlap: 3 of 8/);
    expect(result.p).toBeNaN();
  });

  it('too few responses and too few comparison reps are said as such', () => {
    const input = exactCohort();
    const thin = input.panel.map((c) => (c.rep === 'r00' && c.month > G ? { ...c, n: 2, sum: 2 * (c.sum / c.n) } : c));
    expect(only(trainingEffects({ ...input, panel: thin }, { fromMonth: G, toMonth: G })).reason).toMatch(
      /^too few responses: 1 of 8/,
    );
    const fewControls = {
      ...input,
      events: [
        ...input.events,
        ...['r08', 'r09'].map((rep) => ({ rep, skill: 'pricing', kind: 'course' as const, month: G })),
      ],
    };
    const result = only(trainingEffects(fewControls, { fromMonth: G, toMonth: G }));
    expect(result.reason).toMatch(/^too few comparison reps .*: 7 \(need 8\)/);
  });
});

describe('the fast bootstrap refits what ancovaEffect fits', () => {
  // A random source that draws pool index k at the k-th call: every rep once, the full data.
  const identity = (size: number): (() => number) => {
    let call = 0;
    return () => ((call++ % size) + 0.5) / size;
  };

  it('a resample drawing every rep once reproduces the point estimates, missing months included', () => {
    const input = exactCohort();
    const random = mulberry32(3);
    const noisy = input.panel.map((c) => ({ ...c, sum: c.sum + c.n * 0.3 * (random() - 0.5) }));
    const dropped = noisy.filter(
      (c) => !(c.rep === 'r03' && c.month === G + 2) && !(c.rep === 'r12' && c.month === G + 2),
    );
    const panel = preparePanel('test', { ...input, panel: dropped });
    const [plan] = planCohorts(panel, 'discovery', 'course', { fromMonth: G, toMonth: G });
    const design = designCohort(panel, 'addedValue', plan!, 10);
    const points = [0, 1, 2, 3].map((p) => poolCohorts([design.main], p, 0.95));
    const placebo = poolCohorts([design.placebo], 0, 0.95);
    expect(points[2]?.treatedReps).toBe(7);
    const blocks = [
      { block: design.main, entered: [true, true, true, true], estimand: [0, 1, 2, 3] },
      { block: design.placebo!, entered: [true], estimand: [4] },
    ];
    const draws = bootstrapReplicates(blocks, 5, 1, identity(design.main.rep.length));
    [...points, placebo].forEach((point, e) => expect(draws[e]![0], `estimand ${e}`).toBeCloseTo(point.effect, 10));
  });
});

describe('one BH family per call', () => {
  it('q = BH over the ok effects of the call; claimed only at q ≤ .05', () => {
    const input = exactCohort();
    const random = mulberry32(11);
    const panel = input.panel.flatMap((c) => [
      { ...c, sum: c.sum + c.n * 0.4 * (random() - 0.5) },
      { ...c, cpi: 'contentUseful' as const, sum: c.n * (3.5 + random()) },
    ]);
    const effects = trainingEffects({ ...input, panel }, { fromMonth: G, toMonth: G, replicates: 199 });
    expect(effects.map((e) => e.cpi)).toEqual(['contentUseful', 'addedValue']);
    const q = benjaminiHochberg(effects.map((e) => e.p));
    effects.forEach((e, i) => {
      expect(e.q).toBe(q[i]);
      expect(e.claimed).toBe(e.q <= 0.05);
    });
  });

  it('a request split by CPI (or skill) and joined with withFamilyQ gives the same family', () => {
    const input = exactCohort();
    const random = mulberry32(12);
    const panel = input.panel.flatMap((c) => [
      { ...c, sum: c.sum + c.n * 0.4 * (random() - 0.5) },
      { ...c, cpi: 'fcr' as const, sum: c.n * random() },
    ]);
    const options = { fromMonth: G, toMonth: G, replicates: 99 };
    const joint = trainingEffects({ ...input, panel }, options);
    const split = withFamilyQ([
      ...trainingEffects({ ...input, panel }, { ...options, cpis: ['fcr'] }),
      ...trainingEffects({ ...input, panel }, { ...options, cpis: ['addedValue'] }),
    ]);
    expect(split).toEqual(joint);
  });
});

describe('pre-trend placebo', () => {
  it('flags trends that differed before training', () => {
    // Treated reps rose by 0.5 from E to B while controls stayed: the placebo effect is ≈ 0.5 and excludes 0.
    const random = mulberry32(5);
    const reps = Array.from({ length: 20 }, (_, i) => ({ rep: repKey(i), team: 't' }));
    const panel = reps.flatMap(({ rep }, i) => {
      const level = 3 + 0.3 * random();
      const noise = new Map(Array.from({ length: 16 }, (_, m) => [G - 8 + m, 0.1 * (random() - 0.5)]));
      return seriesCells(
        rep,
        'addedValue',
        G - 8,
        G + 3,
        (m) => level + noise.get(m)! + (i < 10 && m >= G - 3 ? 0.5 : 0),
      );
    });
    const events: TrainingEvent[] = reps
      .slice(0, 10)
      .map(({ rep }) => ({ rep, skill: 'discovery', kind: 'course', month: G }));
    const result = only(trainingEffects({ reps, panel, events }, { fromMonth: G, toMonth: G, replicates: 199 }));
    expect(result.preTrend?.effect).toBeCloseTo(0.5, 1);
    expect(result.preTrend?.ok).toBe(false);
  });

  it('is null when E is missing for most reps', () => {
    const input = exactCohort();
    const late = input.panel.filter((c) => c.month >= G - 3 || Number(c.rep.slice(1)) < 5);
    const result = only(trainingEffects({ ...input, panel: late }, { fromMonth: G, toMonth: G, replicates: 19 }));
    expect(result.status).toBe('ok');
    expect(result.preTrend).toBeNull();
  });
});
