import { sampleStandardDeviation } from 'simple-statistics';
import type { LinkRep, SkillCpiLink } from './analyze-links.js';
import { lowerIsBetter, type CpiKey } from './cpi.js';
import { linkWeight, type CpiPosterior } from './gap-score.js';
import { linkSlope } from './within-team.js';

/**
 * One rep's inputs to gap scoring: skill scores as in {@link LinkRep}, and per
 * CPI the shrunk estimate with its posterior SD (null or absent: no data).
 */
export interface GapRep {
  repId: string;
  team: string;
  skills: Readonly<Record<string, number | null | undefined>>;
  cpis: Readonly<Partial<Record<CpiKey, CpiPosterior | null>>>;
}

/** What the gap score estimates from the reps: spreads and link weights β̃. */
export interface GapParameters {
  /** SDₛ per skill, in `skills` order. */
  skillSd: Float64Array;
  /** SD_c per CPI, in `cpis` order. */
  cpiSd: Float64Array;
  /** β̃ per skill × CPI, row-major (skill index · cpis.length + cpi index). */
  betaTilde: Float64Array;
}

/**
 * Estimates the gap-score parameters from the reps at `sample` (indices into
 * `reps`, repeats allowed, so a bootstrap resample works as is). Only `gated`
 * links (q ≤ .10) get a weight; their β and SE are recomputed on the sample the
 * way {@link analyzeLinks} computed them (within-team when that led).
 */
export function estimateGapParameters(
  reps: readonly GapRep[],
  sample: readonly number[],
  skills: readonly string[],
  cpis: readonly CpiKey[],
  gated: readonly SkillCpiLink[],
): GapParameters {
  const members = sample.map((i) => reps[i]).filter((rep): rep is GapRep => rep !== undefined);
  const skillSd = Float64Array.from(skills, (skill) => spread(members.map((rep) => rep.skills[skill])));
  const cpiSd = Float64Array.from(cpis, (cpi) => spread(members.map((rep) => rep.cpis[cpi]?.estimate)));
  const betaTilde = new Float64Array(skills.length * cpis.length);
  for (const link of gated) {
    const [s, c] = [skills.indexOf(link.skill), cpis.indexOf(link.cpi)];
    if (s < 0 || c < 0) continue;
    const both = members.flatMap((rep) => {
      const [x, y] = [rep.skills[link.skill], rep.cpis[link.cpi]?.estimate];
      return isNumber(x) && isNumber(y) ? [{ x, y, team: rep.team }] : [];
    });
    const teams = link.leading === 'within-team' ? both.map((b) => b.team) : null;
    const slope = linkSlope(both.map((b) => b.x), both.map((b) => b.y), teams);
    betaTilde[s * cpis.length + c] = linkWeight(slope.beta, slope.se, link.q, lowerIsBetter(link.cpi));
  }
  return { skillSd, cpiSd, betaTilde };
}

/** β̃ of the links as analyzeLinks reported them (the point estimate). */
export function reportedLinkWeights(
  skills: readonly string[],
  cpis: readonly CpiKey[],
  links: readonly SkillCpiLink[],
): Float64Array {
  const betaTilde = new Float64Array(skills.length * cpis.length);
  for (const link of links) {
    const [s, c] = [skills.indexOf(link.skill), cpis.indexOf(link.cpi)];
    if (s >= 0 && c >= 0) {
      betaTilde[s * cpis.length + c] = linkWeight(link.beta, link.betaSe, link.q, lowerIsBetter(link.cpi));
    }
  }
  return betaTilde;
}

export function isNumber(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function spread(values: readonly (number | null | undefined)[]): number {
  const present = values.filter(isNumber);
  return present.length >= 2 ? sampleStandardDeviation(present) : NaN;
}

/**
 * The {@link LinkRep} view of a {@link GapRep} (CPI estimates without their SDs),
 * so links and gaps are computed from the same numbers.
 *
 * @example
 * analyzeLinks(gapReps.map(toLinkRep));
 */
export function toLinkRep(rep: GapRep): LinkRep {
  const cpis: Partial<Record<CpiKey, number | null>> = {};
  for (const [cpi, posterior] of Object.entries(rep.cpis) as [CpiKey, CpiPosterior | null | undefined][]) {
    cpis[cpi] = posterior?.estimate ?? null;
  }
  return { repId: rep.repId, team: rep.team, skills: rep.skills, cpis };
}
