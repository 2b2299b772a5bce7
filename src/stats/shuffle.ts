import { shuffle } from 'simple-statistics';
import { mulberry32 } from './prng.js';

/**
 * A seeded Fisher–Yates shuffle: a new array holding `values` in a random order
 * that depends only on `seed` (simple-statistics `shuffle` driven by mulberry32).
 *
 * @param values the items; not modified
 * @param seed the seed for {@link mulberry32}
 * @example
 * seededShuffle([1, 2, 3, 4], 7); // the same order on every run
 */
export function seededShuffle<T>(values: readonly T[], seed: number): T[] {
  return shuffle([...values], mulberry32(seed));
}
