import { byCodePoint } from './code-point-order.js';

/** A rep answered about at least one interaction of a type. */
export interface RepTypeLink {
  rep: string;
  type: string;
}

/**
 * The largest connected set of reps, linked through the interaction types they
 * share (a bipartite graph of reps and types; two reps are connected when a chain
 * of shared types joins them). Type effects are estimable only within such a set.
 * "Largest" is the most reps, then the most rep × type links, then the set whose
 * first rep key comes first by code point, so the choice never depends on input order.
 *
 * @returns the reps of that set (empty when there are no links)
 * @example
 * largestConnectedSet([
 *   { rep: 'a', type: 'call' }, { rep: 'b', type: 'call' }, { rep: 'c', type: 'demo' },
 * ]); // => Set { 'a', 'b' }
 */
export function largestConnectedSet(links: readonly RepTypeLink[]): Set<string> {
  const typesOf = new Map<string, Set<string>>();
  const repsOf = new Map<string, Set<string>>();
  for (const { rep, type } of links) {
    if (!typesOf.has(rep)) typesOf.set(rep, new Set());
    if (!repsOf.has(type)) repsOf.set(type, new Set());
    typesOf.get(rep)!.add(type);
    repsOf.get(type)!.add(rep);
  }
  const seen = new Set<string>();
  let best: { reps: string[]; links: number } | null = null;
  for (const start of [...typesOf.keys()].sort(byCodePoint)) {
    if (seen.has(start)) continue;
    const reps = [start];
    const typesSeen = new Set<string>();
    seen.add(start);
    let linkCount = 0;
    for (let i = 0; i < reps.length; i++) {
      for (const type of typesOf.get(reps[i]!)!) {
        linkCount++;
        if (typesSeen.has(type)) continue;
        typesSeen.add(type);
        for (const other of repsOf.get(type)!) {
          if (!seen.has(other)) {
            seen.add(other);
            reps.push(other);
          }
        }
      }
    }
    // Starts are visited in code-point order, so on a tie the earlier set is kept.
    if (!best || reps.length > best.reps.length || (reps.length === best.reps.length && linkCount > best.links)) {
      best = { reps, links: linkCount };
    }
  }
  return new Set(best?.reps ?? []);
}
