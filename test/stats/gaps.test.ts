import { describe, expect, it } from 'vitest';
import {
  analyzeLinks,
  expectedShortfall,
  gapLabel,
  gapTerm,
  linkWeight,
  scoreGaps,
  skillDeficit,
  toLinkRep,
  type GapRep,
} from '../../src/stats/index.js';
import { syntheticReps } from './helpers/synthetic-reps.js';

const reps = syntheticReps({ seed: 99, reps: 50, skills: ['discovery', 'demo', 'pricing'], effect: { skill: 'discovery', cpi: 'fcr', perSd: 0.06 } });
const links = analyzeLinks(reps.map(toLinkRep), { seed: 2 });

describe('gap-score building blocks', () => {
  it('deficit d = max(0, P − x)/SD', () => {
    expect(skillDeficit(60, 80, 10)).toBe(2);
    expect(skillDeficit(85, 80, 10)).toBe(0);
    expect(skillDeficit(60, 80, 0)).toBe(0);
  });
  it('β̃ = max(0, β − 1.28·SE), oriented for lower-is-better, 0 unless q ≤ .10', () => {
    expect(linkWeight(0.05, 0.01, 0.02, false)).toBeCloseTo(0.0372, 12);
    expect(linkWeight(-3, 1, 0.02, true)).toBeCloseTo(1.72, 12);
    expect(linkWeight(0.05, 0.01, 0.2, false)).toBe(0);
    expect(linkWeight(0.05, 0.01, null, false)).toBe(0);
    expect(linkWeight(0.01, 0.01, 0.01, false)).toBe(0);
  });
  it('term = w·min(β̃·d, ES)/SD_c', () => {
    expect(gapTerm(0.04, 2, 0.05, 0.1, 1)).toBeCloseTo(0.5, 12);
    expect(gapTerm(0.01, 2, 0.05, 0.1, 2)).toBeCloseTo(0.4, 12);
    expect(gapTerm(0, 2, 0.05, 0.1, 1)).toBe(0);
  });
  it('expected shortfall: ES = (T−m)Φ(d) + vφ(d); lower-is-better flips; v = 0 is the plain shortfall', () => {
    const d = (0.8 - 0.7) / 0.05;
    const phi = Math.exp(-d * d / 2) / Math.sqrt(2 * Math.PI);
    const es = expectedShortfall(0.7, 0.05, 0.8);
    expect(es.probabilityBelowTarget).toBeCloseTo(0.9772498680518208, 12);
    expect(es.expectedShortfall).toBeCloseTo(0.1 * 0.9772498680518208 + 0.05 * phi, 12);
    expect(expectedShortfall(40, 4, 30, true).probabilityBelowTarget).toBeCloseTo(0.9937903346742238, 12);
    expect(expectedShortfall(0.7, 0, 0.8).expectedShortfall).toBeCloseTo(0.1, 12);
    expect(expectedShortfall(0.7, 0, 0.8).probabilityBelowTarget).toBe(1);
    expect(expectedShortfall(0.9, 0, 0.8)).toEqual({ expectedShortfall: 0, probabilityBelowTarget: 0 });
    expect(() => expectedShortfall(0.7, -1, 0.8)).toThrow(/expectedShortfall/);
  });
  it('labels from training history', () => {
    expect(gapLabel(undefined)).toBe('untrained');
    expect(gapLabel({ hasCourse: false, hasCoaching: false, cpiRisingSinceCoaching: null })).toBe('untrained');
    expect(gapLabel({ hasCourse: true, hasCoaching: false, cpiRisingSinceCoaching: null })).toBe('trained-not-transferred');
    expect(gapLabel({ hasCourse: true, hasCoaching: true, cpiRisingSinceCoaching: true })).toBe('coached-improving');
    expect(gapLabel({ hasCourse: false, hasCoaching: true, cpiRisingSinceCoaching: false })).toBe('coached-not-improving');
    expect(gapLabel({ hasCourse: false, hasCoaching: true, cpiRisingSinceCoaching: null })).toBe('coached-not-improving');
  });
});

describe('scoreGaps', () => {
  const result = scoreGaps(reps, links, { seed: 4, replicates: 300 });

  it('scores each rep × skill by the STATS.md formula, sorted highest first', () => {
    const link = links.find((l) => l.skill === 'discovery' && l.cpi === 'fcr');
    expect(link?.q).toBeLessThanOrEqual(0.1);
    const fcr = reps.map((r) => r.cpis.fcr?.estimate ?? NaN);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
    const skillSd = sd(reps.map((r) => r.skills.discovery ?? NaN));
    const betaTilde = Math.max(0, (link?.beta ?? NaN) - 1.28 * (link?.betaSe ?? NaN));
    expect(result.targets.fcr).toBeCloseTo(mean(fcr), 12);
    for (const [i, rep] of reps.entries()) {
      const es = expectedShortfall(rep.cpis.fcr?.estimate ?? NaN, rep.cpis.fcr?.sd ?? NaN, mean(fcr)).expectedShortfall;
      const d = Math.max(0, 80 - (rep.skills.discovery ?? NaN)) / skillSd;
      const expected = d > 0 ? Math.min(betaTilde * d, es) / sd(fcr) : 0;
      const gaps = result.reps[i]?.gaps ?? [];
      const gap = gaps.find((g) => g.skill === 'discovery');
      expect(gap?.score).toBeCloseTo(expected, 12);
      expect(gap?.score).toBeCloseTo(gap?.contributions.reduce((s, c) => s + c.value, 0) ?? NaN, 12);
      const scores = gaps.map((g) => g.score ?? -1);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
  });

  it('an 80% interval around each score; low confidence when it includes 0', () => {
    for (const rep of result.reps) {
      for (const gap of rep.gaps) {
        expect(gap.lower ?? NaN).toBeLessThanOrEqual(gap.upper ?? NaN);
        expect(gap.lowConfidence).toBe(!((gap.lower ?? 0) > 0));
      }
    }
    const confident = result.reps.flatMap((r) => r.gaps).filter((g) => !g.lowConfidence);
    expect(confident.length).toBeGreaterThan(0);
    expect(confident.every((g) => g.skill === 'discovery' && g.cpi === 'fcr')).toBe(true);
  });

  it('skills without a link at q ≤ .10 score 0 with low confidence', () => {
    const ungated = new Set(links.filter((l) => !(l.q !== null && l.q <= 0.1)).map((l) => `${l.skill}|${l.cpi}`));
    for (const gap of result.reps.flatMap((r) => r.gaps)) {
      for (const c of gap.contributions) if (ungated.has(`${gap.skill}|${c.cpi}`)) expect(c.value).toBe(0);
    }
  });

  it('a missing skill score is flagged, never scored as 0, and sorted last', () => {
    const holey: GapRep[] = reps.map((r, i) => (i === 0 ? { ...r, skills: { ...r.skills, discovery: null } } : r));
    const gaps = scoreGaps(holey, links, { seed: 4, replicates: 50 }).reps[0]?.gaps ?? [];
    expect(gaps.at(-1)).toMatchObject({ skill: 'discovery', score: null, lower: null, upper: null, missingScore: true });
  });

  it('uses configured targets, proficiency targets, weights and training flags', () => {
    const configured = scoreGaps(reps, links, {
      seed: 4,
      replicates: 50,
      targets: { fcr: 0.5 },
      proficiencyTargets: { discovery: 0 },
      training: { 'rep-3': { discovery: { hasCourse: true, hasCoaching: false, cpiRisingSinceCoaching: null } } },
    });
    expect(configured.targets.fcr).toBe(0.5);
    const all = configured.reps.flatMap((r) => r.gaps);
    expect(all.every((g) => g.score === 0)).toBe(true);
    expect(configured.reps[3]?.gaps.find((g) => g.skill === 'discovery')?.label).toBe('trained-not-transferred');
    const doubled = scoreGaps(reps, links, { seed: 4, replicates: 50, weights: { fcr: 2 } });
    const base = scoreGaps(reps, links, { seed: 4, replicates: 50 });
    expect(doubled.reps[0]?.gaps[0]?.score).toBeCloseTo(2 * (base.reps[0]?.gaps[0]?.score ?? NaN), 12);
  });

  it('is deterministic for a seed', () => {
    expect(scoreGaps(reps, links, { seed: 4, replicates: 300 })).toEqual(result);
  });

  it('quote turnaround: lower is better, so a skill that shortens it creates gaps for low scorers', () => {
    const quoting = syntheticReps({ seed: 5, reps: 50, skills: ['pricing', 'demo'], effect: { skill: 'pricing', cpi: 'quoteTurnaround', perSd: -6 } });
    const quoteLinks = analyzeLinks(quoting.map(toLinkRep), { seed: 1 });
    const link = quoteLinks.find((l) => l.skill === 'pricing' && l.cpi === 'quoteTurnaround');
    expect(link?.beta).toBeLessThan(0);
    expect(link?.tier).toBe('finding');
    const scored = scoreGaps(quoting, quoteLinks, { seed: 1, replicates: 200 });
    const lowest = [...quoting].sort((a, b) => (a.skills.pricing ?? 0) - (b.skills.pricing ?? 0))[0];
    const top = scored.reps.find((r) => r.repId === lowest?.repId)?.gaps[0];
    expect(top).toMatchObject({ skill: 'pricing', cpi: 'quoteTurnaround' });
    expect(top?.score).toBeGreaterThan(0);
  });

  it('no reps → no gaps; throws on a bad replicate count', () => {
    expect(scoreGaps([], []).reps).toEqual([]);
    expect(() => scoreGaps(reps, links, { replicates: 0 })).toThrow(/scoreGaps/);
  });
});
