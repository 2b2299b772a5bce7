import type { SkillCpiLink } from './analyze-links.js';
import { percentileInterval, resampleIndices } from './bootstrap.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
import { expectedShortfall, type Shortfall } from './expected-shortfall.js';
import { estimateGapParameters, gapData, isNumber, reportedLinkWeights, type GapParameters, type GapRep } from './gap-parameters.js';
import { gapLabel, gapTerm, skillDeficit, type GapContribution, type GapLabel, type TrainingFlags } from './gap-score.js';
import { assertConfidence, assertPositiveInteger } from './guards.js';
import { mulberry32 } from './prng.js';

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
export function scoreGaps(reps: readonly GapRep[], links: readonly SkillCpiLink[], options: ScoreGapsOptions = {}): ScoredGaps {
  const { replicates = 1000, seed = 1, confidence = 0.8 } = options;
  assertPositiveInteger('scoreGaps', 'replicates', replicates);
  assertConfidence('scoreGaps', confidence);
  const skills = [...new Set([...links.map((l) => l.skill), ...reps.flatMap((r) => Object.keys(r.skills))])].sort();
  const cpis = CPI_KEYS.filter((cpi) => links.some((l) => l.cpi === cpi) || reps.some((r) => r.cpis[cpi]));
  const [S, C] = [skills.length, cpis.length];
  const targets = Object.fromEntries(cpis.map((cpi) => [cpi, targetFor(cpi, reps, options)]));
  const shortfalls: (Shortfall | null)[][] = reps.map((rep) =>
    cpis.map((cpi) => {
      const posterior = rep.cpis[cpi];
      return posterior ? expectedShortfall(posterior.estimate, posterior.sd, targets[cpi] ?? NaN, lowerIsBetter(cpi)) : null;
    }),
  );
  const shortfallMatrix = Float64Array.from(shortfalls.flat(), (sf) => sf?.expectedShortfall ?? NaN);
  const weight = cpis.map((cpi) => options.weights?.[cpi] ?? 1);
  const proficiency = skills.map((skill) => options.proficiencyTargets?.[skill] ?? 80);
  const data = gapData(reps, skills, cpis);
  const everyone = reps.map((_, i) => i);
  const point: GapParameters = { ...estimateGapParameters(data, everyone, [], 'all'), betaTilde: reportedLinkWeights(data, links) };
  const gated = links.filter((l) => l.q !== null && l.q <= 0.1);

  // Only a rep below target in a skill with a gated link can score above 0.
  const active = everyone.flatMap((i) =>
    skills.flatMap((skill, s) => {
      const shortOf = proficiency[s]! - (data.scores[i * S + s] ?? NaN);
      const linked = cpis.flatMap((cpi, c) => (gated.some((l) => l.skill === skill && l.cpi === cpi) ? [c] : []));
      return shortOf > 0 && linked.length > 0 ? [{ i, s, shortOf, linked, draws: new Float64Array(replicates) }] : [];
    }),
  );
  const random = mulberry32(seed);
  for (let b = 0; b < replicates && active.length > 0; b++) {
    const params = estimateGapParameters(data, resampleIndices(reps.length, random), gated);
    for (const { i, s, shortOf, linked, draws } of active) {
      const d = params.skillSd[s]! > 0 ? shortOf / params.skillSd[s]! : 0;
      let total = 0;
      for (const c of linked) {
        total += gapTerm(params.betaTilde[s * C + c]!, d, shortfallMatrix[i * C + c]!, params.cpiSd[c]!, weight[c]!);
      }
      draws[b] = total;
    }
  }
  const intervals = new Map(active.map((e) => [e.i * S + e.s, percentileInterval(e.draws, confidence)]));

  const skillGap = (i: number, s: number, skill: string): SkillGap => {
    const label = gapLabel(options.training?.[reps[i]!.repId]?.[skill]);
    const score = reps[i]!.skills[skill];
    if (!isNumber(score)) return missingGap(skill, label);
    const deficit = skillDeficit(score, proficiency[s]!, point.skillSd[s]!);
    const contributions = cpis.flatMap((cpi, c) => {
      const shortfall = shortfalls[i]![c];
      if (!shortfall) return [];
      const value = gapTerm(point.betaTilde[s * C + c]!, deficit, shortfall.expectedShortfall, point.cpiSd[c]!, weight[c]!);
      return [{ cpi, value, ...shortfall }];
    });
    const top = contributions.reduce<GapContribution | null>((best, c) => (c.value > (best?.value ?? 0) ? c : best), null);
    const interval = intervals.get(i * S + s) ?? { lower: 0, upper: 0 };
    const total = contributions.reduce((sum, c) => sum + c.value, 0);
    return { skill, cpi: top?.cpi ?? null, score: total, ...interval, lowConfidence: !(interval.lower > 0), missingScore: false, deficit, label, contributions };
  };
  return {
    reps: reps.map((rep, i) => ({ repId: rep.repId, team: rep.team, gaps: sortGaps(skills.map((skill, s) => skillGap(i, s, skill))) })),
    targets,
    linkWeights: skills.flatMap((skill, s) => cpis.map((cpi, c) => ({ skill, cpi, betaTilde: point.betaTilde[s * C + c]! }))),
  };
}

function targetFor(cpi: CpiKey, reps: readonly GapRep[], options: ScoreGapsOptions): number {
  const configured = options.targets?.[cpi] ?? options.orgValues?.[cpi];
  if (configured !== undefined) return configured;
  const values = reps.map((r) => r.cpis[cpi]?.estimate).filter(isNumber);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function missingGap(skill: string, label: GapLabel): SkillGap {
  return { skill, cpi: null, score: null, lower: null, upper: null, lowConfidence: true, missingScore: true, deficit: null, label, contributions: [] };
}

function sortGaps(gaps: SkillGap[]): SkillGap[] {
  return gaps.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
}
