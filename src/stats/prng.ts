/** A source of uniform numbers in [0, 1), as simple-statistics' `shuffle` expects. */
export type RandomSource = () => number;

/**
 * Mulberry32, a small seeded pseudo-random generator (Tommy Ettinger, 2017):
 * 32 bits of state, a Weyl sequence (period 2³²) scrambled by multiply–xorshift
 * steps. Ample for permutation tests and bootstraps of up to ~10⁵ draws; not for
 * secrets (use node:crypto). Only 32-bit integer arithmetic (Math.imul), so the
 * same seed gives the same sequence on every platform.
 *
 * @param seed any number; only its low 32 bits are used
 * @returns a function returning the next number in [0, 1)
 * @example
 * const random = mulberry32(42);
 * random(); // => 0.6011037519201636, on every run
 */
export function mulberry32(seed: number): RandomSource {
  let state = seed >>> 0;
  return function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Derives a 32-bit seed from a base seed and labels (FNV-1a over the labels),
 * so each analysis (e.g. each skill × CPI pair) gets its own stream that does not
 * depend on which other pairs were analysed or in what order.
 *
 * @example
 * seedFor(1, 'discovery', 'fcr') === seedFor(1, 'discovery', 'fcr'); // => true
 */
export function seedFor(seed: number, ...labels: readonly string[]): number {
  let hash = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (const char of labels.join('\u0000')) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
