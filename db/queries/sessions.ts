import { and, eq, lt, ne, or } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { sessions, staffUsers } from '../schema';

export async function getSessionWithUser(db: Drizzle, idHash: string) {
  const rows = await db
    .select({ session: sessions, user: staffUsers })
    .from(sessions)
    .innerJoin(staffUsers, eq(staffUsers.id, sessions.userId))
    .where(eq(sessions.idHash, idHash))
    .limit(1);
  return rows[0];
}

export async function insertSession(
  tx: Drizzle,
  idHash: string,
  userId: number,
  now: number,
  absoluteExpiresAt: number,
) {
  await tx.insert(sessions).values({ idHash, userId, createdAt: now, lastSeenAt: now, absoluteExpiresAt });
}

export async function touchSession(tx: Drizzle, idHash: string, now: number) {
  await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
}

export async function deleteSession(tx: Drizzle, idHash: string) {
  await tx.delete(sessions).where(eq(sessions.idHash, idHash));
}

export async function deleteExpiredSessions(tx: Drizzle, now: number, idleMs: number) {
  await tx.delete(sessions).where(or(lt(sessions.absoluteExpiresAt, now), lt(sessions.lastSeenAt, now - idleMs)));
}

export async function deleteOtherSessions(tx: Drizzle, userId: number, keepIdHash: string) {
  await tx.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.idHash, keepIdHash)));
}
