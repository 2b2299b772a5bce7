import { assertFiniteNumbers, assertSameLength } from './guards.js';

/** An OLS slope per standard deviation of x, with its standard error. */
export interface StandardizedSlope {
  beta: number;
  se: number;
  n: number;
}

/**
 * OLS slope of y on x/scale (with intercept): how much y moves per `scale`
 * units of x — per standard deviation when `scale` is SD(x), the default.
 * β = scale·Sxy/Sxx, SE = scale·√(RSS/(n − 2 − lostDf)/Sxx). `lostDf` counts
 * parameters estimated beforehand, e.g. g − 1 when x and y were centred on g team
 * means (the within-team slope), which is also when to pass the overall SD as scale.
 *
 * Edge cases: n < 2 or constant x → β and SE NaN; no residual df → SE NaN.
 * Mismatched lengths or non-finite values throw.
 *
 * @example
 * standardizedSlope([1, 2, 3], [2, 4, 6]).beta; // => 2 (SD of x is 1)
 */
export function standardizedSlope(
  x: readonly number[],
  y: readonly number[],
  options: { scale?: number; lostDf?: number } = {},
): StandardizedSlope {
  assertSameLength('standardizedSlope', x, y);
  assertFiniteNumbers('standardizedSlope', 'x', x);
  assertFiniteNumbers('standardizedSlope', 'y', y);
  return slopeOfChecked(x, y, options);
}

/**
 * {@link standardizedSlope} without its guards, for callers that have already dropped
 * missing values (the link and bootstrap loops, where the checks cost a third of the time).
 */
export function slopeOfChecked(x: ArrayLike<number>, y: ArrayLike<number>, options: { scale?: number; lostDf?: number } = {}): StandardizedSlope {
  const n = x.length;
  if (n < 2) return { beta: NaN, se: NaN, n };
  let [mx, my] = [0, 0];
  for (let i = 0; i < n; i++) {
    mx += x[i] ?? 0;
    my += y[i] ?? 0;
  }
  [mx, my] = [mx / n, my / n];
  let [sxx, sxy, syy] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const [dx, dy] = [(x[i] ?? 0) - mx, (y[i] ?? 0) - my];
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const scale = options.scale ?? Math.sqrt(sxx / (n - 1));
  if (!(sxx > 0) || !(scale > 0)) return { beta: NaN, se: NaN, n };
  const slope = sxy / sxx;
  const df = n - 2 - (options.lostDf ?? 0);
  const rss = Math.max(0, syy - slope * sxy);
  const se = df > 0 ? scale * Math.sqrt(rss / df / sxx) : NaN;
  return { beta: scale * slope, se, n };
}
