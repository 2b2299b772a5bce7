/**
 * Differencing: two periods, one inside the other, give away what lies between them: two
 * custom ranges a day apart isolate one answer. Staff who are not admins therefore choose
 * custom ranges of whole months only, and a custom range's figure is hidden when a run of
 * whole months at either end of it — one month up to all but one — holds between 1 and
 * min − 1 answers (a range that shares the other end and is that much shorter would give
 * them away). The standard periods — quarters, months, the "last N months" presets — are the
 * shared views everyone reads and keep the plain minimum-n rule: a month with fewer than
 * `min` answers is hidden on its own, but a quarter and its other two months still differ by
 * it; README's "What a trainer and a lead can see" says so.
 *
 * `monthly` holds the complete months only: the running month grows answer by answer, so a
 * figure that runs to date shows each new answer to someone who reads it every day whatever
 * is hidden; the rule cannot protect it and does not try (a to-date figure stays shown).
 * Within one page, a month hidden in a trend beside a shown total is protected by hiding a
 * second month (src/domain/rep-profile.ts).
 */
export function exposedByDifference(monthly: readonly number[], min: number): boolean {
  const isolates = (n: number) => n > 0 && n < min;
  let fromStart = 0;
  let fromEnd = 0;
  for (let k = 0; k < monthly.length - 1; k++) {
    fromStart += monthly[k]!;
    fromEnd += monthly[monthly.length - 1 - k]!;
    if (isolates(fromStart) || isolates(fromEnd)) return true;
  }
  return false;
}
