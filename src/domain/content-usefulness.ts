/**
 * The content library: every content item with how useful customers found it (mean of
 * content_useful with its t interval, top-2-box with its Wilson interval, n) and how often
 * it was shared in the period. Ranking by usefulness uses the mean shrunk toward the mean
 * of all items (normal–normal: docs/statistics.md, "1–5 answers (Likert means)"), so an
 * item with three glowing answers does not outrank one with three hundred good ones; the
 * raw mean and interval are what is shown.
 */
import type { Drizzle } from '../../db/client';
import { listContentItems } from '../../db/queries/content';
import { getContentShareCounts, getContentUsefulnessSums } from '../../db/queries/analysis-content';
import { likertMean, shrinkMeans, wilsonInterval } from '../stats';
import type { Period } from '../lib/period';
import type { ContentSort } from './analysis-params';
import { getSettings } from './settings';

interface ContentUsefulness {
  n: number;
  mean: number;
  lower: number;
  upper: number;
  top2: number;
  top2Lower: number;
  top2Upper: number;
  /** The ranking value: the mean shrunk toward all items' mean. */
  shrunk: number;
}

export interface ContentRow {
  id: string;
  title: string;
  /** Only http(s) links are kept; anything else is shown as text. */
  url: string | null;
  stage: string | null;
  topic: string | null;
  shares: number;
  /** Answers about content usefulness after interactions that shared the item. */
  answers: number;
  /** null below the minimum number of responses. */
  usefulness: ContentUsefulness | null;
}

export interface ContentLibrary {
  rows: ContentRow[];
  /** Items in the library before the search. */
  totalItems: number;
  minResponses: number;
}

/** The URL when it is an absolute http(s) link, else null (no javascript:, data: or relative links). */
export function safeHttpUrl(raw: string | null): string | null {
  if (!raw) return null;
  try {
    const url = new URL(raw.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Lower case without accents, so "presentación" matches "PRESENTACION". */
const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

export function matchesSearch(
  item: { id: string; title: string; stage: string | null; topic: string | null },
  q: string,
): boolean {
  const needle = fold(q.trim());
  if (!needle) return true;
  return [item.id, item.title, item.stage ?? '', item.topic ?? ''].some((field) => fold(field).includes(needle));
}

function compareRows(sort: ContentSort, locale: string) {
  const byTitle = (a: ContentRow, b: ContentRow) => a.title.localeCompare(b.title, locale) || a.id.localeCompare(b.id);
  if (sort === 'title') return byTitle;
  if (sort === 'shared') return (a: ContentRow, b: ContentRow) => b.shares - a.shares || byTitle(a, b);
  // Items with enough answers first, by shrunk mean; the rest by title.
  return (a: ContentRow, b: ContentRow) => {
    if (a.usefulness && b.usefulness) return b.usefulness.shrunk - a.usefulness.shrunk || byTitle(a, b);
    if (a.usefulness) return -1;
    if (b.usefulness) return 1;
    return byTitle(a, b);
  };
}

export async function computeContentLibrary(
  db: Drizzle,
  q: { period: Period; search: string; sort: ContentSort; locale: string },
): Promise<ContentLibrary> {
  const [items, sums, shares, settings] = await Promise.all([
    listContentItems(db),
    getContentUsefulnessSums(db, q.period),
    getContentShareCounts(db, q.period),
    getSettings(db),
  ]);
  const sumsById = new Map(sums.map((s) => [s.contentId, s]));
  const summaries = items.map((item) => {
    const s = sumsById.get(item.id);
    return { n: s?.n ?? 0, sum: s?.sum ?? 0, sumOfSquares: s?.sumOfSquares ?? 0, top2: s?.top2 ?? 0 };
  });
  // Shrinkage over the whole library, before the search narrows it: the ranking must not depend on the query.
  const shrunk = shrinkMeans(summaries);
  const min = settings.minResponses;
  const rows = items.map((item, i): ContentRow => {
    const s = summaries[i]!;
    let usefulness: ContentUsefulness | null = null;
    if (s.n >= min) {
      const m = likertMean(s);
      const w = wilsonInterval(s.top2, s.n);
      usefulness = {
        n: s.n,
        mean: m.mean,
        lower: m.lower,
        upper: m.upper,
        top2: w.estimate,
        top2Lower: w.lower,
        top2Upper: w.upper,
        shrunk: shrunk.estimates[i] ?? m.mean,
      };
    }
    return {
      id: item.id,
      title: item.title,
      url: safeHttpUrl(item.url),
      stage: item.stage,
      topic: item.topic,
      shares: shares.get(item.id) ?? 0,
      answers: s.n,
      usefulness,
    };
  });
  return {
    rows: rows.filter((r) => matchesSearch(r, q.search)).sort(compareRows(q.sort, q.locale)),
    totalItems: items.length,
    minResponses: min,
  };
}

/** The most and least useful items with enough answers (the two lists never overlap). */
export function topAndBottom(library: ContentLibrary, count: number): { top: ContentRow[]; bottom: ContentRow[] } {
  const ranked = library.rows.filter((r) => r.usefulness !== null).sort(compareRows('useful', 'en'));
  const top = ranked.slice(0, count);
  const bottom = ranked.slice(Math.max(count, ranked.length - count)).reverse();
  return { top, bottom };
}
