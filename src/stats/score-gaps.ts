import type { SkillCpiLink } from './analyze-links.js';
import { percentileInterval, resampleIndices } from './bootstrap.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
import { expectedShortfall } from './expected-shortfall.js';
import { estimateGapParameters, isNumber, reportedLinkWeights, type GapParameters, type GapRep } from './gap-parameters.js';
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
  contributions: GapContribution[];
}

export interface ScoredGaps {
  /** In input order; each rep's gaps sorted by score, highest first, missing scores last. */
  reps: { repId: string; team: string; gaps: SkillGap[] }[];
  targets: Partial<Record<CpiKey, number>>;
  linkWeights: { skill: string; cpi: CpiKey; betaTilde: number }[];
}

/**
 * Skill-gap scores per rep × skill (STATS.md "Skill-gap score", steps 1–4):
 * Gapᵢₛ = Σ_c w_c·min(β̃ₛc·dᵢₛ, ESᵢc)/SD_c, with ES from {@link expectedShortfall},
 * β̃ from {@link linkWeight} on the `links` of {@link analyzeLinks} (run on the
 * same reps' estimates) and d from {@link skillDeficit}. The 80% interval
 * resamples reps (seeded), re-estimating SDₛ, SD_c and each gated link's β and
 * SE on every resample while each rep's own score and CPIs stay fixed.
 * Skills come from the links (then any other skill the reps have), sorted.
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
  const targets = Object.fromEntries(cpis.map((cpi) => [cpi, targetFor(cpi, reps, options)]));
  const shortfalls = reps.map((rep) =>
    cpis.map((cpi) => {
      const posterior = rep.cpis[cpi];
      return posterior ? expectedShortfall(posterior.estimate, posterior.sd, targets[cpi] ?? NaN, lowerIsBetter(cpi)) : null;
    }),
  );
  const everyone = reps.map((_, i) => i);
  const point = { ...estimateGapParameters(reps, everyone, skills, cpis, []), betaTilde: reportedLinkWeights(skills, cpis, links) };
  const gap = (i: number, s: number, params: GapParameters): number => {
    const score = reps[i]?.skills[skills[s] ?? ''];
    const d = isNumber(score) ? skillDeficit(score, proficiency(skills[s] ?? '', options), params.skillSd[s] ?? NaN) : 0;
    let total = 0;
    cpis.forEach((cpi, c) => {
      const es = shortfalls[i]?.[c]?.expectedShortfall ?? NaN;
      total += gapTerm(params.betaTilde[s * cpis.length + c] ?? 0, d, es, params.cpiSd[c] ?? NaN, options.weights?.[cpi] ?? 1);
    });
    return total;
  };
  // Only entries with a raw deficit in a skill with a gated link can ever differ from 0.
  const gated = links.filter((l) => l.q !== null && l.q <= 0.1);
  const active = everyone.flatMap((i) =>
    skills.flatMap((skill, s) => {
      const score = reps[i]?.skills[skill];
      const live = isNumber(score) && score < proficiency(skill, options) && gated.some((l) => l.skill === skill);
      return live ? [{ i, s, draws: new Float64Array(replicates) }] : [];
    }),
  );
  if (active.length > 0) {
    const random = mulberry32(seed);
    for (let b = 0; b < replicates; b++) {
      const params = estimateGapParameters(reps, resampleIndices(reps.length, random), skills, cpis, gated);
      for (const entry of active) entry.draws[b] = gap(entry.i, entry.s, params);
    }
  }
  const intervals = new Map(active.map((e) => [`${e.i}|${e.s}`, percentileInterval(e.draws, confidence)]));
  return {
    reps: reps.map((rep, i) => ({
      repId: rep.repId,
      team: rep.team,
      gaps: sortGaps(
        skills.map((skill, s) => {
          const label = gapLabel(options.training?.[rep.repId]?.[skill]);
          const score = rep.skills[skill];
          if (!isNumber(score)) return missingGap(skill, label);
          const deficit = skillDeficit(score, proficiency(skill, options), point.skillSd[s] ?? NaN);
          const contributions = cpis.flatMap((cpi, c) => {
            const shortfall = shortfalls[i]?.[c];
            const value = gapTerm(point.betaTilde[s * cpis.length + c] ?? 0, deficit, shortfall?.expectedShortfall ?? NaN, point.cpiSd[c] ?? NaN, options.weights?.[cpi] ?? 1);
            return shortfall ? [{ cpi, value, ...shortfall }] : [];
          });
          const interval = intervals.get(`${i}|${s}`) ?? { lower: 0, upper: 0 };
          const top = contributions.reduce<GapContribution | null>((best, c) => (c.value > (best?.value ?? 0) ? c : best), null);
          return { skill, cpi: top?.cpi ?? null, score: gap(i, s, point), ...interval, lowConfidence: !(interval.lower > 0), missingScore: false, deficit, label, contributions };
        }),
      ),
    })),
    targets,
    linkWeights: skills.flatMap((skill, s) => cpis.map((cpi, c) => ({ skill, cpi, betaTilde: point.betaTilde[s * cpis.length + c] ?? 0 }))),
  };
}

function targetFor(cpi: CpiKey, reps: readonly GapRep[], options: ScoreGapsOptions): number {
  const configured = options.targets?.[cpi] ?? options.orgValues?.[cpi];
  if (configured !== undefined) return configured;
  const values = reps.map((r) => r.cpis[cpi]?.estimate).filter(isNumber);
  return values.reduce((s, v) => s + v, 0) / values.length;
}

function proficiency(skill: string, options: ScoreGapsOptions): number {
  return options.proficiencyTargets?.[skill] ?? 80;
}

function missingGap(skill: string, label: GapLabel): SkillGap {
  return { skill, cpi: null, score: null, lower: null, upper: null, lowConfidence: true, missingScore: true, deficit: null, label, contributions: [] };
}

function sortGaps(gaps: SkillGap[]): SkillGap[] {
  return gaps.sort((a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
}
