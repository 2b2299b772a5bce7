import { Matrix } from 'ml-matrix';

/** A design matrix as the fit reads it: an ml-matrix Matrix, or {@link interceptDesign}'s array. */
export interface Design {
  readonly rows: number;
  readonly columns: number;
  get(row: number, column: number): number;
}

/** A (weighted) least-squares fit of y on the columns of X. */
export interface LeastSquaresFit {
  /** Coefficients, one per column of X. */
  beta: number[];
  /** (XᵀWX)⁻¹, p × p: the covariance of beta up to the residual scale. */
  unscaledCovariance: Matrix;
  /** yᵢ − xᵢβ, unweighted. */
  residuals: number[];
  /** Σ wᵢ eᵢ². */
  weightedRss: number;
  /** log det(XᵀWX). */
  logDeterminant: number;
}

/**
 * R's `lm` tolerance: a column is aliased when the part of it not explained by
 * the columns before it is under 1e-7 of its length (LINPACK dqrdc2, `tol = 1e-7`).
 */
const ALIASED = 1e-7;

/**
 * Weighted least squares by the Householder QR decomposition of √W·X, so the normal
 * equations are never formed: β = argmin Σwᵢ(yᵢ − xᵢβ)², (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ.
 * Returns null when X has fewer rows than columns or a column is aliased
 * (collinear with the ones before it, R's `lm` would report NA for it).
 * The decomposition runs on one column-major Float64Array: the bootstraps refit
 * thousands of models, and matrix objects per step cost twenty times the arithmetic.
 *
 * @param X design matrix, n × p (include the intercept column yourself)
 * @param y outcome, length n
 * @param weights wᵢ > 0, length n; default all 1 (ordinary least squares)
 * @example
 * leastSquares(new Matrix([[1, 1], [1, 2], [1, 3], [1, 5]]), [1, 2, 2, 4])?.beta; // => [0.2857, 0.7143] (rounded)
 */
export function leastSquares(X: Design, y: readonly number[], weights?: readonly number[]): LeastSquaresFit | null {
  const [n, p] = [X.rows, X.columns];
  if (n < p || p === 0) return null;
  const root = new Float64Array(n);
  for (let i = 0; i < n; i++) root[i] = Math.sqrt(weights?.[i] ?? 1);
  // a: √W·X column-major (column j at j·n); b: √W·y.
  const a = new Float64Array(n * p);
  const columnNorm = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const value = X.get(i, j) * root[i]!;
      a[j * n + i] = value;
      sq += value * value;
    }
    columnNorm[j] = Math.sqrt(sq);
  }
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = y[i]! * root[i]!;
  const diagonal = new Float64Array(p);
  for (let k = 0; k < p; k++) {
    // The Householder reflection that zeroes column k below the diagonal.
    const offset = k * n;
    let sq = 0;
    for (let i = k; i < n; i++) sq += a[offset + i]! * a[offset + i]!;
    let norm = Math.sqrt(sq);
    if (norm !== 0) {
      if (a[offset + k]! < 0) norm = -norm;
      for (let i = k; i < n; i++) a[offset + i]! /= norm;
      a[offset + k]! += 1;
      for (let j = k + 1; j < p; j++) reflect(a, offset, j * n, k, n);
      reflect(a, offset, -1, k, n, b);
    }
    diagonal[k] = -norm;
  }
  for (let j = 0; j < p; j++) if (Math.abs(diagonal[j]!) <= ALIASED * columnNorm[j]!) return null;
  // R: diagonal on the diagonal, a[j·n + i] above it (i < j).
  const r = (i: number, j: number) => (i === j ? diagonal[i]! : a[j * n + i]!);
  const beta = new Array<number>(p).fill(0);
  for (let i = p - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let j = i + 1; j < p; j++) s -= r(i, j) * beta[j]!;
    beta[i] = s / r(i, i);
  }
  // R⁻¹ (upper triangular) by back substitution, then R⁻¹R⁻ᵀ.
  const rInverse = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    rInverse[j * p + j] = 1 / r(j, j);
    for (let i = j - 1; i >= 0; i--) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += r(i, m) * rInverse[m * p + j]!;
      rInverse[i * p + j] = -s / r(i, i);
    }
  }
  const covariance = Matrix.zeros(p, p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let s = 0;
      for (let m = j; m < p; m++) s += rInverse[i * p + m]! * rInverse[j * p + m]!;
      covariance.set(i, j, s);
      covariance.set(j, i, s);
    }
  }
  const residuals = new Array<number>(n);
  let weightedRss = 0;
  for (let i = 0; i < n; i++) {
    let fitted = 0;
    for (let j = 0; j < p; j++) fitted += X.get(i, j) * beta[j]!;
    const e = y[i]! - fitted;
    residuals[i] = e;
    weightedRss += (weights?.[i] ?? 1) * e * e;
  }
  let logDeterminant = 0;
  for (let j = 0; j < p; j++) logDeterminant += 2 * Math.log(Math.abs(diagonal[j]!));
  return { beta, unscaledCovariance: covariance, residuals, weightedRss, logDeterminant };
}

/**
 * Applies the reflection I − v·vᵀ/v₀ (v: rows k… of the column at `v`) to rows k… of
 * the column at `target` of `a`, or of `into` when given.
 */
function reflect(a: Float64Array, v: number, target: number, k: number, n: number, into?: Float64Array): void {
  const column = into ?? a;
  const start = into ? 0 : target;
  let s = 0;
  for (let i = k; i < n; i++) s += a[v + i]! * column[start + i]!;
  s = -s / a[v + k]!;
  for (let i = k; i < n; i++) column[start + i]! += s * a[v + i]!;
}

/** [1, x₁, …, x_q] for each row: the design with an intercept column first. */
export function withIntercept(rows: readonly (readonly number[])[]): Matrix {
  return new Matrix(rows.map((row) => [1, ...row]));
}

/** {@link withIntercept} on one row-major Float64Array, for fits repeated thousands of times. */
export function interceptDesign(rows: readonly (readonly number[])[]): Design {
  const n = rows.length;
  const columns = (rows[0]?.length ?? 0) + 1;
  const data = new Float64Array(n * columns);
  rows.forEach((row, i) => {
    data[i * columns] = 1;
    for (let j = 1; j < columns; j++) data[i * columns + j] = row[j - 1]!;
  });
  return { rows: n, columns, get: (row, column) => data[row * columns + column]! };
}

/** The intercept design from moderator columns (each of length n): no row arrays to build. */
export function interceptColumnsDesign(columns: readonly (readonly number[])[], n: number): Design {
  const width = columns.length + 1;
  const data = new Float64Array(n * width);
  for (let i = 0; i < n; i++) data[i * width] = 1;
  columns.forEach((column, j) => {
    for (let i = 0; i < n; i++) data[i * width + j + 1] = column[i]!;
  });
  return { rows: n, columns: width, get: (row, column) => data[row * width + column]! };
}
