/**
 * What a weekly digest says (issue 17). A lead or admin: the CPIs of the last 12 months
 * against their targets with the change since the baseline, the clear skill ↔ CPI links (those
 * not in their previous digest marked new and listed first), and
 * the training results of the latest quarter whose after windows have ended. A trainer: the
 * coaching sessions planned this week, the three reps to coach next (skill and CPI), and the
 * coaching follow-ups with figures to look at. The sender takes analyses as cached (one still
 * being computed reads `null`, and ./digest.ts waits a while for it); `wait` (the CLI) computes them first.
 */
import type { AppDeps } from '../context';
import type { CpiKey } from '../stats';
import { getPreviousDigestFindings, type DigestRecipient } from '../../db/queries/digest';
import { listRepsWithTeams } from '../../db/queries/reps';
import { listSessionsOfReps } from '../../db/queries/coaching-sessions';
import { listSkills } from '../../db/queries/training';
import { DAY_MS } from '../lib/days';
import { readFilters } from './filters';
import { teamScopeOf } from './access';
import { computeOverview } from './workspace-overview';
import { serveLinks } from './analysis/serve-links';
import { serveAnalysis } from './analysis/cache';
import { latestJudgedQuarter, parseTrainingFilters } from './analysis/training-filters';
import { byEvidence, verdictOf } from './analysis/training-view';
import { buildCoachingPlan } from './coaching';
import { computeCoachingFollowUp } from './coaching-follow-up';
import { staffViewer } from './customer-identity';

interface DigestCpi {
  cpi: CpiKey;
  value: number | null;
  target: number | null;
  /** Change since the baseline period, with its 95% interval where known. */
  change: { estimate: number; lower: number | null; upper: number | null } | null;
  met: boolean | null;
}

interface LeadDigest {
  kind: 'lead';
  from: string;
  last: string;
  cpis: DigestCpi[];
  /** null: the analysis is being computed. New: not in the person's previous digest (none: nothing is new). */
  findings: { skill: string; cpi: CpiKey; isNew: boolean }[] | null;
  /** The findings as `skill|cpi` slugs, stored with the claim for next week's comparison. */
  findingKeys: string[] | null;
  quarter: string;
  training: { skill: string; kind: 'course' | 'coaching'; cpi: CpiKey; verdict: 'better' | 'worse' }[] | null;
}

interface TrainerDigest {
  kind: 'trainer';
  /** Monday of the week, YYYY-MM-DD. */
  monday: string;
  sessions: { rep: string; skill: string; day: string }[];
  /** null: the analysis is being computed. */
  coach: { rep: string; skill: string; cpi: CpiKey }[] | null;
  followUps: { rep: string; skill: string; sessionDay: string; cpi: CpiKey | null }[];
}

export type DigestContent = LeadDigest | TrainerDigest;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

async function leadDigest(
  deps: AppDeps,
  r: DigestRecipient,
  now: number,
  week: string,
  wait: boolean,
): Promise<LeadDigest> {
  const db = deps.db.read;
  const { period } = readFilters({}, now).filters;
  const scope = teamScopeOf({ ...r });
  const overview = await computeOverview(db, {
    period: period.period,
    lastMonth: period.toMonth,
    team: null,
    types: undefined,
    scope,
    protectDifferences: false,
    now,
  });
  const cpis = overview.tiles.map((tile) => ({
    cpi: tile.cpi,
    value: tile.current?.value ?? null,
    target: tile.target?.target ?? null,
    change: tile.change,
    met: tile.progress.state === 'met' ? true : tile.progress.state === 'unknown' ? null : false,
  }));
  const [links, skills, previous] = await Promise.all([
    serveLinks(deps, period.period, now, wait ? 'file' : 'page'),
    listSkills(db),
    getPreviousDigestFindings(db, r.id, week),
  ]);
  const names = new Map(skills.map((s) => [s.slug, s.name]));
  const clear = links ? links.analysis.links.filter((l) => l.tier === 'finding') : null;
  const findingKeys = clear ? clear.map((l) => `${l.skill}|${l.cpi}`) : null;
  const findings = clear
    ? clear
        .map((l) => ({
          skill: names.get(l.skill) ?? l.skill,
          cpi: l.cpi,
          isNew: previous !== undefined && !previous.includes(`${l.skill}|${l.cpi}`),
        }))
        .sort((a, b) => Number(b.isNew) - Number(a.isNew))
    : null;
  const quarter = latestJudgedQuarter(now);
  const { filters } = parseTrainingFilters({ period: quarter }, now);
  const served = await serveAnalysis(
    deps,
    'training-effects',
    { fromMonth: filters.fromMonth, toMonth: filters.toMonth, skill: undefined, kind: undefined, team: undefined },
    wait ? 'wait' : 'stale-ok',
  );
  const training =
    served.status === 'ready'
      ? [...served.result.effects].sort(byEvidence).flatMap((e) => {
          const verdict = verdictOf(e);
          return verdict === 'better' || verdict === 'worse'
            ? [{ skill: names.get(e.skill) ?? e.skill, kind: e.kind, cpi: e.cpi, verdict }]
            : [];
        })
      : null;
  return { kind: 'lead', from: period.fromDate, last: period.lastDate, cpis, findings, findingKeys, quarter, training };
}

async function trainerDigest(
  deps: AppDeps,
  r: DigestRecipient,
  now: number,
  monday: string,
  wait: boolean,
): Promise<TrainerDigest> {
  const db = deps.db.read;
  const scope = teamScopeOf({ ...r });
  const { period } = readFilters({ period: '3m' }, now).filters;
  const weekStart = Date.parse(`${monday}T00:00:00Z`);
  const weekEnd = weekStart + 7 * DAY_MS;
  const reps = await listRepsWithTeams(db, scope);
  const sessions = (
    await listSessionsOfReps(
      db,
      reps.map((x) => x.id),
      weekStart,
    )
  )
    .filter(
      (s) => s.status === 'planned' && s.plannedFor !== null && s.plannedFor >= weekStart && s.plannedFor < weekEnd,
    )
    .sort((a, b) => (a.plannedFor ?? 0) - (b.plannedFor ?? 0));
  const repName = new Map(reps.map((x) => [x.id, x.name]));
  const links = await serveLinks(deps, period.period, now, wait ? 'file' : 'page');
  const plan = links
    ? await buildCoachingPlan(db, { now, period: period.period, scope, viewer: staffViewer(r) }, links.analysis)
    : null;
  const followUp = await computeCoachingFollowUp(db, {
    now,
    scope,
    period: readFilters({ period: '6m' }, now).filters.period.period,
    gapAnalysis: async () => links?.analysis ?? null,
  });
  return {
    kind: 'trainer',
    monday,
    sessions: sessions.map((s) => ({
      rep: repName.get(s.repId) ?? '',
      skill: s.skillName,
      day: day(s.plannedFor ?? weekStart),
    })),
    coach: plan
      ? plan.reps
          .filter((x) => x.status === 'gap' && x.gap)
          .slice(0, 3)
          .map((x) => ({ rep: x.name, skill: x.gap!.skillName, cpi: x.gap!.cpi }))
      : null,
    followUps: followUp.rows
      .filter((row) => row.after?.figure)
      .slice(0, 5)
      .map((row) => ({ rep: row.repName, skill: row.skillName, sessionDay: day(row.sessionDay), cpi: row.cpi })),
  };
}

/** The digest of one person: the trainer's week for trainers, the lead's figures for leads and admins. */
export function buildDigestContent(
  deps: AppDeps,
  r: DigestRecipient,
  now: number,
  week: { week: string; monday: string },
  wait = false,
): Promise<DigestContent> {
  return r.role === 'trainer'
    ? trainerDigest(deps, r, now, week.monday, wait)
    : leadDigest(deps, r, now, week.week, wait);
}

/** Every section is there: no analysis was still being computed. */
export const digestComplete = (d: DigestContent): boolean =>
  d.kind === 'trainer' ? d.coach !== null : d.findings !== null && d.training !== null;
