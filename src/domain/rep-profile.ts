/**
 * Everything the rep page shows for one rep and period: CPIs (with the type filter), the
 * monthly series, the training timeline on the same months, verbatim comments (only from
 * settings.minComments responses on) and the rep's ranked gaps with their evidence. The
 * caller has already checked that the rep is inside the reader's scope.
 */
import { maySeeCustomerIdentity, type IdentityViewer } from './customer-identity';
import type { Drizzle } from '../../db/client';
import type { InteractionType } from '../../db/schema';
import { getTargets } from '../../db/queries/targets';
import { getSkillTargets } from '../../db/queries/training-history';
import {
  countRepComments,
  getRepComments,
  getRepTimeline,
  type RepComment,
  type TimelineEvent,
} from '../../db/queries/analysis-rep';
import { ANSWER_CPI_KEYS, type CpiKey } from '../stats';
import type { TeamScope } from './access';
import type { FilterPeriod } from './filters';
import { computeCpis, type CpiGroup } from './cpis';
import { computeCpiSeries, type SeriesPoint } from './trends';
import { readableValue, type GapEntry, type LinkAnalysis, type LinkResult } from './analysis/links';
import { assessMore, cpiShortfalls, type CpiShortfall } from './analysis/rep-view';
import type { Settings } from './settings';

const COMMENTS_SHOWN = 50;

interface RepIdentity {
  id: number;
  email: string;
  name: string;
  teamId: number | null;
  teamName: string | null;
  active: boolean;
  excluded: boolean;
}

export interface TargetLine {
  value: number;
  /** A configured team or org target; else none is drawn. */
  source: 'team' | 'org';
}

interface GapEvidence {
  cpi: CpiKey;
  /** The rep's estimate at the common mix, shrunk (hours for quote turnaround). */
  value: number | null;
  /** The target T the gap score used (a configured org target, else the typical rep). */
  target: number | null;
  probabilityBelowTarget: number | null;
  /** The skill × CPI link of the joint model. */
  link: LinkResult | null;
}

export type RepGap = GapEntry & { evidence: GapEvidence | null };

/**
 * Reps need this many answers for a CPI before the analysis estimates it
 * (docs/statistics.md, "Evidence 1", stage 1).
 */
const MIN_ANSWERS_FOR_GAPS = 5;

/** The gaps section: being computed, not scored (too few answers), no model (shortfalls only), or scored. */
export type RepGapsState =
  | { status: 'computing' }
  | { status: 'not-scored'; min: number }
  | { status: 'no-model'; shortfalls: CpiShortfall[]; more: number }
  | { status: 'scored'; gaps: RepGap[] };

/** One rep's gaps from a served analysis (null: still being computed). */
export function repGaps(analysis: LinkAnalysis | null, repId: number): RepGapsState {
  if (!analysis) return { status: 'computing' };
  const rep = analysis.reps.find((r) => r.repId === repId);
  if (!rep) return { status: 'not-scored', min: MIN_ANSWERS_FOR_GAPS };
  const more = assessMore(analysis);
  if (more !== null) return { status: 'no-model', shortfalls: cpiShortfalls(analysis, rep), more };
  const gaps = rep.gaps.map((g): RepGap => {
    const cpi = g.cpi;
    if (cpi === null) return { ...g, evidence: null };
    const own = rep.cpis[cpi];
    const target = analysis.targets[cpi];
    return {
      ...g,
      evidence: {
        cpi,
        value: own ? readableValue(cpi, own.estimate) : null,
        target: target === undefined ? null : readableValue(cpi, target),
        probabilityBelowTarget: g.contributions.find((c) => c.cpi === cpi)?.probabilityBelowTarget ?? null,
        link: analysis.links.find((l) => l.skill === g.skill && l.cpi === cpi) ?? null,
      },
    };
  });
  return { status: 'scored', gaps };
}

/** A month of the series; `withheld` lists CPIs hidden only so that a suppressed month cannot be derived. */
export type RepSeriesPoint = SeriesPoint & { withheld: SummedCpi[] };

/** The CPIs summed over the period (quote turnaround is a median). */
type SummedCpi = (typeof ANSWER_CPI_KEYS)[number];

/**
 * Secondary suppression (docs/statistics.md, "Showing numbers": hide a second cell when a
 * hidden one could be derived from a shown total): the page also shows the period's total for each CPI, so when exactly
 * one month with answers is suppressed, its value would follow from the total and the other
 * months. Then the shown month with the fewest answers is withheld too. Quote turnaround is
 * a median, which a total does not give away.
 */
export function protectSmallMonths(series: SeriesPoint[]): RepSeriesPoint[] {
  const out: RepSeriesPoint[] = series.map((p) => ({ ...p, withheld: [] }));
  for (const cpi of ANSWER_CPI_KEYS) {
    const hidden = out.filter((p) => p.n > 0 && p[cpi] === null);
    if (hidden.length !== 1) continue;
    const shown = out.filter((p) => p[cpi] !== null);
    const smallest = shown.reduce<RepSeriesPoint | undefined>(
      (min, p) => (min === undefined || p[cpi]!.n < min[cpi]!.n ? p : min),
      undefined,
    );
    if (!smallest) continue;
    smallest[cpi] = null;
    smallest.withheld.push(cpi);
  }
  return out;
}

export interface RepProfile {
  rep: RepIdentity;
  /** CPIs over the period with the type filter; null when the rep had no activity. */
  cpis: CpiGroup | null;
  series: RepSeriesPoint[];
  targets: Partial<Record<CpiKey, TargetLine>>;
  timeline: TimelineEvent[];
  comments: { shown: boolean; responses: number; minimum: number; total: number; items: RepComment[] };
  gaps: RepGapsState;
  skillNames: Record<string, string>;
  settings: Settings;
}

export interface RepProfileQuery {
  rep: RepIdentity;
  range: FilterPeriod;
  type: InteractionType | undefined;
  now: number;
  scope: TeamScope;
  /** Hide figures a shorter range would give away (custom ranges of staff who are not admins; ./differencing.ts). */
  protectDifferences: boolean;
  /** Who reads the page: decides whether comments name their customer (./customer-identity.ts). */
  viewer: IdentityViewer;
  /** The served link analysis of the period; null while it is being computed. */
  analysis: LinkAnalysis | null;
}

function targetLines(
  rows: Awaited<ReturnType<typeof getTargets>>,
  teamId: number | null,
): Partial<Record<CpiKey, TargetLine>> {
  const out: Partial<Record<CpiKey, TargetLine>> = {};
  for (const r of rows) {
    if (r.target === null) continue;
    if (r.teamId === null && !out[r.cpi]) out[r.cpi] = { value: r.target, source: 'org' };
    if (r.teamId !== null && r.teamId === teamId) out[r.cpi] = { value: r.target, source: 'team' };
  }
  return out;
}

export async function loadRepProfile(db: Drizzle, q: RepProfileQuery): Promise<RepProfile> {
  const { period } = q.range;
  const types = q.type ? [q.type] : undefined;
  const [filtered, series, targetRows, timeline, skills] = await Promise.all([
    computeCpis(db, {
      period,
      groupBy: 'rep',
      now: q.now,
      types,
      scope: q.scope,
      protectDifferences: q.protectDifferences,
    }),
    computeCpiSeries(db, {
      fromMonth: q.range.fromMonth,
      toMonth: q.range.toMonth,
      now: q.now,
      scope: q.scope,
      repId: q.rep.id,
      types,
    }),
    getTargets(db),
    getRepTimeline(db, q.rep.id, period),
    getSkillTargets(db),
  ]);
  const cpis = filtered.groups.find((g) => g.key === q.rep.email) ?? null;
  const minimum = filtered.settings.minComments;
  const responses = cpis?.n ?? 0;
  const shown = responses >= minimum;
  const [items, total] = shown
    ? await Promise.all([
        getRepComments(db, q.rep.id, period, types, COMMENTS_SHOWN),
        countRepComments(db, q.rep.id, period, types),
      ])
    : [[], 0];
  const comments = items.map((c) =>
    maySeeCustomerIdentity(q.viewer, c.consent) ? c : { ...c, customerName: null, customerCompany: null },
  );
  return {
    rep: q.rep,
    cpis,
    series: protectSmallMonths(series),
    targets: targetLines(targetRows, q.rep.teamId),
    timeline,
    comments: { shown, responses, minimum, total, items: comments },
    gaps: repGaps(q.analysis, q.rep.id),
    skillNames: Object.fromEntries(skills.map((s) => [s.slug, s.name])),
    settings: filtered.settings,
  };
}
