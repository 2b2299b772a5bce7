import { assertFiniteNumbers } from './guards.js';
import { quantile, type7Quantile } from './quantile.js';
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

/**
 * {@link turnaroundSummary} from what SQL can return per group: the count, the count
 * within the SLA, and the order statistics the median and p90 need ({@link type7Indices}).
 *
 * @example
 * turnaroundFromOrderStatistics(5, 3, (i) => [2, 10, 30, 50, 100][i]!).median; // => 30
 */
export function turnaroundFromOrderStatistics(
  n: number,
  withinSla: number,
  valueAt: (index: number) => number,
  confidence = 0.95,
): TurnaroundSummary {
  if (!(withinSla >= 0 && withinSla <= n))
    throw new RangeError(`turnaroundFromOrderStatistics: withinSla must be in [0, n] (got ${withinSla})`);
  return {
    n,
    median: type7Quantile(n, 0.5, valueAt),
    p90: type7Quantile(n, 0.9, valueAt),
    withinSla: { ...wilsonInterval(withinSla, n, confidence), successes: withinSla, n },
  };
}
