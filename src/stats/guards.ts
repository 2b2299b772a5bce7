/**
 * Guard clauses shared by the statistics functions. Each takes the calling
 * function's name so the thrown message says where bad input came in.
 * Malformed input (mismatched lengths, negative counts, impossible rates)
 * throws; merely small or degenerate samples return NaN instead, as R returns NA.
 */

/** Paired inputs must have the same length. */
export function assertSameLength(fn: string, x: readonly unknown[], y: readonly unknown[]): void {
  if (x.length !== y.length) {
    throw new RangeError(`${fn}: inputs must have the same length (got ${x.length} and ${y.length})`);
  }
}

/** Every value must be a finite number (NaN or ±Infinity is malformed input). */
export function assertFiniteNumbers(fn: string, name: string, values: readonly number[]): void {
  for (const v of values) {
    if (!Number.isFinite(v)) throw new RangeError(`${fn}: ${name} must be finite numbers (got ${v})`);
  }
}

/** A two-sided confidence level strictly between 0 and 1. */
export function assertConfidence(fn: string, confidence: number): void {
  if (!(confidence > 0 && confidence < 1)) {
    throw new RangeError(`${fn}: confidence must be between 0 and 1 (got ${confidence})`);
  }
}

/** A count of successes out of trials: finite, 0 ≤ successes ≤ trials. */
export function assertCount(fn: string, successes: number, trials: number): void {
  if (!Number.isFinite(successes) || !Number.isFinite(trials) || successes < 0 || trials < 0) {
    throw new RangeError(`${fn}: counts must be finite and non-negative (got ${successes} of ${trials})`);
  }
  if (successes > trials) {
    throw new RangeError(`${fn}: successes (${successes}) exceed trials (${trials})`);
  }
}

/** A count such as B (resamples, permutations): an integer ≥ 1. */
export function assertPositiveInteger(fn: string, name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`${fn}: ${name} must be a positive integer (got ${value})`);
  }
}

/** A value that is present and a finite number (not null, undefined or NaN). */
export function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
