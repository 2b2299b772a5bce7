/**
 * The skill-link analysis as pages and staff exports take it (./cache.ts): keyed by the
 * period's stable form (./period.ts); a page gets the latest stored result at once, or null
 * while the first one for the period is being computed; a file, which cannot show a
 * "being computed" note, waits for the first one instead.
 */
import type { AppDeps } from '../../context';
import type { Period } from '../../lib/period';
import { serveAnalysis } from './cache';
import type { LinkAnalysis } from './links';
import { analysisPeriod } from './period';

export interface ServedLinks {
  analysis: LinkAnalysis;
  computedAt: number;
  /** The data changed since: a newer result is being computed. */
  stale: boolean;
}

export async function serveLinks(
  deps: AppDeps,
  period: Period,
  now: number,
  use: 'page' | 'file',
): Promise<ServedLinks | null> {
  const params = analysisPeriod(period, now);
  let served = await serveAnalysis(deps, 'links', params, 'stale-ok');
  if (served.status === 'computing' && use === 'file') served = await serveAnalysis(deps, 'links', params, 'wait');
  return served.status === 'ready'
    ? { analysis: served.result, computedAt: served.computedAt, stale: served.stale }
    : null;
}
