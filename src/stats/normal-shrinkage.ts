import { summaryMoments, type MeanSummary } from './mean-summary.js';

/** Means shrunk toward the grand mean, with the variance components used. */
export interface ShrunkMeans {
  grandMean: number;
  withinVariance: number;
  betweenVariance: number;
  lambdas: number[];
  estimates: number[];
}

/**
 * Normal–normal (empirical Bayes) shrinkage of group means for ranking
 * (docs/statistics.md, "1–5 answers (Likert means)"). With ȳ = Σsumᵢ/N the grand mean over all answers:
 * σ̂²w = Σ(nᵢ−1)sᵢ²/(N−k); τ̂² = max(0, [Σnᵢ(ȳᵢ−ȳ)² − (k−1)σ̂²w]/(N − Σnᵢ²/N));
 * λᵢ = τ̂²/(τ̂² + σ̂²w/nᵢ); θ̂ᵢ = ȳ + λᵢ(ȳᵢ − ȳ).
 *
 * Edge cases: groups with n = 0 are left out of k and get ȳ (λ = 0). When the
 * variance components cannot be estimated (k < 2, or N = k so no within-group
 * spread) every λ is 0: full pooling. τ̂² = 0 → λ = 0; σ̂²w = 0 < τ̂² → λ = 1.
 *
 * @param groups per-group count, sum and sum of squares
 * @example
 * shrinkMeans([{ n: 2, sum: 8, sumOfSquares: 32 }]).lambdas; // => [0]
 */
export function shrinkMeans(groups: readonly MeanSummary[]): ShrunkMeans {
  const moments = groups.map(summaryMoments);
  const used = groups.filter((g) => g.n > 0);
  const k = used.length;
  const N = used.reduce((s, g) => s + g.n, 0);
  const grandMean = used.reduce((s, g) => s + g.sum, 0) / N;
  const pooled = (withinVariance: number, betweenVariance: number): ShrunkMeans => ({
    grandMean,
    withinVariance,
    betweenVariance,
    lambdas: groups.map(() => 0),
    estimates: groups.map(() => grandMean),
  });
  if (k < 2 || N - k < 1) return pooled(NaN, NaN);
  let within = 0;
  let between = 0;
  let sumSquaredN = 0;
  groups.forEach((g, i) => {
    if (g.n === 0) return;
    within += (g.n - 1) * (g.n > 1 ? (moments[i]?.variance ?? 0) : 0);
    between += g.n * ((moments[i]?.mean ?? NaN) - grandMean) ** 2;
    sumSquaredN += g.n * g.n;
  });
  const withinVariance = within / (N - k);
  const tau2 = Math.max(0, (between - (k - 1) * withinVariance) / (N - sumSquaredN / N));
  if (!(tau2 > 0)) return pooled(withinVariance, 0);
  const lambdas = groups.map((g) => (g.n > 0 ? tau2 / (tau2 + withinVariance / g.n) : 0));
  const estimates = groups.map((g, i) =>
    g.n > 0 ? grandMean + (lambdas[i] ?? 0) * ((moments[i]?.mean ?? NaN) - grandMean) : grandMean,
  );
  return { grandMean, withinVariance, betweenVariance: tau2, lambdas, estimates };
}
