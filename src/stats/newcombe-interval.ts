import { assertConfidence } from './guards.js';
import { wilsonInterval, type RateInterval } from './wilson-interval.js';

/**
 * Newcombe's hybrid score interval for a difference of two independent
 * proportions p₁ − p₂ (Newcombe 1998, method 10), from the Wilson limits
 * (l₁, u₁), (l₂, u₂): lower = d − √((p₁−l₁)² + (u₂−p₂)²),
 * upper = d + √((u₁−p₁)² + (p₂−l₂)²).
 *
 * Edge cases: either n = 0 → all NaN. Counts are checked as in {@link wilsonInterval}.
 *
 * @param successes1 x₁
 * @param n1 n₁
 * @param successes2 x₂
 * @param n2 n₂
 * @param confidence two-sided level, default 0.95
 * @example
 * newcombeInterval(56, 70, 48, 80); // => { estimate: 0.2, lower: 0.0524, upper: 0.3339 } (rounded; Newcombe 1998)
 */
export function newcombeInterval(
  successes1: number,
  n1: number,
  successes2: number,
  n2: number,
  confidence = 0.95,
): RateInterval {
  assertConfidence('newcombeInterval', confidence);
  const one = wilsonInterval(successes1, n1, confidence);
  const two = wilsonInterval(successes2, n2, confidence);
  const d = one.estimate - two.estimate;
  return {
    estimate: d,
    lower: d - Math.hypot(one.estimate - one.lower, two.upper - two.estimate),
    upper: d + Math.hypot(one.upper - one.estimate, two.estimate - two.lower),
  };
}
