/** URL state shared by the coaching pages and exports: team (by id, scoped) and period in months. */
import type { Context } from 'hono';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import { teamScopeOf } from '../../domain/access';
import { DEFAULT_PLAN_MONTHS, PLAN_MONTHS, type PlanMonths } from '../../domain/coaching';
import { listRepsWithTeams, listTeams } from '../../../db/queries/reps';
import { notFound } from '../../lib/errors';
import { safeNextPath } from '../../middleware/session';

export interface CoachingFilter {
  teams: { id: number; name: string }[];
  teamId: number | undefined;
  teamName: string | undefined;
  months: PlanMonths;
}

/** The team filter must name a team the user may see (else 404, as for any out-of-scope record). */
export async function readCoachingFilter(
  deps: AppDeps,
  c: Context<AppEnv>,
  user: SessionUser,
): Promise<CoachingFilter> {
  const teams = await listTeams(deps.db.read, teamScopeOf(user));
  const rawTeam = c.req.query('team') ?? '';
  let team: { id: number; name: string } | undefined;
  if (rawTeam !== '') {
    team = /^\d{1,12}$/.test(rawTeam) ? teams.find((x) => x.id === Number(rawTeam)) : undefined;
    if (!team) throw notFound();
  }
  const rawMonths = Number(c.req.query('months') ?? DEFAULT_PLAN_MONTHS);
  const months = (PLAN_MONTHS as readonly number[]).includes(rawMonths)
    ? (rawMonths as PlanMonths)
    : DEFAULT_PLAN_MONTHS;
  return { teams, teamId: team?.id, teamName: team?.name, months };
}

export function planHref(
  path: string,
  f: { teamId?: number | undefined; months?: PlanMonths | undefined },
  extra: Record<string, string> = {},
): string {
  const params = new URLSearchParams();
  if (f.teamId !== undefined) params.set('team', String(f.teamId));
  if (f.months !== undefined && f.months !== DEFAULT_PLAN_MONTHS) params.set('months', String(f.months));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** A posted `back` is followed only to the coaching plan itself (with its filters); anything else goes to /coaching. */
export function safePlanPath(back: string | undefined): string {
  const path = safeNextPath(back);
  return path === '/coaching' || path.startsWith('/coaching?') ? path : '/coaching';
}

/** The team id in a plan path (`/coaching?team=3`), to rebuild the form the plan shows. */
export function teamIdOfPlanPath(path: string): number | undefined {
  const raw = new URL(path, 'http://local.invalid').searchParams.get('team');
  return raw && /^\d{1,12}$/.test(raw) ? Number(raw) : undefined;
}

/** Adds query parameters and a fragment to a local path. */
export function withParams(path: string, params: Record<string, string>, hash?: string): string {
  const url = new URL(path, 'http://local.invalid');
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`;
}

/** Active reps in the user's scope (optionally of one team): the choices of the session form. */
export async function repsForForm(deps: AppDeps, user: SessionUser, teamId: number | undefined) {
  const reps = await listRepsWithTeams(deps.db.read, teamScopeOf(user));
  return reps
    .filter((r) => r.active && (teamId === undefined || r.teamId === teamId))
    .map((r) => ({ id: r.id, name: r.name, team: r.teamName }));
}
