/**
 * The skill-link analysis as readers get it (GET /api/v1/gaps, the gap pages and exports):
 * links as computed, reps narrowed to a scope and a team, gaps sorted by score, each naming
 * a CPI, quote-turnaround figures back in hours.
 */
import type { TeamScope } from '../access';
import { CPI_KEYS, type CpiKey } from '../../stats';
import { readableValue, type GapEntry, type LinkAnalysis, type LinkResult, type RepAnalysis } from './links';

/** Per skill, the CPI it is most clearly linked with (largest |estimate/se| among tested links). */
export function clearestLinkedCpi(links: readonly LinkResult[]): Map<string, CpiKey> {
  const best = new Map<string, { cpi: CpiKey; t: number }>();
  for (const l of links) {
    if (l.estimate === null || l.se === null || !(l.se > 0)) continue;
    const t = Math.abs(l.estimate / l.se);
    if (t > (best.get(l.skill)?.t ?? -1)) best.set(l.skill, { cpi: l.cpi, t });
  }
  return new Map([...best].map(([skill, b]) => [skill, b.cpi]));
}

const byScore = (a: GapEntry, b: GapEntry) =>
  (b.score ?? -Infinity) - (a.score ?? -Infinity) || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0);

function repsInView(analysis: LinkAnalysis, scope: TeamScope, team: string | undefined): RepAnalysis[] {
  return analysis.reps.filter(
    (r) =>
      (scope.kind === 'all' || (r.teamId !== null && scope.teamIds.includes(r.teamId))) &&
      (team === undefined || r.team === team),
  );
}

/**
 * The API's shape (docs/api.md, "GET /api/v1/gaps"). A gap without a label (a course, the CPI
 * not short) is not a gap to act on and is left out.
 */
export function gapsForApi(analysis: LinkAnalysis, scope: TeamScope, team: string | undefined) {
  const clearest = clearestLinkedCpi(analysis.links);
  return {
    links: analysis.links,
    reps: repsInView(analysis, scope, team).map((r) => ({
      repEmail: r.email,
      gaps: r.gaps
        .filter((g) => g.label !== null)
        .sort(byScore)
        .map((g) => ({
          skill: g.skill,
          cpi: g.cpi ?? clearest.get(g.skill) ?? null,
          score: g.score,
          lower: g.lower,
          upper: g.upper,
          label: g.label,
          lowConfidence: g.lowConfidence,
        })),
    })),
    targets: Object.fromEntries(
      CPI_KEYS.flatMap((cpi) =>
        analysis.targets[cpi] === undefined ? [] : [[cpi, readableValue(cpi, analysis.targets[cpi]!)]],
      ),
    ),
  };
}
