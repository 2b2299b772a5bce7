/**
 * Which customer quotes a coaching plan shows under a gap. A quote is a comment of a response
 * with a low answer in the gap's CPI (db/queries/coaching-quotes.ts finds those); of them, the
 * plan prefers the ones whose complaint is most likely about that CPI — no other answer lower
 * than the gap's, then the fewest low answers elsewhere, then the newest — and never shows the
 * same words twice on one page (the first card in rank order keeps them).
 */
import type { CpiKey } from '../stats';
import { isLowAnswer } from '../lib/vocabulary';

export interface QuoteAnswers {
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
}

/** The survey answer each CPI is measured by (quote turnaround has none: it is timed). */
const ANSWER_OF: Record<CpiKey, keyof QuoteAnswers | null> = {
  fcr: 'resolvedFirstContact',
  contentUseful: 'contentUseful',
  decisionClearer: 'decisionClearer',
  addedValue: 'addedValue',
  quoteTurnaround: null,
};

const ANSWERS: readonly (keyof QuoteAnswers)[] = [
  'resolvedFirstContact',
  'contentUseful',
  'decisionClearer',
  'addedValue',
];

/** A 1–5 scale for comparing answers: FCR "no" counts as 1, "yes" as 5. */
function scaled(key: keyof QuoteAnswers, value: number | null): number | null {
  if (value === null) return null;
  if (key === 'resolvedFirstContact') return value === 0 ? 1 : 5;
  return value;
}

/**
 * How well a response's comment fits a gap in `cpi`: null when another answer is lower than
 * the gap's own (the complaint is most likely about that), else the number of low answers in
 * other CPIs (0 is the best fit).
 *
 * @example
 * quoteFit({ resolvedFirstContact: 1, contentUseful: 2, decisionClearer: 4, addedValue: 1 }, 'contentUseful'); // => null
 * quoteFit({ resolvedFirstContact: 1, contentUseful: 1, decisionClearer: 4, addedValue: 2 }, 'contentUseful'); // => 1
 */
export function quoteFit(answers: QuoteAnswers, cpi: CpiKey): number | null {
  const own = ANSWER_OF[cpi];
  if (own === null) return 0;
  const ownValue = scaled(own, answers[own]);
  let otherLows = 0;
  for (const key of ANSWERS) {
    if (key === own) continue;
    const value = scaled(key, answers[key]);
    if (value !== null && ownValue !== null && value < ownValue) return null;
    if (key === 'resolvedFirstContact' ? answers[key] === 0 : isLowAnswer(answers[key])) otherLows++;
  }
  return otherLows;
}

/** The words of a comment as compared for repeats: trimmed, spaces collapsed, case folded. */
export const quoteKey = (comment: string): string => comment.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

/**
 * Up to `limit` candidates (given newest first) for a gap in `cpi`: the best fitting, none
 * whose words are in `shown` (the quotes already on the page), none twice. Adds the chosen
 * ones' words to `shown`.
 */
export function chooseQuotes<T extends QuoteAnswers & { comment: string }>(
  candidates: readonly T[],
  cpi: CpiKey,
  shown: Set<string>,
  limit: number,
): T[] {
  const fitting = candidates
    .map((row, order) => ({ row, order, fit: quoteFit(row, cpi) }))
    .filter((c): c is { row: T; order: number; fit: number } => c.fit !== null)
    .sort((a, b) => a.fit - b.fit || a.order - b.order);
  const chosen: T[] = [];
  for (const { row } of fitting) {
    if (chosen.length >= limit) break;
    const key = quoteKey(row.comment);
    if (shown.has(key)) continue;
    shown.add(key);
    chosen.push(row);
  }
  return chosen;
}
