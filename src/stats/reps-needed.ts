/**
 * Reps needed to detect an effect δ, from the current analysis (docs/statistics.md,
 * "Evidence 1", the planner): an MDE shrinks with √k, so detecting δ needs about k·(MDE/δ)² reps,
 * rounded up. A rough guide: it assumes the new reps resemble the current ones.
 *
 * Edge cases: MDE or k not finite, δ ≤ 0 → NaN.
 *
 * @param delta the effect to detect, per SD of skill, in the CPI's units
 * @param reps k, the reps in the current model
 * @param mde the current MDE (e.g. the planner's, at the median se)
 * @example
 * repsNeededToDetect(0.05, 40, 0.1); // => 160: half the MDE needs four times the reps
 */
export function repsNeededToDetect(delta: number, reps: number, mde: number): number {
  if (!(delta > 0) || !Number.isFinite(reps) || !Number.isFinite(mde)) return NaN;
  return Math.ceil(reps * (mde / delta) ** 2);
}
