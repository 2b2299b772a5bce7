import { describe, expect, it } from 'vitest';
import {
  CPI_KEYS,
  expectedShortfall,
  gapTerm,
  jointGapLabel,
  jointLinkWeight,
  mulberry32,
  scoreGapsJoint,
  skillDeficit,
  type CpiKey,
  type JointGapRep,
  type RepCpiEstimate,
} from '../../src/stats/index.js';
import { simulateOrg, stageOne } from './helpers/simulated-org.js';
import { sampleSpread } from '../../src/stats/spread.js';

/** A simulated org as gap input; each rep's posterior is its stage-1 estimate and SE (unshrunk, for the test). */
interface GapInput {
  reps: JointGapRep[];
  estimates: Partial<Record<CpiKey, readonly RepCpiEstimate[]>>;
}

function gapInput(seed: number, tweak?: (input: GapInput) => void): GapInput {
  const org = simulateOrg(mulberry32(seed), 'correlated-skills');
  const { estimates } = stageOne(org);
  const input: GapInput = { reps: [], estimates: { ...estimates } };
  tweak?.(input);
  input.reps = org.reps.map((rep) => ({
    ...rep,
    cpis: Object.fromEntries(
      CPI_KEYS.map((cpi) => {
        const own = input.estimates[cpi]?.find((e) => e.rep === rep.rep);
        return [cpi, own ? { estimate: own.estimate, sd: Math.sqrt(own.variance) } : null];
      }),
    ),
  }));
  return input;
}

const sd = (values: number[]): number => {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1));
};

describe('joint gap building blocks', () => {
  it('β̃ = max(0, β − 1.28·SE) for findings and exploratory links only; −β where lower is better', () => {
    expect(jointLinkWeight(0.05, 0.01, 'finding', false)).toBeCloseTo(0.0372, 12);
    expect(jointLinkWeight(0.05, 0.01, 'exploratory', false)).toBeCloseTo(0.0372, 12);
    expect(jointLinkWeight(-0.3, 0.1, 'finding', true)).toBeCloseTo(0.172, 12);
    for (const tier of ['no-evidence', 'not-separable', 'insufficient'] as const)
      expect(jointLinkWeight(0.05, 0.01, tier, false)).toBe(0);
    expect(jointLinkWeight(0.01, 0.01, 'finding', false)).toBe(0);
  });

  it('labels: trained-not-transferred only where P(below target) ≥ .5 on the gap’s CPI; coached labels by CPI', () => {
    const course = { hasCourse: true, hasCoaching: false };
    expect(jointGapLabel(undefined, 'fcr', 0.9)).toBe('untrained');
    expect(jointGapLabel(course, 'fcr', 0.5)).toBe('trained-not-transferred');
    expect(jointGapLabel(course, 'fcr', 0.49)).toBeNull();
    const coached = { hasCourse: true, hasCoaching: true, coaching: { fcr: 'coached-improving' as const } };
    expect(jointGapLabel(coached, 'fcr', 0.9)).toBe('coached-improving');
    expect(jointGapLabel(coached, 'quoteTurnaround', 0.9)).toBe('coached-too-early-to-tell');
  });
});

describe('scoreGapsJoint', () => {
  const input = gapInput(31);
  const result = scoreGapsJoint(input, { seed: 3, replicates: 200 });

  it('β̃ from the joint model: product knowledge → FCR gated in, the bystanders not', () => {
    const link = result.analysis.links.find((l) => l.skill === 'productKnowledge' && l.cpi === 'fcr')!;
    expect(link.tier).toBe('finding');
    const weight = (skill: string, cpi = 'fcr'): number =>
      result.linkWeights.find((w) => w.skill === skill && w.cpi === cpi)!.betaTilde;
    expect(weight('productKnowledge')).toBeCloseTo(link.estimate - 1.28 * link.se, 12);
    for (const other of result.linkWeights) {
      const tier = result.analysis.links.find((l) => l.skill === other.skill && l.cpi === other.cpi)!.tier;
      if (tier !== 'finding' && tier !== 'exploratory') expect(other.betaTilde).toBe(0);
    }
  });

  it('each gap is Σ w·min(β̃·d, ES)/SD_c from the rep’s own values (hand-assembled)', () => {
    const skill = 'productKnowledge';
    const scores = input.reps.map((r) => r.skills[skill]!);
    let positive = 0;
    input.reps.forEach((rep, i) => {
      const gap = result.reps[i]!.gaps.find((g) => g.skill === skill)!;
      const terms = CPI_KEYS.map((cpi) => {
        const values = input.reps.map((r) => r.cpis[cpi]!.estimate);
        const target = values.reduce((s, v) => s + v, 0) / values.length;
        expect(result.targets[cpi]).toBeCloseTo(target, 12);
        const own = rep.cpis[cpi]!;
        const es = expectedShortfall(own.estimate, own.sd, target, cpi === 'quoteTurnaround').expectedShortfall;
        const betaTilde = result.linkWeights.find((w) => w.skill === skill && w.cpi === cpi)!.betaTilde;
        return gapTerm(betaTilde, skillDeficit(scores[i]!, 80, sd(scores)), es, sd(values), 1);
      });
      const expected = terms.reduce((s, t) => s + t, 0);
      expect(gap.score).toBeCloseTo(expected, 12);
      if (expected > 0) {
        positive++;
        expect(gap.cpi).toBe(CPI_KEYS[terms.indexOf(Math.max(...terms))]);
        expect(gap.lower! <= gap.upper!).toBe(true);
        expect(gap.lower).toBeGreaterThanOrEqual(0);
      }
      if (scores[i]! >= 80) expect(gap).toMatchObject({ score: 0, lower: 0, upper: 0, lowConfidence: true });
    });
    expect(positive).toBeGreaterThan(5);
  });

  it('seeded: the same seed gives the same intervals, another seed others', () => {
    const again = scoreGapsJoint(input, { seed: 3, replicates: 200, analysis: result.analysis });
    expect(again.reps).toEqual(result.reps);
    const other = scoreGapsJoint(input, { seed: 4, replicates: 200, analysis: result.analysis });
    expect(other.reps.map((r) => r.gaps.map((g) => g.upper))).not.toEqual(
      result.reps.map((r) => r.gaps.map((g) => g.upper)),
    );
  });

  it('quote turnaround on the log scale: a negative β is a positive weight, slower reps have the gap', () => {
    const planted = gapInput(31, (tweaked) => {
      const scores = new Map(
        simulateOrg(mulberry32(31), 'correlated-skills').reps.map((r) => [r.rep, r.skills.negotiation!]),
      );
      tweaked.estimates.quoteTurnaround = tweaked.estimates.quoteTurnaround!.map((e) => ({
        ...e,
        estimate: e.estimate - 0.25 * ((scores.get(e.rep)! - 70) / 12), // more negotiation, faster quotes
      }));
    });
    const scored = scoreGapsJoint(planted, { seed: 5, replicates: 50 });
    const link = scored.analysis.links.find((l) => l.skill === 'negotiation' && l.cpi === 'quoteTurnaround')!;
    expect(link.estimate).toBeLessThan(0);
    expect(link.tier).toBe('finding');
    const weight = scored.linkWeights.find((w) => w.skill === 'negotiation' && w.cpi === 'quoteTurnaround')!.betaTilde;
    expect(weight).toBeCloseTo(-link.estimate - 1.28 * link.se, 12);
    const named = scored.reps.flatMap((r) =>
      r.gaps.filter((g) => g.skill === 'negotiation' && g.cpi === 'quoteTurnaround'),
    );
    expect(named.length).toBeGreaterThan(0);
    for (const gap of named) {
      const contribution = gap.contributions.find((c) => c.cpi === 'quoteTurnaround')!;
      expect(contribution.probabilityBelowTarget).toBeGreaterThan(0); // slower than the target
    }
  });

  it('labels on the CPI the gap names; missing scores flagged', () => {
    // Reps with a product-knowledge gap, split by P(below target) on the CPI the gap names.
    const named = result.reps.flatMap((r) => {
      const gap = r.gaps.find((g) => g.skill === 'productKnowledge' && (g.score ?? 0) > 0);
      return gap
        ? [{ rep: r.rep, gap, p: gap.contributions.find((c) => c.cpi === gap.cpi)!.probabilityBelowTarget }]
        : [];
    });
    const likely = named.find((g) => g.p >= 0.5)!;
    const unlikely = named.find((g) => g.p < 0.5)!;
    expect(likely.gap.label).toBe('untrained');
    const course = { productKnowledge: { hasCourse: true, hasCoaching: false } };
    const trained = scoreGapsJoint(input, {
      seed: 3,
      replicates: 20,
      analysis: result.analysis,
      training: { [likely.rep]: course, [unlikely.rep]: course },
    });
    const labelOf = (rep: string): unknown =>
      trained.reps.find((r) => r.rep === rep)!.gaps.find((g) => g.skill === 'productKnowledge')!.label;
    expect(labelOf(likely.rep)).toBe('trained-not-transferred');
    expect(labelOf(unlikely.rep)).toBeNull();
    const missing = gapInput(31);
    missing.reps = missing.reps.map((r, i) => (i === 0 ? { ...r, skills: { ...r.skills, listening: null } } : r));
    const scored = scoreGapsJoint(missing, { seed: 3, replicates: 20 });
    expect(scored.reps[0]!.gaps.find((g) => g.skill === 'listening')).toMatchObject({
      missingScore: true,
      score: null,
    });
  });

  it('a CPI on which reps differ only by rounding adds nothing, in the estimate or the bootstrap (no 10¹² uppers)', () => {
    const flat = gapInput(31, (tweaked) => {
      tweaked.estimates.addedValue = tweaked.estimates.addedValue!.map((e, i) => ({
        ...e,
        estimate: i % 2 ? 0.1 + 0.2 : 0.3, // 0.30000000000000004 and 0.3
      }));
    });
    const scored = scoreGapsJoint(flat, { seed: 3, replicates: 100 });
    const gaps = scored.reps.flatMap((r) => r.gaps);
    for (const gap of gaps) {
      if (gap.upper !== null) expect(gap.upper).toBeLessThan(100);
      expect(gap.contributions.find((c) => c.cpi === 'addedValue')?.value ?? 0).toBe(0);
    }
    expect(sampleSpread([0.1 + 0.2, 0.3, 0.3])).toBe(0);
    expect(sampleSpread([1, 2, 3, Number.NaN])).toBe(1);
    expect(sampleSpread([1])).toBeNaN();
  });

  it('no model: nothing attributed to skills, and how many more reps to assess', () => {
    const few = gapInput(31);
    few.reps = few.reps.map((r, i) => (i >= 15 ? { ...r, skills: { ...r.skills, discovery: null } } : r));
    const scored = scoreGapsJoint(few, { seed: 3, replicates: 20 });
    expect(scored.assessMoreReps).toEqual(Object.fromEntries(CPI_KEYS.map((cpi) => [cpi, 2])));
    expect(scored.reps.every((r) => r.gaps.every((g) => g.score === null || g.score === 0))).toBe(true);
    expect(scored.reps[0]!.gaps[0]!.contributions.length).toBe(5); // shortfalls still shown
    expect(scored.intervalMethod).toMatch(/τ² held/);
  });
});
