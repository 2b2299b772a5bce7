/**
 * Training and coaching effects (docs/statistics.md, "Evidence 2"): per skill × kind × CPI,
 * the reps who completed a course or coaching in the selected months, each cohort against
 * reps not yet or never trained in the same calendar months, adjusted for where they stood
 * before; and each coached rep's label. Reads the monthly panel (db/queries/training-panel.ts)
 * and runs the estimators of src/stats on the analysis worker, once per data version.
 */
import type { Drizzle } from '../../../db/client';
import { getCompletedTraining, getMonthlyPanel, type CompletedTraining } from '../../../db/queries/training-panel';
import { getRepDirectory } from '../../../db/queries/cpis';
import {
  CPI_KEYS,
  coachedLabels,
  trainingEffects,
  type CoachedLabel,
  type CpiKey,
  type TrainingEffect,
  type TrainingEffectsInput,
} from '../../stats';
import { addMonths, monthKeyLabel } from '../../lib/periods';

const TRAINING_SEED = 20261206;

/** YYYYMM ↔ the estimators' month index (year·12 + month − 1). */
const monthIndex = (key: number) => Math.floor(key / 100) * 12 + (key % 100) - 1;
const monthKeyOfIndex = (index: number) => Math.floor(index / 12) * 100 + (index % 12) + 1;

export type TrainingParams = {
  /** Completions in these months (YYYYMM, inclusive) form the cohorts. */
  fromMonth: number;
  toMonth: number;
  skill?: string | undefined;
  kind?: 'course' | 'coaching' | undefined;
  /** Treated reps of this team only (controls come from every team). */
  team?: string | undefined;
};

type Nullable<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };
export type EffectResult = Omit<Nullable<TrainingEffect>, 'preTrend' | 'eventStudy' | 'cohortEffects'> & {
  preTrend: Nullable<NonNullable<TrainingEffect['preTrend']>> | null;
  eventStudy: Nullable<TrainingEffect['eventStudy'][number]>[];
  cohortEffects: { month: string; treatedReps: number; controlReps: number; effect: number | null }[];
};

export interface TrainingAnalysis {
  params: TrainingParams;
  effects: EffectResult[];
}

const finite = (x: number) => (Number.isFinite(x) ? x : null);

/** The estimators' input for months fromMonth…toMonth (YYYYMM): every rep, the panel, and every course and coaching before `before`. */
async function readInput(
  db: Drizzle,
  fromMonth: number,
  toMonth: number,
  before: number,
): Promise<TrainingEffectsInput & { training: CompletedTraining[] }> {
  const [directory, panel, training] = await Promise.all([
    getRepDirectory(db),
    getMonthlyPanel(db, fromMonth, toMonth),
    getCompletedTraining(db, before),
  ]);
  return {
    reps: directory.map((r) => ({ rep: String(r.id), team: r.team ?? '(no team)' })),
    panel: panel.map((c) => ({ rep: String(c.repId), cpi: c.cpi, month: monthIndex(c.month), n: c.n, sum: c.sum })),
    events: training.map((t) => ({ rep: String(t.repId), skill: t.skill, kind: t.kind, month: monthIndex(t.month) })),
    training,
  };
}

const endOfMonth = (key: number) => Date.UTC(Math.floor(key / 100), key % 100, 1);

export async function computeTrainingAnalysis(db: Drizzle, params: TrainingParams): Promise<TrainingAnalysis> {
  // Windows reach 6 months back (E) and 3 forward (A); any record up to the end of the last after window counts.
  const lastMonth = addMonths(params.toMonth, 3);
  const input = await readInput(db, addMonths(params.fromMonth, -6), lastMonth, endOfMonth(lastMonth));
  const effects = trainingEffects(input, {
    fromMonth: monthIndex(params.fromMonth),
    toMonth: monthIndex(params.toMonth),
    ...(params.skill ? { skill: params.skill } : {}),
    ...(params.kind ? { kind: params.kind } : {}),
    ...(params.team ? { team: params.team } : {}),
    seed: TRAINING_SEED,
  });
  return {
    params,
    effects: effects.map((e) => ({
      ...e,
      effect: finite(e.effect),
      se: finite(e.se),
      lower: finite(e.lower),
      upper: finite(e.upper),
      df: finite(e.df),
      p: finite(e.p),
      q: finite(e.q),
      preTrend: e.preTrend && {
        effect: finite(e.preTrend.effect),
        lower: finite(e.preTrend.lower),
        upper: finite(e.preTrend.upper),
        ok: e.preTrend.ok,
      },
      eventStudy: e.eventStudy.map((m) => ({
        month: m.month,
        effect: finite(m.effect),
        lower: finite(m.lower),
        upper: finite(m.upper),
      })),
      cohortEffects: e.cohortEffects.map((c) => ({
        month: monthKeyLabel(monthKeyOfIndex(c.month)),
        treatedReps: c.treatedReps,
        controlReps: c.controlReps,
        effect: finite(c.effect),
      })),
    })),
  };
}

/**
 * Each coached rep's label per skill and CPI, for the latest coaching in the skill up to
 * `before` (the labels of the gap scores and the coaching pages): improving or not only when
 * the rep's change stands clear of what similar reps did in the same months, too early to tell
 * otherwise (always while fewer than 10 answers came after it).
 */
export async function computeCoachingLabels(
  db: Drizzle,
  before: number,
): Promise<Record<string, Record<string, Partial<Record<CpiKey, CoachedLabel>>>>> {
  const d = new Date(before);
  const last = d.getUTCFullYear() * 100 + d.getUTCMonth() + 1;
  const input = await readInput(db, addMonths(last, -30), last, before);
  const skills = [...new Set(input.training.filter((t) => t.kind === 'coaching').map((t) => t.skill))];
  const out: Record<string, Record<string, Partial<Record<CpiKey, CoachedLabel>>>> = {};
  for (const skill of skills) {
    for (const l of coachedLabels(input, { skill, cpis: CPI_KEYS }))
      ((out[l.rep] ??= {})[skill] ??= {})[l.cpi] = l.label;
  }
  return out;
}
