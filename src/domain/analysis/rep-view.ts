/**
 * The reps of a served link analysis as the pages list them: names, teams and the reader's
 * scope from the rep directory as it is now (a result may predate a rename, a move to
 * another team or an erasure), and each rep's CPI shortfalls against the analysis' targets
 * (docs/statistics.md, "Skill-gap score", step 1; what orgs without a model see, step 6).
 */
import type { TeamScope } from '../access';
import { CPI_KEYS, expectedShortfall, lowerIsBetter, type CpiKey } from '../../stats';
import { readableValue, type GapEntry, type LinkAnalysis, type RepAnalysis } from './links';

export interface DirectoryRep {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  team: string | null;
  active: number;
}

/** Reps of the analysis still in the directory, inside the scope (and the team, by name), with today's name and team. */
export function currentReps(
  analysis: LinkAnalysis,
  directory: readonly DirectoryRep[],
  scope: TeamScope,
  team?: string,
): RepAnalysis[] {
  const byId = new Map(directory.map((r) => [r.id, r]));
  return analysis.reps.flatMap((r) => {
    const now = byId.get(r.repId);
    if (!now) return [];
    if (scope.kind === 'teams' && (now.teamId === null || !scope.teamIds.includes(now.teamId))) return [];
    if (team !== undefined && now.team !== team) return [];
    return [{ ...r, email: now.email, name: now.name, team: now.team, teamId: now.teamId, active: now.active === 1 }];
  });
}

export interface CpiShortfall {
  cpi: CpiKey;
  /** The rep's estimate at the common mix and the target, on the scale people read (turnaround in hours). */
  value: number;
  target: number;
  probabilityBelowTarget: number;
  /** Answers behind the estimate. */
  n: number;
}

/** Each CPI of the rep with an estimate and a target: how likely it is below target. */
export function cpiShortfalls(analysis: LinkAnalysis, rep: RepAnalysis): CpiShortfall[] {
  return CPI_KEYS.flatMap((cpi) => {
    const own = rep.cpis[cpi];
    const target = analysis.targets[cpi];
    if (!own || target === undefined) return [];
    const { probabilityBelowTarget } = expectedShortfall(own.estimate, own.sd, target, lowerIsBetter(cpi));
    return [
      {
        cpi,
        value: readableValue(cpi, own.estimate),
        target: readableValue(cpi, target),
        probabilityBelowTarget,
        n: own.n,
      },
    ];
  });
}

/**
 * P(below target) from which a CPI counts as short (the label rule's threshold:
 * docs/statistics.md, "Skill-gap score", step 5).
 */
export const LIKELY_SHORT = 0.5;

/** Any CPI has a joint model: gaps can be put down to skills. */
const hasModel = (analysis: LinkAnalysis) => analysis.models.some((m) => m.kind !== 'none');

/** Fewest more reps to assess in every skill before a CPI gets a model; null when one has a model already, 0 when scores do not vary. */
export function assessMore(analysis: LinkAnalysis): number | null {
  if (hasModel(analysis)) return null;
  const counts = Object.values(analysis.assessMoreReps).filter((n): n is number => typeof n === 'number');
  return counts.length > 0 ? Math.min(...counts) : 0;
}

/** A gap to act on: labelled, naming a CPI, above 0 (a course with the CPI not short carries no label). */
export const actionable = (g: GapEntry) => g.label !== null && g.cpi !== null && g.score !== null && g.score > 0;
