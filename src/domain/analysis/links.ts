/**
 * The skill ↔ CPI analysis of a period (docs/statistics.md, "Evidence 1" and "Skill-gap
 * score"): per CPI, each rep's effect at the organisation's common interaction mix (stage 1,
 * from per rep × type sums), then one joint model of all skills (and teams where there are
 * enough reps) across reps; gap scores on top. Always over the whole organisation: a team
 * filter only narrows which reps a page lists. Run once per data version on a worker thread
 * (./cache.ts); the result is plain JSON (NaN stored as null).
 */
import type { Drizzle } from '../../../db/client';
import {
  getAnswerSumsByRepType,
  getLogTurnaroundByRepType,
  type RepTypeSums,
} from '../../../db/queries/analysis-inputs';
import { getRepDirectory } from '../../../db/queries/cpis';
import { getTargets } from '../../../db/queries/targets';
import { getSkillTargets, getTrainingEvents, type TrainingEvent } from '../../../db/queries/training-history';
import {
  ANSWER_CPI_KEYS,
  CPI_KEYS,
  lowerIsBetter,
  scoreGapsJoint,
  shrinkEstimates,
  typeAdjustedEffectsFromSummaries,
  type CpiKey,
  type JointGapLabel,
  type JointGapRep,
  type JointLink,
  type JointTrainingFlags,
  type RepEffect,
  type RepTypeSummary,
} from '../../stats';
import type { Period } from '../../lib/period';
import { getSettings } from '../settings';
import { computeCoachingLabels } from './training';

const LINK_ANALYSIS_SEED = 20261126;
/** Resamples of the gap scores' 80% interval (docs/statistics.md, "Skill-gap score", step 4: B = 200). */
const GAP_REPLICATES = 200;

type Nullable<T> = { [K in keyof T]: T[K] extends number ? number | null : T[K] };
export type LinkResult = Nullable<Omit<JointLink, 'separableFrom'>> & { separableFrom?: string };

interface CpiModelResult {
  cpi: CpiKey;
  n: number;
  kind: string;
  reason: string | null;
  teams: string[];
  tau2: number | null;
  medianSe: number | null;
  plannerMde: number | null;
  importance: { skill: string; contribution: number | null; share: number | null }[];
}

export interface GapEntry {
  skill: string;
  cpi: CpiKey | null;
  score: number | null;
  lower: number | null;
  upper: number | null;
  /** null: a course in the skill and the linked CPI not likely short (no label applies). */
  label: JointGapLabel;
  lowConfidence: boolean;
  missingScore: boolean;
  contributions: {
    cpi: CpiKey;
    value: number | null;
    expectedShortfall: number | null;
    probabilityBelowTarget: number | null;
  }[];
}

export interface RepAnalysis {
  repId: number;
  email: string;
  name: string;
  team: string | null;
  teamId: number | null;
  active: boolean;
  /** Each CPI at the common mix, shrunk (turnaround: log hours), with its posterior SD. */
  cpis: Partial<Record<CpiKey, { estimate: number; sd: number; n: number }>>;
  gaps: GapEntry[];
}

export interface LinkAnalysis {
  period: Period;
  links: LinkResult[];
  models: CpiModelResult[];
  reps: RepAnalysis[];
  /** The T used per CPI (turnaround: log hours). */
  targets: Partial<Record<CpiKey, number>>;
  /** Per CPI without a model: how many more reps need every skill assessed. */
  assessMoreReps: Partial<Record<CpiKey, number>>;
  skills: { slug: string; name: string; proficiencyTarget: number }[];
  intervalMethod: string;
}

const finite = (x: number | undefined | null): number | null =>
  x === undefined || x === null || !Number.isFinite(x) ? null : x;

/** Per rep × type summaries of one CPI's outcome (FCR 0/1, Likert 1–5). */
function answerSummaries(rows: RepTypeSums[], cpi: Exclude<CpiKey, 'quoteTurnaround'>): RepTypeSummary[] {
  const pick = {
    fcr: (s: RepTypeSums['sums']) => ({ n: s.fcrN, sum: s.fcrYes, sumOfSquares: s.fcrYes }),
    contentUseful: (s: RepTypeSums['sums']) => ({ n: s.cuN, sum: s.cuSum, sumOfSquares: s.cuSq }),
    decisionClearer: (s: RepTypeSums['sums']) => ({ n: s.dcN, sum: s.dcSum, sumOfSquares: s.dcSq }),
    addedValue: (s: RepTypeSums['sums']) => ({ n: s.avN, sum: s.avSum, sumOfSquares: s.avSq }),
  }[cpi];
  return rows.map((r) => ({ rep: String(r.repId), type: r.type, ...pick(r.sums) })).filter((c) => c.n > 0);
}

/** Latest assessment per rep and skill; course and coaching flags per rep and skill (coaching since the latest course). */
function trainingOf(events: TrainingEvent[]) {
  const scores = new Map<number, Record<string, number>>();
  const lastCourse = new Map<string, number>();
  const lastCoaching = new Map<string, number>();
  for (const e of events) {
    if (e.kind === 'assessment' && e.score !== null)
      (scores.get(e.repId) ?? scores.set(e.repId, {}).get(e.repId)!)[e.skill] = e.score;
    if (e.kind === 'course') lastCourse.set(`${e.repId}|${e.skill}`, e.completedAt);
    if (e.kind === 'coaching') lastCoaching.set(`${e.repId}|${e.skill}`, e.completedAt);
  }
  const flags: Record<string, Record<string, JointTrainingFlags>> = {};
  for (const key of new Set([...lastCourse.keys(), ...lastCoaching.keys()])) {
    const [repId, skill] = key.split('|') as [string, string];
    const course = lastCourse.get(key);
    const coaching = lastCoaching.get(key);
    (flags[repId] ??= {})[skill] = {
      hasCourse: course !== undefined,
      hasCoaching: coaching !== undefined && (course === undefined || coaching >= course),
    };
  }
  return { scores, flags };
}

export interface LinkAnalysisOptions {
  replicates?: number;
}

export async function computeLinkAnalysis(
  db: Drizzle,
  period: Period,
  options: LinkAnalysisOptions = {},
): Promise<LinkAnalysis> {
  const [answerRows, turnaroundRows, directory, events, skills, targetRows, settings, coachingLabels] =
    await Promise.all([
      getAnswerSumsByRepType(db, period),
      getLogTurnaroundByRepType(db, period),
      getRepDirectory(db),
      getTrainingEvents(db, period.to),
      getSkillTargets(db),
      getTargets(db),
      getSettings(db),
      computeCoachingLabels(db, period.to),
    ]);
  const estimates: Partial<Record<CpiKey, RepEffect[]>> = {};
  for (const cpi of ANSWER_CPI_KEYS) {
    estimates[cpi] = typeAdjustedEffectsFromSummaries(answerSummaries(answerRows, cpi));
  }
  estimates.quoteTurnaround = typeAdjustedEffectsFromSummaries(
    turnaroundRows.map((r) => ({
      rep: String(r.repId),
      type: r.type,
      n: r.n,
      sum: r.sum,
      sumOfSquares: r.sumOfSquares,
    })),
  );

  // Each rep's CPI at the common mix, shrunk toward the typical rep (the gap score's posterior).
  const posteriors: Partial<Record<CpiKey, Map<string, { estimate: number; sd: number; n: number }>>> = {};
  const typical: Partial<Record<CpiKey, number>> = {};
  for (const cpi of CPI_KEYS) {
    const list = estimates[cpi] ?? [];
    const shrunk = shrinkEstimates(
      list.map((e) => e.estimate),
      list.map((e) => e.variance),
    );
    posteriors[cpi] = new Map(list.map((e, i) => [e.rep, { ...shrunk[i]!, n: e.n }]));
    if (list.length > 0) typical[cpi] = shrunk.reduce((sum, s) => sum + s.estimate, 0) / shrunk.length;
  }

  const { scores, flags } = trainingOf(events);
  const slugs = skills.map((s) => s.slug);
  const withData = directory.filter((r) => CPI_KEYS.some((cpi) => posteriors[cpi]?.has(String(r.id))));
  const gapReps: JointGapRep[] = withData.map((r) => ({
    rep: String(r.id),
    team: r.team ?? '(no team)',
    skills: Object.fromEntries(slugs.map((s) => [s, scores.get(r.id)?.[s] ?? null])),
    cpis: Object.fromEntries(CPI_KEYS.map((cpi) => [cpi, posteriors[cpi]?.get(String(r.id)) ?? null])),
  }));
  const orgTargets: Partial<Record<CpiKey, number>> = {};
  for (const t of targetRows) {
    if (t.teamId !== null || t.target === null) continue;
    orgTargets[t.cpi] = t.cpi === 'quoteTurnaround' ? Math.log(Math.max(t.target, 1 / 60)) : t.target;
  }
  const training: Record<string, Record<string, JointTrainingFlags>> = {};
  for (const [repId, bySkill] of Object.entries(flags)) {
    training[repId] = Object.fromEntries(
      Object.entries(bySkill).map(([skill, f]) => [skill, { ...f, coaching: coachingLabels[repId]?.[skill] }]),
    );
  }
  const scored = scoreGapsJoint(
    { reps: gapReps, estimates },
    {
      skills: slugs,
      targets: orgTargets,
      orgValues: typical,
      proficiencyTargets: Object.fromEntries(skills.map((s) => [s.slug, s.proficiencyTarget])),
      weights: settings.cpiWeights,
      training,
      replicates: options.replicates ?? GAP_REPLICATES,
      seed: LINK_ANALYSIS_SEED,
    },
  );
  const byId = new Map(directory.map((r) => [String(r.id), r]));
  return {
    period,
    links: scored.analysis.links.map((l) => ({
      ...l,
      estimate: finite(l.estimate),
      se: finite(l.se),
      lower: finite(l.lower),
      upper: finite(l.upper),
      p: finite(l.p),
      q: finite(l.q),
      mde: finite(l.mde),
      vif: finite(l.vif),
      unadjustedRho: finite(l.unadjustedRho),
    })),
    models: scored.analysis.models.map((m) => ({
      cpi: m.cpi,
      n: m.n,
      kind: m.kind,
      reason: m.reason,
      teams: m.teams,
      tau2: finite(m.tau2),
      medianSe: finite(m.medianSe),
      plannerMde: finite(m.plannerMde),
      importance: m.importance.map((i) => ({
        skill: i.skill,
        contribution: finite(i.contribution),
        share: finite(i.share),
      })),
    })),
    reps: scored.reps.map((r) => {
      const rep = byId.get(r.rep)!;
      return {
        repId: rep.id,
        email: rep.email,
        name: rep.name,
        team: rep.team,
        teamId: rep.teamId,
        active: rep.active === 1,
        cpis: Object.fromEntries(
          CPI_KEYS.flatMap((cpi) => (posteriors[cpi]?.has(r.rep) ? [[cpi, posteriors[cpi]!.get(r.rep)!]] : [])),
        ),
        gaps: r.gaps.map((g) => ({
          skill: g.skill,
          cpi: g.cpi,
          score: finite(g.score),
          lower: finite(g.lower),
          upper: finite(g.upper),
          label: g.label,
          lowConfidence: g.lowConfidence,
          missingScore: g.missingScore,
          contributions: g.contributions.map((c) => ({
            cpi: c.cpi,
            value: finite(c.value),
            expectedShortfall: finite(c.expectedShortfall),
            probabilityBelowTarget: finite(c.probabilityBelowTarget),
          })),
        })),
      };
    }),
    targets: scored.targets,
    assessMoreReps: scored.assessMoreReps,
    skills,
    intervalMethod: scored.intervalMethod,
  };
}

/** A target or estimate on the scale people read: turnaround back from log hours to hours. */
export const readableValue = (cpi: CpiKey, value: number) => (lowerIsBetter(cpi) ? Math.exp(value) : value);
