import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { TrainingKind } from '../schema';
import { emptySums, addSums, type CpiSums } from './cpis';

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

/** Rollup sums per rep and month (YYYYMM) over [fromMonth, toMonth). */
export async function getMonthlySumsByRep(db: Drizzle, fromMonth: number, toMonth: number): Promise<Map<number, Map<number, CpiSums>>> {
  const rows = await db.all<Record<string, number>>(sql`
    SELECT rep_id AS repId, month, sum(invitations) AS invitations, sum(responses) AS responses, sum(invited_responses) AS invitedResponses,
      sum(fcr_n) AS fcrN, sum(fcr_yes) AS fcrYes, sum(cu_n) AS cuN, sum(cu_sum) AS cuSum, sum(cu_sq) AS cuSq, sum(cu_top2) AS cuTop2,
      sum(dc_n) AS dcN, sum(dc_sum) AS dcSum, sum(dc_sq) AS dcSq, sum(dc_top2) AS dcTop2,
      sum(av_n) AS avN, sum(av_sum) AS avSum, sum(av_sq) AS avSq, sum(av_top2) AS avTop2
    FROM cpi_rollups WHERE month >= ${fromMonth} AND month < ${toMonth} GROUP BY rep_id, month`);
  const out = new Map<number, Map<number, CpiSums>>();
  for (const r of rows) {
    const byMonth = out.get(r.repId!) ?? out.set(r.repId!, new Map()).get(r.repId!)!;
    byMonth.set(r.month!, addSums(emptySums(), r));
  }
  return out;
}
