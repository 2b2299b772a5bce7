/**
 * How many times each fault is repeated, and the random seed, from the environment:
 *
 *   FAULT_ROUNDS          rounds of every repeated fault (server kills, import kills)
 *   FAULT_SERVER_ROUNDS   server SIGKILL rounds (overrides FAULT_ROUNDS)
 *   FAULT_IMPORT_ROUNDS   import SIGKILL rounds (overrides FAULT_ROUNDS)
 *   FAULT_SEED            seed of the random kill moments, client counts and SMTP faults
 *                         (printed by every suite, so a failing run can be replayed)
 *
 * The defaults are the CI settings (the whole suite in about 4 minutes on 2 cores);
 * run with FAULT_ROUNDS=20 locally.
 */
import { mulberry32 } from '../../../src/stats/prng';

export function rounds(specific: string, fallback: number): number {
  const raw = process.env[specific] ?? process.env.FAULT_ROUNDS;
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `${process.env[specific] !== undefined ? specific : 'FAULT_ROUNDS'} must be a whole number ≥ 1, got ${JSON.stringify(raw)}`,
    );
  return n;
}

export interface Rng {
  seed: number;
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max] */
  int(min: number, max: number): number;
}

/** mulberry32 (src/stats/prng.ts): small, fast, and good enough to pick moments and faults reproducibly. */
export function rng(label: string): Rng {
  const raw = process.env.FAULT_SEED;
  const seed = raw && /^\d+$/.test(raw) ? Number(raw) >>> 0 : (Math.random() * 2 ** 32) >>> 0;
  console.log(`[faults] ${label}: FAULT_SEED=${seed}`);
  const next = mulberry32(seed);
  return { seed, next, int: (min, max) => min + Math.floor(next() * (max - min + 1)) };
}

/** Logs a line of the suite's progress (vitest shows console output of tests). */
export function note(message: string) {
  console.log(`[faults] ${message}`);
}
