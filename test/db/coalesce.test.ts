/** db/coalesce.ts: keys asked for while a lookup runs go together in the next; each caller gets its own answer. */
import { describe, expect, it } from 'vitest';
import { coalescing } from '../../db/coalesce';

describe('coalescing lookups', () => {
  it('answers 100 concurrent callers from few lookups, each with its own value or undefined', async () => {
    const calls: number[][] = [];
    const lookup = coalescing(async (keys: number[]) => {
      calls.push(keys);
      await new Promise((r) => setTimeout(r, 5));
      return new Map(keys.filter((k) => k % 7 !== 0).map((k) => [k, `v${k}`]));
    });
    const keys = Array.from({ length: 100 }, (_, i) => i % 60);
    const answers = await Promise.all(keys.map((k) => lookup(k)));
    expect(answers).toEqual(keys.map((k) => (k % 7 === 0 ? undefined : `v${k}`)));
    expect(calls.length).toBeLessThanOrEqual(2);
    // A key asked twice is looked up once.
    expect(calls.flat().length).toBe(new Set(calls.flat()).size);
  });

  it('keeps at most maxKeys per lookup and fails only the callers of a failed lookup', async () => {
    const sizes: number[] = [];
    const lookup = coalescing(async (keys: number[]) => {
      sizes.push(keys.length);
      if (keys.includes(13)) throw new Error('lookup failed');
      return new Map(keys.map((k) => [k, k]));
    }, 10);
    const outcomes = await Promise.allSettled(Array.from({ length: 30 }, (_, i) => lookup(i)));
    expect(sizes).toEqual([10, 10, 10]);
    expect(outcomes.map((o) => o.status)).toEqual(
      Array.from({ length: 30 }, (_, i) => (i >= 10 && i < 20 ? 'rejected' : 'fulfilled')),
    );
    // And it goes on working afterwards.
    expect(await lookup(3)).toBe(3);
  });
});
