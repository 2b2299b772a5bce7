import { sampleStandardDeviation } from 'simple-statistics';
import { centreOnGroups } from './centre-on-groups.js';
import { slopeOfChecked, type StandardizedSlope } from './standardized-slope.js';

/** Paired values centred on their team means, from teams with at least two reps. */
export interface WithinTeamSample {
  x: number[];
  y: number[];
  teams: string[];
  /** Number of teams left (each cost one degree of freedom). */
  groups: number;
}

/**
 * The within-team view of paired values (Simpson's-paradox check): drops reps
 * who are alone in their team (they carry no within-team information) and
 * centres x and y on the remaining teams' means.
 *
 * @example
 * withinTeamSample([1, 3, 10, 14, 5], [2, 2, 5, 7, 0], ['a', 'a', 'b', 'b', 'c']);
 * // => { x: [-1, 1, -2, 2], y: [0, 0, -1, 1], teams: ['a', 'a', 'b', 'b'], groups: 2 }
 */
export function withinTeamSample(
  x: readonly number[],
  y: readonly number[],
  teams: readonly string[],
): WithinTeamSample {
  const size = new Map<string, number>();
  for (const team of teams) size.set(team, (size.get(team) ?? 0) + 1);
  const keep = teams.map((team) => (size.get(team) ?? 0) > 1);
  const kept = teams.filter((_, i) => keep[i]);
  return {
    x: centreOnGroups(x.filter((_, i) => keep[i]), kept),
    y: centreOnGroups(y.filter((_, i) => keep[i]), kept),
    teams: kept,
    groups: new Set(kept).size,
  };
}

/**
 * The slope of a CPI on the standardised skill score used by links and gap
 * scores: OLS β per SD of the skill (over the reps given). With `teams`, the
 * within-team slope — x and y centred on team means, same SD scale, one df lost
 * per extra team.
 *
 * @example
 * linkSlope([50, 60, 70, 80], [0.6, 0.7, 0.7, 0.8], null).beta; // => 0.0775 (rounded): CPI change per SD of skill
 */
export function linkSlope(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  teams: readonly string[] | null,
): StandardizedSlope {
  if (x.length < 2) return { beta: NaN, se: NaN, n: x.length };
  // Callers pass complete pairs (missing values dropped): the unguarded slope is safe here.
  if (teams === null) return slopeOfChecked(x, y);
  const scale = sampleStandardDeviation(Array.from(x));
  const within = withinTeamSample(Array.from(x), Array.from(y), teams);
  return slopeOfChecked(within.x, within.y, { scale, lostDf: within.groups - 1 });
}
