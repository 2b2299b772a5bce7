import { coachedLabel, type CoachedLabelResult } from './coached-label.js';
import { MIN_EARLIER_RESPONSES, MIN_MONTH_BEFORE_RESPONSES, type CohortCovariate } from './cohort-design.js';
import { preparePanel, windowSums, type TrainingEffectsInput } from './cohort-panel.js';
import { isCleanControl, treatmentStarts } from './cohort-plan.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';

/** One coached rep's label on one CPI, for its latest coaching in the skill. */
export interface CoachedRepLabel extends CoachedLabelResult {
  rep: string;
  skill: string;
  cpi: CpiKey;
  /** The month the latest coaching (treatment) in the skill started: g. */
  month: number;
  /** Responses so far in the after window g+1…g+3. */
  afterResponses: number;
  controlReps: number;
  covariates: CohortCovariate[];
}

/**
 * Labels every rep coached in `skill` (or those listed) on each CPI, for the rep's
 * latest coaching (docs/statistics.md, "Evidence 2"): controls are the clean comparisons of that
 * month g (no coaching of the skill up to g+3, no training of any skill in g−3…g+3,
 * ≥ minResponses in B and in the after window so far); covariates B, plus g−1 and E
 * by the cohort rules over the rep and its controls; then {@link coachedLabel}, direction
 * flipped for quote turnaround. The after window is whatever of g+1…g+3 the panel holds.
 *
 * @example
 * coachedLabels({ reps, panel, events }, { skill: 'discovery', cpis: ['fcr'] });
 * // => [{ rep: 'ana', skill: 'discovery', cpi: 'fcr', month: 24_305, label: 'coached-too-early-to-tell', … }]
 */
export function coachedLabels(
  input: TrainingEffectsInput,
  options: { skill: string; cpis?: readonly CpiKey[]; reps?: readonly string[]; minResponses?: number },
): CoachedRepLabel[] {
  const { skill, minResponses = 10 } = options;
  const panel = preparePanel('coachedLabels', input);
  const cpis = (options.cpis ?? CPI_KEYS).filter((cpi) => panel.cumulative.has(cpi));
  const wanted = options.reps ? new Set(options.reps) : null;
  const out: CoachedRepLabel[] = [];
  panel.trainings.forEach((events, rep) => {
    if (wanted && !wanted.has(panel.reps[rep]!)) return;
    const g = treatmentStarts(events.filter((e) => e.skill === skill && e.kind === 'coaching').map((e) => e.month)).at(
      -1,
    );
    if (g === undefined) return;
    const controls = panel.trainings.flatMap((other, i) => (isCleanControl(other, skill, 'coaching', g) ? [i] : []));
    for (const cpi of cpis) {
      const windows = (i: number) => ({
        before: windowSums(panel, cpi, i, g - 3, g - 1),
        after: windowSums(panel, cpi, i, g + 1, g + 3),
        monthBefore: windowSums(panel, cpi, i, g - 1, g - 1),
        earlier: windowSums(panel, cpi, i, g - 6, g - 4),
      });
      const own = windows(rep);
      const used = controls.map(windows).filter((w) => w.before.n >= minResponses && w.after.n >= minResponses);
      const all = [own, ...used];
      const covariates: CohortCovariate[] = ['before'];
      if (all.every((w) => w.monthBefore.n >= MIN_MONTH_BEFORE_RESPONSES)) covariates.push('monthBefore');
      if (all.every((w) => w.earlier.n >= MIN_EARLIER_RESPONSES)) covariates.push('earlier');
      const row = (w: typeof own): number[] => covariates.map((c) => w[c].sum / w[c].n);
      const result =
        own.before.n === 0 || own.after.n === 0
          ? { label: 'coached-too-early-to-tell' as const, residual: NaN, lower: NaN, upper: NaN, df: NaN }
          : coachedLabel(
              { post: own.after.sum / own.after.n, afterResponses: own.after.n, covariates: row(own) },
              { post: used.map((w) => w.after.sum / w.after.n), covariates: used.map(row) },
              { lowerIsBetter: lowerIsBetter(cpi), minResponses },
            );
      out.push({
        rep: panel.reps[rep]!,
        skill,
        cpi,
        month: g,
        afterResponses: own.after.n,
        controlReps: used.length,
        covariates,
        ...result,
      });
    }
  });
  return out;
}
