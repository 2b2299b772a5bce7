/** Links between the coaching plan and its session form: the way back, with the plan's filters, and the form's choices. */
import type { AppDeps, SessionUser } from '../../context';
import { teamScopeOf } from '../../domain/access';
import { readFilters } from '../../domain/filters';
import { listRepsWithTeams } from '../../../db/queries/reps';
import { safeNextPath } from '../../middleware/session';

/** A posted `back` is followed only to the coaching plan itself (with its filters); anything else goes to /coaching. */
export function safePlanPath(back: string | undefined): string {
  const path = safeNextPath(back);
  return path === '/coaching' || path.startsWith('/coaching?') ? path : '/coaching';
}

/** The team of a plan path (`/coaching?team=3`), read as the plan reads it, to rebuild the form the plan shows. */
export function teamIdOfPlanPath(path: string, now: number): number | undefined {
  const query = Object.fromEntries(new URL(path, 'http://local.invalid').searchParams);
  return readFilters(query, now).filters.team;
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
