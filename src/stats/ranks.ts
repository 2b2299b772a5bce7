/**
 * Ranks 1…n with ties given their average rank (midranks), as R's `rank(x)`.
 *
 * @param values finite numbers
 * @returns the rank of each value, in input order
 * @example
 * midranks([10, 20, 20, 5]); // => [2, 3.5, 3.5, 1]
 */
export function midranks(values: readonly number[]): number[] {
  const order = values.map((_, index) => index).sort((a, b) => (values[a] ?? 0) - (values[b] ?? 0));
  const ranks = new Array<number>(values.length);
  let start = 0;
  while (start < order.length) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}
