import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as stats from '../../src/stats/index.js';
import { expectClose } from './helpers/close.js';

interface GoldenCase {
  fn: string;
  args: unknown[];
  expect: unknown;
}

// Reference values computed by R; read from the fixture, never retyped here.
const cases = JSON.parse(
  readFileSync(new URL('../fixtures/stats-golden.json', import.meta.url), 'utf8'),
) as GoldenCase[];

const functions: Record<string, (...args: never[]) => unknown> = {
  wilsonInterval: stats.wilsonInterval,
  pearson: stats.pearson,
  spearman: stats.spearman,
  benjaminiHochberg: stats.benjaminiHochberg,
  welchTTest: stats.welchTTest,
  pairedTTest: stats.pairedTTest,
  shrinkRates: stats.shrinkRates,
  quantile: stats.quantile,
};

describe('golden cases from R (stats-golden.json)', () => {
  it('covers every exported function that has R reference values', () => {
    expect(new Set(cases.map((c) => c.fn))).toEqual(new Set(Object.keys(functions)));
  });

  const seen = new Map<string, number>();
  for (const testCase of cases) {
    const index = seen.get(testCase.fn) ?? 0;
    seen.set(testCase.fn, index + 1);
    it(`${testCase.fn} #${index}`, () => {
      const fn = functions[testCase.fn];
      if (!fn) throw new Error(`no function ${testCase.fn}`);
      const actual = (fn as (...args: unknown[]) => unknown)(...testCase.args);
      expectClose(actual, testCase.expect, testCase.fn);
    });
  }
});
