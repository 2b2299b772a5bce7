/**
 * Admins' one-at-a-time edits of the workspace's records: teams, reps, skills, content
 * items (bulk stays CSV and API). Each write checks its unique name inside the same
 * transaction as the insert or update, so a conflict writes nothing and names the field.
 */
import { and, asc, count, eq, ne, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { contentItems, reps, skills, teams } from '../schema';

export type Saved = { ok: true; id: number } | { ok: false; conflict: string };
const conflict = (field: string): Saved => ({ ok: false, conflict: field });

// ── Teams ───────────────────────────────────────────────────────────────────

export async function listTeamsWithRepCounts(db: Drizzle) {
  return db
    .select({ id: teams.id, name: teams.name, reps: count(reps.id) })
    .from(teams)
    .leftJoin(reps, and(eq(reps.teamId, teams.id), eq(reps.active, true)))
    .groupBy(teams.id)
    .orderBy(asc(teams.name));
}

export async function getTeam(db: Drizzle, id: number) {
  return (await db.select().from(teams).where(eq(teams.id, id)).limit(1))[0];
}

/** Team names are unique regardless of case ("Iberia" and "iberia" would be one team to a reader). */
async function teamNameTaken(tx: Drizzle, name: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(sql`lower(${teams.name}) = lower(${name})`, exceptId === undefined ? undefined : ne(teams.id, exceptId)))
    .limit(1);
  return rows.length > 0;
}

export async function createTeam(tx: Drizzle, name: string, now: number): Promise<Saved> {
  if (await teamNameTaken(tx, name)) return conflict('name');
  const [row] = await tx.insert(teams).values({ name, createdAt: now }).returning({ id: teams.id });
  return { ok: true, id: row!.id };
}

export async function renameTeam(tx: Drizzle, id: number, name: string): Promise<Saved> {
  if (await teamNameTaken(tx, name, id)) return conflict('name');
  await tx.update(teams).set({ name }).where(eq(teams.id, id));
  return { ok: true, id };
}

// ── Reps ────────────────────────────────────────────────────────────────────

export interface RepFields {
  email: string;
  name: string;
  teamId: number | null;
}

export async function getRep(db: Drizzle, id: number) {
  return (await db.select().from(reps).where(eq(reps.id, id)).limit(1))[0];
}

async function repEmailTaken(tx: Drizzle, email: string, exceptId?: number): Promise<boolean> {
  const rows = await tx
    .select({ id: reps.id })
    .from(reps)
    .where(and(eq(reps.email, email), exceptId === undefined ? undefined : ne(reps.id, exceptId)))
    .limit(1);
  return rows.length > 0;
}

export async function createRep(tx: Drizzle, rep: RepFields, now: number): Promise<Saved> {
  if (await repEmailTaken(tx, rep.email)) return conflict('email');
  const [row] = await tx
    .insert(reps)
    .values({ ...rep, createdAt: now, updatedAt: now })
    .returning({ id: reps.id });
  return { ok: true, id: row!.id };
}

export async function updateRep(tx: Drizzle, id: number, rep: RepFields, now: number): Promise<Saved> {
  if (await repEmailTaken(tx, rep.email, id)) return conflict('email');
  await tx
    .update(reps)
    .set({ ...rep, updatedAt: now })
    .where(eq(reps.id, id));
  return { ok: true, id };
}

// ── Skills ──────────────────────────────────────────────────────────────────

export async function getSkill(db: Drizzle, id: number) {
  return (await db.select().from(skills).where(eq(skills.id, id)).limit(1))[0];
}

export async function createSkill(
  tx: Drizzle,
  skill: { slug: string; name: string; proficiencyTarget: number },
  now: number,
): Promise<Saved> {
  const taken = await tx.select({ id: skills.id }).from(skills).where(eq(skills.slug, skill.slug)).limit(1);
  if (taken.length > 0) return conflict('name');
  const [row] = await tx
    .insert(skills)
    .values({ ...skill, createdAt: now })
    .returning({ id: skills.id });
  return { ok: true, id: row!.id };
}

/** The slug stays: it is the skill's key in the API and CSV training records. */
export async function updateSkill(
  tx: Drizzle,
  id: number,
  skill: { name: string; proficiencyTarget: number },
): Promise<Saved> {
  await tx.update(skills).set(skill).where(eq(skills.id, id));
  return { ok: true, id };
}

// ── Content items ───────────────────────────────────────────────────────────

export interface ContentFields {
  title: string;
  url: string | null;
  stage: string | null;
  topic: string | null;
}

export async function getContentItem(db: Drizzle, id: string) {
  return (await db.select().from(contentItems).where(eq(contentItems.id, id)).limit(1))[0];
}

/** Content ids are the CRM's own: the one given is kept as it is. */
export async function createContentItem(
  tx: Drizzle,
  item: ContentFields & { id: string },
  now: number,
): Promise<{ ok: true } | { ok: false; conflict: string }> {
  const inserted = await tx
    .insert(contentItems)
    .values({ ...item, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning({ id: contentItems.id });
  return inserted.length === 1 ? { ok: true } : { ok: false, conflict: 'id' };
}

export async function updateContentItem(tx: Drizzle, id: string, item: ContentFields, now: number): Promise<void> {
  await tx
    .update(contentItems)
    .set({ ...item, updatedAt: now })
    .where(eq(contentItems.id, id));
}
