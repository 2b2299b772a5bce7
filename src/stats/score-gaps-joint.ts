import { byCodePoint } from './code-point-order.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
import { expectedShortfall, type Shortfall } from './expected-shortfall.js';
import { bootstrapJointGaps, type JointGapModel } from './joint-gap-bootstrap.js';
import { jointGapLabel, jointLinkWeight, type JointGapLabel, type JointTrainingFlags } from './joint-gap-score.js';
import { analyzeJointLinks, jointModelRows, type JointLinks, type RepCpiEstimate } from './joint-links.js';
import type { JointModelRow } from './joint-model.js';
import { gapTerm, skillDeficit, type CpiPosterior, type GapContribution } from './gap-score.js';
import { assertConfidence, assertPositiveInteger, isNumber } from './guards.js';
import { sampleSpread } from './spread.js';

/** A rep for joint gap scoring: team, latest scores, and each CPI's shrunk posterior (turnaround in log hours). */
export interface JointGapRep {
  rep: string;
  team: string;
  skills: Readonly<Record<string, number | null | undefined>>;
  cpis: Readonly<Partial<Record<CpiKey, CpiPosterior | null>>>;
}

export interface ScoreGapsJointInput {
  reps: readonly JointGapRep[];
  /** Stage-1 estimates per CPI, as {@link analyzeJointLinks} takes them. */
  estimates: Readonly<Partial<Record<CpiKey, readonly RepCpiEstimate[]>>>;
}

export interface ScoreGapsJointOptions {
  skills?: readonly string[];
  cpis?: readonly CpiKey[];
  /** Configured CPI targets T (turnaround: log hours). */
  targets?: Partial<Record<CpiKey, number>>;
  /** Org-wide CPI values: T where no target is set. Default: mean of the reps' posterior means. */
  orgValues?: Partial<Record<CpiKey, number>>;
  /** Pₛ per skill; default 80. */
  proficiencyTargets?: Readonly<Record<string, number>>;
  /** w_c; default 1. */
  weights?: Partial<Record<CpiKey, number>>;
  /** rep → skill → training; absent: untrained. */
  training?: Readonly<Record<string, Readonly<Record<string, JointTrainingFlags>>>>;
  /** The joint analysis of the same input, if already computed (it is recomputed otherwise). */
  analysis?: JointLinks;
  /** Resamples B (default 200), seed (default 1), interval level (default 0.80). */
  replicates?: number;
  seed?: number;
  confidence?: number;
}

export interface JointSkillGap {
  skill: string;
  /** The CPI contributing most; null when nothing contributes. */
  cpi: CpiKey | null;
  score: number | null;
  lower: number | null;
  upper: number | null;
  /** The interval includes 0. */
  lowConfidence: boolean;
  missingScore: boolean;
  deficit: number | null;
  label: JointGapLabel;
  contributions: GapContribution[];
}

export interface ScoredJointGaps {
  reps: { rep: string; team: string; gaps: JointSkillGap[] }[];
  targets: Partial<Record<CpiKey, number>>;
  linkWeights: { skill: string; cpi: CpiKey; betaTilde: number }[];
  /** Per CPI without a model: how many more reps need every skill assessed. */
  assessMoreReps: Partial<Record<CpiKey, number>>;
  analysis: JointLinks;
  /** How the interval was made, for the Methods page. */
  intervalMethod: string;
}

/**
 * Skill-gap scores per rep × skill from the joint model (docs/statistics.md, "Skill-gap score"):
 * Gapᵢₛ = Σ_c w_c·min(β̃ₛc·dᵢₛ, ESᵢc)/SD_c with ES from {@link expectedShortfall} on the
 * rep's posterior, β̃ from {@link jointLinkWeight} on the joint model's coefficient
 * ({@link analyzeJointLinks}; only findings and exploratory links; −β for turnaround),
 * d from {@link skillDeficit}. The interval comes from {@link bootstrapJointGaps}
 * (coefficients re-fitted and gating re-applied per resample, τ² held at the full-data
 * value, each rep's CPI drawn from its posterior). Labels by {@link jointGapLabel} on
 * the CPI the gap names. Where no model runs, nothing is attributed to skills and
 * `assessMoreReps` says how many more reps to assess.
 *
 * @example
 * scoreGapsJoint({ reps, estimates }, { seed: 1 }).reps[0]?.gaps[0];
 */
export function scoreGapsJoint(input: ScoreGapsJointInput, options: ScoreGapsJointOptions = {}): ScoredJointGaps {
  const { replicates = 200, seed = 1, confidence = 0.8 } = options;
  assertPositiveInteger('scoreGapsJoint', 'replicates', replicates);
  assertConfidence('scoreGapsJoint', confidence);
  const skills = options.skills ?? [...new Set(input.reps.flatMap((r) => Object.keys(r.skills)))].sort(byCodePoint);
  const cpis = options.cpis ?? CPI_KEYS.filter((cpi) => input.estimates[cpi] !== undefined);
  const analysis = options.analysis ?? analyzeJointLinks(input, { skills, cpis });
  const [S, C] = [skills.length, cpis.length];
  const reps = input.reps;
  const posterior = (i: number, c: number): CpiPosterior | null => reps[i]!.cpis[cpis[c]!] ?? null;
  const posteriorMean = Float64Array.from(
    { length: reps.length * C },
    (_, k) => posterior(Math.floor(k / C), k % C)?.estimate ?? NaN,
  );
  const posteriorSd = Float64Array.from(
    { length: reps.length * C },
    (_, k) => posterior(Math.floor(k / C), k % C)?.sd ?? NaN,
  );
  const targets = cpis.map(
    (cpi, c) => options.targets?.[cpi] ?? options.orgValues?.[cpi] ?? meanOf(column(posteriorMean, C, c)),
  );
  const rowIndex = new Map(reps.map((r, i) => [r.rep, i]));
  const model: JointGapModel = {
    skills,
    cpis,
    scores: Float64Array.from({ length: reps.length * S }, (_, k) =>
      numberOrNaN(reps[Math.floor(k / S)]!.skills[skills[k % S]!]),
    ),
    rows: cpis.map((cpi) => {
      const byRep: (JointModelRow | null)[] = reps.map(() => null);
      for (const row of jointModelRows(input, cpi, skills)) byRep[rowIndex.get(row.rep)!] = row;
      return byRep;
    }),
    tau2: cpis.map((cpi) => analysis.models.find((m) => m.cpi === cpi)?.tau2 ?? NaN),
    posteriorMean,
    posteriorSd,
    targets,
    weights: cpis.map((cpi) => options.weights?.[cpi] ?? 1),
    proficiency: skills.map((skill) => options.proficiencyTargets?.[skill] ?? 80),
  };
  const betaTilde = skills.flatMap((skill) =>
    cpis.map((cpi) => {
      const link = analysis.links.find((l) => l.skill === skill && l.cpi === cpi);
      return link ? jointLinkWeight(link.estimate, link.se, link.tier, lowerIsBetter(cpi)) : 0;
    }),
  );
  const skillSd = skills.map((_, s) => sampleSpread(column(model.scores, S, s)));
  const cpiSd = cpis.map((_, c) => sampleSpread(column(posteriorMean, C, c)));
  const intervals = bootstrapJointGaps(model, { replicates, seed, confidence });

  const skillGap = (i: number, s: number): JointSkillGap => {
    const skill = skills[s]!;
    const flags = options.training?.[reps[i]!.rep]?.[skill];
    const score = model.scores[i * S + s]!;
    if (Number.isNaN(score)) {
      const none = { cpi: null, score: null, lower: null, upper: null, deficit: null, contributions: [] };
      return { skill, ...none, lowConfidence: true, missingScore: true, label: jointGapLabel(flags, null, NaN) };
    }
    const deficit = skillDeficit(score, model.proficiency[s]!, skillSd[s]!);
    const contributions = cpis.flatMap((cpi, c) => {
      const own = posterior(i, c);
      if (!own) return [];
      const shortfall: Shortfall = expectedShortfall(own.estimate, own.sd, targets[c]!, lowerIsBetter(cpi));
      const value = gapTerm(betaTilde[s * C + c]!, deficit, shortfall.expectedShortfall, cpiSd[c]!, model.weights[c]!);
      return [{ cpi, value, ...shortfall }];
    });
    const top = contributions.reduce<GapContribution | null>(
      (best, c) => (c.value > (best?.value ?? 0) ? c : best),
      null,
    );
    const interval = intervals.get(i * S + s) ?? { lower: 0, upper: 0 };
    return {
      skill,
      cpi: top?.cpi ?? null,
      score: contributions.reduce((sum, c) => sum + c.value, 0),
      ...interval,
      lowConfidence: !(interval.lower > 0),
      missingScore: false,
      deficit,
      label: jointGapLabel(flags, top?.cpi ?? null, top?.probabilityBelowTarget ?? NaN),
      contributions,
    };
  };
  const byScore = (a: JointSkillGap, b: JointSkillGap): number =>
    (b.score ?? -Infinity) - (a.score ?? -Infinity) || byCodePoint(a.skill, b.skill);
  return {
    reps: reps.map((rep, i) => ({
      rep: rep.rep,
      team: rep.team,
      gaps: skills.map((_, s) => skillGap(i, s)).sort(byScore),
    })),
    targets: Object.fromEntries(cpis.map((cpi, c) => [cpi, targets[c]!])),
    linkWeights: skills.flatMap((skill, s) => cpis.map((cpi, c) => ({ skill, cpi, betaTilde: betaTilde[s * C + c]! }))),
    assessMoreReps: Object.fromEntries(
      analysis.models.filter((m) => m.kind === 'none').map((m) => [m.cpi, Math.max(0, 1 + S + 10 - m.n)]),
    ),
    analysis,
    intervalMethod:
      `${Math.round(confidence * 100)}% percentile interval over ${replicates} seeded resamples of reps: ` +
      'joint-model coefficients re-fitted with τ² held at the full-data value, link gating re-applied, ' +
      "each rep's CPI drawn from its posterior",
  };
}

function column(matrix: Float64Array, width: number, col: number): number[] {
  return Array.from({ length: matrix.length / width }, (_, i) => matrix[i * width + col]!).filter(
    (v) => !Number.isNaN(v),
  );
}

function meanOf(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function numberOrNaN(value: number | null | undefined): number {
  return isNumber(value) ? value : NaN;
}
