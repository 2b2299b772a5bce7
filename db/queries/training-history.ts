import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { TrainingKind } from '../schema';
import { getMonthlySums, type CpiSums } from './cpis';

export interface TrainingEvent {
  repId: number;
  skill: string;
  kind: TrainingKind;
  completedAt: number;
  score: number | null;
}

/** Every training record before `before`, oldest first (reps × skills × a few records: small). */
export async function getTrainingEvents(db: Drizzle, before: number): Promise<TrainingEvent[]> {
  return db.all<TrainingEvent>(sql`
    SELECT t.rep_id AS repId, s.slug AS skill, t.kind, t.completed_at AS completedAt, t.score
    FROM training_records t JOIN skills s ON s.id = t.skill_id
    WHERE t.completed_at < ${before}
    ORDER BY t.completed_at, t.id`);
}

export async function getSkillTargets(db: Drizzle): Promise<{ slug: string; name: string; proficiencyTarget: number }[]> {
  return db.all(sql`SELECT slug, name, proficiency_target AS proficiencyTarget FROM skills ORDER BY slug`);
}

/** Sums per rep and calendar month (YYYYMM) over [fromMonth, toMonth), for the given reps (all when omitted). */
export async function getMonthlySumsByRep(db: Drizzle, fromMonth: number, toMonth: number, repIds?: readonly number[]): Promise<Map<number, Map<number, CpiSums>>> {
  const out = new Map<number, Map<number, CpiSums>>();
  for (const row of await getMonthlySums(db, { fromMonth, toMonth, byRep: true, repIds })) {
    (out.get(row.repId) ?? out.set(row.repId, new Map()).get(row.repId)!).set(row.month, row.sums);
  }
  return out;
}
