/**
 * Coaching sessions (planned, done, cancelled) and the `coaching` training record a done
 * session writes. Reads join the rep so callers can check the team scope.
 */
import { and, asc, desc, eq, gte, or, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { coachingSessions, reps, skills, staffUsers, trainingRecords, type CpiKey } from '../schema';
import type { TeamScope } from '../../src/domain/access';
import { inTeamScope } from './scope';

export type SessionStatus = (typeof coachingSessions.$inferSelect)['status'];

export interface SessionRow {
  id: number;
  repId: number;
  repTeamId: number | null;
  skillId: number;
  skill: string;
  skillName: string;
  trainerId: number | null;
  trainerName: string | null;
  status: SessionStatus;
  cpi: CpiKey | null;
  plannedFor: number | null;
  completedAt: number | null;
  notes: string;
  /** Response ids of the customer quotes pinned to the session (src/domain/coaching-pins.ts). */
  pinnedResponseIds: number[];
  trainingRecordId: number | null;
  createdAt: number;
}

const sessionColumns = {
  id: coachingSessions.id,
  repId: coachingSessions.repId,
  repTeamId: reps.teamId,
  skillId: coachingSessions.skillId,
  skill: skills.slug,
  skillName: skills.name,
  trainerId: coachingSessions.trainerId,
  trainerName: staffUsers.name,
  status: coachingSessions.status,
  cpi: coachingSessions.cpi,
  plannedFor: coachingSessions.plannedFor,
  completedAt: coachingSessions.completedAt,
  notes: coachingSessions.notes,
  pinnedResponseIds: coachingSessions.pinnedResponseIds,
  trainingRecordId: coachingSessions.trainingRecordId,
  createdAt: coachingSessions.createdAt,
};

/** The order of sessionDate (src/domain/session-date.ts): the day done, else the day planned for. */
const bySessionDate = sql`coalesce(${coachingSessions.completedAt}, ${coachingSessions.plannedFor}, 0)`;

const selectSessions = (db: Drizzle) =>
  db
    .select(sessionColumns)
    .from(coachingSessions)
    .innerJoin(reps, eq(reps.id, coachingSessions.repId))
    .innerJoin(skills, eq(skills.id, coachingSessions.skillId))
    .leftJoin(staffUsers, eq(staffUsers.id, coachingSessions.trainerId));

/** Planned sessions (any date) and done ones since `doneSince`, of the given reps; newest first. */
export async function listSessionsOfReps(
  db: Drizzle,
  repIds: readonly number[],
  doneSince: number,
): Promise<SessionRow[]> {
  if (repIds.length === 0) return [];
  return selectSessions(db)
    .where(
      and(
        sql`${coachingSessions.repId} IN (SELECT value FROM json_each(${JSON.stringify(repIds)}))`,
        or(
          eq(coachingSessions.status, 'planned'),
          and(eq(coachingSessions.status, 'done'), gte(coachingSessions.completedAt, doneSince)),
        ),
      ),
    )
    .orderBy(desc(bySessionDate), desc(coachingSessions.id));
}

/** Done sessions since `since` of reps in the scope, oldest first. */
export async function listDoneSessionsSince(db: Drizzle, since: number, scope: TeamScope): Promise<SessionRow[]> {
  return selectSessions(db)
    .where(
      and(
        eq(coachingSessions.status, 'done'),
        gte(coachingSessions.completedAt, since),
        inTeamScope(reps.teamId, scope),
      ),
    )
    .orderBy(asc(bySessionDate), asc(coachingSessions.id));
}

export async function getSession(db: Drizzle, id: number): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(db).where(eq(coachingSessions.id, id)).limit(1);
  return row;
}

/** The date a session is listed under: when it was done, else when it is planned. */

/** A planned session for that day, or a session done that day, of the rep in the skill (the natural key). */
export async function findLiveSessionOnDay(
  tx: Drizzle,
  repId: number,
  skillId: number,
  day: number,
): Promise<SessionRow | undefined> {
  const [row] = await selectSessions(tx)
    .where(
      and(
        eq(coachingSessions.repId, repId),
        eq(coachingSessions.skillId, skillId),
        or(
          and(eq(coachingSessions.status, 'planned'), eq(coachingSessions.plannedFor, day)),
          and(eq(coachingSessions.status, 'done'), eq(coachingSessions.completedAt, day)),
        ),
      ),
    )
    .orderBy(coachingSessions.id)
    .limit(1);
  return row;
}

export interface NewSession {
  repId: number;
  skillId: number;
  trainerId: number;
  status: 'planned' | 'done';
  cpi: CpiKey | null;
  plannedFor: number;
  completedAt: number | null;
  notes: string;
}

export async function insertSession(tx: Drizzle, session: NewSession, now: number): Promise<number> {
  const [row] = await tx
    .insert(coachingSessions)
    .values({ ...session, createdAt: now, updatedAt: now })
    .returning({ id: coachingSessions.id });
  if (!row) throw new Error('insertSession: no row returned');
  return row.id;
}

export async function setSessionDone(
  tx: Drizzle,
  id: number,
  completedAt: number,
  trainingRecordId: number,
  now: number,
): Promise<void> {
  await tx
    .update(coachingSessions)
    .set({ status: 'done', completedAt, trainingRecordId, updatedAt: now })
    .where(eq(coachingSessions.id, id));
}

export async function setSessionPins(tx: Drizzle, id: number, responseIds: number[], now: number): Promise<void> {
  await tx
    .update(coachingSessions)
    .set({ pinnedResponseIds: responseIds, updatedAt: now })
    .where(eq(coachingSessions.id, id));
}

export async function setSessionCancelled(tx: Drizzle, id: number, now: number): Promise<void> {
  await tx.update(coachingSessions).set({ status: 'cancelled', updatedAt: now }).where(eq(coachingSessions.id, id));
}

/**
 * The `coaching` training record of a done session (external id `coaching-session-<id>`).
 * When the LMS already sent a coaching record for the same rep, skill and instant (the
 * natural key of training_records), that record is the session's and none is added.
 */
export async function ensureCoachingRecord(
  tx: Drizzle,
  r: { sessionId: number; repId: number; skillId: number; completedAt: number },
  now: number,
): Promise<number> {
  const externalId = `coaching-session-${r.sessionId}`;
  await tx.run(sql`
    INSERT INTO training_records (external_id, rep_id, skill_id, kind, completed_at, score, created_at)
    VALUES (${externalId}, ${r.repId}, ${r.skillId}, 'coaching', ${r.completedAt}, NULL, ${now})
    ON CONFLICT DO NOTHING`);
  const [row] = await tx
    .select({ id: trainingRecords.id })
    .from(trainingRecords)
    .where(
      or(
        eq(trainingRecords.externalId, externalId),
        and(
          eq(trainingRecords.repId, r.repId),
          eq(trainingRecords.skillId, r.skillId),
          eq(trainingRecords.kind, 'coaching'),
          eq(trainingRecords.completedAt, r.completedAt),
        ),
      ),
    )
    .orderBy(trainingRecords.id)
    .limit(1);
  if (!row) throw new Error('ensureCoachingRecord: no record after insert');
  return row.id;
}
