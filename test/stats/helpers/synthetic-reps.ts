import type { RandomSource } from '../../../src/stats/index.js';

/** A standard normal draw (Box–Muller) from a seeded source. */
export function normal(random: RandomSource): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
