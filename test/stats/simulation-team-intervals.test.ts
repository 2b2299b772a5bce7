/**
 * Simulation (c): team and org rates when answers cluster by rep (docs/statistics.md,
 * "Team and org figures"). 500 seeded teams per setting: 8 reps with 20–60 answers each, rep
 * rates drawn from Beta(0.7·M, 0.3·M) (M = ∞: reps alike; smaller M: reps differ more),
 * true team rate 0.7. clusteredProportion against the plain Wilson interval on all answers.
 *
 * Measured (seed 2024, 500 teams per setting; the file runs in about 0.6 s):
 *   M = ∞:  mean deff 1.20, coverage of 0.7: clustered 98%, Wilson 94.8%
 *   M = 40: mean deff 2.06, clustered 96%, Wilson 81.8%
 *   M = 15: mean deff 3.68, clustered 97%, Wilson 72.4%
 *   M = 5:  mean deff 7.60, clustered 94%, Wilson 50.6%
 *   mean width clustered 0.131, 0.166, 0.218, 0.304; Wilson 0.100 throughout
 * (Clustered over-covers when reps are alike: with 8 reps its t(7) replaces z.)
 */
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import { clusteredProportion, mulberry32, seedFor, wilsonInterval } from '../../src/stats/index.js';
import { EVIDENCE, expectClose } from './helpers/close.js';

const TEAMS = 500;
const REPS = 8;
const RATE = 0.7;

interface Setting {
  spread: number;
  coverage: number;
  wilsonCoverage: number;
  designEffect: number;
  width: number;
  wilsonWidth: number;
}

/** Wilson's interval with t(k − 1) in place of z, through wilsonInterval's normal level. */
function wilsonAtT(x: number, n: number, k: number): ReturnType<typeof wilsonInterval> {
  return wilsonInterval(x, n, 2 * normalCdf(tQuantile(0.975, k - 1), 0, 1) - 1);
}

function simulate(spread: number, onTeam?: (x: number[], n: number[]) => void): Setting {
  const random = mulberry32(seedFor(2024, 'team-intervals', String(spread)));
  const totals = { coverage: 0, wilsonCoverage: 0, designEffect: 0, width: 0, wilsonWidth: 0 };
  for (let team = 0; team < TEAMS; team++) {
    const n = Array.from({ length: REPS }, () => 20 + Math.floor(random() * 41));
    const p = n.map(() => (spread === Infinity ? RATE : betaQuantile(random(), RATE * spread, (1 - RATE) * spread)));
    const x = n.map((trials, i) => {
      let successes = 0;
      for (let j = 0; j < trials; j++) successes += random() < p[i]! ? 1 : 0;
      return successes;
    });
    onTeam?.(x, n);
    const clustered = clusteredProportion(x, n, 0.95);
    const plain = wilsonInterval(
      x.reduce((s, v) => s + v, 0),
      n.reduce((s, v) => s + v, 0),
      0.95,
    );
    totals.coverage += clustered.lower <= RATE && RATE <= clustered.upper ? 1 : 0;
    totals.wilsonCoverage += plain.lower <= RATE && RATE <= plain.upper ? 1 : 0;
    totals.designEffect += clustered.designEffect;
    totals.width += clustered.upper - clustered.lower;
    totals.wilsonWidth += plain.upper - plain.lower;
  }
  const mean = (v: number): number => v / TEAMS;
  return {
    spread,
    coverage: mean(totals.coverage),
    wilsonCoverage: mean(totals.wilsonCoverage),
    designEffect: mean(totals.designEffect),
    width: mean(totals.width),
    wilsonWidth: mean(totals.wilsonWidth),
  };
}

describe('team intervals under clustering (simulation c)', () => {
  it('widen with the design effect and keep their coverage where Wilson’s collapses', () => {
    const settings = [Infinity, 40, 15, 5].map((spread) => simulate(spread));
    console.log(
      'simulation c: ' +
        settings
          .map(
            (s) =>
              `M ${s.spread}: deff ${s.designEffect.toFixed(2)}, coverage ${s.coverage} (Wilson ${s.wilsonCoverage}), ` +
              `width ${s.width.toFixed(3)} (Wilson ${s.wilsonWidth.toFixed(3)})`,
          )
          .join('; '),
    );
    for (let i = 1; i < settings.length; i++) {
      expect(settings[i]!.designEffect).toBeGreaterThan(settings[i - 1]!.designEffect);
      expect(settings[i]!.width).toBeGreaterThan(settings[i - 1]!.width);
    }
    for (const setting of settings) expect(setting.coverage, `M ${setting.spread}`).toBeGreaterThanOrEqual(0.92);
    const differing = settings.find((s) => s.spread === 15)!;
    expect(differing.wilsonCoverage).toBeLessThan(0.8); // what the cluster-robust interval is for
  });

  it('reps alike: where deff = 1 the interval is Wilson’s, with t(k − 1) for z', () => {
    let alike = 0;
    simulate(Infinity, (x, n) => {
      const clustered = clusteredProportion(x, n, 0.95);
      if (clustered.designEffect !== 1) return;
      alike++;
      const N = n.reduce((s, v) => s + v, 0);
      expectClose(
        clustered,
        {
          ...wilsonAtT(
            x.reduce((s, v) => s + v, 0),
            N,
            REPS,
          ),
          effectiveN: N,
        },
        'alike',
        EVIDENCE,
      );
    });
    expect(alike).toBeGreaterThan(TEAMS / 4);
  });

  it('many identical reps: the plain Wilson interval to three decimals', () => {
    const clustered = clusteredProportion(Array(200).fill(14), Array(200).fill(20), 0.95);
    const plain = wilsonInterval(2800, 4000, 0.95);
    expect(clustered.designEffect).toBe(1);
    expect(clustered.lower).toBeCloseTo(plain.lower, 3);
    expect(clustered.upper).toBeCloseTo(plain.upper, 3);
  });
});
