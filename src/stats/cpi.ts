/** The customer performance indicators, as the API names them (docs/statistics.md, "The CPIs"). */
/** The CPIs read from survey answers (a rate or a 1–5 mean); quote turnaround comes from the CRM's quote times. */
export const ANSWER_CPI_KEYS = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue'] as const;
export const CPI_KEYS = [...ANSWER_CPI_KEYS, 'quoteTurnaround'] as const;

export type CpiKey = (typeof CPI_KEYS)[number];

/**
 * Whether a lower value of the CPI is better. Only quote turnaround (hours);
 * every other CPI is a rate or a 1–5 mean where higher is better.
 *
 * @example
 * lowerIsBetter('quoteTurnaround'); // => true
 */
export function lowerIsBetter(cpi: CpiKey): boolean {
  return cpi === 'quoteTurnaround';
}
