import { describe, expect, it } from 'vitest';
import { complementarySuppression, hierarchicalSuppression } from '../../src/domain/suppression';
import { protectTeams } from '../../src/domain/workspace-overview';
import type { CpiGroup } from '../../src/domain/cpis';

const cell = (key: string, n: number | null, hidden = false) => ({ key, n, hidden });

describe('complementary ("second cell") suppression', () => {
  it('hides the next smallest cell when exactly one is hidden and the total is shown', () => {
    expect(complementarySuppression([cell('A', 3, true), cell('B', 40), cell('C', 12), cell('D', 25)], true)).toEqual([
      'C',
    ]);
  });

  it('hides nothing when no total is shown', () => {
    expect(complementarySuppression([cell('A', 3, true), cell('B', 40), cell('C', 12)], false)).toEqual([]);
  });

  it('hides nothing when nothing is hidden, or when two hidden cells already protect each other', () => {
    expect(complementarySuppression([cell('A', 30), cell('B', 40)], true)).toEqual([]);
    expect(complementarySuppression([cell('A', 3, true), cell('B', 2, true), cell('C', 12)], true)).toEqual([]);
  });

  it('ignores hidden cells without responses: they add nothing to the total', () => {
    expect(
      complementarySuppression([cell('A', 0, true), cell('B', 3, true), cell('C', 12), cell('D', 9)], true),
    ).toEqual(['D']);
    expect(complementarySuppression([cell('A', 0, true), cell('C', 12)], true)).toEqual([]);
  });

  it('treats a hidden cell of unknown n as possibly the only one (errs toward hiding)', () => {
    expect(
      complementarySuppression([cell('A', null, true), cell('B', null, true), cell('C', 12), cell('D', 9)], true),
    ).toEqual(['D']);
    expect(complementarySuppression([cell('A', null, true), cell('B', 4, true), cell('C', 12)], true)).toEqual(['C']);
    expect(
      complementarySuppression([cell('A', 2, true), cell('B', 4, true), cell('C', null, true), cell('D', 12)], true),
    ).toEqual([]);
  });

  it('counts a second cell hidden earlier as protection, never as needing it', () => {
    // B protects A already; an unknown C adds either nothing or a second suppressed cell.
    expect(
      complementarySuppression([cell('A', 3, true), { ...cell('B', 9), complement: true }, cell('C', 15)], true),
    ).toEqual([]);
    expect(
      complementarySuppression([cell('A', null, true), { ...cell('B', 9), complement: true }, cell('C', 15)], true),
    ).toEqual([]);
    // A second cell alone hides nothing that needs hiding.
    expect(complementarySuppression([{ ...cell('B', 9), complement: true }, cell('C', 15)], true)).toEqual([]);
  });

  it('picks the first of equally small cells, and nothing when no cell is left to hide', () => {
    expect(complementarySuppression([cell('A', 3, true), cell('B', 9), cell('C', 9)], true)).toEqual(['B']);
    expect(complementarySuppression([cell('A', 3, true)], true)).toEqual([]);
  });

  it('protects within each group first (team totals), then across all (the org total)', () => {
    const cells = [
      { ...cell('ana', 3, true), group: 'Iberia' },
      { ...cell('ben', 20), group: 'Iberia' },
      { ...cell('cy', 9), group: 'Iberia' },
      { ...cell('dora', 7), group: 'DACH' },
      { ...cell('eli', 30), group: 'DACH' },
    ];
    // Within Iberia: cy (9) protects ana; then two are hidden org-wide, enough.
    expect([...hierarchicalSuppression(cells, true)]).toEqual(['cy']);
    // A team of one: nothing to hide within it, so the org level hides the smallest elsewhere.
    const alone = [
      { ...cell('tina', 3, true), group: 'Tiny' },
      { ...cell('ben', 20), group: 'Iberia' },
      { ...cell('dora', 7), group: 'DACH' },
    ];
    expect([...hierarchicalSuppression(alone, true)]).toEqual(['dora']);
  });
});

describe('the by-team table', () => {
  const team = (name: string, n: number, fcrN: number): CpiGroup => ({
    key: name,
    name,
    team: name,
    n,
    invited: n * 2,
    responseRate: 0.5,
    suppressed: n < 5,
    ...(n < 5
      ? {}
      : {
          fcr: { n: fcrN, rate: 0.6, lower: 0.5, upper: 0.7, shrunk: 0.6, shrunkSd: 0.05 },
          contentUseful: null,
          decisionClearer: null,
          addedValue: null,
          quoteTurnaroundHours: null,
        }),
  });

  it('hides the next smallest team in every column when one team is suppressed', () => {
    const rows = protectTeams([team('A', 40, 38), team('B', 12, 11), team('Tiny', 3, 3)], team('all', 55, 52));
    expect(rows.map((r) => [r.name, [...r.hidden]])).toEqual([
      ['A', []],
      ['B', ['responseRate', 'fcr']],
      ['Tiny', []],
    ]);
  });

  it('hides nothing when no team is suppressed', () => {
    const rows = protectTeams([team('A', 40, 38), team('B', 12, 11)], team('all', 52, 49));
    expect(rows.every((r) => r.hidden.size === 0)).toBe(true);
  });
});
