import type { SkillCpiLink } from './analyze-links.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
import { expectedShortfall } from './expected-shortfall.js';
import { bootstrapGapIntervals, type GapModel } from './gap-bootstrap.js';
import {
  estimateGapParameters,
  gapData,
  reportedLinkWeights,
  type GapParameters,
  type GapRep,
} from './gap-parameters.js';
import {
  gapLabel,
  gapTerm,
  skillDeficit,
  type GapContribution,
  type GapLabel,
  type TrainingFlags,
} from './gap-score.js';
import { assertConfidence, assertPositiveInteger, isNumber } from './guards.js';

export interface ScoreGapsOptions {
  /** Configured CPI targets T. */
  targets?: Partial<Record<CpiKey, number>>;
  /** Org-wide CPI values over the period: T where no target is set. Default: mean of the reps' estimates. */
  orgValues?: Partial<Record<CpiKey, number>>;
  /** Proficiency target Pₛ per skill; default 80. */
  proficiencyTargets?: Readonly<Record<string, number>>;
  /** CPI weights w_c; default 1. */
  weights?: Partial<Record<CpiKey, number>>;
  /** repId → skill → training flags; absent means untrained. */
  training?: Readonly<Record<string, Readonly<Record<string, TrainingFlags>>>>;
  /** Bootstrap resamples B (default 1,000), seed (default 1), interval level (default 0.80). */
  replicates?: number;
  seed?: number;
  confidence?: number;
}

/** One rep × skill gap. score/lower/upper are null when the skill score is missing. */
export interface SkillGap {
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
  label: GapLabel;
  /** One per CPI the rep has data for: its term of the score, expected shortfall and P(below target). */
  contributions: GapContribution[];
}

export interface ScoredGaps {
  /** In input order; each rep's gaps sorted by score, highest first, missing scores last. */
  reps: { repId: string; team: string; gaps: SkillGap[] }[];
  /** The T used per CPI. */
  targets: Partial<Record<CpiKey, number>>;
  /** β̃ per skill × CPI at the point estimate (0 unless gated in). */
  linkWeights: { skill: string; cpi: CpiKey; betaTilde: number }[];
}

/**
 * Skill-gap scores per rep × skill (STATS.md "Skill-gap score", steps 1–4):
 * Gapᵢₛ = Σ_c w_c·min(β̃ₛc·dᵢₛ, ESᵢc)/SD_c, with ES from {@link expectedShortfall},
 * β̃ from {@link linkWeight} on the `links` of {@link analyzeLinks} (run on the
 * same reps' estimates, see {@link toLinkRep}) and d from {@link skillDeficit}.
 * The 80% interval resamples reps (seeded), re-estimating SDₛ, SD_c and each gated
 * link's β and SE on every resample while each rep's own score and CPIs stay
 * fixed; a degenerate resample gives that link β̃ = 0. A CPI the rep has no data
 * for contributes nothing. Skills: those of the links and the reps, sorted.
 *
 * @example
 * scoreGaps(reps, analyzeLinks(reps.map(toLinkRep)), { seed: 1 }).reps[0]?.gaps[0];
 */
export function scoreGaps(
  reps: readonly GapRep[],
  links: readonly SkillCpiLink[],
  options: ScoreGapsOptions = {},
): ScoredGaps {
  const { replicates = 1000, seed = 1, confidence = 0.8 } = options;
  assertPositiveInteger('scoreGaps', 'replicates', replicates);
  assertConfidence('scoreGaps', confidence);
  const skills = [...new Set([...links.map((l) => l.skill), ...reps.flatMap((r) => Object.keys(r.skills))])].sort();
  const cpis = CPI_KEYS.filter((cpi) => links.some((l) => l.cpi === cpi) || reps.some((r) => r.cpis[cpi]));
  const C = cpis.length;
  const targets = Object.fromEntries(cpis.map((cpi) => [cpi, targetFor(cpi, reps, options)]));
  const shortfalls = reps.map((rep) =>
    cpis.map((cpi) => {
      const posterior = rep.cpis[cpi];
      if (!posterior) return null;
      return expectedShortfall(posterior.estimate, posterior.sd, targets[cpi] ?? NaN, lowerIsBetter(cpi));
    }),
  );
  const model: GapModel = {
    data: gapData(reps, skills, cpis),
    shortfall: Float64Array.from(shortfalls.flat(), (sf) => sf?.expectedShortfall ?? NaN),
    weight: cpis.map((cpi) => options.weights?.[cpi] ?? 1),
    proficiency: skills.map((skill) => options.proficiencyTargets?.[skill] ?? 80),
  };
  const everyone = reps.map((_, i) => i);
  const point: GapParameters = {
    ...estimateGapParameters(model.data, everyone, [], 'all'),
    betaTilde: reportedLinkWeights(model.data, links),
  };
  const intervals = bootstrapGapIntervals(model, links, { replicates, seed, confidence });

  const skillGap = (rep: GapRep, i: number, skill: string, s: number): SkillGap => {
    const label = gapLabel(options.training?.[rep.repId]?.[skill]);
    const score = rep.skills[skill];
    if (!isNumber(score)) return missingGap(skill, label);
    const deficit = skillDeficit(score, model.proficiency[s]!, point.skillSd[s]!);
    const contributions = cpis.flatMap((cpi, c) => {
      const shortfall = shortfalls[i]![c];
      if (!shortfall) return [];
      const betaTilde = point.betaTilde[s * C + c]!;
      const value = gapTerm(betaTilde, deficit, shortfall.expectedShortfall, point.cpiSd[c]!, model.weight[c]!);
      return [{ cpi, value, ...shortfall }];
    });
    const top = contributions.reduce<GapContribution | null>(
      (best, c) => (c.value > (best?.value ?? 0) ? c : best),
      null,
    );
    const interval = intervals.get(i * skills.length + s) ?? { lower: 0, upper: 0 };
    return {
      skill,
      cpi: top?.cpi ?? null,
      score: contributions.reduce((sum, c) => sum + c.value, 0),
      ...interval,
      lowConfidence: !(interval.lower > 0),
      missingScore: false,
      deficit,
      label,
      contributions,
    };
  };
  return {
    reps: reps.map((rep, i) => ({
      repId: rep.repId,
      team: rep.team,
      gaps: sortGaps(skills.map((skill, s) => skillGap(rep, i, skill, s))),
    })),
    targets,
    linkWeights: skills.flatMap((skill, s) =>
      cpis.map((cpi, c) => ({ skill, cpi, betaTilde: point.betaTilde[s * C + c]! })),
    ),
  };
}

function targetFor(cpi: CpiKey, reps: readonly GapRep[], options: ScoreGapsOptions): number {
  const configured = options.targets?.[cpi] ?? options.orgValues?.[cpi];
  if (configured !== undefined) return configured;
  const values = reps.map((r) => r.cpis[cpi]?.estimate).filter(isNumber);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function missingGap(skill: string, label: GapLabel): SkillGap {
  const none = { cpi: null, score: null, lower: null, upper: null, deficit: null, contributions: [] };
  return { skill, ...none, lowConfidence: true, missingScore: true, label };
}

/** Highest score first, missing scores last, ties by skill name (so the order is stable). */
function sortGaps(gaps: SkillGap[]): SkillGap[] {
  const byName = (a: SkillGap, b: SkillGap): number => (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0);
  return gaps.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || byName(a, b));
}
