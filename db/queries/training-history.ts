import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { TrainingKind } from '../schema';
import { getMonthlySums, type CpiSums } from './cpis';
import { rowsOf } from './bulk';

export interface TrainingEvent {
  repId: number;
  skill: string;
  kind: TrainingKind;
  completedAt: number;
  score: number | null;
}

/**
 * Every training record before `before`, oldest first. They come back as one JSON array
 * (a row per record cost five times as much at 5,000 records).
 */
export async function getTrainingEvents(db: Drizzle, before: number): Promise<TrainingEvent[]> {
  const [found] = await rowsOf(
    db,
    sql`
    SELECT json_group_array(json_array(t.id, t.rep_id, s.slug, t.kind, t.completed_at, t.score)) AS events
    FROM training_records t JOIN skills s ON s.id = t.skill_id
    WHERE t.completed_at < ${before}`,
  );
  const list = JSON.parse(String(found?.[0] ?? '[]')) as [
    number,
    number,
    string,
    TrainingKind,
    number,
    number | null,
  ][];
  list.sort((a, b) => a[4] - b[4] || a[0] - b[0]);
  return list.map(([, repId, skill, kind, completedAt, score]) => ({ repId, skill, kind, completedAt, score }));
}

export async function getSkillTargets(
  db: Drizzle,
): Promise<{ slug: string; name: string; proficiencyTarget: number }[]> {
  return db.all(sql`SELECT slug, name, proficiency_target AS proficiencyTarget FROM skills ORDER BY slug`);
}

/** Sums per rep and calendar month (YYYYMM) over [fromMonth, toMonth), for the given reps (all when omitted). */
export async function getMonthlySumsByRep(
  db: Drizzle,
  fromMonth: number,
  toMonth: number,
  repIds?: readonly number[],
): Promise<Map<number, Map<number, CpiSums>>> {
  const out = new Map<number, Map<number, CpiSums>>();
  for (const row of await getMonthlySums(db, { fromMonth, toMonth, byRep: true, repIds })) {
    (out.get(row.repId) ?? out.set(row.repId, new Map()).get(row.repId)!).set(row.month, row.sums);
  }
  return out;
}
