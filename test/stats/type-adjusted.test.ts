import { describe, expect, it } from 'vitest';
import {
  largestConnectedSet,
  mulberry32,
  typeAdjustedEffects,
  typeAdjustedEffectsFromSummaries,
  type RepTypeSummary,
} from '../../src/stats/index.js';
import { EVIDENCE, expectClose } from './helpers/close.js';

interface Rows {
  rep: string[];
  type: string[];
  y: number[];
}

/** Seeded rows: reps with different mixes of types, type and rep effects, Likert-like y. */
function randomRows(seed: number, reps: number): Rows {
  const random = mulberry32(seed);
  const types = ['call', 'demo', 'meeting', 'quote'];
  const rows: Rows = { rep: [], type: [], y: [] };
  for (let i = 0; i < reps; i++) {
    const n = 3 + Math.floor(random() * 20);
    const demoShare = random();
    for (let j = 0; j < n; j++) {
      const type = random() < demoShare ? 'demo' : types[Math.floor(random() * types.length)]!;
      rows.rep.push(`rep${String(i).padStart(2, '0')}`);
      rows.type.push(type);
      rows.y.push(
        Math.min(5, Math.max(1, Math.round(3 + i / reps + (type === 'demo' ? 0.8 : 0) + 2 * (random() - 0.5)))),
      );
    }
  }
  return rows;
}

/** The rows summed per rep × type, as SQL would return them. */
function summaries(rows: Rows): RepTypeSummary[] {
  const cells = new Map<string, RepTypeSummary>();
  rows.y.forEach((y, i) => {
    const key = `${rows.rep[i]}|${rows.type[i]}`;
    const cell = cells.get(key) ?? { rep: rows.rep[i]!, type: rows.type[i]!, n: 0, sum: 0, sumOfSquares: 0 };
    cells.set(key, { ...cell, n: cell.n + 1, sum: cell.sum + y, sumOfSquares: cell.sumOfSquares + y * y });
  });
  return [...cells.values()];
}

function subset(rows: Rows, keep: (rep: string) => boolean): Rows {
  const index = rows.rep.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0);
  return {
    rep: index.map((i) => rows.rep[i]!),
    type: index.map((i) => rows.type[i]!),
    y: index.map((i) => rows.y[i]!),
  };
}

describe('typeAdjustedEffects: hand-checkable', () => {
  it('two reps, two types: b_demo = 1 within reps, estimates at the half-demo mix', () => {
    // a: call 3, demo 5 4; b: call 2 3, demo 3. Within-rep demo effect: A = 2/3 + 2/3, r = 1 + 1/3 → b = 1.
    // a = (12 − 2)/3, b = (8 − 1)/3; plus ½·1. RSS = 12/9 on 6 − 3 df → σ̂² = 4/9, variance 4/27.
    const result = typeAdjustedEffects(
      ['a', 'a', 'a', 'b', 'b', 'b'],
      ['call', 'demo', 'demo', 'call', 'call', 'demo'],
      [3, 5, 4, 2, 3, 3],
      {
        minAnswers: 1,
      },
    );
    expectClose(result, [
      { rep: 'a', n: 3, estimate: 10 / 3 + 0.5, variance: 4 / 27 },
      { rep: 'b', n: 3, estimate: 7 / 3 + 0.5, variance: 4 / 27 },
    ]);
  });

  it('every rep with the same mix: the estimates are the raw means', () => {
    const rows: Rows = {
      rep: ['a', 'a', 'a', 'a', 'b', 'b', 'b', 'b', 'c', 'c', 'c', 'c'],
      type: ['call', 'call', 'demo', 'demo', 'call', 'call', 'demo', 'demo', 'call', 'call', 'demo', 'demo'],
      y: [3, 4, 5, 5, 2, 3, 4, 3, 4, 4, 5, 4],
    };
    const result = typeAdjustedEffects(rows.rep, rows.type, rows.y, { minAnswers: 4 });
    expect(result.map((r) => r.estimate)).toEqual([17 / 4, 12 / 4, 17 / 4].map((m) => expect.closeTo(m, 12)));
  });

  it('does not depend on which type is the reference, nor on row order', () => {
    const rows = randomRows(7, 12);
    const renamed = rows.type.map((t) => (t === 'call' ? 'zzz-call' : t));
    const reversed = [...rows.y.keys()].reverse();
    const base = typeAdjustedEffects(rows.rep, rows.type, rows.y);
    expectClose(typeAdjustedEffects(rows.rep, renamed, rows.y), base, 'renamed', EVIDENCE);
    expectClose(
      typeAdjustedEffects(
        reversed.map((i) => rows.rep[i]!),
        reversed.map((i) => rows.type[i]!),
        reversed.map((i) => rows.y[i]!),
      ),
      base,
      'reversed',
      EVIDENCE,
    );
  });
});

describe('typeAdjustedEffects from rollups', () => {
  it('per rep × type counts, sums and sums of squares give what the rows give', () => {
    for (const seed of [1, 2, 3]) {
      const rows = randomRows(seed, 15);
      const fromRows = typeAdjustedEffects(rows.rep, rows.type, rows.y);
      expect(fromRows.length).toBeGreaterThan(5);
      expectClose(typeAdjustedEffectsFromSummaries(summaries(rows)), fromRows, `seed ${seed}`, EVIDENCE);
    }
  });

  it('adds duplicate cells together and skips empty ones', () => {
    const rows = randomRows(4, 8);
    const cells = summaries(rows);
    const first = cells[0]!;
    const split = [
      { ...first, n: 1, sum: first.sum / first.n, sumOfSquares: (first.sum / first.n) ** 2 },
      ...cells.slice(1),
      { rep: 'nobody', type: 'call', n: 0, sum: 0, sumOfSquares: 0 },
    ];
    if (first.n > 1) {
      const mean = first.sum / first.n;
      split.push({ ...first, n: first.n - 1, sum: first.sum - mean, sumOfSquares: first.sumOfSquares - mean * mean });
    }
    expectClose(typeAdjustedEffectsFromSummaries(split), typeAdjustedEffectsFromSummaries(cells), 'split', EVIDENCE);
  });

  it('throws on malformed summaries, naming the function', () => {
    const bad = [{ rep: 'a', type: 'call', n: 2.5, sum: 5, sumOfSquares: 13 }];
    expect(() => typeAdjustedEffectsFromSummaries(bad)).toThrow(/typeAdjustedEffects/);
    expect(() => typeAdjustedEffects(['a'], ['call', 'demo'], [1])).toThrow(/typeAdjustedEffects/);
    expect(() => typeAdjustedEffects(['a'], ['call'], [NaN])).toThrow(/typeAdjustedEffects/);
  });
});

describe('typeAdjustedEffects edges', () => {
  it('a rep with fewer than 5 answers is left out of the fit and the output', () => {
    const rows = randomRows(11, 10);
    const counts = new Map<string, number>();
    for (const r of rows.rep) counts.set(r, (counts.get(r) ?? 0) + 1);
    const few = [...counts].filter(([, n]) => n < 5).map(([r]) => r);
    expect(few.length).toBeGreaterThan(0);
    const result = typeAdjustedEffects(rows.rep, rows.type, rows.y);
    expect(result.map((r) => r.rep)).not.toContain(few[0]);
    const without = subset(rows, (r) => !few.includes(r));
    expectClose(
      result,
      typeAdjustedEffects(without.rep, without.type, without.y, { minAnswers: 1 }),
      'default',
      EVIDENCE,
    );
    expect(typeAdjustedEffects(rows.rep, rows.type, rows.y, { minAnswers: 1 }).map((r) => r.rep)).toContain(few[0]);
  });

  it('disconnected types: reps outside the largest connected set keep their raw mean and s²/n', () => {
    const main = randomRows(5, 8);
    const island: Rows = {
      rep: ['x1', 'x1', 'x1', 'x1', 'x1', 'x2', 'x2', 'x2', 'x2', 'x2', 'x2'],
      type: ['chat', 'chat', 'chat', 'chat', 'chat', 'chat', 'chat', 'visit', 'visit', 'chat', 'chat'],
      y: [5, 4, 4, 5, 2, 3, 3, 4, 5, 3, 3],
    };
    const all: Rows = {
      rep: [...main.rep, ...island.rep],
      type: [...main.type, ...island.type],
      y: [...main.y, ...island.y],
    };
    const result = typeAdjustedEffects(all.rep, all.type, all.y);
    expectClose(
      result.find((r) => r.rep === 'x1'),
      { rep: 'x1', n: 5, estimate: 4, variance: 1.5 / 5 },
    );
    expectClose(
      result.find((r) => r.rep === 'x2'),
      { rep: 'x2', n: 6, estimate: 21 / 6, variance: 0.7 / 6 },
    );
    const mainOnly = typeAdjustedEffects(main.rep, main.type, main.y);
    expectClose(
      result.filter((r) => !r.rep.startsWith('x')),
      mainOnly,
      'main set',
      EVIDENCE,
    );
  });

  it('no residual degrees of freedom → variance NaN; no reps → empty', () => {
    const result = typeAdjustedEffects(['a', 'a', 'b'], ['call', 'demo', 'call'], [3, 4, 5], { minAnswers: 1 });
    expect(result.map((r) => r.estimate)).toEqual([expect.closeTo(10 / 3, 12), expect.closeTo(16 / 3, 12)]);
    expect(result.every((r) => Number.isNaN(r.variance))).toBe(true);
    expect(typeAdjustedEffects([], [], [])).toEqual([]);
  });

  it('zero variance: identical answers give variance 0', () => {
    const rep = ['a', 'a', 'a', 'b', 'b', 'b'];
    const result = typeAdjustedEffects(rep, ['call', 'demo', 'call', 'demo', 'call', 'demo'], [4, 4, 4, 4, 4, 4], {
      minAnswers: 1,
    });
    expect(result.map((r) => [r.estimate, r.variance])).toEqual([
      [expect.closeTo(4, 12), expect.closeTo(0, 12)],
      [expect.closeTo(4, 12), expect.closeTo(0, 12)],
    ]);
  });

  it('output sorted by rep key in code-point order', () => {
    const rows = randomRows(9, 6);
    const rep = rows.rep.map((r) => (r === 'rep00' ? 'Zed' : r === 'rep01' ? '😀' : r === 'rep02' ? '\uffee' : r));
    const keys = typeAdjustedEffects(rep, rows.type, rows.y, { minAnswers: 1 }).map((r) => r.rep);
    expect(keys).toEqual(['Zed', 'rep03', 'rep04', 'rep05', '\uffee', '😀']);
  });
});

describe('largestConnectedSet', () => {
  it('most reps wins; ties go to more links, then the first rep key', () => {
    const links = [
      { rep: 'b', type: 'chat' },
      { rep: 'c', type: 'chat' },
      { rep: 'a', type: 'call' },
      { rep: 'd', type: 'call' },
      { rep: 'd', type: 'demo' },
    ];
    expect([...largestConnectedSet(links)].sort()).toEqual(['a', 'd']);
    expect([...largestConnectedSet(links.slice(0, 4))].sort()).toEqual(['a', 'd']);
    expect([...largestConnectedSet([...links, { rep: 'e', type: 'chat' }])].sort()).toEqual(['b', 'c', 'e']);
    expect(largestConnectedSet([]).size).toBe(0);
  });
});
