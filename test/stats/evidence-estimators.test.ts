import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { describe, expect, it } from 'vitest';
import {
  ancovaEffect,
  clusteredMean,
  clusteredProportion,
  meanInterval,
  metaRegression,
  minimumDetectableEffect,
  mulberry32,
  pairedTTest,
  wilsonInterval,
} from '../../src/stats/index.js';
import { EVIDENCE, expectClose } from './helpers/close.js';

const allNaN = (record: object): boolean =>
  Object.values(record)
    .flat()
    .every((v) => Number.isNaN(v));

describe('metaRegression', () => {
  it('equal variances, intercept only: the mean with the one-sample t interval (Knapp–Hartung = s/√k)', () => {
    const y = [0.52, 0.61, 0.58, 0.7, 0.49, 0.66];
    const result = metaRegression(
      y,
      y.map(() => 0.004),
      y.map(() => []),
      0.95,
    );
    const t = pairedTTest(
      y,
      y.map(() => 0),
    );
    expect(result.beta[0]).toBeCloseTo(y.reduce((s, v) => s + v, 0) / 6, 12);
    expect(result.t[0]).toBeCloseTo(t.t, 9);
    expect(result.p[0]).toBeCloseTo(t.p, 12);
    expect(result.df).toBe(5);
  });

  it('equal variances: the same coefficients and inference as ordinary least squares (ancovaEffect)', () => {
    const random = mulberry32(3);
    const treated = Array.from({ length: 20 }, (_, i) => i % 2);
    const x = treated.map(() => random());
    const y = treated.map((t, i) => 0.5 + 0.1 * t + 0.3 * x[i]! + 0.1 * random());
    const meta = metaRegression(
      y,
      y.map(() => 0.01),
      treated.map((t, i) => [t, x[i]!]),
      0.9,
    );
    const ols = ancovaEffect(
      y,
      treated,
      x.map((v) => [v]),
      0.9,
    );
    expectClose(
      {
        effect: meta.beta[1],
        se: meta.se[1],
        t: meta.t[1],
        p: meta.p[1],
        lower: meta.lower[1],
        upper: meta.upper[1],
        df: meta.df,
      },
      ols,
      'treated',
      EVIDENCE,
    );
  });

  it('homogeneous estimates: τ² = 0', () => {
    const result = metaRegression(
      [0.6, 0.61, 0.59, 0.6, 0.605],
      [0.01, 0.02, 0.01, 0.015, 0.02],
      [[1], [2], [3], [4], [5]],
      0.95,
    );
    expect(result.tau2).toBe(0);
  });

  it('k ≤ p, collinear or constant moderators, zero variance at τ² = 0 → NaN, clearly', () => {
    const y = [0.1, 0.3, 0.35, 0.6, 0.55];
    const v = [0.01, 0.02, 0.015, 0.01, 0.02];
    expect(allNaN(metaRegression([0.1, 0.2], [0.01, 0.01], [[1], [2]], 0.95))).toBe(true);
    expect(
      allNaN(
        metaRegression(
          y,
          v,
          [
            [1, 2],
            [2, 4],
            [3, 6],
            [4, 8],
            [5, 10],
          ],
          0.95,
        ),
      ),
    ).toBe(true);
    expect(allNaN(metaRegression(y, v, [[1], [1], [1], [1], [1]], 0.95))).toBe(true);
    expect(allNaN(metaRegression([0.6, 0.6, 0.6, 0.6], [0, 0.01, 0.01, 0.01], [[], [], [], []], 0.95))).toBe(true);
  });

  it('throws on malformed input, naming the function', () => {
    expect(() => metaRegression([1, 2], [0.1], [[1], [2]], 0.95)).toThrow(/metaRegression/);
    expect(() => metaRegression([1, 2, 3], [0.1, -0.1, 0.1], [[1], [2], [3]], 0.95)).toThrow(/metaRegression/);
    expect(() => metaRegression([1, 2, 3], [0.1, 0.1, 0.1], [[1], [2, 3], [3]], 0.95)).toThrow(/metaRegression/);
    expect(() => metaRegression([1, 2, 3], [0.1, 0.1, 0.1], [[1], [2], [3]], 1.5)).toThrow(/metaRegression/);
  });
});

describe('clusteredProportion', () => {
  it('hand-checkable: reps at 90% and 10% → deff 8.53, n_eff 4.69', () => {
    // p̂ = .5, v_SRS = .25/40; v_CR = 4/3·64/1600; deff = 0.05333/0.00625; t(3, .975) for z.
    const result = clusteredProportion([9, 1, 9, 1], [10, 10, 10, 10], 0.95);
    expect(result.designEffect).toBeCloseTo(8.533333333333, 10);
    expect(result.effectiveN).toBeCloseTo(4.6875, 10);
    const z = tQuantile(0.975, 3);
    const centre = (0.5 + z ** 2 / (2 * 4.6875)) / (1 + z ** 2 / 4.6875);
    expect((result.lower + result.upper) / 2).toBeCloseTo(centre, 12);
  });

  it('k = 1 is the plain Wilson interval; reps without answers are not clusters', () => {
    expect(clusteredProportion([7], [12], 0.95)).toEqual({ ...wilsonInterval(7, 12), designEffect: 1, effectiveN: 12 });
    expect(clusteredProportion([7, 0], [12, 0], 0.95)).toEqual(clusteredProportion([7], [12], 0.95));
  });

  it('reps alike (v_CR ≤ v_SRS): deff 1, Wilson at N with t(k − 1) for z', () => {
    const result = clusteredProportion([5, 5, 5, 5], [10, 10, 10, 10], 0.95);
    expect(result.designEffect).toBe(1);
    const asNormal = 2 * normalCdf(tQuantile(0.975, 3), 0, 1) - 1; // Wilson's z at t(3)'s value
    expectClose(result, { ...wilsonInterval(20, 40, asNormal), designEffect: 1, effectiveN: 40 }, 'alike', EVIDENCE);
  });

  it('all or none: deff 1, the near limit exact', () => {
    expect(clusteredProportion([0, 0, 0], [8, 9, 10], 0.95)).toMatchObject({ estimate: 0, lower: 0, designEffect: 1 });
    expect(clusteredProportion([8, 9, 10], [8, 9, 10], 0.95)).toMatchObject({ estimate: 1, upper: 1, designEffect: 1 });
  });

  it('N = 0 → NaN; malformed counts throw', () => {
    expect(allNaN(clusteredProportion([], [], 0.95))).toBe(true);
    expect(allNaN(clusteredProportion([0, 0], [0, 0], 0.95))).toBe(true);
    expect(() => clusteredProportion([3], [2], 0.95)).toThrow(/clusteredProportion/);
    expect(() => clusteredProportion([1, 2], [3], 0.95)).toThrow(/clusteredProportion/);
  });
});

describe('clusteredMean', () => {
  it('hand-checkable: reps answering 3, 5 and 5, 7', () => {
    // m = 5; s² = 8/3; v_CR = 2·(4 + 4)/16 = 1 > s²/N = 2/3 → se 1, deff 1.5, df 1.
    const result = clusteredMean([8, 12], [34, 74], [2, 2], 0.95);
    expectClose(result, { mean: 5, se: 1, df: 1, designEffect: 1.5, effectiveN: 8 / 3 });
    expect(result.upper - 5).toBeCloseTo(12.706204736174694, 9);
  });

  it('k = 1: the single rep’s t interval on N − 1 df', () => {
    const result = clusteredMean([16], [66], [4], 0.95);
    const single = meanInterval({ n: 4, sum: 16, sumOfSquares: 66 });
    expectClose(result, {
      mean: 4,
      lower: single.lower,
      upper: single.upper,
      df: 3,
      designEffect: 1,
      se: single.sd / 2,
    });
  });

  it('s² = 0: se 0, deff 1; N = 0: NaN; a rep without answers is not a cluster', () => {
    expect(clusteredMean([8, 12], [32, 48], [2, 3], 0.95)).toMatchObject({
      mean: 4,
      se: 0,
      lower: 4,
      upper: 4,
      designEffect: 1,
    });
    expect(allNaN(clusteredMean([0], [0], [0], 0.95))).toBe(true);
    expect(clusteredMean([8, 12, 0], [34, 74, 0], [2, 2, 0], 0.95)).toEqual(
      clusteredMean([8, 12], [34, 74], [2, 2], 0.95),
    );
  });

  it('throws on malformed input', () => {
    expect(() => clusteredMean([1], [1], [1.5], 0.95)).toThrow(/clusteredMean/);
    expect(() => clusteredMean([1], [-1], [1], 0.95)).toThrow(/clusteredMean/);
    expect(() => clusteredMean([1, 2], [1], [1], 0.95)).toThrow(/clusteredMean/);
  });
});

describe('ancovaEffect', () => {
  it('no covariates: the pooled two-sample t (hand-checkable)', () => {
    // Means 2 and 5, pooled s² = 1, se = √(2/3), df 4.
    const result = ancovaEffect([1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1], [[], [], [], [], [], []], 0.95);
    expect(result.effect).toBeCloseTo(3, 12);
    expect(result.se).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(result.df).toBe(4);
    expect(result.upper).toBeCloseTo(3 + tQuantile(0.975, 4) * Math.sqrt(2 / 3), 12);
  });

  it('collinear covariate, constant treated, or too few reps → NaN', () => {
    const post = [1, 2, 3, 4, 5, 6];
    const treated = [0, 0, 0, 1, 1, 1];
    expect(
      allNaN(
        ancovaEffect(
          post,
          treated,
          treated.map((t) => [2 * t + 1]),
          0.95,
        ),
      ),
    ).toBe(true);
    expect(
      allNaN(
        ancovaEffect(
          post,
          [1, 1, 1, 1, 1, 1],
          post.map(() => []),
          0.95,
        ),
      ),
    ).toBe(true);
    expect(allNaN(ancovaEffect([1, 2, 3], [0, 1, 0], [[1], [2], [4]], 0.95))).toBe(true);
  });

  it('throws on malformed input', () => {
    expect(() => ancovaEffect([1, 2], [0], [[], []], 0.95)).toThrow(/ancovaEffect/);
    expect(() => ancovaEffect([1, 2, 3, 4], [0, 1, 0, 1], [[1], [2], [3, 4], [5]], 0.95)).toThrow(/ancovaEffect/);
  });
});

describe('minimumDetectableEffect', () => {
  it('large df: (1.959964 + 0.841621)·se; linear in se', () => {
    expect(minimumDetectableEffect(1, 1e9, 0.05, 0.8)).toBeCloseTo(1.959964 + 0.841621, 5);
    expect(minimumDetectableEffect(0.3, 20, 0.05, 0.8)).toBeCloseTo(
      3 * minimumDetectableEffect(0.1, 20, 0.05, 0.8),
      12,
    );
    expect(minimumDetectableEffect(0, 20, 0.05, 0.8)).toBe(0);
  });
  it('no df or no se → NaN; bad α or power throw', () => {
    expect(minimumDetectableEffect(0.1, 0, 0.05, 0.8)).toBeNaN();
    expect(minimumDetectableEffect(NaN, 10, 0.05, 0.8)).toBeNaN();
    expect(() => minimumDetectableEffect(0.1, 10, 1.2, 0.8)).toThrow(/minimumDetectableEffect/);
    expect(() => minimumDetectableEffect(-0.1, 10, 0.05, 0.8)).toThrow(/minimumDetectableEffect/);
  });
});
