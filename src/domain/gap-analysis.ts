/**
 * The skill-gap analysis page's data, from a served link analysis (./analysis/links.ts).
 * Links, the planner, importance and content usefulness are org-wide
 * statistics (no rep is shown); the largest gaps, or where no model runs the reps' CPI
 * shortfalls, hold only reps inside the reader's scope (and the chosen team).
 */
import type { Drizzle } from '../../db/client';
import { getRepDirectory } from '../../db/queries/cpis';
import { getTrainingEvents } from '../../db/queries/training-history';
import { repsNeededToDetect, type CpiKey } from '../stats';
import type { TeamScope } from './access';
import type { FilterPeriod } from './filters';
import type { GapEntry, LinkAnalysis, LinkResult } from './analysis/links';
import {
  actionable,
  assessMore,
  cpiShortfalls,
  currentReps,
  LIKELY_SHORT,
  type CpiShortfall,
} from './analysis/rep-view';
import { importanceMap, latestAssessmentScores, type ImportanceMap } from './importance-map';
import { computeContentLibrary, topAndBottom, type ContentRow } from './content-usefulness';
import { getSettings, type Settings } from './settings';

const TOP_GAPS = 10;
const CONTENT_SHOWN = 3;

/**
 * The planner's reference effects per SD of skill, in each CPI's model units: 3 pp of
 * first-contact resolution, 0.1 points on a 1–5 question, 10% quote time (log hours).
 */
const PLANNER_REFERENCE: Record<CpiKey, number> = {
  fcr: 0.03,
  contentUseful: 0.1,
  decisionClearer: 0.1,
  addedValue: 0.1,
  quoteTurnaround: Math.log(1.1),
};

/**
 * One CPI's planner line (docs/statistics.md, "Evidence 1", power): what its model can detect
 * and what it would take to detect the reference.
 */
export type PlannerLine =
  | { cpi: CpiKey; status: 'model'; n: number; mde: number; reference: number; repsNeeded: number }
  | { cpi: CpiKey; status: 'no-model'; n: number; more: number }
  | { cpi: CpiKey; status: 'no-variation'; n: number };

export interface TopGap {
  repId: number;
  repName: string;
  team: string | null;
  gap: GapEntry;
}

export interface RepShortfalls {
  repId: number;
  repName: string;
  team: string | null;
  short: CpiShortfall[];
}

export interface GapAnalysis {
  links: LinkResult[];
  skills: { slug: string; name: string }[];
  planner: PlannerLine[];
  /** null when some CPI has a model; else the fewest more reps to assess (0: scores do not vary). */
  assessMore: number | null;
  topGaps: TopGap[];
  /** Reps in scope (and team) with at least one labelled gap above 0. */
  repsWithGaps: number;
  /** Without any model: each rep in view with the CPIs likely below target. */
  shortfalls: RepShortfalls[] | null;
  importance: ImportanceMap;
  content: { top: ContentRow[]; bottom: ContentRow[] };
  settings: Settings;
}

export interface GapAnalysisQuery {
  range: FilterPeriod;
  scope: TeamScope;
  team: string | undefined;
  cpi: CpiKey;
  locale: string;
}

function plannerLines(analysis: LinkAnalysis): PlannerLine[] {
  return analysis.models.map((m): PlannerLine => {
    if (m.kind !== 'none' && m.plannerMde !== null && m.plannerMde > 0) {
      const reference = PLANNER_REFERENCE[m.cpi];
      return {
        cpi: m.cpi,
        status: 'model',
        n: m.n,
        mde: m.plannerMde,
        reference,
        repsNeeded: repsNeededToDetect(reference, m.n, m.plannerMde),
      };
    }
    const more = analysis.assessMoreReps[m.cpi] ?? 0;
    return more > 0 ? { cpi: m.cpi, status: 'no-model', n: m.n, more } : { cpi: m.cpi, status: 'no-variation', n: m.n };
  });
}

/** The importance map alone (the quadrant section htmx swaps when its CPI changes). */
export async function loadImportanceMap(
  db: Drizzle,
  analysis: LinkAnalysis,
  q: GapAnalysisQuery,
): Promise<ImportanceMap> {
  const [directory, events] = await Promise.all([getRepDirectory(db), getTrainingEvents(db, analysis.period.to)]);
  // Performance: the chosen team's reps, or every rep of the analysis (an org-wide figure).
  const reps = currentReps(analysis, directory, { kind: 'all' }, q.team);
  return importanceMap(analysis, q.cpi, reps, latestAssessmentScores(events));
}

export async function loadGapAnalysis(db: Drizzle, analysis: LinkAnalysis, q: GapAnalysisQuery): Promise<GapAnalysis> {
  const period = q.range.period;
  const [directory, importance, library, settings] = await Promise.all([
    getRepDirectory(db),
    loadImportanceMap(db, analysis, q),
    computeContentLibrary(db, { period, search: '', sort: 'useful', locale: q.locale }),
    getSettings(db),
  ]);
  const inView = currentReps(analysis, directory, q.scope, q.team);
  const all: TopGap[] = inView.flatMap((r) =>
    r.gaps.filter(actionable).map((gap) => ({ repId: r.repId, repName: r.name, team: r.team, gap })),
  );
  all.sort((a, b) => (b.gap.score ?? 0) - (a.gap.score ?? 0) || a.repName.localeCompare(b.repName));
  const more = assessMore(analysis);
  return {
    links: analysis.links,
    skills: analysis.skills.map((s) => ({ slug: s.slug, name: s.name })),
    planner: plannerLines(analysis),
    assessMore: more,
    topGaps: all.slice(0, TOP_GAPS),
    repsWithGaps: new Set(all.map((g) => g.repId)).size,
    shortfalls:
      more === null
        ? null
        : inView
            .map((r) => ({
              repId: r.repId,
              repName: r.name,
              team: r.team,
              short: cpiShortfalls(analysis, r).filter((s) => s.probabilityBelowTarget >= LIKELY_SHORT),
            }))
            .filter((r) => r.short.length > 0)
            .sort((a, b) => a.repName.localeCompare(b.repName)),
    importance,
    content: topAndBottom(library, CONTENT_SHOWN),
    settings,
  };
}
