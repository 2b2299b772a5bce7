import { inArray, sql, type SQL, type Column } from 'drizzle-orm';
import type { TeamScope } from '../../src/domain/access';

/** The SQL condition restricting a team-id column to a scope (false for a trainer with no teams). */
export function inTeamScope(teamColumn: Column, scope: TeamScope): SQL {
  if (scope.kind === 'all') return sql`1 = 1`;
  if (scope.teamIds.length === 0) return sql`1 = 0`;
  return inArray(teamColumn, [...scope.teamIds]);
}
