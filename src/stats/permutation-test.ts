import { assertFiniteNumbers, assertPositiveInteger, assertSameLength } from './guards.js';
import { mulberry32, type RandomSource } from './prng.js';
import { midranks } from './ranks.js';
import type { CorrelationMethod } from './fisher-z-interval.js';

/** Options for {@link permutationTest}. */
export interface PermutationOptions {
  /** 'spearman' (default) permutes midranks; 'pearson' the raw values. */
  method?: CorrelationMethod;
  /** Number of permutations B, default 9,999. */
  permutations?: number;
  /** Seed for {@link mulberry32}, default 1. */
  seed?: number;
  /** Optional group per pair (e.g. team): y is shuffled only within groups. */
  strata?: readonly string[];
}

/**
 * Seeded permutation test of a correlation: shuffle y against x B times and
 * count how often |r*| ≥ |r|; p = (1 + #{|r*| ≥ |r|})/(B + 1), never 0 and never
 * anti-conservative. A tolerance of 1e-12 counts permutations that tie with r. With
 * `strata`, y is permuted within each stratum only, the right null for
 * correlations of within-team (team-centred) values.
 *
 * Edge cases: n < 3 or a constant variable → r and p NaN. Mismatched lengths or
 * non-finite values throw.
 *
 * @example
 * permutationTest([1, 2, 3, 4, 5, 6], [2, 1, 4, 3, 6, 5], { seed: 3 }).p; // ≈ 0.06
 */
export function permutationTest(
  x: readonly number[],
  y: readonly number[],
  options: PermutationOptions = {},
): { r: number; p: number; permutations: number } {
  const { method = 'spearman', permutations = 9999, seed = 1, strata } = options;
  assertSameLength('permutationTest', x, y);
  assertFiniteNumbers('permutationTest', 'x', x);
  assertFiniteNumbers('permutationTest', 'y', y);
  assertPositiveInteger('permutationTest', 'permutations', permutations);
  if (strata) assertSameLength('permutationTest', x, strata);
  const a = centred(method === 'spearman' ? midranks(x) : [...x]);
  const b = centred(method === 'spearman' ? midranks(y) : [...y]);
  const scale = Math.sqrt(dot(a, a) * dot(b, b));
  const r = dot(a, b) / scale;
  if (x.length < 3 || !(scale > 0)) return { r: NaN, p: NaN, permutations };
  const groups = strataIndices(strata ?? x.map(() => ''));
  const random = mulberry32(seed);
  const threshold = Math.abs(r) - 1e-12;
  let extreme = 0;
  for (let draw = 0; draw < permutations; draw++) {
    for (const indices of groups) shuffleWithin(b, indices, random);
    if (Math.abs(dot(a, b) / scale) >= threshold) extreme++;
  }
  return { r, p: (1 + extreme) / (permutations + 1), permutations };
}

function centred(values: number[]): number[] {
  const m = values.reduce((s, v) => s + v, 0) / values.length;
  return values.map((v) => v - m);
}

function dot(a: readonly number[], b: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += (a[i] ?? 0) * (b[i] ?? 0);
  return total;
}

/**
 * Fisher–Yates over the positions `indices` of `values`, in place. simple-statistics'
 * `shuffle` permutes a whole (copied) array; this one permutes a subset of
 * positions without allocating, which a stratified test needs B times over.
 */
function shuffleWithin(values: number[], indices: readonly number[], random: RandomSource): void {
  for (let j = indices.length - 1; j > 0; j--) {
    const k = Math.floor(random() * (j + 1));
    const pj = indices[j]!;
    const pk = indices[k]!;
    const held = values[pj]!;
    values[pj] = values[pk]!;
    values[pk] = held;
  }
}

/** Positions per stratum; strata of one cannot be permuted and are left out. */
function strataIndices(strata: readonly string[]): number[][] {
  const groups = new Map<string, number[]>();
  strata.forEach((key, i) => {
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  return [...groups.values()].filter((g) => g.length > 1);
}
