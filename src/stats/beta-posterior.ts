import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import { assertConfidence, assertCount } from './guards.js';
import { shrinkRates } from './shrink-rates.js';

/** A rep's posterior for a rate: mean, interval and standard deviation. */
export interface RatePosterior {
  estimate: number;
  lower: number;
  upper: number;
  sd: number;
}

/**
 * Posterior of one rep's rate under a Beta(μM, (1−μ)M) prior: Beta(a, b) with
 * a = μM + x, b = (1−μ)M + n − x. Estimate a/(a+b) (= (x + μM)/(n + M), as in
 * {@link shrinkRates}), equal-tailed quantile interval, SD √(ab/((a+b)²(a+b+1))).
 *
 * Edge cases: a = 0 or b = 0 (μ ∈ {0, 1} with no contrary data) is a point mass at
 * 0 or 1: interval collapses, SD 0. a + b = 0 (M = 0, n = 0) → all NaN.
 *
 * @param successes x
 * @param trials n
 * @param mean prior mean μ in [0, 1]
 * @param priorStrength M ≥ 0
 * @param confidence two-sided level, default 0.95
 * @example
 * betaPosterior(3, 5, 0.6, 10).estimate; // => 0.6
 */
export function betaPosterior(
  successes: number,
  trials: number,
  mean: number,
  priorStrength: number,
  confidence = 0.95,
  withInterval = true,
): RatePosterior {
  assertCount('betaPosterior', successes, trials);
  assertConfidence('betaPosterior', confidence);
  if (!(mean >= 0 && mean <= 1)) throw new RangeError(`betaPosterior: mean must be in [0, 1] (got ${mean})`);
  if (!(priorStrength >= 0)) throw new RangeError(`betaPosterior: priorStrength must be ≥ 0 (got ${priorStrength})`);
  const a = mean * priorStrength + successes;
  const b = (1 - mean) * priorStrength + trials - successes;
  if (a + b === 0) return { estimate: NaN, lower: NaN, upper: NaN, sd: NaN };
  if (a === 0 || b === 0) {
    const point = a === 0 ? 0 : 1;
    return { estimate: point, lower: point, upper: point, sd: 0 };
  }
  const tail = (1 - confidence) / 2;
  return {
    estimate: a / (a + b),
    // The quantiles are iterative (~40 µs each): callers that need only the mean and SD skip them.
    lower: withInterval ? betaQuantile(tail, a, b) : NaN,
    upper: withInterval ? betaQuantile(1 - tail, a, b) : NaN,
    sd: Math.sqrt((a * b) / ((a + b) ** 2 * (a + b + 1))),
  };
}

/** Shrunk rates with a posterior per rep, for the CPI layer. */
export interface ShrunkRateIntervals {
  mean: number;
  priorStrength: number | null;
  pooled: boolean;
  reps: RatePosterior[];
}

/**
 * {@link shrinkRates} plus each rep's Beta posterior ({@link betaPosterior}).
 * Pass `priorStrength` to fix M instead of estimating it (the CPI layer uses
 * M = 10 when fewer than 8 reps have data); μ̂ is still the pooled mean.
 *
 * When fully pooled (M not estimable), every rep gets estimate μ̂ and the
 * uncertainty left is that of the common rate: the interval and SD of the
 * Jeffreys posterior Beta(Σx + ½, N − Σx + ½) over all reps' data.
 *
 * `intervals: false` skips the posterior quantiles (NaN limits) when only the shrunk
 * estimate and its SD are needed.
 *
 * @example
 * shrinkRateIntervals([3, 5], [5, 5], { priorStrength: 10 }).reps[0]?.estimate; // => 0.7
 */
export function shrinkRateIntervals(
  successes: readonly number[],
  trials: readonly number[],
  options: { confidence?: number; priorStrength?: number; intervals?: boolean } = {},
): ShrunkRateIntervals {
  const confidence = options.confidence ?? 0.95;
  const intervals = options.intervals ?? true;
  const shrunk = shrinkRates(successes, trials);
  const M = options.priorStrength ?? shrunk.priorStrength;
  const mu = shrunk.mean;
  if (Number.isNaN(mu)) {
    return { mean: mu, priorStrength: M, pooled: M === null, reps: trials.map(() => betaNaN()) };
  }
  if (M === null) {
    const x = successes.reduce((s, v) => s + v, 0);
    const N = trials.reduce((s, v) => s + v, 0);
    const common = betaPosterior(x, N, 0.5, 1, confidence, intervals);
    const rep = { ...common, estimate: mu };
    return { mean: mu, priorStrength: null, pooled: true, reps: trials.map(() => ({ ...rep })) };
  }
  const reps = successes.map((x, i) => betaPosterior(x, trials[i] ?? NaN, mu, M, confidence, intervals));
  return { mean: mu, priorStrength: M, pooled: false, reps };
}

function betaNaN(): RatePosterior {
  return { estimate: NaN, lower: NaN, upper: NaN, sd: NaN };
}
