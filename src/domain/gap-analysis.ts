/**
 * The skill-gap analysis page's data. The link matrix, the importance axis, training
 * effects and content usefulness are org-wide statistics (no rep is shown); the list of
 * largest gaps holds only reps inside the reader's scope (and the chosen team).
 */
import type { Drizzle } from '../../db/client';
import { getRepDirectory } from '../../db/queries/cpis';
import { getSkillTargets } from '../../db/queries/training-history';
import type { CpiKey } from '../stats';
import type { TeamScope } from './access';
import type { ResolvedPeriod } from './analysis-filters';
import { computeGaps, type ApiLink, type RepGaps } from './gaps';
import { computeImportanceMap, type ImportanceMap } from './importance-map';
import { computeTrainingEffects, type TrainingEffect } from './training-effects';
import { computeContentLibrary, topAndBottom, type ContentRow } from './content-usefulness';
import { getSettings, type Settings } from './settings';

export const TOP_GAPS = 10;
export const CONTENT_SHOWN = 3;

export interface TopGap {
  repId: number;
  repName: string;
  team: string;
  gap: RepGaps['gaps'][number];
}

export interface GapAnalysis {
  links: ApiLink[];
  skills: { slug: string; name: string }[];
  repsAnalysed: number;
  topGaps: TopGap[];
  /** Reps in scope (and team) with at least one scored gap above 0. */
  repsWithGaps: number;
  importance: ImportanceMap;
  effects: TrainingEffect[];
  content: { top: ContentRow[]; bottom: ContentRow[] };
  settings: Settings;
}

export interface GapAnalysisQuery {
  range: ResolvedPeriod;
  now: number;
  scope: TeamScope;
  team: string | undefined;
  cpi: CpiKey;
  locale: string;
}

export function loadImportanceMap(db: Drizzle, q: GapAnalysisQuery): Promise<ImportanceMap> {
  return computeImportanceMap(db, { period: q.range.period, now: q.now, cpi: q.cpi, team: q.team });
}

export async function loadGapAnalysis(db: Drizzle, q: GapAnalysisQuery): Promise<GapAnalysis> {
  const period = q.range.period;
  const [gaps, importance, effects, library, skills, directory, settings] = await Promise.all([
    computeGaps(db, { period, now: q.now, scope: q.scope, ...(q.team === undefined ? {} : { team: q.team }) }),
    loadImportanceMap(db, q),
    computeTrainingEffects(db, { period }),
    computeContentLibrary(db, { period, search: '', sort: 'useful', locale: q.locale }),
    getSkillTargets(db),
    getRepDirectory(db),
    getSettings(db),
  ]);
  const idByEmail = new Map(directory.map((r) => [r.email, r.id]));
  const all: TopGap[] = gaps.reps.flatMap((r) =>
    r.gaps.filter((g) => g.score !== null && g.score > 0).map((gap) => ({ repId: idByEmail.get(r.repEmail) ?? 0, repName: r.name, team: r.team, gap })),
  );
  all.sort((a, b) => (b.gap.score ?? 0) - (a.gap.score ?? 0) || a.repName.localeCompare(b.repName));
  return {
    links: gaps.links,
    skills: skills.map((s) => ({ slug: s.slug, name: s.name })),
    repsAnalysed: gaps.repsAnalysed,
    topGaps: all.slice(0, TOP_GAPS),
    repsWithGaps: new Set(all.map((g) => g.repId)).size,
    importance,
    effects,
    content: topAndBottom(library, CONTENT_SHOWN),
    settings,
  };
}
