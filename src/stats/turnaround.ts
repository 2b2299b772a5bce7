import { assertFiniteNumbers } from './guards.js';
import { quantile } from './quantile.js';
import { wilsonInterval, type RateInterval } from './wilson-interval.js';

/** Quote turnaround: skewed, so median and p90, and the share within SLA. */
export interface TurnaroundSummary {
  n: number;
  median: number;
  p90: number;
  withinSla: RateInterval & { successes: number; n: number };
}

/**
 * Summary of quote turnaround hours: median and 90th percentile (R type 7) and
 * the share of quotes within the SLA (hours ≤ SLA) with its Wilson interval.
 *
 * Edge cases: no quotes → n 0 and NaN figures. Negative or non-finite hours throw.
 *
 * @param hours turnaround per quote, in hours
 * @param slaHours the organisation's SLA, default 48
 * @example
 * turnaroundSummary([2, 10, 30, 50, 100]).withinSla.successes; // => 3
 */
export function turnaroundSummary(hours: readonly number[], slaHours = 48, confidence = 0.95): TurnaroundSummary {
  assertFiniteNumbers('turnaroundSummary', 'hours', hours);
  if (hours.some((h) => h < 0)) throw new RangeError('turnaroundSummary: hours must be ≥ 0');
  if (!(slaHours > 0)) throw new RangeError(`turnaroundSummary: slaHours must be > 0 (got ${slaHours})`);
  const [median = NaN, p90 = NaN] = quantile(hours, [0.5, 0.9]);
  const successes = hours.filter((h) => h <= slaHours).length;
  const n = hours.length;
  return { n, median, p90, withinSla: { ...wilsonInterval(successes, n, confidence), successes, n } };
}
