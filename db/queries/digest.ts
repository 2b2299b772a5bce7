/** The weekly digest's rows: who opted in, and the one claim per person and ISO week (db/schema.ts). */
import { and, desc, eq, isNull, lt, notExists, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { digestSends, digestSubscriptions, staffUsers, trainerTeams, type Locale, type Role } from '../schema';

export interface DigestRecipient {
  id: number;
  email: string;
  name: string;
  role: Role;
  locale: Locale;
  teamIds: number[];
}

export async function isDigestSubscriber(db: Drizzle, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ userId: digestSubscriptions.userId })
    .from(digestSubscriptions)
    .where(eq(digestSubscriptions.userId, userId));
  return row !== undefined;
}

export async function subscribeDigest(tx: Drizzle, userId: number, now: number): Promise<void> {
  await tx.insert(digestSubscriptions).values({ userId, createdAt: now }).onConflictDoNothing();
}

/** True when the user was subscribed. */
export async function unsubscribeDigest(tx: Drizzle, userId: number): Promise<boolean> {
  const result = await tx.delete(digestSubscriptions).where(eq(digestSubscriptions.userId, userId));
  return result.rowsAffected > 0;
}

/** Opted-in, active staff with no digest claimed for `week` yet (all of them with `week` undefined). */
export async function listDigestRecipients(db: Drizzle, week?: string): Promise<DigestRecipient[]> {
  const rows = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      locale: staffUsers.locale,
      teams: sql<
        string | null
      >`(SELECT json_group_array(${trainerTeams.teamId}) FROM ${trainerTeams} WHERE ${trainerTeams.userId} = ${staffUsers.id})`,
    })
    .from(digestSubscriptions)
    .innerJoin(staffUsers, eq(staffUsers.id, digestSubscriptions.userId))
    .where(
      and(
        isNull(staffUsers.disabledAt),
        week === undefined
          ? undefined
          : notExists(
              db
                .select({ id: digestSends.id })
                .from(digestSends)
                .where(and(eq(digestSends.userId, staffUsers.id), eq(digestSends.week, week))),
            ),
      ),
    )
    .orderBy(staffUsers.id);
  return rows.map(({ teams, ...r }) => ({ ...r, teamIds: teams ? (JSON.parse(teams) as number[]) : [] }));
}

/**
 * Claims the digest of a person and ISO week: insert or ignore on the unique (user, week)
 * index. True for the one caller whose row went in; every other instance gets false.
 */
export async function claimDigest(
  tx: Drizzle,
  claim: { userId: number; week: string; unsubscribeHash: string; findings: string[] | null },
  now: number,
): Promise<boolean> {
  const result = await tx
    .insert(digestSends)
    .values({ ...claim, createdAt: now })
    .onConflictDoNothing({ target: [digestSends.userId, digestSends.week] });
  return result.rowsAffected === 1;
}

/** The clear links (`skill|cpi`) the person's latest digest before `week` reported; undefined when none did. */
export async function getPreviousDigestFindings(
  db: Drizzle,
  userId: number,
  week: string,
): Promise<string[] | undefined> {
  const [row] = await db
    .select({ findings: digestSends.findings })
    .from(digestSends)
    .where(and(eq(digestSends.userId, userId), lt(digestSends.week, week)))
    .orderBy(desc(digestSends.week))
    .limit(1);
  return row?.findings ?? undefined;
}

/** The person a digest's unsubscribe token (hashed) was sent to. */
export async function findDigestUnsubscribe(
  db: Drizzle,
  unsubscribeHash: string,
): Promise<{ userId: number; email: string; locale: Locale; subscribed: boolean } | undefined> {
  const [row] = await db
    .select({
      userId: digestSends.userId,
      email: staffUsers.email,
      locale: staffUsers.locale,
      subscribed: sql<number>`EXISTS (SELECT 1 FROM ${digestSubscriptions} WHERE ${digestSubscriptions.userId} = ${digestSends.userId})`,
    })
    .from(digestSends)
    .innerJoin(staffUsers, eq(staffUsers.id, digestSends.userId))
    .where(eq(digestSends.unsubscribeHash, unsubscribeHash));
  return row ? { ...row, subscribed: Boolean(row.subscribed) } : undefined;
}
