import { expect } from 'vitest';

/** The golden tolerance: 1e-9 relative or 1e-12 absolute, whichever is looser. */
export function isClose(actual: number, expected: number): boolean {
  if (Number.isNaN(expected)) return Number.isNaN(actual);
  return Math.abs(actual - expected) <= Math.max(1e-12, 1e-9 * Math.abs(expected));
}

/** Deep comparison with {@link isClose} for numbers; `path` names the failing field. */
export function expectClose(actual: unknown, expected: unknown, path = 'value'): void {
  if (typeof expected === 'number') {
    expect(typeof actual, `${path} type`).toBe('number');
    expect(isClose(actual as number, expected), `${path}: got ${String(actual)}, want ${expected}`).toBe(true);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual), `${path} is an array`).toBe(true);
    const list = actual as unknown[];
    expect(list.length, `${path} length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose(list[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    for (const [key, e] of Object.entries(expected)) {
      expectClose((actual as Record<string, unknown>)[key], e, `${path}.${key}`);
    }
  } else {
    expect(actual, path).toEqual(expected);
  }
}
