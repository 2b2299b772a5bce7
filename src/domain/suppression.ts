/**
 * Complementary ("second cell") suppression (docs/statistics.md, "Showing numbers"): when the cells
 * of a column add up to a total that is shown, and exactly one cell is hidden for having
 * too few responses, its value could be worked out from the total and the other cells
 * (total·N − Σ shown·n). Hiding the next smallest cell as well makes that impossible:
 * two hidden cells can only be recovered together, never one by one.
 */

export interface SuppressionCell<K> {
  key: K;
  /**
   * The responses the cell's figure rests on; shown cells are compared by it (smallest
   * first). A suppressed cell's n may be unknown (null): it may then add to the total or not.
   */
  n: number | null;
  /** Suppressed: too few responses (or no data), so its figure must not be derivable. */
  hidden: boolean;
  /** Already hidden as a second cell: it has enough responses, so it protects but needs no protection. */
  complement?: boolean;
}

/**
 * The keys of the cells to hide in addition, so that no suppressed cell can be derived
 * from the shown total. A suppressed cell is exposed when it is the only hidden cell that
 * adds to the total: hidden cells with n = 0 add nothing, and a suppressed cell of
 * unknown n is assumed to be the only one that does (the rule errs toward hiding).
 * Then the shown cell with the fewest responses is hidden too (ties: the first given).
 *
 * @example
 * complementarySuppression([{ key: 'A', n: 3, hidden: true }, { key: 'B', n: 40, hidden: false }, { key: 'C', n: 12, hidden: false }], true);
 * // => ['C']
 */
export function complementarySuppression<K>(cells: readonly SuppressionCell<K>[], totalShown: boolean): K[] {
  if (!totalShown) return [];
  const known = cells.filter((c) => (c.hidden || c.complement) && c.n !== null && c.n > 0);
  const unknown = cells.filter((c) => c.hidden && !c.complement && c.n === null);
  const exposed = known.length === 0 ? unknown.length > 0 : known.length === 1 && !known[0]!.complement;
  if (!exposed) return [];
  let smallest: SuppressionCell<K> | undefined;
  for (const cell of cells)
    if (!cell.hidden && !cell.complement && (smallest === undefined || (cell.n ?? 0) < (smallest.n ?? 0)))
      smallest = cell;
  return smallest ? [smallest.key] : [];
}

/**
 * The rule applied within each group of a hierarchy first (e.g. the reps of each team,
 * whose team total is shown elsewhere), then across everything (the org total): returns
 * every key to hide in addition.
 */
export function hierarchicalSuppression<K>(
  cells: readonly (SuppressionCell<K> & { group: string })[],
  totalShown: boolean,
): Set<K> {
  const extra = new Set<K>();
  const groups = new Map<string, (SuppressionCell<K> & { group: string })[]>();
  for (const c of cells) (groups.get(c.group) ?? groups.set(c.group, []).get(c.group)!).push(c);
  for (const list of groups.values()) for (const key of complementarySuppression(list, true)) extra.add(key);
  const after = cells.map((c) => ({ ...c, complement: c.complement || extra.has(c.key) }));
  for (const key of complementarySuppression(after, totalShown)) extra.add(key);
  return extra;
}
