import { assertCount, assertSameLength } from './guards.js';

/** Rates shrunk toward the pooled mean; `priorStrength` null when fully pooled. */
export interface ShrunkRates {
  mean: number;
  priorStrength: number | null;
  estimates: number[];
}

/**
 * Beta-binomial (empirical Bayes) shrinkage of k rates xᵢ/nᵢ toward the pooled
 * mean, by the method of moments (docs/statistics.md, "Rates"). N = Σnᵢ, μ̂ = Σxᵢ/N,
 * S = Σnᵢ(p̂ᵢ − μ̂)², ρ̂ = [S/(μ̂(1−μ̂)) − (k−1)] / [N − Σnᵢ²/N − (k−1)],
 * prior strength M = max(0, 1/ρ̂ − 1), estimate (xᵢ + μ̂M)/(nᵢ + M).
 *
 * Pools fully (every estimate μ̂, priorStrength null) when no differences between
 * reps are detectable: k < 2, μ̂ ∈ {0, 1}, ρ̂ ≤ 0, or the denominator ≤ 0.
 * Reps with nᵢ = 0 carry no information: they are left out of k and get μ̂.
 * No trials at all → mean NaN. Mismatched lengths, negative counts or xᵢ > nᵢ throw.
 *
 * @param successes xᵢ per rep
 * @param trials nᵢ per rep
 * @example
 * shrinkRates([3, 5, 0, 7], [5, 5, 2, 10]).priorStrength; // => 2.1674 (rounded)
 */
export function shrinkRates(successes: readonly number[], trials: readonly number[]): ShrunkRates {
  assertSameLength('shrinkRates', successes, trials);
  successes.forEach((x, i) => assertCount('shrinkRates', x, trials[i] ?? NaN));
  const N = sum(trials);
  const mu = sum(successes) / N;
  const pooled = { mean: mu, priorStrength: null, estimates: trials.map(() => mu) };
  const k = trials.filter((n) => n > 0).length;
  if (k < 2 || mu <= 0 || mu >= 1) return pooled;
  const S = sum(trials.map((n, i) => (n > 0 ? n * ((successes[i] ?? NaN) / n - mu) ** 2 : 0)));
  const denominator = N - sum(trials.map((n) => n * n)) / N - (k - 1);
  const rho = (S / (mu * (1 - mu)) - (k - 1)) / denominator;
  if (!(denominator > 0) || !(rho > 0)) return pooled;
  const M = Math.max(0, 1 / rho - 1);
  const estimates = trials.map((n, i) => (n + M > 0 ? ((successes[i] ?? NaN) + mu * M) / (n + M) : mu));
  return { mean: mu, priorStrength: M, estimates };
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
