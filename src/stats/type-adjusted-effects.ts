import { Matrix, solve } from 'ml-matrix';
import { byCodePoint } from './code-point-order.js';
import { largestConnectedSet } from './connected-set.js';
import { assertFiniteNumbers, assertSameLength } from './guards.js';
import { summaryMoments, type MeanSummary } from './mean-summary.js';

/** What SQL returns per rep × interaction type: COUNT(y), SUM(y), SUM(y*y). */
export interface RepTypeSummary extends MeanSummary {
  rep: string;
  type: string;
}

/** A rep's CPI at the organisation's common interaction mix. */
export interface RepEffect {
  rep: string;
  /** answers used */
  n: number;
  estimate: number;
  variance: number;
}

export interface TypeAdjustedOptions {
  /** Reps with fewer answers are left out (of the fit and the output). Default 5. */
  minAnswers?: number;
}

const MIN_ANSWERS = 5;

/**
 * Each rep's CPI at the common interaction mix, from rows: R's
 * `lm(y ~ 0 + rep + type)`. See {@link typeAdjustedEffectsFromSummaries}, which
 * this calls after summing the rows per rep × type.
 *
 * @param rep rep key of each answer
 * @param type interaction type of each answer
 * @param y the answer (FCR 0/1, Likert 1–5, log turnaround hours)
 * @example
 * typeAdjustedEffects(
 *   ['a', 'a', 'a', 'b', 'b', 'b'], ['call', 'demo', 'demo', 'call', 'call', 'demo'], [3, 5, 4, 2, 3, 3],
 *   { minAnswers: 1 },
 * );
 * // b_demo = 1 (within reps), a: 10/3, b: 7/3, demo share 1/2; RSS 4/3 on 3 df
 * // => [{ rep: 'a', n: 3, estimate: 3.8333, variance: 0.1481 }, { rep: 'b', n: 3, estimate: 2.8333, variance: 0.1481 }]
 */
export function typeAdjustedEffects(
  rep: readonly string[],
  type: readonly string[],
  y: readonly number[],
  options: TypeAdjustedOptions = {},
): RepEffect[] {
  assertSameLength('typeAdjustedEffects', rep, y);
  assertSameLength('typeAdjustedEffects', type, y);
  assertFiniteNumbers('typeAdjustedEffects', 'y', y);
  const cells = new Map<string, RepTypeSummary>();
  y.forEach((value, i) => {
    const key = JSON.stringify([rep[i], type[i]]);
    const cell = cells.get(key) ?? { rep: rep[i]!, type: type[i]!, n: 0, sum: 0, sumOfSquares: 0 };
    cell.n += 1;
    cell.sum += value;
    cell.sumOfSquares += value * value;
    cells.set(key, cell);
  });
  return typeAdjustedEffectsFromSummaries([...cells.values()], options);
}

/**
 * Each rep's CPI at the common interaction mix, from per rep × type counts, sums
 * and sums of squares (docs/statistics.md, "Evidence 1", stage 1). Least squares with rep and
 * type fixed effects, R's `lm(y ~ 0 + rep + type)`; the type effects b are
 * estimated within reps (Frisch–Waugh–Lovell: Σᵢ[diag(cᵢ) − cᵢcᵢᵀ/nᵢ]·b =
 * Σᵢ[sᵢ − cᵢSᵢ/nᵢ], cᵢ and sᵢ rep i's counts and sums by type). Types are ordered
 * by code point; the first present is the reference (b = 0). A rep's estimate is
 * its coefficient aᵢ = (Sᵢ − cᵢᵀb)/nᵢ plus Σₜwₜbₜ, wₜ the type's share of the fitted
 * answers; its variance σ̂²/nᵢ with σ̂² = RSS/(N − reps − types + 1).
 *
 * The model is fitted on the largest connected set of reps and types
 * ({@link largestConnectedSet}); a rep outside it keeps its raw mean with
 * variance s²ᵢ/nᵢ. Reps with fewer than `minAnswers` (default 5) answers are left out.
 * Output sorted by rep key (code point).
 *
 * Edge cases: no residual df (N = reps + types − 1) → variances NaN; a rep outside
 * the set with one answer → variance NaN. Duplicate cells are added together.
 * Negative or fractional counts, non-finite sums throw.
 *
 * @example
 * typeAdjustedEffectsFromSummaries([
 *   { rep: 'a', type: 'call', n: 1, sum: 3, sumOfSquares: 9 },
 *   { rep: 'a', type: 'demo', n: 2, sum: 9, sumOfSquares: 41 },
 *   { rep: 'b', type: 'call', n: 2, sum: 5, sumOfSquares: 13 },
 *   { rep: 'b', type: 'demo', n: 1, sum: 3, sumOfSquares: 9 },
 * ], { minAnswers: 1 }); // => a 3.8333, b 2.8333, variances 0.1481 (the rows of the example above)
 */
export function typeAdjustedEffectsFromSummaries(
  cells: readonly RepTypeSummary[],
  options: TypeAdjustedOptions = {},
): RepEffect[] {
  const minAnswers = options.minAnswers ?? MIN_ANSWERS;
  const byRep = new Map<string, Map<string, MeanSummary>>();
  for (const cell of cells) {
    const { n, sum, sumOfSquares } = cell;
    if (
      !(Number.isInteger(n) && n >= 0 && Number.isFinite(sum) && Number.isFinite(sumOfSquares) && sumOfSquares >= 0)
    ) {
      throw new RangeError(
        `typeAdjustedEffects: malformed summary for ${cell.rep} × ${cell.type} (n ${n}, sum ${sum}, sumOfSquares ${sumOfSquares})`,
      );
    }
    if (n === 0) continue;
    const types = byRep.get(cell.rep) ?? new Map<string, MeanSummary>();
    types.set(cell.type, add(types.get(cell.type) ?? EMPTY, cell));
    byRep.set(cell.rep, types);
  }
  const total = (types: Map<string, MeanSummary>): MeanSummary => [...types.values()].reduce(add, EMPTY);
  const eligible = [...byRep].filter(([, types]) => total(types).n >= minAnswers);
  const connected = largestConnectedSet(
    eligible.flatMap(([rep, types]) => [...types.keys()].map((type) => ({ rep, type }))),
  );
  const fitted = fitFixedEffects(new Map(eligible.filter(([rep]) => connected.has(rep))));
  const effects = eligible.map(([rep, types]): RepEffect => {
    const own = fitted.get(rep);
    if (own) return own;
    const summary = total(types);
    const { mean, variance } = summaryMoments(summary);
    return { rep, n: summary.n, estimate: mean, variance: variance / summary.n };
  });
  return effects.sort((a, b) => byCodePoint(a.rep, b.rep));
}

const EMPTY: MeanSummary = { n: 0, sum: 0, sumOfSquares: 0 };

function add(a: MeanSummary, b: MeanSummary): MeanSummary {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumOfSquares: a.sumOfSquares + b.sumOfSquares };
}

/** The two-way fixed-effects fit on one connected set of reps (rep → type → summary). */
function fitFixedEffects(reps: Map<string, Map<string, MeanSummary>>): Map<string, RepEffect> {
  if (reps.size === 0) return new Map();
  const types = [...new Set([...reps.values()].flatMap((t) => [...t.keys()]))].sort(byCodePoint);
  const index = new Map(types.map((t, j) => [t, j - 1])); // the reference type gets −1: no column
  const m = types.length - 1;
  const A = Matrix.zeros(m, m);
  const r = Matrix.zeros(m, 1);
  const typeCount = new Array<number>(types.length).fill(0);
  let N = 0;
  for (const cellsOfRep of reps.values()) {
    const n = [...cellsOfRep.values()].reduce((s, c) => s + c.n, 0);
    const S = [...cellsOfRep.values()].reduce((s, c) => s + c.sum, 0);
    N += n;
    for (const [type, cell] of cellsOfRep) {
      const j = index.get(type)!;
      typeCount[j + 1]! += cell.n;
      if (j < 0) continue;
      r.set(j, 0, r.get(j, 0) + cell.sum - (cell.n * S) / n);
      A.set(j, j, A.get(j, j) + cell.n);
      for (const [other, otherCell] of cellsOfRep) {
        const l = index.get(other)!;
        if (l >= 0) A.set(j, l, A.get(j, l) - (cell.n * otherCell.n) / n);
      }
    }
  }
  const b = [0, ...(m > 0 ? solve(A, r).to1DArray() : [])];
  const mix = typeCount.reduce((s, count, j) => s + (count / N) * b[j]!, 0);
  const coefficients = new Map<string, { n: number; a: number }>();
  let rss = 0;
  for (const [rep, cellsOfRep] of reps) {
    let [n, adjusted] = [0, 0];
    for (const [type, cell] of cellsOfRep) {
      n += cell.n;
      adjusted += cell.sum - cell.n * b[index.get(type)! + 1]!;
    }
    const a = adjusted / n;
    coefficients.set(rep, { n, a });
    for (const [type, cell] of cellsOfRep) {
      // Within-cell sum of squares plus the cell mean's distance from the fit.
      const fit = a + b[index.get(type)! + 1]!;
      rss += Math.max(0, cell.sumOfSquares - (cell.sum * cell.sum) / cell.n) + cell.n * (cell.sum / cell.n - fit) ** 2;
    }
  }
  const df = N - reps.size - m;
  const sigma2 = df > 0 ? rss / df : NaN;
  return new Map(
    [...coefficients].map(([rep, { n, a }]) => [rep, { rep, n, estimate: a + mix, variance: sigma2 / n }]),
  );
}
