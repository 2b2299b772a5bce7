import { inArray, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { skills, type TrainingKind } from '../schema';

/** Ids of the skills by slug, creating the ones not known yet (name = slug until renamed). */
export async function ensureSkills(tx: Drizzle, slugs: string[], now: number): Promise<Map<string, number>> {
  const unique = [...new Set(slugs)];
  if (unique.length === 0) return new Map();
  await tx
    .insert(skills)
    .values(unique.map((slug) => ({ slug, name: slug.replace(/-/g, ' '), createdAt: now })))
    .onConflictDoNothing();
  const rows = await tx.select({ id: skills.id, slug: skills.slug }).from(skills).where(inArray(skills.slug, unique));
  return new Map(rows.map((r) => [r.slug, r.id]));
}

export interface NewTrainingRecord {
  externalId: string | null;
  repId: number;
  skillId: number;
  kind: TrainingKind;
  completedAt: number;
  score: number | null;
}

/** Inserts records; one already known (same externalId, or same rep, skill, kind and time) is a duplicate. */
export async function insertTrainingRecords(
  tx: Drizzle,
  records: NewTrainingRecord[],
  now: number,
): Promise<{ created: number; duplicates: number }> {
  let created = 0;
  for (const r of records) {
    const result = await tx.run(sql`
      INSERT INTO training_records (external_id, rep_id, skill_id, kind, completed_at, score, created_at)
      VALUES (${r.externalId}, ${r.repId}, ${r.skillId}, ${r.kind}, ${r.completedAt}, ${r.score}, ${now})
      ON CONFLICT DO NOTHING`);
    created += result.rowsAffected;
  }
  return { created, duplicates: records.length - created };
}

export async function listSkills(db: Drizzle) {
  return db.select().from(skills).orderBy(skills.slug);
}
