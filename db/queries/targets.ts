import { and, eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { cpiTargets, teams, type CpiKey } from '../schema';

export async function getTargets(db: Drizzle) {
  return db
    .select({
      id: cpiTargets.id,
      cpi: cpiTargets.cpi,
      teamId: cpiTargets.teamId,
      team: teams.name,
      target: cpiTargets.target,
      baselineFrom: cpiTargets.baselineFrom,
      baselineTo: cpiTargets.baselineTo,
      updatedAt: cpiTargets.updatedAt,
    })
    .from(cpiTargets)
    .leftJoin(teams, eq(teams.id, cpiTargets.teamId));
}

export interface TargetValues {
  cpi: CpiKey;
  teamId: number | null;
  target: number | null;
  baselineFrom: number | null;
  baselineTo: number | null;
}

export async function saveTarget(tx: Drizzle, v: TargetValues, userId: number | null, now: number) {
  const scope = v.teamId === null ? 'org' : `team:${v.teamId}`;
  await tx
    .insert(cpiTargets)
    .values({ ...v, scope, updatedBy: userId, updatedAt: now })
    .onConflictDoUpdate({
      target: [cpiTargets.cpi, cpiTargets.scope],
      set: {
        target: sql`excluded.target`,
        baselineFrom: sql`excluded.baseline_from`,
        baselineTo: sql`excluded.baseline_to`,
        updatedBy: userId,
        updatedAt: now,
      },
    });
}

export async function deleteTarget(tx: Drizzle, cpi: CpiKey, teamId: number | null) {
  await tx
    .delete(cpiTargets)
    .where(and(eq(cpiTargets.cpi, cpi), eq(cpiTargets.scope, teamId === null ? 'org' : `team:${teamId}`)));
}
