import { Matrix, QrDecomposition, inverse } from 'ml-matrix';

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
 * Weighted least squares by the QR decomposition of √W·X (ml-matrix), so the
 * normal equations are never formed: β = argmin Σwᵢ(yᵢ − xᵢβ)², (XᵀWX)⁻¹ = R⁻¹R⁻ᵀ.
 * Returns null when X has fewer rows than columns or a column is aliased
 * (collinear with the ones before it, R's `lm` would report NA for it).
 *
 * @param X design matrix, n × p (include the intercept column yourself)
 * @param y outcome, length n
 * @param weights wᵢ > 0, length n; default all 1 (ordinary least squares)
 * @example
 * leastSquares(new Matrix([[1, 1], [1, 2], [1, 3], [1, 5]]), [1, 2, 2, 4])?.beta; // => [0.2857, 0.7143] (rounded)
 */
export function leastSquares(X: Matrix, y: readonly number[], weights?: readonly number[]): LeastSquaresFit | null {
  const [n, p] = [X.rows, X.columns];
  if (n < p || p === 0) return null;
  const root = Array.from({ length: n }, (_, i) => Math.sqrt(weights?.[i] ?? 1));
  const scaled = X.clone().mulColumnVector(root);
  const qr = new QrDecomposition(scaled);
  const R = qr.upperTriangularMatrix;
  for (let j = 0; j < p; j++) {
    if (Math.abs(R.get(j, j)) <= ALIASED * scaled.getColumnVector(j).norm()) return null;
  }
  const beta = qr.solve(Matrix.columnVector(y.map((v, i) => v * root[i]!))).to1DArray();
  const fitted = X.mmul(Matrix.columnVector(beta)).to1DArray();
  const residuals = y.map((v, i) => v - fitted[i]!);
  const rInverse = inverse(R);
  let logDeterminant = 0;
  for (let j = 0; j < p; j++) logDeterminant += 2 * Math.log(Math.abs(R.get(j, j)));
  return {
    beta,
    unscaledCovariance: rInverse.mmul(rInverse.transpose()),
    residuals,
    weightedRss: residuals.reduce((s, e, i) => s + (weights?.[i] ?? 1) * e * e, 0),
    logDeterminant,
  };
}

/** [1, x₁, …, x_q] for each row: the design with an intercept column first. */
export function withIntercept(rows: readonly (readonly number[])[]): Matrix {
  return new Matrix(rows.map((row) => [1, ...row]));
}
