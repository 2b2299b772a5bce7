/** The customer performance indicators, as the API names them (docs/statistics.md, "The CPIs"). */
export const CPI_KEYS = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'] as const;

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
