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
  const R = correlationMatrix(columns);
  const r = (j: number, l: number) => R[j * p + l]!;
  const inverted = invert(R, p);
  const vif = columns.map((_, j) => (inverted === null ? Infinity : inverted[j * p + j]!));
  const mostCorrelated = columns.map((_, j) => {
    let best: number | null = null;
    for (let l = 0; l < p; l++) {
      if (l !== j && (best === null || Math.abs(r(j, l)) > Math.abs(r(j, best)))) best = l;
    }
    return best;
  });
  // A near-singular R can invert to huge or (by rounding) negative diagonals: both mean inseparable.
  const clean = (value: number): number =>
    Number.isNaN(value) || (value >= 1 - 1e-9 && value < Infinity) ? value : Infinity;
  return { vif: vif.map(clean), mostCorrelated };
}

/** Pearson correlations of the columns, p × p row-major (NaN where a column has no spread). */
function correlationMatrix(columns: readonly (readonly number[])[]): Float64Array {
  const p = columns.length;
  const n = columns[0]!.length;
  const centred = columns.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += column[i]!;
    mean /= n;
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = column[i]! - mean;
    return out;
  });
  const R = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    for (let l = j; l < p; l++) {
      let xy = 0;
      let xx = 0;
      let yy = 0;
      const [a, b] = [centred[j]!, centred[l]!];
      for (let i = 0; i < n; i++) {
        xy += a[i]! * b[i]!;
        xx += a[i]! * a[i]!;
        yy += b[i]! * b[i]!;
      }
      const value = j === l ? (xx > 0 ? 1 : NaN) : xy / Math.sqrt(xx * yy);
      R[j * p + l] = value;
      R[l * p + j] = value;
    }
  }
  return R;
}

/** The inverse of a p × p matrix by Gauss–Jordan with partial pivoting; null when a pivot is exactly 0. */
function invert(M: Float64Array, p: number): Float64Array | null {
  const a = Float64Array.from(M);
  const inv = new Float64Array(p * p);
  for (let i = 0; i < p; i++) inv[i * p + i] = 1;
  for (let k = 0; k < p; k++) {
    let pivot = k;
    for (let i = k + 1; i < p; i++) if (Math.abs(a[i * p + k]!) > Math.abs(a[pivot * p + k]!)) pivot = i;
    if (a[pivot * p + k] === 0) return null;
    if (pivot !== k) {
      for (let j = 0; j < p; j++) {
        [a[k * p + j], a[pivot * p + j]] = [a[pivot * p + j]!, a[k * p + j]!];
        [inv[k * p + j], inv[pivot * p + j]] = [inv[pivot * p + j]!, inv[k * p + j]!];
      }
    }
    const d = a[k * p + k]!;
    for (let j = 0; j < p; j++) {
      a[k * p + j]! /= d;
      inv[k * p + j]! /= d;
    }
    for (let i = 0; i < p; i++) {
      if (i === k) continue;
      const f = a[i * p + k]!;
      if (f === 0) continue;
      for (let j = 0; j < p; j++) {
        a[i * p + j]! -= f * a[k * p + j]!;
        inv[i * p + j]! -= f * inv[k * p + j]!;
      }
    }
  }
  return inv;
}
