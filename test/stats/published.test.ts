import { describe, expect, it } from 'vitest';
import {
  benjaminiHochberg,
  newcombeInterval,
  pairedTTest,
  pearson,
  spearman,
  welchInterval,
  welchTTest,
} from '../../src/stats/index.js';

// Published examples quoted in docs/statistics.md, "Reference values and tolerances", to the digits published.
const round = (x: number, digits: number): number => Number(x.toFixed(digits));

describe('R ?cor.test: Hollander & Wolfe (1973) p. 187', () => {
  const x = [44.4, 45.9, 41.9, 53.3, 44.7, 44.1, 50.7, 45.2, 60.1];
  const y = [2.6, 3.1, 2.5, 5.0, 3.6, 4.0, 5.2, 2.8, 3.8];

  it('Pearson r = 0.5711816, t = 1.8411 on 7 df, p = 0.1082, 95% CI (-0.1497426, 0.8955795)', () => {
    const result = pearson(x, y);
    expect(round(result.r, 7)).toBe(0.5711816);
    expect(round(result.p, 4)).toBe(0.1082);
    expect(round(result.lower, 7)).toBe(-0.1497426);
    expect(round(result.upper, 7)).toBe(0.8955795);
    expect(result.n).toBe(9);
  });

  it('Spearman rho = 0.6', () => {
    expect(round(spearman(x, y).rho, 10)).toBe(0.6);
  });
});

describe('R sleep data (Cushny & Peebles; Student 1908)', () => {
  const drug1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
  const drug2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

  it('Welch: t = -1.8608, df = 17.776, p = 0.07939, 95% CI (-3.3654832, 0.2054832)', () => {
    const result = welchTTest(drug1, drug2);
    expect(round(result.t, 4)).toBe(-1.8608);
    expect(round(result.df, 3)).toBe(17.776);
    expect(round(result.p, 5)).toBe(0.07939);
    const interval = welchInterval(drug1, drug2);
    expect(round(interval.lower, 7)).toBe(-3.3654832);
    expect(round(interval.upper, 7)).toBe(0.2054832);
  });

  it('paired: t = -4.0621, df = 9, p = 0.002833', () => {
    const result = pairedTTest(drug1, drug2);
    expect(round(result.t, 4)).toBe(-4.0621);
    expect(result.df).toBe(9);
    expect(round(result.p, 6)).toBe(0.002833);
  });
});

describe('Benjamini & Hochberg (1995), section 4: fifteen p-values', () => {
  const p = [
    0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1.0,
  ];

  it('rejects the four smallest at q = 0.05', () => {
    const q = benjaminiHochberg(p);
    expect(q.filter((v) => v <= 0.05)).toHaveLength(4);
    expect(q.slice(0, 4).every((v) => v <= 0.05)).toBe(true);
    expect(q[4]).toBeGreaterThan(0.05);
  });
});

describe('Newcombe (1998) Table II, method 10 (hybrid score)', () => {
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809],
    [5, 56, 0, 29, -0.0381, 0.1926],
    [0, 10, 0, 20, -0.1611, 0.2775],
    [10, 10, 0, 20, 0.6791, 1],
  ])('%i/%i − %i/%i → (%f, %f)', (x1, n1, x2, n2, lower, upper) => {
    const result = newcombeInterval(x1, n1, x2, n2);
    expect(round(result.estimate, 10)).toBe(round(x1 / n1 - x2 / n2, 10));
    expect(round(result.lower, 4)).toBe(lower);
    expect(round(result.upper, 4)).toBe(upper);
  });
});
