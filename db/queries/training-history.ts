import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { TrainingKind } from '../schema';
import { emptySums, addSums, getTotalsThroughDays, SUM_FIELDS, type CpiSums } from './cpis';
import { dayOf } from './rollups';
import { monthStart, nextMonthKey } from '../../src/lib/periods';

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

/** Sums per rep and calendar month (YYYYMM) over [fromMonth, toMonth), from the running totals at month boundaries. */
export async function getMonthlySumsByRep(db: Drizzle, fromMonth: number, toMonth: number): Promise<Map<number, Map<number, CpiSums>>> {
  const months: number[] = [];
  for (let m = fromMonth; m < toMonth; m = nextMonthKey(m)) months.push(m);
  // Through the day before each month starts, and through the last day of the last month.
  const bounds = [...months, toMonth].map((m) => dayOf(monthStart(m)) - 1);
  const totals = await getTotalsThroughDays(db, bounds);
  const out = new Map<number, Map<number, CpiSums>>();
  for (const [repId, series] of totals) {
    const byMonth = new Map<number, CpiSums>();
    months.forEach((m, i) => {
      const sums = addSums(emptySums(), series[i + 1]!);
      for (const f of SUM_FIELDS) sums[f] -= series[i]![f];
      byMonth.set(m, sums);
    });
    out.set(repId, byMonth);
  }
  return out;
}
