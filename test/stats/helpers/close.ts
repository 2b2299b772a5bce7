import { expect } from 'vitest';

/** How close a value must be: |actual − expected| ≤ max(absolute, relative·|expected|). */
export interface Tolerance {
  relative: number;
  absolute: number;
}

/** The golden tolerance for stats-golden.json: 1e-9 relative or 1e-12 absolute. */
const GOLDEN: Tolerance = { relative: 1e-9, absolute: 1e-12 };

/**
 * The tolerance for the evidence estimators (iterative fits): 1e-7 relative or 1e-12 absolute
 * (docs/statistics.md, "Reference values and tolerances").
 */
export const EVIDENCE: Tolerance = { relative: 1e-7, absolute: 1e-12 };

/** Whether actual is within tolerance of expected (whichever bound is looser); NaN matches NaN. */
function isClose(actual: number, expected: number, tolerance: Tolerance = GOLDEN): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  const bound = Math.max(tolerance.absolute, tolerance.relative * Math.abs(expected));
  return Math.abs(actual - expected) <= bound;
}

/** Deep comparison with {@link isClose} for numbers; `path` names the failing field. */
export function expectClose(actual: unknown, expected: unknown, path = 'value', tolerance: Tolerance = GOLDEN): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    expect(isClose(actual as number, expected, tolerance), `${path}: got ${String(actual)}, want ${expected}`).toBe(
      true,
    );
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose(list[i], e, `${path}[${i}]`, tolerance));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, `${path}.${key}`, tolerance);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}
