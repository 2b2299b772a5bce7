/**
 * Pages served from a stored analysis (src/domain/analysis/cache.ts): the first request of a
 * period starts its computation on the analysis worker and shows the "being computed" region;
 * these helpers ask again, as htmx does, until the results are there.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export const COMPUTING = 'data-analysis="computing"';

export interface Page {
  status: number;
  html: string;
  headers: Headers;
}

/** Calls `load` until its page no longer says the analysis is being computed. */
export async function untilAnalysed(load: () => Promise<Page>, timeoutMs = 120_000): Promise<Page> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await load();
    if (!page.html.includes(COMPUTING)) return page;
    if (Date.now() > deadline) throw new Error('the analysis was still being computed');
    await sleep(150);
  }
}
