import { mean } from 'simple-statistics';
import { welchInterval, welchTTest } from './welch-t-test.js';

/** One rep's (shrunk) CPI value in the windows before and after t₀. */
export interface RepWindowChange {
  before: number;
  after: number;
  /** Responses in the before window. */
  beforeResponses: number;
  /** Responses in the after window. */
  afterResponses: number;
}

/** The estimate, or "not enough data" with the counts that fell short. */
export type DifferenceInDifferences =
  | {
      status: 'ok';
      effect: number;
      lower: number;
      upper: number;
      t: number;
      df: number;
      p: number;
      trained: { reps: number; meanChange: number };
      untrained: { reps: number; meanChange: number };
    }
  | { status: 'not-enough-data'; reason: string; trainedReps: number; untrainedReps: number };

/**
 * Difference-in-differences for a training effect (STATS.md "Training
 * effects"): effect = mean(after − before) of trained reps − mean(after − before)
 * of untrained reps over the same windows, with Welch's test and interval on the
 * two sets of changes. Only reps with ≥ `minResponses` (20) responses in each
 * window count; fewer than `minReps` (5) in either arm is "not enough data" — an
 * answer, not an error. Zero spread in both arms → t, p and interval NaN.
 *
 * @example
 * differenceInDifferences(trained, untrained).status; // 'ok' | 'not-enough-data'
 */
export function differenceInDifferences(
  trained: readonly RepWindowChange[],
  untrained: readonly RepWindowChange[],
  options: { minResponses?: number; minReps?: number; confidence?: number } = {},
): DifferenceInDifferences {
  const { minResponses = 20, minReps = 5, confidence = 0.95 } = options;
  const changes = (reps: readonly RepWindowChange[]): number[] =>
    reps
      .filter((r) => r.beforeResponses >= minResponses && r.afterResponses >= minResponses)
      .map((r) => r.after - r.before);
  const a = changes(trained);
  const b = changes(untrained);
  if (a.length < minReps || b.length < minReps) {
    return {
      status: 'not-enough-data',
      reason: `need ≥ ${minReps} reps per arm with ≥ ${minResponses} responses in each window`,
      trainedReps: a.length,
      untrainedReps: b.length,
    };
  }
  const { t, df, p } = welchTTest(a, b);
  const { estimate, lower, upper } = welchInterval(a, b, confidence);
  return {
    status: 'ok',
    effect: estimate,
    lower,
    upper,
    t,
    df,
    p,
    trained: { reps: a.length, meanChange: mean(a) },
    untrained: { reps: b.length, meanChange: mean(b) },
  };
}
