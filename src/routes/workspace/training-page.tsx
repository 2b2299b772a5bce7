/**
 * GET /training — training results (every staff role; a trainer filters by their own teams
 * only, another team is 404): courses and coaching completed in the chosen months, each
 * against similar reps in the same months. GET /training/effect — one effect month by month.
 * GET /exports/training-effects.csv — the same rows (readable headers; ?format=raw for the
 * API's field names). Served per data version from the analysis worker.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import {
  afterWindowEnded,
  completionMonthsLabel,
  latestJudgedQuarter,
  parseTrainingFilters,
  type TrainingFilters,
} from '../../domain/analysis/training-filters';
import { serveAnalysis } from '../../domain/analysis/cache';
import { byEvidence, effectForApi, verdictOf } from '../../domain/analysis/training-view';
import { listTeams } from '../../../db/queries/reps';
import { listSkills } from '../../../db/queries/training';
import { recordAudit } from '../../../db/queries/audit';
import { notFound } from '../../lib/errors';
import { isHtmx, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { csvResponse, type CsvRow } from '../../lib/csv';
import { addMonths } from '../../lib/periods';
import { formatter, kindName } from '../../../views/partials/analysis/format';
import { cpiName } from '../../../views/partials/names';
import { TrainingPage } from '../../../views/pages/analysis/training';
import { isoDay } from '../../lib/days';
import { trainingExportHeader } from './readable-exports';
import { TrainingResults } from '../../../views/partials/training/results';
import { TrainingEffectPage } from '../../../views/pages/analysis/training-effect';
import type { Drizzle } from '../../../db/client';

/** The last `count` quarters up to the latest one that can be judged, newest first. */
function quarterChoices(now: number, count = 8): string[] {
  const latest = latestJudgedQuarter(now);
  let start = Number(latest.slice(0, 4)) * 100 + (Number(latest.slice(-1)) - 1) * 3 + 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++, start = addMonths(start, -3))
    out.push(`${Math.floor(start / 100)}-Q${Math.floor(((start % 100) - 1) / 3) + 1}`);
  return out;
}

async function readPage(deps: AppDeps, c: Context<AppEnv>, user: SessionUser) {
  const now = deps.clock.nowMs();
  const { filters, problems } = parseTrainingFilters(c.req.query(), now);
  const teams = await listTeams(deps.db.read, teamScopeOf(user));
  const team = filters.team === undefined ? undefined : teams.find((x) => x.id === filters.team);
  if (filters.team !== undefined && !team) throw notFound();
  const params = {
    fromMonth: filters.fromMonth,
    toMonth: filters.toMonth,
    skill: filters.skill,
    kind: filters.kind,
    team: team?.name,
  };
  return { now, filters, problems, teams, team, params };
}

const search = (f: TrainingFilters, extra: Record<string, string> = {}) => {
  const q = new URLSearchParams();
  if (!f.isDefault) {
    if (f.period === 'range' || f.period === '') {
      q.set('period', 'range');
      q.set('from', f.from);
      q.set('to', f.to);
    } else q.set('period', f.period);
  }
  if (f.team !== undefined) q.set('team', String(f.team));
  if (f.skill) q.set('skill', f.skill);
  if (f.kind) q.set('kind', f.kind);
  for (const [k, v] of Object.entries(extra)) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
};

async function skillNames(db: Drizzle) {
  const skills = await listSkills(db);
  return {
    skills: skills.map((s) => ({ slug: s.slug, name: s.name })),
    names: Object.fromEntries(skills.map((s) => [s.slug, s.name])),
  };
}

const RAW_HEADER = [
  'skill',
  'kind',
  'cpi',
  'status',
  'reason',
  'effect',
  'lower',
  'upper',
  'p',
  'q',
  'treatedReps',
  'controlReps',
  'cohorts',
  'preTrendOk',
];

export function trainingPageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = requireRole('admin', 'lead', 'trainer');

  app.get('/training', staff, async (c) => {
    const user = currentUser(c);
    const fmt = formatter(staffT(user.locale), user.locale);
    const { now, filters, problems, teams, params } = await readPage(deps, c, user);
    const served = await serveAnalysis(deps, 'training-effects', params, 'stale-ok');
    const { skills, names } = await skillNames(deps.db.read);
    const heading = fmt.t('trHeading', { months: completionMonthsLabel(filters) });
    const results = {
      fmt,
      analysis: served.status === 'ready' ? served.result : null,
      computedAt: served.status === 'ready' ? served.computedAt : null,
      stale: served.status === 'ready' && served.stale,
      skillNames: names,
      selfHref: `/training${search(filters)}`,
      exportHref: `/exports/training-effects.csv${search(filters)}`,
      detailHref: (e: { skill: string; kind: string; cpi: string }) =>
        `/training/effect${search(filters, { effectSkill: e.skill, effectKind: e.kind, cpi: e.cpi })}`,
      notEnded: !afterWindowEnded(filters.toMonth, now),
      heading,
    };
    const status = problems.length > 0 ? 422 : 200;
    c.header('Vary', 'HX-Request');
    if (isHtmx(c)) return renderHtml(c, <TrainingResults {...results} />, status);
    return renderHtml(
      c,
      <TrainingPage
        {...results}
        user={user}
        filters={filters}
        problems={problems}
        quarters={quarterChoices(now)}
        teams={teams}
        skills={skills}
        print={{
          team: teams.find((x) => x.id === filters.team)?.name ?? fmt.t('trAllTeams'),
          period: completionMonthsLabel(filters),
          date: isoDay(now),
        }}
      />,
      status,
    );
  });

  app.get('/training/effect', staff, async (c) => {
    const user = currentUser(c);
    const fmt = formatter(staffT(user.locale), user.locale);
    const { filters, params } = await readPage(deps, c, user);
    const served = await serveAnalysis(deps, 'training-effects', params, 'wait');
    if (served.status !== 'ready') throw notFound();
    const want = { skill: c.req.query('effectSkill'), kind: c.req.query('effectKind'), cpi: c.req.query('cpi') };
    const effect = served.result.effects.find(
      (e) => e.skill === want.skill && e.kind === want.kind && e.cpi === want.cpi,
    );
    if (!effect || verdictOf(effect) === 'not-enough') throw notFound();
    const { names } = await skillNames(deps.db.read);
    return renderHtml(
      c,
      <TrainingEffectPage
        fmt={fmt}
        user={user}
        effect={effect}
        skillName={names[effect.skill] ?? effect.skill}
        backHref={`/training${search(filters)}`}
      />,
    );
  });

  app.get('/exports/training-effects.csv', staff, async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const { now, filters, params } = await readPage(deps, c, user);
    const served = await serveAnalysis(deps, 'training-effects', params, 'wait');
    if (served.status !== 'ready') throw notFound();
    const raw = c.req.query('format') === 'raw';
    const { names } = await skillNames(deps.db.read);
    const effects = [...served.result.effects].sort(byEvidence);
    const rows: CsvRow[] = effects.map((e) => {
      const a = effectForApi(e);
      return raw
        ? [
            a.skill,
            a.kind,
            a.cpi,
            a.status,
            e.reason,
            a.effect,
            a.lower,
            a.upper,
            a.p,
            a.q,
            a.treatedReps,
            a.controlReps,
            a.cohorts,
            a.preTrend ? String(a.preTrend.ok) : null,
          ]
        : [
            names[e.skill] ?? e.skill,
            kindName(t, e.kind),
            cpiName(t, e.cpi),
            t(`csvVerdict_${verdictOf(e)}`),
            e.reason,
            e.effect,
            e.lower,
            e.upper,
            e.p,
            e.q,
            e.treatedReps,
            e.controlReps,
            e.cohorts,
            e.preTrend ? (e.preTrend.ok ? t('csvNo') : t('csvYes')) : null,
          ];
    });
    await deps.db.write((tx) =>
      recordAudit(tx, now, {
        actor: user.email,
        action: 'export.training-effects',
        detail: { ...params, rows: rows.length },
      }),
    );
    return csvResponse(
      c,
      `training-effects_${completionMonthsLabel(filters).replace(/\s+/g, '')}.csv`,
      raw ? RAW_HEADER : trainingExportHeader(t),
      (async function* () {
        yield rows;
      })(),
    );
  });

  return app;
}
