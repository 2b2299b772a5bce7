/**
 * Training effects (STATS.md "Training effects"): difference-in-differences per skill,
 * training kind and CPI. For each rep whose first course (or coaching) in a skill was
 * completed in the period, the change of the CPI from the 3 calendar months before the
 * completion month to the 3 months after it (the completion month is skipped: the lag L
 * is at least 14 days); against it, the change of reps with no training in that skill
 * over the same months (centred on the trained reps' median month). Whole months come
 * from the rollups. Requires ≥ 20 responses per window per rep and ≥ 5 reps per arm,
 * else "not enough data" — an answer, not an error.
 */
import type { Drizzle } from '../../db/client';
import type { TrainingKind } from '../../db/schema';
import { getMonthlySumsByRep, getTrainingEvents } from '../../db/queries/training-history';
import { addSums, emptySums, getRepDirectory } from '../../db/queries/cpis';
import { differenceInDifferences, median, type DifferenceInDifferences, type RepWindowChange } from '../stats';
import { addMonths, monthKey, monthStart, nextMonthKey } from '../lib/periods';
import { rawCpiValue, ROLLUP_CPIS } from './cpi-values';
import type { Period } from '../lib/period';

export const WINDOW_MONTHS = 3;
export const MIN_RESPONSES_PER_WINDOW = 20;
export const MIN_REPS_PER_ARM = 5;

export interface TrainingEffect {
  skill: string;
  kind: Exclude<TrainingKind, 'assessment'>;
  cpi: (typeof ROLLUP_CPIS)[number];
  /** Months (YYYY-MM) of the windows used for the untrained arm. */
  windows: { before: [string, string]; after: [string, string] } | null;
  result: DifferenceInDifferences;
}

const label = (key: number) => `${Math.floor(key / 100)}-${String(key % 100).padStart(2, '0')}`;

export async function computeTrainingEffects(db: Drizzle, q: { period: Period; skill?: string; kind?: 'course' | 'coaching' }): Promise<TrainingEffect[]> {
  const [events, directory] = await Promise.all([getTrainingEvents(db, q.period.to), getRepDirectory(db)]);
  const lastMonth = addMonths(monthKey(q.period.to - 1), WINDOW_MONTHS + 1);
  const monthly = await getMonthlySumsByRep(db, addMonths(monthKey(q.period.from), -WINDOW_MONTHS), lastMonth);
  const windowSums = (repId: number, start: number) => {
    const sums = emptySums();
    for (let m = start, i = 0; i < WINDOW_MONTHS; m = nextMonthKey(m), i++) addSums(sums, monthly.get(repId)?.get(m) ?? {});
    return sums;
  };
  const skills = [...new Set(events.map((e) => e.skill))].filter((s) => q.skill === undefined || s === q.skill).sort();
  const kinds = q.kind ? [q.kind] : (['course', 'coaching'] as const);
  const out: TrainingEffect[] = [];
  for (const skill of skills) {
    const ofSkill = events.filter((e) => e.skill === skill);
    for (const kind of kinds) {
      // First completion of this kind per rep, inside the period.
      const firsts = new Map<number, number>();
      for (const e of ofSkill) if (e.kind === kind && !firsts.has(e.repId)) firsts.set(e.repId, e.completedAt);
      const trained = [...firsts].filter(([, at]) => at >= q.period.from && at < q.period.to);
      const centre = trained.length > 0 ? monthKey(median(trained.map(([, at]) => at))) : undefined;
      const windowStart = centre === undefined ? undefined : monthStart(addMonths(centre, -WINDOW_MONTHS));
      const windowEnd = centre === undefined ? undefined : monthStart(addMonths(centre, WINDOW_MONTHS + 1));
      const trainedInWindow = new Set(ofSkill.filter((e) => e.kind !== 'assessment' && windowStart !== undefined && e.completedAt >= windowStart && e.completedAt < windowEnd!).map((e) => e.repId));
      const controls = directory.filter((r) => !firsts.has(r.id) && !trainedInWindow.has(r.id));
      for (const cpi of ROLLUP_CPIS) {
        const change = (repId: number, m0: number): RepWindowChange => {
          const before = rawCpiValue(windowSums(repId, addMonths(m0, -WINDOW_MONTHS)), cpi);
          const after = rawCpiValue(windowSums(repId, nextMonthKey(m0)), cpi);
          return { before: before.value, after: after.value, beforeResponses: before.n, afterResponses: after.n };
        };
        const result = differenceInDifferences(
          trained.map(([repId, at]) => change(repId, monthKey(at))),
          centre === undefined ? [] : controls.map((r) => change(r.id, centre)),
          { minResponses: MIN_RESPONSES_PER_WINDOW, minReps: MIN_REPS_PER_ARM },
        );
        out.push({
          skill,
          kind,
          cpi,
          windows:
            centre === undefined
              ? null
              : { before: [label(addMonths(centre, -WINDOW_MONTHS)), label(addMonths(centre, -1))], after: [label(nextMonthKey(centre)), label(addMonths(centre, WINDOW_MONTHS))] },
          result,
        });
      }
    }
  }
  return out;
}

