import { assertFiniteNumbers, assertSameLength } from './guards.js';

/** How much of R² each predictor accounts for. */
export interface RelativeImportance {
  rSquared: number;
  /** LMG contribution per predictor; they sum to R². */
  contributions: number[];
  /** contributions / R²; they sum to 1. */
  shares: number[];
}

const MAX_PREDICTORS = 12;

/**
 * LMG relative importance (Lindeman, Merenda & Gold 1980; the Shapley value of
 * R²): each predictor's R² increment averaged over all orderings of the
 * predictors, computed exactly over all 2ᵖ subsets —
 * LMGⱼ = Σ_{S ∌ j} |S|!(p − |S| − 1)!/p! · [R²(S ∪ {j}) − R²(S)].
 * Subset R² comes from sweeping the correlation matrix; a predictor that is
 * constant or collinear with those already in adds nothing.
 *
 * Edge cases: n < p + 2 (no residual spread to share out) or constant y → NaN.
 * R² = 0 → shares NaN. More than 12 predictors, mismatched lengths or non-finite
 * values throw. Rows must be complete (drop reps with missing values first).
 *
 * @param predictors one column (array over units) per predictor
 * @param y the outcome, one value per unit
 * @example
 * relativeImportance([[1, 2, 3, 4, 5], [2, 1, 4, 3, 6]], [1, 3, 2, 5, 4]).shares; // => [0.7732, 0.2268] (rounded)
 */
export function relativeImportance(
  predictors: readonly (readonly number[])[],
  y: readonly number[],
): RelativeImportance {
  const p = predictors.length;
  if (p < 1 || p > MAX_PREDICTORS) {
    throw new RangeError(`relativeImportance: need 1 to ${MAX_PREDICTORS} predictors (got ${p})`);
  }
  assertFiniteNumbers('relativeImportance', 'y', y);
  for (const column of predictors) {
    assertSameLength('relativeImportance', column, y);
    assertFiniteNumbers('relativeImportance', 'predictors', column);
  }
  if (y.length < p + 2) return lmgNone(p);
  return lmgFromCrossProducts(crossProducts([...predictors, y]), p);
}

/**
 * LMG from the centred cross-product matrix of [predictors…, y] ((p+1)², row-major):
 * the core of {@link relativeImportance}, exposed so a jackknife can downdate the
 * matrix instead of recomputing it. Constant y → NaN.
 */
export function lmgFromCrossProducts(cross: Float64Array, p: number): RelativeImportance {
  const corr = correlationFromCrossProducts(cross, p + 1);
  if (corr[p * (p + 1) + p] !== 1) return lmgNone(p);
  const r2 = allSubsetRSquared(corr, p);
  const weights = shapleyWeights(p);
  const contributions = Array.from({ length: p }, (_, j) => {
    let total = 0;
    for (let mask = 0; mask < 1 << p; mask++) {
      if (mask & (1 << j)) continue;
      total += weights[popcount(mask)]! * (r2[mask | (1 << j)]! - r2[mask]!);
    }
    return total;
  });
  const rSquared = r2[(1 << p) - 1]!;
  return { rSquared, contributions, shares: contributions.map((c) => (rSquared > 0 ? c / rSquared : NaN)) };
}

/** Centred cross-products Σ(aᵢ − ā)(bᵢ − b̄) of the columns, (m × m) row-major. */
export function crossProducts(columns: readonly (readonly number[])[]): Float64Array {
  const m = columns.length;
  const centred = columns.map((c) => {
    const mean = c.reduce((s, v) => s + v, 0) / c.length;
    return c.map((v) => v - mean);
  });
  const cross = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      const [a, b] = [centred[i]!, centred[j]!];
      let total = 0;
      for (let k = 0; k < a.length; k++) total += a[k]! * b[k]!;
      cross[i * m + j] = cross[j * m + i] = total;
    }
  }
  return cross;
}

function lmgNone(p: number): RelativeImportance {
  const nan = Array.from({ length: p }, () => NaN);
  return { rSquared: NaN, contributions: nan, shares: [...nan] };
}

/** Correlations from cross-products; a constant column gets 0 everywhere, diagonal included. */
function correlationFromCrossProducts(cross: Float64Array, m: number): Float64Array {
  const corr = new Float64Array(m * m);
  const scale = Math.max(1e-300, ...Array.from({ length: m }, (_, i) => cross[i * m + i]!));
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      const denominator = Math.sqrt(cross[i * m + i]! * cross[j * m + j]!);
      const constant = !(cross[i * m + i]! > 1e-12 * scale) || !(cross[j * m + j]! > 1e-12 * scale);
      corr[i * m + j] = constant ? 0 : i === j ? 1 : cross[i * m + j]! / denominator;
    }
  }
  return corr;
}

/**
 * R² of y (index p) on every subset of the predictors (indexed by bit mask), by
 * depth-first sweeps of the correlation matrix: each subset is its parent plus one
 * sweep, after which the y diagonal holds 1 − R².
 */
function allSubsetRSquared(corr: Float64Array, p: number): Float64Array {
  const size = p + 1;
  const r2 = new Float64Array(1 << p);
  const levels = Array.from({ length: size }, () => new Float64Array(size * size));
  levels[0]!.set(corr);
  const visit = (depth: number, mask: number, start: number): void => {
    for (let k = start; k < p; k++) {
      const matrix = levels[depth + 1]!;
      matrix.set(levels[depth]!);
      sweep(matrix, size, k);
      r2[mask | (1 << k)] = Math.min(1, Math.max(0, 1 - matrix[p * size + p]!));
      visit(depth + 1, mask | (1 << k), k + 1);
    }
  };
  visit(0, 0, 0);
  return r2;
}

/** Sweeps pivot k in place; a pivot ≈ 0 (constant or collinear predictor) is skipped. */
function sweep(a: Float64Array, size: number, k: number): void {
  const d = a[k * size + k]!;
  if (!(d > 1e-10)) return;
  for (let i = 0; i < size; i++) {
    if (i === k) continue;
    const factor = a[i * size + k]! / d;
    for (let j = 0; j < size; j++) if (j !== k) a[i * size + j]! -= factor * a[k * size + j]!;
  }
  for (let i = 0; i < size; i++) {
    if (i === k) continue;
    a[i * size + k]! /= d;
    a[k * size + i]! /= d;
  }
  a[k * size + k] = -1 / d;
}

/** w(s) = s!(p − s − 1)!/p!, the share of orderings in which a set of size s comes first. */
function shapleyWeights(p: number): number[] {
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  return [...Array(p).keys()].map((s) => (factorial(s) * factorial(p - s - 1)) / factorial(p));
}

function popcount(mask: number): number {
  let count = 0;
  for (let m = mask; m; m &= m - 1) count++;
  return count;
}
