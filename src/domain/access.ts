/**
 * Who may see what. Admins and leads see every team; trainers only the teams they are
 * assigned to. Every query for rep data takes a TeamScope from here (db/queries/scope.ts
 * turns it into SQL); a record outside the scope is answered with 404, never 403.
 */
import type { SessionUser } from '../context';

export type TeamScope = { kind: 'all' } | { kind: 'teams'; teamIds: readonly number[] };

export function teamScopeOf(user: SessionUser): TeamScope {
  return user.role === 'trainer' ? { kind: 'teams', teamIds: user.teamIds } : { kind: 'all' };
}

export function canViewTeam(user: SessionUser, teamId: number | null): boolean {
  const scope = teamScopeOf(user);
  return scope.kind === 'all' || (teamId !== null && scope.teamIds.includes(teamId));
}

export const canManageTargets = (user: SessionUser) => user.role === 'admin' || user.role === 'lead';
