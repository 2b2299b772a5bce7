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
 * Subset R² comes from the correlation matrix; a predictor that is constant or
 * collinear with those before it adds nothing.
 *
 * Edge cases: n < p + 2 (no residual spread to share out) or constant y → NaN.
 * R² = 0 → shares NaN. More than 12 predictors, mismatched lengths or non-finite
 * values throw. Rows must be complete (drop reps with missing values first).
 *
 * @param predictors one column (array over units) per predictor
 * @param y the outcome, one value per unit
 * @example
 * relativeImportance([[1, 2, 3, 4, 5], [2, 1, 4, 3, 6]], [1, 3, 2, 5, 4]).shares; // two shares summing to 1
 */
export function relativeImportance(predictors: readonly (readonly number[])[], y: readonly number[]): RelativeImportance {
  const p = predictors.length;
  if (p < 1 || p > MAX_PREDICTORS) {
    throw new RangeError(`relativeImportance: need 1 to ${MAX_PREDICTORS} predictors (got ${p})`);
  }
  assertFiniteNumbers('relativeImportance', 'y', y);
  for (const column of predictors) {
    assertSameLength('relativeImportance', column, y);
    assertFiniteNumbers('relativeImportance', 'predictors', column);
  }
  const none = { rSquared: NaN, contributions: predictors.map(() => NaN), shares: predictors.map(() => NaN) };
  const corr = correlationMatrix([...predictors, y]);
  if (y.length < p + 2 || corr[p]?.[p] !== 1) return none;
  const r2 = new Float64Array(1 << p);
  for (let mask = 1; mask < 1 << p; mask++) r2[mask] = subsetRSquared(corr, p, mask);
  const weights = shapleyWeights(p);
  const contributions = predictors.map((_, j) => {
    let total = 0;
    for (let mask = 0; mask < 1 << p; mask++) {
      if (mask & (1 << j)) continue;
      total += (weights[popcount(mask)] ?? 0) * ((r2[mask | (1 << j)] ?? 0) - (r2[mask] ?? 0));
    }
    return total;
  });
  const rSquared = r2[(1 << p) - 1] ?? NaN;
  return { rSquared, contributions, shares: contributions.map((c) => (rSquared > 0 ? c / rSquared : NaN)) };
}

/** Correlations of the columns; a constant column gets 0 everywhere, diagonal included. */
function correlationMatrix(columns: readonly (readonly number[])[]): number[][] {
  const centred = columns.map((c) => {
    const m = c.reduce((s, v) => s + v, 0) / c.length;
    return c.map((v) => v - m);
  });
  const ss = centred.map((c) => c.reduce((s, v) => s + v * v, 0));
  return centred.map((a, i) =>
    centred.map((b, j) => {
      const denominator = Math.sqrt((ss[i] ?? 0) * (ss[j] ?? 0));
      if (!(denominator > 1e-12 * Math.max(1, ss[i] ?? 0, ss[j] ?? 0))) return 0;
      return i === j ? 1 : a.reduce((s, v, k) => s + v * (b[k] ?? 0), 0) / denominator;
    }),
  );
}

/** R² of y (index p) on the predictors in `mask`: 1 − the Schur complement of y. */
function subsetRSquared(corr: readonly (readonly number[])[], p: number, mask: number): number {
  const index = [...Array(p).keys()].filter((j) => mask & (1 << j)).concat(p);
  const a = index.map((i) => index.map((j) => corr[i]?.[j] ?? 0));
  const last = index.length - 1;
  for (let t = 0; t < last; t++) {
    const pivot = a[t]?.[t] ?? 0;
    if (pivot < 1e-10) continue;
    for (let i = t + 1; i <= last; i++) {
      const factor = (a[i]?.[t] ?? 0) / pivot;
      for (let j = t + 1; j <= last; j++) a[i]![j]! -= factor * (a[t]?.[j] ?? 0);
    }
  }
  return Math.min(1, Math.max(0, 1 - (a[last]?.[last] ?? NaN)));
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
