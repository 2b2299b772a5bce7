import type { LinkRep, SkillCpiLink } from './analyze-links.js';
import { CPI_KEYS, lowerIsBetter, type CpiKey } from './cpi.js';
import { linkWeight, type CpiPosterior } from './gap-score.js';
import { isNumber } from './guards.js';
import { linkSlope } from './within-team.js';

/**
 * One rep's inputs to gap scoring: skill scores as in {@link LinkRep} (null or
 * absent: never assessed), and per CPI the shrunk estimate with its posterior SD
 * (null or absent: no data).
 */
export interface GapRep {
  repId: string;
  team: string;
  skills: Readonly<Record<string, number | null | undefined>>;
  cpis: Readonly<Partial<Record<CpiKey, CpiPosterior | null>>>;
}

/** The reps as dense matrices (rep-major), NaN where a value is missing. */
export interface GapData {
  skills: readonly string[];
  cpis: readonly CpiKey[];
  teams: readonly string[];
  /** n × skills. */
  scores: Float64Array;
  /** n × cpis: shrunk estimates. */
  estimates: Float64Array;
}

/** What the gap score estimates from the reps: spreads and link weights β̃. */
export interface GapParameters {
  /** SDₛ per skill. */
  skillSd: Float64Array;
  /** SD_c per CPI. */
  cpiSd: Float64Array;
  /** β̃ per skill × CPI, row-major (skill index · cpis.length + cpi index). */
  betaTilde: Float64Array;
}

/** Packs reps into {@link GapData}. */
export function gapData(reps: readonly GapRep[], skills: readonly string[], cpis: readonly CpiKey[]): GapData {
  const scores = new Float64Array(reps.length * skills.length);
  const estimates = new Float64Array(reps.length * cpis.length);
  reps.forEach((rep, i) => {
    skills.forEach((skill, s) => (scores[i * skills.length + s] = numberOrNaN(rep.skills[skill])));
    cpis.forEach((cpi, c) => (estimates[i * cpis.length + c] = numberOrNaN(rep.cpis[cpi]?.estimate)));
  });
  return { skills, cpis, teams: reps.map((rep) => rep.team), scores, estimates };
}

/**
 * Estimates the gap-score parameters from the reps at `sample` (indices, repeats
 * allowed, so a bootstrap resample works as is): SDs of the skills and CPIs
 * (of all, or only those the gated links need: NaN for the rest), and β̃ for the
 * `gated` links (q ≤ .10) only, their β and SE recomputed on the sample
 * the way {@link analyzeLinks} computed them (within-team when that led).
 */
export function estimateGapParameters(
  data: GapData,
  sample: ArrayLike<number>,
  gated: readonly SkillCpiLink[],
  spreads: 'all' | 'gated' = 'gated',
): GapParameters {
  return gapEstimator(data, gated, spreads)(sample);
}

/**
 * {@link estimateGapParameters} prepared once for many samples (the bootstrap): which
 * spreads and links to estimate is worked out here, and the pair buffers are reused.
 */
export function gapEstimator(
  data: GapData,
  gated: readonly SkillCpiLink[],
  spreads: 'all' | 'gated' = 'gated',
): (sample: ArrayLike<number>) => GapParameters {
  const [S, C] = [data.skills.length, data.cpis.length];
  const all = spreads === 'all';
  const skillNeeded = data.skills.map((skill) => all || gated.some((l) => l.skill === skill));
  const cpiNeeded = data.cpis.map((cpi) => all || gated.some((l) => l.cpi === cpi));
  const links = gated.flatMap((link) => {
    const [s, c] = [data.skills.indexOf(link.skill), data.cpis.indexOf(link.cpi)];
    return s < 0 || c < 0 ? [] : [{ s, c, link, withinTeam: link.leading === 'within-team', lowerIsBetter: lowerIsBetter(link.cpi) }];
  });
  let x = new Float64Array(0);
  let y = new Float64Array(0);
  return (sample) => {
    const skillSd = Float64Array.from(skillNeeded, (needed, s) => (needed ? columnSd(data.scores, S, s, sample) : NaN));
    const cpiSd = Float64Array.from(cpiNeeded, (needed, c) => (needed ? columnSd(data.estimates, C, c, sample) : NaN));
    const betaTilde = new Float64Array(S * C);
    if (x.length < sample.length) {
      x = new Float64Array(sample.length);
      y = new Float64Array(sample.length);
    }
    for (const { s, c, link, withinTeam, lowerIsBetter: lower } of links) {
      const teams: string[] = [];
      let k = 0;
      for (let j = 0; j < sample.length; j++) {
        const i = sample[j]!;
        const xi = data.scores[i * S + s]!;
        const yi = data.estimates[i * C + c]!;
        if (Number.isNaN(xi) || Number.isNaN(yi)) continue;
        x[k] = xi;
        y[k] = yi;
        k++;
        if (withinTeam) teams.push(data.teams[i]!);
      }
      const slope = linkSlope(x.subarray(0, k), y.subarray(0, k), withinTeam ? teams : null);
      betaTilde[s * C + c] = linkWeight(slope.beta, slope.se, link.q, lower);
    }
    return { skillSd, cpiSd, betaTilde };
  };
}

/** β̃ of the links as analyzeLinks reported them (the point estimate). */
export function reportedLinkWeights(data: GapData, links: readonly SkillCpiLink[]): Float64Array {
  const C = data.cpis.length;
  const betaTilde = new Float64Array(data.skills.length * C);
  for (const link of links) {
    const [s, c] = [data.skills.indexOf(link.skill), data.cpis.indexOf(link.cpi)];
    if (s >= 0 && c >= 0) betaTilde[s * C + c] = linkWeight(link.beta, link.betaSe, link.q, lowerIsBetter(link.cpi));
  }
  return betaTilde;
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
  for (const cpi of CPI_KEYS) {
    if (cpi in rep.cpis) cpis[cpi] = rep.cpis[cpi]?.estimate ?? null;
  }
  return { repId: rep.repId, team: rep.team, skills: rep.skills, cpis };
}

function numberOrNaN(value: number | null | undefined): number {
  return isNumber(value) ? value : NaN;
}

/** Sample SD of column `col` over the rows in `sample`, skipping NaN; NaN below 2 values. */
function columnSd(matrix: Float64Array, width: number, col: number, sample: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let j = 0; j < sample.length; j++) {
    const v = matrix[sample[j]! * width + col]!;
    if (Number.isNaN(v)) continue;
    n++;
    sum += v;
  }
  if (n < 2) return NaN;
  const mean = sum / n;
  let squares = 0;
  for (let j = 0; j < sample.length; j++) {
    const v = matrix[sample[j]! * width + col]!;
    if (!Number.isNaN(v)) squares += (v - mean) * (v - mean);
  }
  return Math.sqrt(squares / (n - 1));
}
