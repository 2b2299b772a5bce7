import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { Matrix } from 'ml-matrix';
import { assertConfidence, assertFiniteNumbers } from './guards.js';
import type { CoachedLabel } from './joint-gap-score.js';
import { leastSquares, withIntercept } from './least-squares.js';

/** Responses the after window needs before a coached rep is labelled at all. */
export const MIN_LABEL_RESPONSES = 10;
/** The prediction interval a label is judged on. */
export const LABEL_LEVEL = 0.8;

/** The coached rep: the after window so far, its responses, and the covariates (as for the controls). */
export interface CoachedRep {
  post: number;
  afterResponses: number;
  covariates: readonly number[];
}

/** A label with the residual it rests on: actual − predicted, and its prediction interval (NaN when no fit). */
export interface CoachedLabelResult {
  label: CoachedLabel;
  residual: number;
  lower: number;
  upper: number;
  df: number;
}

/**
 * A coached rep's label (docs/statistics.md, "Evidence 2"): fit post ~ covariates on the control reps
 * (least squares with an intercept); the rep's residual e = y − ŷ with its prediction
 * interval e ± t(n_c − p, (1+level)/2)·σ̂·√(1 + x₀ᵀ(XᵀX)⁻¹x₀), level 80%.
 * `coached-improving` when the interval is above 0, `coached-not-improving` when below,
 * `coached-too-early-to-tell` otherwise, and always while the after window has < 10
 * responses. Where lower is better (quote turnaround, log hours) the direction flips:
 * improving means the interval is below 0.
 *
 * Edge cases: controls no more than the parameters, or collinear covariates → too early,
 * NaN numbers. Mismatched lengths or non-finite values throw.
 *
 * @param rep the coached rep
 * @param controls the control reps' post values and covariate rows (same columns as rep.covariates)
 * @example
 * coachedLabel(
 *   { post: 4.3, afterResponses: 30, covariates: [3.5] },
 *   { post: [3.4, 3.6, 3.5, 3.8, 3.3, 3.7], covariates: [[3.4], [3.5], [3.5], [3.7], [3.2], [3.6]] },
 * ).label; // => 'coached-improving'
 */
export function coachedLabel(
  rep: CoachedRep,
  controls: { post: readonly number[]; covariates: readonly (readonly number[])[] },
  options: { lowerIsBetter?: boolean; level?: number; minResponses?: number } = {},
): CoachedLabelResult {
  const { lowerIsBetter = false, level = LABEL_LEVEL, minResponses = MIN_LABEL_RESPONSES } = options;
  assertConfidence('coachedLabel', level);
  if (controls.post.length !== controls.covariates.length) {
    throw new RangeError('coachedLabel: controls need one covariate row per post value');
  }
  assertFiniteNumbers('coachedLabel', 'control post', controls.post);
  assertFiniteNumbers('coachedLabel', 'rep covariates', rep.covariates);
  for (const row of controls.covariates) {
    if (row.length !== rep.covariates.length) throw new RangeError('coachedLabel: covariate rows must match the rep’s');
    assertFiniteNumbers('coachedLabel', 'control covariates', row);
  }
  const tooEarly: CoachedLabelResult = {
    label: 'coached-too-early-to-tell',
    residual: NaN,
    lower: NaN,
    upper: NaN,
    df: NaN,
  };
  if (!Number.isFinite(rep.post)) return tooEarly;
  const p = rep.covariates.length + 1;
  const df = controls.post.length - p;
  const fit = df >= 1 ? leastSquares(withIntercept(controls.covariates), controls.post) : null;
  if (!fit) return tooEarly;
  const x0 = Matrix.columnVector([1, ...rep.covariates]);
  const predicted = x0.transpose().mmul(Matrix.columnVector(fit.beta)).get(0, 0);
  const leverage = x0.transpose().mmul(fit.unscaledCovariance).mmul(x0).get(0, 0);
  const residual = rep.post - predicted;
  const half = tQuantile((1 + level) / 2, df) * Math.sqrt((fit.weightedRss / df) * (1 + leverage));
  const [lower, upper] = [residual - half, residual + half];
  const better = lowerIsBetter ? upper < 0 : lower > 0;
  const worse = lowerIsBetter ? lower > 0 : upper < 0;
  const label: CoachedLabel =
    rep.afterResponses < minResponses || !(better || worse)
      ? 'coached-too-early-to-tell'
      : better
        ? 'coached-improving'
        : 'coached-not-improving';
  return { label, residual, lower, upper, df };
}
