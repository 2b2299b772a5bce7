import { benjaminiHochberg } from './benjamini-hochberg.js';
import { bootstrapReplicates, type BootstrapBlock } from './cohort-bootstrap.js';
import { designCohort, type CohortDesign } from './cohort-design.js';
import { poolCohorts, pooledInference, type CohortEffect, type PooledPoint } from './cohort-estimate.js';
import { preparePanel, type PreparedPanel, type TrainingEffectsInput, type TrainingKind } from './cohort-panel.js';
import { planCohorts, type CohortPlan } from './cohort-plan.js';
import { byCodePoint } from './code-point-order.js';
import { CPI_KEYS, type CpiKey } from './cpi.js';
import { assertConfidence, assertPositiveInteger } from './guards.js';
import { mulberry32, seedFor } from './prng.js';

/** Fewer treated or control reps than this overall: not enough data. */
export const MIN_EFFECT_REPS = 8;
/** An effect is claimed only at q ≤ .05 (one BH family per call). */
export const CLAIM_Q = 0.05;

export interface TrainingEffectsOptions {
  /** Completions in fromMonth…toMonth (inclusive month indices) form the cohorts: the period selects completions. */
  fromMonth: number;
  toMonth: number;
  skill?: string;
  kind?: TrainingKind;
  /** Treated reps only of this team; controls come from every team. */
  team?: string;
  /** Default: every CPI with data in the panel. */
  cpis?: readonly CpiKey[];
  /** Bootstrap seed (default 1); each skill × kind × CPI draws its own stream (seedFor). */
  seed?: number;
  /** Bootstrap resamples (default 999). */
  replicates?: number;
  /** Confidence level of the intervals (default 0.95). */
  level?: number;
  /** Responses a rep needs in both B and A (default 10). */
  minResponses?: number;
}

export interface PreTrend {
  effect: number;
  lower: number;
  upper: number;
  /** False when the interval excludes 0: "trends differed before training". */
  ok: boolean;
}

export interface EventStudyMonth {
  /** Months after completion: 1, 2 or 3. */
  month: number;
  effect: number;
  lower: number;
  upper: number;
}

/** One skill × kind × CPI. Numbers are NaN when not estimated (status not-enough-data). */
export interface TrainingEffect {
  skill: string;
  kind: TrainingKind;
  cpi: CpiKey;
  status: 'ok' | 'not-enough-data';
  reason: string | null;
  /** Change compared with similar reps in the same months, on the CPI's scale (log hours for turnaround: negative is faster). */
  effect: number;
  se: number;
  lower: number;
  upper: number;
  df: number;
  p: number;
  /** Benjamini–Hochberg over the ok effects of this call. */
  q: number;
  claimed: boolean;
  treatedReps: number;
  controlReps: number;
  cohorts: number;
  /** Cohort reps removed because other training overlapped g−3…g+3. */
  overlapExcluded: number;
  cohortEffects: CohortEffect[];
  preTrend: PreTrend | null;
  eventStudy: EventStudyMonth[];
}

/**
 * Training and coaching effects by cohort (docs/statistics.md, "Evidence 2"): per completion month g,
 * the cohort's reps against reps not yet or never trained in that skill and kind, over
 * the same calendar months (clean comparisons); per cohort lm(A ~ treated + B [+ g−1]
 * [+ E]); cohorts averaged by treated reps; se from a seeded rep-cluster bootstrap of the
 * whole computation (B = 999), interval and p on t(T − 1); a pre-trend placebo (post = B,
 * covariate E), an event study (g+1, g+2, g+3 alone) and BH q across the call's effects.
 * Months are plain integers; panel values are Σy and n per rep × month × CPI.
 *
 * @example
 * trainingEffects({ reps, panel, events }, { fromMonth: 24_300, toMonth: 24_311 });
 * // => [{ skill: 'discovery', kind: 'coaching', cpi: 'fcr', status: 'ok', effect: 0.06, q: 0.01, … }, …]
 */
export function trainingEffects(input: TrainingEffectsInput, options: TrainingEffectsOptions): TrainingEffect[] {
  const { fromMonth, toMonth, seed = 1, replicates = 999, level = 0.95, minResponses = 10 } = options;
  if (!Number.isInteger(fromMonth) || !Number.isInteger(toMonth) || fromMonth > toMonth) {
    throw new RangeError(`trainingEffects: the period needs integer months, from ≤ to (got ${fromMonth}…${toMonth})`);
  }
  assertPositiveInteger('trainingEffects', 'replicates', replicates);
  assertPositiveInteger('trainingEffects', 'minResponses', minResponses);
  assertConfidence('trainingEffects', level);
  const panel = preparePanel('trainingEffects', input);
  const cpis = (options.cpis ?? CPI_KEYS).filter((cpi) => panel.cumulative.has(cpi));
  const skills = [...new Set(input.events.map((e) => e.skill))]
    .filter((s) => options.skill === undefined || s === options.skill)
    .sort(byCodePoint);
  const kinds: TrainingKind[] = options.kind ? [options.kind] : ['course', 'coaching'];
  const out: TrainingEffect[] = [];
  for (const skill of skills) {
    for (const kind of kinds) {
      const plans = planCohorts(panel, skill, kind, { fromMonth, toMonth }, options.team);
      if (plans.length === 0) continue;
      for (const cpi of cpis) {
        const random = mulberry32(seedFor(seed, skill, kind, cpi));
        out.push({ skill, kind, cpi, ...estimate(panel, plans, cpi, { replicates, level, minResponses }, random) });
      }
    }
  }
  return withFamilyQ(out);
}

/**
 * One BH family over the effects of one request: q for every ok effect with a p-value,
 * claimed at q ≤ .05; NaN and unclaimed otherwise. trainingEffects applies it; a caller
 * that splits a request (say by skill across worker threads) applies it to the joined list.
 *
 * @example
 * withFamilyQ([...bySkill[0], ...bySkill[1]]).filter((e) => e.claimed);
 */
export function withFamilyQ(effects: readonly TrainingEffect[]): TrainingEffect[] {
  const tested = effects.flatMap((e, i) => (e.status === 'ok' && !Number.isNaN(e.p) ? [i] : []));
  const q = benjaminiHochberg(tested.map((i) => effects[i]!.p));
  const byIndex = new Map(tested.map((i, k) => [i, q[k]!]));
  return effects.map((e, i) => {
    const value = byIndex.get(i) ?? NaN;
    return { ...e, q: value, claimed: value <= CLAIM_Q };
  });
}

type Estimate = Omit<TrainingEffect, 'skill' | 'kind' | 'cpi'>;

function estimate(
  panel: PreparedPanel,
  plans: readonly CohortPlan[],
  cpi: CpiKey,
  settings: { replicates: number; level: number; minResponses: number },
  random: () => number,
): Estimate {
  const { level } = settings;
  const designs = plans.map((plan) => designCohort(panel, cpi, plan, settings.minResponses));
  const main = poolCohorts(
    designs.map((d) => d.main),
    0,
    level,
  );
  const overlapExcluded = plans.reduce((s, p) => s + p.overlapping.length, 0);
  const counts = {
    treatedReps: main.treatedReps,
    controlReps: main.controlReps,
    cohorts: main.cohorts.length,
    overlapExcluded,
  };
  const reason = shortfall(plans, designs, main);
  if (reason !== null) return notEnoughData(reason, counts, main.cohorts);
  const events = [1, 2, 3].map((k) =>
    poolCohorts(
      designs.map((d) => d.main),
      k,
      level,
    ),
  );
  const placebo = earlierMostlyPresent(designs, main)
    ? poolCohorts(
        designs.map((d) => d.placebo),
        0,
        level,
      )
    : null;
  const entered = (point: PooledPoint, month: number): boolean => point.cohorts.some((c) => c.month === month);
  const blocks: BootstrapBlock[] = [];
  for (const d of designs) {
    const g = d.main.month;
    const mainEntered = [main, ...events].map((point) => entered(point, g));
    if (mainEntered.some(Boolean)) blocks.push({ block: d.main, entered: mainEntered, estimand: [0, 1, 2, 3] });
    if (d.placebo && placebo && entered(placebo, g)) blocks.push({ block: d.placebo, entered: [true], estimand: [4] });
  }
  const draws = bootstrapReplicates(blocks, 5, settings.replicates, random);
  const inference = pooledInference(main.effect, draws[0]!, main.treatedReps, level);
  const preTrend =
    placebo && placebo.treatedReps >= 2 ? pooledInference(placebo.effect, draws[4]!, placebo.treatedReps, level) : null;
  return {
    status: 'ok',
    reason: null,
    effect: main.effect,
    se: inference.se,
    lower: inference.lower,
    upper: inference.upper,
    df: inference.df,
    p: inference.p,
    q: NaN,
    claimed: false,
    ...counts,
    cohortEffects: main.cohorts,
    preTrend:
      preTrend && placebo
        ? {
            effect: placebo.effect,
            lower: preTrend.lower,
            upper: preTrend.upper,
            ok: !(preTrend.lower > 0 || preTrend.upper < 0),
          }
        : null,
    eventStudy: events.map((point, k) => {
      const { lower, upper } = pooledInference(point.effect, draws[k + 1]!, point.treatedReps, level);
      return { month: k + 1, effect: point.effect, lower, upper };
    }),
  };
}

/** Why there is no estimate, or null when there are ≥ 8 treated and ≥ 8 control reps. */
function shortfall(plans: readonly CohortPlan[], designs: readonly CohortDesign[], main: PooledPoint): string | null {
  const need = MIN_EFFECT_REPS;
  if (main.treatedReps >= need && main.controlReps >= need) return null;
  const trained = plans.reduce((s, p) => s + p.treated.length + p.overlapping.length, 0);
  const overlapping = plans.reduce((s, p) => s + p.overlapping.length, 0);
  const thin = designs.reduce((s, d) => s + d.thinTreated, 0);
  const clean = trained - overlapping;
  if (main.treatedReps < need) {
    if (overlapping > 0 && clean < need) {
      return `other trainings overlap: ${overlapping} of ${trained} trained reps completed another course or coaching within 3 months; ${main.treatedReps} usable (need ${need})`;
    }
    if (clean - thin < need) {
      return `too few responses: ${thin} of ${clean} trained reps have fewer than the minimum responses before or after; ${main.treatedReps} usable (need ${need})`;
    }
    return `too few comparison reps beside the cohorts: ${main.treatedReps} trained reps usable (need ${need})`;
  }
  return `too few comparison reps (not trained within 3 months, enough responses): ${main.controlReps} (need ${need})`;
}

/** docs/statistics.md, "Evidence 2": the placebo is null when E is missing for most reps of the entered cohorts. */
function earlierMostlyPresent(designs: readonly CohortDesign[], main: PooledPoint): boolean {
  let rows = 0;
  let present = 0;
  for (const d of designs) {
    if (!main.cohorts.some((c) => c.month === d.main.month)) continue;
    rows += d.main.rep.length;
    present += d.placebo?.rep.length ?? 0;
  }
  return rows > 0 && 2 * present > rows;
}

function notEnoughData(
  reason: string,
  counts: Pick<Estimate, 'treatedReps' | 'controlReps' | 'cohorts' | 'overlapExcluded'>,
  cohorts: CohortEffect[],
): Estimate {
  return {
    status: 'not-enough-data',
    reason,
    effect: NaN,
    se: NaN,
    lower: NaN,
    upper: NaN,
    df: NaN,
    p: NaN,
    q: NaN,
    claimed: false,
    ...counts,
    cohortEffects: cohorts,
    preTrend: null,
    eventStudy: [],
  };
}
