import { assertSameLength } from './guards.js';

/**
 * Subtracts each group's mean from its members' values (e.g. centre on team
 * means), so what remains is variation within groups.
 *
 * @param values one value per unit
 * @param groups the group of each unit
 * @example
 * centreOnGroups([1, 3, 10, 14], ['a', 'a', 'b', 'b']); // => [-1, 1, -2, 2]
 */
export function centreOnGroups(values: readonly number[], groups: readonly string[]): number[] {
  assertSameLength('centreOnGroups', values, groups);
  const totals = new Map<string, { sum: number; n: number }>();
  values.forEach((v, i) => {
    const key = groups[i] ?? '';
    const t = totals.get(key) ?? { sum: 0, n: 0 };
    totals.set(key, { sum: t.sum + v, n: t.n + 1 });
  });
  return values.map((v, i) => {
    const t = totals.get(groups[i] ?? '');
    return t ? v - t.sum / t.n : NaN;
  });
}
