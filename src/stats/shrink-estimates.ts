import { assertSameLength } from './guards.js';
import { metaRegression } from './meta-regression.js';

export interface ShrunkEstimate {
  estimate: number;
  sd: number;
}

/**
 * Normal–normal shrinkage of estimates with known sampling variances (the stage-1 rep
 * effects of Evidence 1): μ and τ² by REML ({@link metaRegression} with no moderators),
 * λᵢ = τ²/(τ² + vᵢ), posterior mean μ + λᵢ(yᵢ − μ) and variance λᵢvᵢ + (1 − λᵢ)²·se(μ)²
 * (the last term: μ is itself estimated). Fewer than 2 estimates: returned as they are.
 *
 * @example
 * shrinkEstimates([0.1, 0.3, 0.2, 0.5, 0.4], [0.01, 0.02, 0.01, 0.03, 0.02])[3]; // pulled toward 0.26
 */
export function shrinkEstimates(estimates: readonly number[], variances: readonly number[]): ShrunkEstimate[] {
  assertSameLength('shrinkEstimates', estimates, variances);
  if (estimates.length < 2) return estimates.map((y, i) => ({ estimate: y, sd: Math.sqrt(variances[i]!) }));
  const fit = metaRegression(
    estimates,
    variances,
    estimates.map(() => []),
    0.95,
  );
  const mu = fit.beta[0]!;
  const muVariance = fit.se[0]! ** 2;
  if (!Number.isFinite(mu) || !Number.isFinite(fit.tau2))
    return estimates.map((y, i) => ({ estimate: y, sd: Math.sqrt(variances[i]!) }));
  return estimates.map((y, i) => {
    const v = variances[i]!;
    const lambda = fit.tau2 + v > 0 ? fit.tau2 / (fit.tau2 + v) : 1;
    return { estimate: mu + lambda * (y - mu), sd: Math.sqrt(lambda * v + (1 - lambda) ** 2 * muVariance) };
  });
}
