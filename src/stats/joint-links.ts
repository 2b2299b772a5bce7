import { benjaminiHochberg } from './benjamini-hochberg.js';
import { byCodePoint } from './code-point-order.js';
import { CPI_KEYS, type CpiKey } from './cpi.js';
import { assertConfidence, isNumber } from './guards.js';
import { fitJointModel, type JointModelFit, type JointModelKind, type JointModelRow } from './joint-model.js';
import { minimumDetectableEffect } from './minimum-detectable-effect.js';
import { median } from './quantile.js';
import { spearman } from './spearman.js';
import { weightedLmg } from './weighted-importance.js';

/** A rep's team and latest assessment scores (0–100; null or absent: never assessed). */
export interface JointLinkRep {
  rep: string;
  team: string;
  skills: Readonly<Record<string, number | null | undefined>>;
}

/** A rep's stage-1 estimate for a CPI ({@link typeAdjustedEffects}); turnaround in log hours. */
export interface RepCpiEstimate {
  rep: string;
  estimate: number;
  variance: number;
}

export interface JointLinksInput {
  reps: readonly JointLinkRep[];
  estimates: Readonly<Partial<Record<CpiKey, readonly RepCpiEstimate[]>>>;
}

export interface JointLinksOptions {
  /** Skills in the model; default every skill key seen, by code point. */
  skills?: readonly string[];
  /** CPIs to model; default those with estimates, in CPI_KEYS order. */
  cpis?: readonly CpiKey[];
  /** Interval level; default 0.95. */
  level?: number;
}

export type JointLinkTier = 'finding' | 'exploratory' | 'no-evidence' | 'not-separable' | 'insufficient';

/** One skill × CPI link, the API's shape (NaN: null in JSON). */
export interface JointLink {
  skill: string;
  cpi: CpiKey;
  /** Reps in the CPI's model (every skill assessed, an estimate for the CPI). */
  n: number;
  /** β: the CPI's change per SD of the skill, other skills and team held fixed. */
  estimate: number;
  se: number;
  lower: number;
  upper: number;
  /** NaN when not tested (not separable, insufficient). */
  p: number;
  /** BH q over every tested link of the call; null when not tested. */
  q: number | null;
  tier: JointLinkTier;
  /** Smallest β the test detects with power .8 at α = .05. */
  mde: number;
  vif: number;
  /** Spearman ρ of the raw skill score with the CPI estimate over the same reps: a description only. */
  unadjustedRho: number;
  /** When not separable: the skill it correlates with most. */
  separableFrom?: string;
}

/** One CPI's model, with the planner figure and importance. */
export interface JointCpiModel {
  cpi: CpiKey;
  n: number;
  kind: JointModelKind;
  reason: string | null;
  /** Teams with a term (reference first); empty without. */
  teams: string[];
  df: number;
  tau2: number;
  /** Median se over the skills in the model, and the MDE at it (the planner). */
  medianSe: number;
  plannerMde: number;
  /** LMG share of the weighted R² per skill in the model (teams always in); absent skills are not listed. */
  importance: { skill: string; contribution: number; share: number }[];
}

export interface JointLinks {
  links: JointLink[];
  models: JointCpiModel[];
}

export const FINDING_Q = 0.05;
export const EXPLORATORY_Q = 0.2;

/**
 * Skill ↔ CPI links from one joint model per CPI (docs/statistics.md, "Evidence 1", stage 2):
 * for each CPI, the reps with every skill assessed and a stage-1 estimate, modelled
 * by {@link fitJointModel}. Every tested coefficient of the call (all CPIs, VIF ≤ 5)
 * forms one Benjamini–Hochberg family; tiers: finding q ≤ .05, exploratory q ≤ .20,
 * no-evidence otherwise; VIF > 5 → not-separable (q null); zero-variance skills and
 * CPIs without a model → insufficient, with the unadjusted ρ as a description. Each
 * link has its MDE ({@link minimumDetectableEffect}, α .05, power .8); each CPI the
 * planner's median se and MDE, and LMG importance ({@link weightedLmg}) at the
 * model's weights 1/(vᵢ + τ²).
 *
 * @example
 * const { links } = analyzeJointLinks({ reps, estimates: { fcr: typeAdjustedEffects(rep, type, y) } });
 * links.filter((link) => link.tier === 'finding');
 */
export function analyzeJointLinks(input: JointLinksInput, options: JointLinksOptions = {}): JointLinks {
  const level = options.level ?? 0.95;
  assertConfidence('analyzeJointLinks', level);
  const skills = options.skills ?? [...new Set(input.reps.flatMap((r) => Object.keys(r.skills)))].sort(byCodePoint);
  const cpis = options.cpis ?? CPI_KEYS.filter((cpi) => input.estimates[cpi] !== undefined);
  const fitted = cpis.map((cpi) => {
    const rows = jointModelRows(input, cpi, skills);
    return { cpi, rows, fit: fitJointModel(rows, skills.length, level) };
  });
  const links = fitted.flatMap(({ cpi, rows, fit }) =>
    skills.map((skill, s) => describeLink(skill, s, cpi, rows, fit, skills)),
  );
  const tested = links.filter((link) => link.tier === 'no-evidence');
  const q = benjaminiHochberg(tested.map((link) => link.p));
  tested.forEach((link, i) => {
    link.q = q[i]!;
    link.tier = tierFor(link.q);
  });
  return { links, models: fitted.map(({ cpi, rows, fit }) => describeModel(cpi, rows, fit, skills)) };
}

/**
 * The tier of a tested link from its BH q: finding q ≤ .05, exploratory q ≤ .20,
 * no-evidence otherwise (NaN q: no-evidence).
 *
 * @example
 * tierFor(0.12); // => 'exploratory'
 */
export function tierFor(q: number): 'finding' | 'exploratory' | 'no-evidence' {
  return q <= FINDING_Q ? 'finding' : q <= EXPLORATORY_Q ? 'exploratory' : 'no-evidence';
}

/** The CPI's rows: reps with a usable estimate and every skill assessed, in input order. */
export function jointModelRows(input: JointLinksInput, cpi: CpiKey, skills: readonly string[]): JointModelRow[] {
  const byRep = new Map(input.reps.map((rep) => [rep.rep, rep]));
  return (input.estimates[cpi] ?? []).flatMap(({ rep, estimate, variance }) => {
    const info = byRep.get(rep);
    if (!info || !Number.isFinite(estimate) || !(variance >= 0 && variance < Infinity)) return [];
    const scores = skills.map((skill) => info.skills[skill]);
    return scores.every(isNumber) ? [{ rep, estimate, variance, team: info.team, scores: scores as number[] }] : [];
  });
}

function describeLink(
  skill: string,
  s: number,
  cpi: CpiKey,
  rows: readonly JointModelRow[],
  fit: JointModelFit,
  skills: readonly string[],
): JointLink {
  const unadjustedRho =
    rows.length >= 2
      ? spearman(
          rows.map((r) => r.scores[s]!),
          rows.map((r) => r.estimate),
        ).rho
      : NaN;
  const term = fit.terms[s];
  const base = { skill, cpi, n: rows.length, unadjustedRho, q: null };
  if (!term || !Number.isFinite(term.se)) {
    return {
      ...base,
      estimate: NaN,
      se: NaN,
      lower: NaN,
      upper: NaN,
      p: NaN,
      tier: 'insufficient',
      mde: NaN,
      vif: term?.vif ?? NaN,
    };
  }
  const shared = { ...base, estimate: term.estimate, se: term.se, lower: term.lower, upper: term.upper, vif: term.vif };
  const mde = minimumDetectableEffect(term.se, fit.df, 0.05, 0.8);
  if (term.separableFrom !== null) {
    return { ...shared, p: NaN, tier: 'not-separable', mde, separableFrom: skills[term.separableFrom]! };
  }
  return { ...shared, p: term.p, tier: 'no-evidence', mde }; // tier settled by the family's BH step
}

function describeModel(
  cpi: CpiKey,
  rows: readonly JointModelRow[],
  fit: JointModelFit,
  skills: readonly string[],
): JointCpiModel {
  const ses = fit.terms.flatMap((term) => (term && Number.isFinite(term.se) ? [term.se] : []));
  const medianSe = ses.length > 0 ? median(ses) : NaN;
  const { design } = fit;
  const usable = fit.kind !== 'none' && Number.isFinite(fit.tau2);
  const lmg = usable
    ? weightedLmg(
        design.skillColumns,
        rows.map((r) => r.estimate),
        rows.map((r) => 1 / (r.variance + fit.tau2)),
        design.teamColumns,
      )
    : null;
  return {
    cpi,
    n: fit.n,
    kind: fit.kind,
    reason: fit.reason,
    teams: fit.teams,
    df: fit.df,
    tau2: fit.tau2,
    medianSe,
    plannerMde: minimumDetectableEffect(medianSe, fit.df, 0.05, 0.8),
    importance: lmg
      ? design.skills.map((s, j) => ({ skill: skills[s]!, contribution: lmg.contributions[j]!, share: lmg.shares[j]! }))
      : [],
  };
}
