import type { PreparedPanel, TrainingEvent, TrainingKind } from './cohort-panel.js';

/** Later completions of the same skill and kind within this many months of the first belong to the same treatment. */
export const SAME_TREATMENT_MONTHS = 6;
/** Other training completed within this many months of g (either side) spoils the comparison. */
export const CLEAN_MONTHS = 3;

/** One cohort before any CPI is looked at: who was trained in month g and who compares with them. */
export interface CohortPlan {
  month: number;
  /** Cohort reps without other training in g−3…g+3 (rep indices). */
  treated: number[];
  /** Cohort reps removed because another course or coaching was completed in g−3…g+3. */
  overlapping: number[];
  /** Reps with no record of the skill and kind up to g+3 and no training of any skill in g−3…g+3. */
  controls: number[];
}

/**
 * The start months of a rep's treatments in one skill and kind: the first completion,
 * then the first one more than six months after the current treatment's start.
 *
 * @example
 * treatmentStarts([3, 5, 9, 10, 16, 17]); // => [3, 10, 17]
 */
export function treatmentStarts(months: readonly number[]): number[] {
  const starts: number[] = [];
  for (const month of [...months].sort((a, b) => a - b)) {
    const current = starts.at(-1);
    if (current === undefined || month - current > SAME_TREATMENT_MONTHS) starts.push(month);
  }
  return starts;
}

const isSame = (event: TrainingEvent, skill: string, kind: TrainingKind): boolean =>
  event.skill === skill && event.kind === kind;

/** Whether the rep completed other training in g−3…g+3 (the treatment's own completions in g…g+3 excepted). */
function overlapsOtherTraining(
  events: readonly TrainingEvent[],
  skill: string,
  kind: TrainingKind,
  g: number,
): boolean {
  return events.some((e) => Math.abs(e.month - g) <= CLEAN_MONTHS && !(isSame(e, skill, kind) && e.month >= g));
}

/**
 * Whether the rep can stand for "not (yet) trained" beside cohort g: the clean-comparison rule
 * of docs/statistics.md, "Evidence 2".
 */
export function isCleanControl(
  events: readonly TrainingEvent[],
  skill: string,
  kind: TrainingKind,
  g: number,
): boolean {
  return !events.some(
    (e) => (isSame(e, skill, kind) && e.month <= g + CLEAN_MONTHS) || Math.abs(e.month - g) <= CLEAN_MONTHS,
  );
}

/**
 * Cohorts of one skill and kind (docs/statistics.md, "Evidence 2"): g = the start of a rep's first
 * treatment that begins in fromMonth…toMonth (the period selects completions); the
 * cohort's reps of `team` (any team when absent) are treated unless other training
 * overlaps; controls come from every team. Sorted by month.
 */
export function planCohorts(
  panel: PreparedPanel,
  skill: string,
  kind: TrainingKind,
  period: { fromMonth: number; toMonth: number },
  team?: string,
): CohortPlan[] {
  const byMonth = new Map<number, number[]>();
  panel.trainings.forEach((events, rep) => {
    if (team !== undefined && panel.teams[rep] !== team) return;
    const months = events.filter((e) => isSame(e, skill, kind)).map((e) => e.month);
    const g = treatmentStarts(months).find((m) => m >= period.fromMonth && m <= period.toMonth);
    if (g !== undefined) byMonth.set(g, [...(byMonth.get(g) ?? []), rep]);
  });
  return [...byMonth.keys()]
    .sort((a, b) => a - b)
    .map((g) => {
      const reps = byMonth.get(g) ?? [];
      const overlapping = reps.filter((rep) => overlapsOtherTraining(panel.trainings[rep]!, skill, kind, g));
      const controls: number[] = [];
      panel.trainings.forEach((events, rep) => {
        if (isCleanControl(events, skill, kind, g)) controls.push(rep);
      });
      return { month: g, treated: reps.filter((rep) => !overlapping.includes(rep)), overlapping, controls };
    });
}
