import type { Matrix } from 'ml-matrix';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { assertConfidence, assertFiniteNumbers, assertSameLength } from './guards.js';
import { type Design, interceptDesign, leastSquares, withIntercept } from './least-squares.js';

/** Coefficients of a meta-regression, intercept first, with Knapp–Hartung inference. */
export interface MetaRegression {
  beta: number[];
  se: number[];
  t: number[];
  p: number[];
  lower: number[];
  upper: number[];
  /** k − p. */
  df: number;
  /** REML between-unit variance. */
  tau2: number;
}

/** metafor's defaults, with the tighter threshold of docs/statistics.md ("Evidence 1", stage 2). */
const THRESHOLD = 1e-12;
const MAX_ITERATIONS = 100;
const LL_TOLERANCE = Number.EPSILON ** 0.25;

/**
 * Random-effects meta-regression, exactly R's
 * `metafor::rma(y, v, mods = X, method = "REML", test = "knha", control = list(threshold = 1e-12))`:
 * yᵢ = xᵢβ + uᵢ + εᵢ, uᵢ ~ N(0, τ²), εᵢ ~ N(0, vᵢ). τ² by REML, Fisher scoring from
 * the Hedges estimate, step-halving at 0, until |Δτ²| ≤ 1e-12 (and 0 when the REML
 * likelihood is higher there, metafor's `ll0check`). With wᵢ = 1/(vᵢ + τ²):
 * β = (XᵀWX)⁻¹XᵀWy; Knapp–Hartung s² = Σwᵢeᵢ²/(k − p), not truncated at 1;
 * se = √(s²·diag((XᵀWX)⁻¹)); t on k − p df; interval β ± t(df)·se.
 *
 * Edge cases (all fields NaN, where metafor stops with an error): k ≤ p, a
 * moderator constant or collinear with others, vᵢ = 0 while τ² = 0, no convergence
 * in 100 iterations. Mismatched lengths, negative or non-finite input throw.
 *
 * @param y unit estimates, length k
 * @param v their sampling variances, length k
 * @param X moderators as rows (k rows of q values), without the intercept column
 * @param level two-sided confidence level
 * @example
 * metaRegression([0.1, 0.3, 0.35, 0.6, 0.55], [0.01, 0.02, 0.015, 0.01, 0.02], [[1], [2], [3], [4], [5]], 0.95).beta;
 * // => [-0.0092, 0.1326] (rounded; tau2 0, se [0.0804, 0.0252], p [0.9164, 0.0133], as metafor prints)
 */
export function metaRegression(
  y: readonly number[],
  v: readonly number[],
  X: readonly (readonly number[])[],
  level: number,
): MetaRegression {
  assertSameLength('metaRegression', y, v);
  assertSameLength('metaRegression', y, X);
  assertFiniteNumbers('metaRegression', 'y', y);
  assertFiniteNumbers('metaRegression', 'v', v);
  assertConfidence('metaRegression', level);
  if (v.some((vi) => vi < 0)) throw new RangeError('metaRegression: sampling variances must be ≥ 0');
  const q = X[0]?.length ?? 0;
  for (const row of X) {
    if (row.length !== q) throw new RangeError('metaRegression: every row of X needs the same number of moderators');
    assertFiniteNumbers('metaRegression', 'X', row);
  }
  if (y.length <= q + 1) return nothing(q + 1);
  const design = withIntercept(X);
  return knappHartung(design, y, v, level, remlTau2(design, y, v));
}

/**
 * The meta-regression of {@link metaRegression} at a given τ² (no REML step): what a
 * bootstrap uses when it holds τ² at the full-data value. Same inference
 * (Knapp–Hartung, t on k − p df) and the same NaN cases; input is not re-validated.
 *
 * @param X moderators as rows, without the intercept column, or a design that has it
 * @example
 * metaRegressionAtTau2([0.1, 0.3, 0.35, 0.6, 0.55], [0.01, 0.02, 0.015, 0.01, 0.02], [[1], [2], [3], [4], [5]], 0.95, 0).beta;
 * // => [-0.0092, 0.1326] (rounded), as metaRegression where REML gives τ² = 0
 */
export function metaRegressionAtTau2(
  y: readonly number[],
  v: readonly number[],
  X: readonly (readonly number[])[] | Design,
  level: number,
  tau2: number,
): MetaRegression {
  return knappHartung(Array.isArray(X) ? interceptDesign(X) : (X as Design), y, v, level, tau2);
}

function knappHartung(
  design: Design,
  y: readonly number[],
  v: readonly number[],
  level: number,
  tau2: number,
): MetaRegression {
  const [k, p] = [y.length, design.columns];
  const none = nothing(p);
  if (k <= p || !Number.isFinite(tau2)) return none;
  const w = v.map((vi) => 1 / (vi + tau2));
  if (w.some((wi) => !Number.isFinite(wi))) return none;
  const fit = leastSquares(design, y, w);
  if (!fit) return none;
  const df = k - p;
  const s2 = fit.weightedRss <= Number.EPSILON ? 0 : fit.weightedRss / df;
  const se = fit.beta.map((_, j) => Math.sqrt(s2 * fit.unscaledCovariance.get(j, j)));
  const t = fit.beta.map((b, j) => b / se[j]!);
  const half = tQuantile((1 + level) / 2, df);
  return {
    beta: fit.beta,
    se,
    t,
    p: t.map((tj) => 2 * tCdf(-Math.abs(tj), df)),
    lower: fit.beta.map((b, j) => b - half * se[j]!),
    upper: fit.beta.map((b, j) => b + half * se[j]!),
    df,
    tau2,
  };
}

/** REML τ² by metafor's Fisher scoring; NaN when it cannot be computed. */
function remlTau2(X: Matrix, y: readonly number[], v: readonly number[]): number {
  const [k, p] = [y.length, X.columns];
  const ols = leastSquares(X, y);
  if (!ols) return NaN;
  // Hedges' estimator: (RSS − tr(P₀V))/(k − p), P₀ the OLS residual projection.
  const trP0V = v.reduce((s, vi) => s + vi, 0) - ols.unscaledCovariance.mmul(crossProduct(X, v)).trace();
  const rssOls = ols.residuals.reduce((s, e) => s + e * e, 0);
  let tau2 = Math.max(0, (rssOls - trP0V) / (k - p));
  let converged = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS && !converged; iteration++) {
    const w = v.map((vi) => 1 / (vi + tau2));
    if (w.some((wi) => !Number.isFinite(wi))) return NaN;
    const fit = leastSquares(X, y, w);
    if (!fit) return NaN;
    // With P = W − WX(XᵀWX)⁻¹XᵀW: yᵀPPy = Σ(wᵢeᵢ)², and the traces from p × p pieces.
    const H = fit.unscaledCovariance;
    const HA2 = H.mmul(
      crossProduct(
        X,
        w.map((wi) => wi * wi),
      ),
    );
    const trP = sum(w) - HA2.trace();
    const trPP =
      sum(w.map((wi) => wi * wi)) -
      2 *
        H.mmul(
          crossProduct(
            X,
            w.map((wi) => wi ** 3),
          ),
        ).trace() +
      HA2.mmul(HA2).trace();
    const yPPy = sum(fit.residuals.map((e, i) => (w[i]! * e) ** 2));
    let step = (yPPy - trP) / trPP;
    while (tau2 + step < 0) step /= 2;
    const previous = tau2;
    tau2 += step;
    converged = Math.abs(previous - tau2) <= THRESHOLD;
  }
  if (!converged) return NaN;
  if (tau2 > THRESHOLD && v.every((vi) => vi > 0)) {
    const atZero = restrictedLogLikelihood(X, y, v, 0);
    if (atZero - restrictedLogLikelihood(X, y, v, tau2) > LL_TOLERANCE) return 0;
  }
  return Math.max(0, tau2);
}

/** The REML log-likelihood up to a constant: −½[Σlog(vᵢ+τ²) + log det(XᵀWX) + Σwᵢeᵢ²]. */
function restrictedLogLikelihood(X: Matrix, y: readonly number[], v: readonly number[], tau2: number): number {
  const w = v.map((vi) => 1 / (vi + tau2));
  const fit = leastSquares(X, y, w);
  if (!fit) return NaN;
  return -0.5 * (sum(v.map((vi) => Math.log(vi + tau2))) + fit.logDeterminant + fit.weightedRss);
}

/** XᵀDX for the diagonal D = diag(d). */
function crossProduct(X: Matrix, d: readonly number[]): Matrix {
  return X.transpose().mmul(X.clone().mulColumnVector([...d]));
}

function sum(values: readonly number[]): number {
  return values.reduce((s, x) => s + x, 0);
}

function nothing(p: number): MetaRegression {
  const nan = (): number[] => Array.from({ length: p }, () => NaN);
  return { beta: nan(), se: nan(), t: nan(), p: nan(), lower: nan(), upper: nan(), df: NaN, tau2: NaN };
}
