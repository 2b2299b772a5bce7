import { inArray } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { teams } from '../schema';

/** Ids of the named teams, creating the ones that do not exist yet. */
export async function ensureTeams(tx: Drizzle, names: string[], now: number): Promise<Map<string, number>> {
  const unique = [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
  if (unique.length === 0) return new Map();
  await tx
    .insert(teams)
    .values(unique.map((name) => ({ name, createdAt: now })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: teams.id, name: teams.name }).from(teams).where(inArray(teams.name, unique));
  return new Map(rows.map((r) => [r.name, r.id]));
}
