import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { reps, teams } from '../schema';
import type { TeamScope } from '../../src/domain/access';
import { inTeamScope } from './scope';

export async function listRepsWithTeams(db: Drizzle, scope: TeamScope) {
  return db
    .select({
      id: reps.id,
      email: reps.email,
      name: reps.name,
      teamId: reps.teamId,
      teamName: teams.name,
      excluded: reps.excludedFromSurveys,
      active: reps.active,
    })
    .from(reps)
    .leftJoin(teams, eq(teams.id, reps.teamId))
    .where(inTeamScope(reps.teamId, scope))
    .orderBy(asc(teams.name), asc(reps.name));
}

/** A rep inside the scope, or undefined (the caller answers 404). */
export async function getRepInScope(db: Drizzle, repId: number, scope: TeamScope) {
  const rows = await db
    .select({
      id: reps.id,
      email: reps.email,
      name: reps.name,
      teamId: reps.teamId,
      teamName: teams.name,
      excluded: reps.excludedFromSurveys,
      active: reps.active,
    })
    .from(reps)
    .leftJoin(teams, eq(teams.id, reps.teamId))
    .where(and(eq(reps.id, repId), inTeamScope(reps.teamId, scope)))
    .limit(1);
  return rows[0];
}

export async function setRepExcluded(tx: Drizzle, repId: number, excluded: boolean, now: number): Promise<boolean> {
  const result = await tx.update(reps).set({ excludedFromSurveys: excluded, updatedAt: now }).where(eq(reps.id, repId));
  return result.rowsAffected === 1;
}

export async function listTeams(db: Drizzle, scope: TeamScope = { kind: 'all' }) {
  return db
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(inTeamScope(teams.id, scope))
    .orderBy(asc(teams.name));
}

export async function getRepsByEmail(db: Drizzle, emails: string[]) {
  const out = new Map<string, typeof reps.$inferSelect>();
  const unique = [...new Set(emails)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select()
      .from(reps)
      .where(inArray(reps.email, unique.slice(i, i + 500)));
    for (const r of rows) out.set(r.email, r);
  }
  return out;
}

/** Upserts reps by email; a team named for the first time is created. */
export async function upsertReps(
  tx: Drizzle,
  list: { email: string; name: string; teamId: number | null }[],
  now: number,
): Promise<number> {
  for (const r of list) {
    await tx
      .insert(reps)
      .values({ ...r, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: reps.email,
        set: { name: r.name, teamId: r.teamId, active: true, updatedAt: now },
      });
  }
  return list.length;
}
