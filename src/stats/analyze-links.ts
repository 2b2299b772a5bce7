import { benjaminiHochberg } from './benjamini-hochberg.js';
import { CPI_KEYS, type CpiKey } from './cpi.js';
import { isNumber } from './guards.js';
import { correlateLink, type LinkEstimate } from './link-estimate.js';
import { permutationTest } from './permutation-test.js';
import { seedFor } from './prng.js';
import { withinTeamSample } from './within-team.js';

/**
 * One rep's inputs to the link analysis.
 * - `skills`: the latest assessment score (0–100) per skill; null or absent when
 *   never assessed (missing, never 0).
 * - `cpis`: the rep's shrunk CPI estimates (rates 0–1, Likert means 1–5, turnaround
 *   hours); null or absent when the rep has no data for that CPI.
 */
export interface LinkRep {
  repId: string;
  team: string;
  skills: Readonly<Record<string, number | null | undefined>>;
  cpis: Readonly<Partial<Record<CpiKey, number | null>>>;
}

export interface AnalyzeLinksOptions {
  /** Skills to analyse; default every skill key seen, sorted. */
  skills?: readonly string[];
  /** CPIs to analyse; default all five. */
  cpis?: readonly CpiKey[];
  /** Base seed for the permutation tests (each pair derives its own); default 1. */
  seed?: number;
  /** Permutations B where n < 30; default 9,999. */
  permutations?: number;
}

/** finding: n ≥ 30 and q ≤ .05; exploratory: n 10–29, or n ≥ 30 with q > .05; insufficient: n < 10. */
export type LinkTier = 'finding' | 'exploratory' | 'insufficient';

/**
 * One skill × CPI link. The headline numbers (rho, p, lower, upper, pearson,
 * beta, betaSe, permutationP) are those of the leading estimate: within-team when
 * the sign flips there (`simpson`), else across all reps. NaN (JSON null) when
 * tier is insufficient.
 */
export interface SkillCpiLink extends LinkEstimate {
  skill: string;
  cpi: CpiKey;
  /** Reps with both a skill score and a CPI value. */
  n: number;
  /** BH q over every non-insufficient link in the call; null when insufficient. */
  q: number | null;
  tier: LinkTier;
  simpson: boolean;
  leading: 'overall' | 'within-team';
  overall: LinkEstimate | null;
  withinTeam: LinkEstimate | null;
}

/**
 * Skill ↔ CPI links across reps (STATS.md "Skill ↔ CPI links"), for every
 * skill × CPI pair over the reps having both values: Spearman ρ with its
 * t-approximation p and Fisher-z 95% interval, Pearson beside it, the OLS slope β
 * of the CPI on the standardised skill (and SE, for gap scores), a seeded
 * permutation p when n < 30, and the within-team check (Simpson flag).
 *
 * Judgement calls: the BH family is every pair with n ≥ 10 and a defined ρ, using
 * the permutation p where there is one (so q exists for 10–29 too, though the tier
 * stays exploratory); a 30+ link with q > .05 is "exploratory" with its q shown
 * (the API allows no other tier); a constant skill or CPI (ρ undefined) is
 * "insufficient". The within-team estimate uses an effective n of n − (g − 1).
 *
 * @example
 * analyzeLinks(reps, { seed: 7 }).filter((link) => link.tier === 'finding');
 */
export function analyzeLinks(reps: readonly LinkRep[], options: AnalyzeLinksOptions = {}): SkillCpiLink[] {
  const skills = options.skills ?? [...new Set(reps.flatMap((r) => Object.keys(r.skills)))].sort();
  const cpis = options.cpis ?? CPI_KEYS;
  const links = skills.flatMap((skill) => cpis.map((cpi) => analyzePair(reps, skill, cpi, options)));
  const family = links.filter((link) => link.tier !== 'insufficient');
  const q = benjaminiHochberg(family.map((link) => link.permutationP ?? link.p));
  family.forEach((link, i) => {
    link.q = q[i] ?? NaN;
    if (link.n >= 30) link.tier = link.q <= 0.05 ? 'finding' : 'exploratory';
  });
  return links;
}

/** One skill × CPI pair, before the family's BH step sets q and the 30+ tiers. */
function analyzePair(
  reps: readonly LinkRep[],
  skill: string,
  cpi: CpiKey,
  options: AnalyzeLinksOptions,
): SkillCpiLink {
  const sample = reps.flatMap((rep) => {
    const [x, y] = [rep.skills[skill], rep.cpis[cpi]];
    return isNumber(x) && isNumber(y) ? [{ x, y, team: rep.team }] : [];
  });
  const [x, y, teams] = [sample.map((s) => s.x), sample.map((s) => s.y), sample.map((s) => s.team)];
  const n = sample.length;
  const overall = n >= 10 ? correlateLink(x, y, null) : null;
  if (overall === null || Number.isNaN(overall.rho)) return insufficient(skill, cpi, n, overall);
  const within = withinTeamSample(x, y, teams);
  const withinTeam = within.groups >= 2 ? correlateLink(x, y, teams) : null;
  const simpson = withinTeam !== null && withinTeam.rho * overall.rho < 0;
  const lead = simpson && withinTeam ? withinTeam : overall;
  if (n < 30) {
    lead.permutationP = permutationTest(simpson ? within.x : x, simpson ? within.y : y, {
      seed: seedFor(options.seed ?? 1, skill, cpi),
      permutations: options.permutations ?? 9999,
      strata: simpson ? within.teams : undefined,
    }).p;
  }
  const leading = simpson ? 'within-team' : 'overall';
  return { ...lead, skill, cpi, n, q: null, tier: 'exploratory', simpson, leading, overall, withinTeam };
}

function insufficient(skill: string, cpi: CpiKey, n: number, overall: LinkEstimate | null): SkillCpiLink {
  return {
    skill,
    cpi,
    n,
    rho: NaN,
    p: NaN,
    lower: NaN,
    upper: NaN,
    permutationP: null,
    pearson: { r: NaN, p: NaN, lower: NaN, upper: NaN },
    beta: NaN,
    betaSe: NaN,
    nEffective: n,
    q: null,
    tier: 'insufficient',
    simpson: false,
    leading: 'overall',
    overall,
    withinTeam: null,
  };
}
