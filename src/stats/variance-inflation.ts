import { Matrix, correlation, inverse } from 'ml-matrix';

/** Variance inflation of each predictor and the predictor it correlates with most. */
export interface VarianceInflation {
  /** VIFⱼ = diag(R⁻¹)ⱼ; Infinity when R is singular (exact collinearity). */
  vif: number[];
  /** Index of the other predictor with the largest |r|; null when there is no other. */
  mostCorrelated: (number | null)[];
}

/**
 * Variance inflation factors from the correlation matrix R of the predictors:
 * VIFⱼ = (R⁻¹)ⱼⱼ = 1/(1 − R²ⱼ), R²ⱼ from regressing predictor j on the others. How
 * much the variance of a coefficient grows because the predictor travels with the
 * others; above 5 the joint model cannot tell its association from theirs.
 *
 * Edge cases: one predictor → VIF 1. Constant predictors must be removed first
 * (their correlations are undefined: VIF NaN).
 *
 * @param columns one array per predictor, all the same length
 * @example
 * varianceInflation([[1, 2, 3, 4], [1, 3, 2, 4]]).vif; // => [2.7778, 2.7778] (rounded; r = 0.8)
 */
export function varianceInflation(columns: readonly (readonly number[])[]): VarianceInflation {
  const p = columns.length;
  if (p === 0) return { vif: [], mostCorrelated: [] };
  if (p === 1) return { vif: [1], mostCorrelated: [null] };
  const n = columns[0]!.length;
  const rows = Array.from({ length: n }, (_, i) => columns.map((column) => column[i]!));
  const R = correlation(new Matrix(rows));
  let vif: number[];
  try {
    const inverted = inverse(R);
    vif = columns.map((_, j) => inverted.get(j, j));
  } catch {
    vif = columns.map(() => Infinity); // LU found R exactly singular
  }
  const mostCorrelated = columns.map((_, j) => {
    let best: number | null = null;
    for (let l = 0; l < p; l++) {
      if (l !== j && (best === null || Math.abs(R.get(j, l)) > Math.abs(R.get(j, best)))) best = l;
    }
    return best;
  });
  // A near-singular R can invert to huge or (by rounding) negative diagonals: both mean inseparable.
  const clean = (value: number): number =>
    Number.isNaN(value) || (value >= 1 - 1e-9 && value < Infinity) ? value : Infinity;
  return { vif: vif.map(clean), mostCorrelated };
}
