import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { staffUsers, trainerTeams, teams, sessions, type Role, type Locale } from '../schema';

export async function getUserByEmail(db: Drizzle, email: string) {
  return db.query.staffUsers.findFirst({ where: eq(staffUsers.email, email.trim().toLowerCase()) });
}

export async function getUser(db: Drizzle, id: number) {
  return db.query.staffUsers.findFirst({ where: eq(staffUsers.id, id) });
}

export async function countUsers(db: Drizzle): Promise<number> {
  const rows = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  return rows.length;
}

export async function getTrainerTeamIds(db: Drizzle, userId: number): Promise<number[]> {
  const rows = await db
    .select({ teamId: trainerTeams.teamId })
    .from(trainerTeams)
    .where(eq(trainerTeams.userId, userId));
  return rows.map((r) => r.teamId);
}

export async function listUsersWithTeams(db: Drizzle) {
  const users = await db.query.staffUsers.findMany({ orderBy: [asc(staffUsers.name)] });
  const links = await db
    .select({ userId: trainerTeams.userId, teamId: teams.id, teamName: teams.name })
    .from(trainerTeams)
    .innerJoin(teams, eq(teams.id, trainerTeams.teamId));
  return users.map((u) => ({
    ...u,
    teams: links.filter((l) => l.userId === u.id).map((l) => ({ id: l.teamId, name: l.teamName })),
  }));
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  locale?: Locale;
  teamIds?: number[];
}

export async function insertUser(tx: Drizzle, user: NewUser, now: number): Promise<number> {
  const [row] = await tx
    .insert(staffUsers)
    .values({
      email: user.email.trim().toLowerCase(),
      name: user.name.trim(),
      role: user.role,
      passwordHash: user.passwordHash,
      locale: user.locale ?? 'en',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: staffUsers.id });
  if (!row) throw new Error('insertUser: no row returned');
  await setTrainerTeams(tx, row.id, user.role === 'trainer' ? (user.teamIds ?? []) : []);
  return row.id;
}

export async function setTrainerTeams(tx: Drizzle, userId: number, teamIds: number[]): Promise<void> {
  await tx.delete(trainerTeams).where(eq(trainerTeams.userId, userId));
  if (teamIds.length > 0)
    await tx.insert(trainerTeams).values([...new Set(teamIds)].map((teamId) => ({ userId, teamId })));
}

export async function updateUser(
  tx: Drizzle,
  id: number,
  changes: Partial<{ role: Role; name: string; passwordHash: string; locale: Locale; disabledAt: number | null }>,
  now: number,
): Promise<boolean> {
  const result = await tx
    .update(staffUsers)
    .set({ ...changes, updatedAt: now })
    .where(eq(staffUsers.id, id));
  return result.rowsAffected === 1;
}

export async function deleteSessionsOfUser(tx: Drizzle, userId: number): Promise<void> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
}

export async function countActiveAdmins(db: Drizzle): Promise<number> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.role, 'admin'), isNull(staffUsers.disabledAt)));
  return rows.length;
}
