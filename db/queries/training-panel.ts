/**
 * What the training-effects analysis reads (src/domain/analysis/training.ts): per rep and
 * calendar month, each CPI's answers (n) and their sum — FCR and the 1–5 answers from the
 * monthly rollups (cpi_monthly), quote turnaround as log hours from the quotes — and every
 * completed course and coaching with its month. Months as YYYYMM; sums only.
 */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { rowsOf } from './bulk';

export interface MonthCell {
  repId: number;
  month: number;
  cpi: 'fcr' | 'contentUseful' | 'decisionClearer' | 'addedValue' | 'quoteTurnaround';
  n: number;
  sum: number;
}

/** Cells for months fromMonth…toMonth (YYYYMM, inclusive). */
export async function getMonthlyPanel(db: Drizzle, fromMonth: number, toMonth: number): Promise<MonthCell[]> {
  const [answers, quotes] = await Promise.all([
    rowsOf(
      db,
      sql`SELECT rep_id, month, sum(fcr_n), sum(fcr_yes), sum(cu_n), sum(cu_sum), sum(dc_n), sum(dc_sum), sum(av_n), sum(av_sum)
        FROM cpi_monthly WHERE month >= ${fromMonth} AND month <= ${toMonth} GROUP BY rep_id, month`,
    ),
    rowsOf(
      db,
      sql`SELECT i.rep_id, CAST(strftime('%Y%m', i.occurred_at / 1000, 'unixepoch') AS INTEGER) AS month, count(*),
          sum(ln(max(i.quote_delivered_at - i.quote_requested_at, 60000) / 3600000.0))
        FROM interactions i
        WHERE i.quote_delivered_at IS NOT NULL AND i.quote_requested_at IS NOT NULL AND i.quote_delivered_at >= i.quote_requested_at
          AND i.occurred_at >= ${Date.UTC(Math.floor(fromMonth / 100), (fromMonth % 100) - 1, 1)}
          AND i.occurred_at < ${Date.UTC(Math.floor(toMonth / 100), toMonth % 100, 1)}
        GROUP BY 1, 2`,
    ),
  ]);
  const cells: MonthCell[] = [];
  for (const r of answers) {
    const [repId, month] = [Number(r[0]), Number(r[1])];
    const pairs = [
      ['fcr', r[2], r[3]],
      ['contentUseful', r[4], r[5]],
      ['decisionClearer', r[6], r[7]],
      ['addedValue', r[8], r[9]],
    ] as const;
    for (const [cpi, n, sum] of pairs)
      if (Number(n) > 0) cells.push({ repId, month, cpi, n: Number(n), sum: Number(sum) });
  }
  for (const r of quotes)
    cells.push({
      repId: Number(r[0]),
      month: Number(r[1]),
      cpi: 'quoteTurnaround',
      n: Number(r[2]),
      sum: Number(r[3]),
    });
  return cells;
}

export interface CompletedTraining {
  repId: number;
  skill: string;
  kind: 'course' | 'coaching';
  month: number;
}

/** Every course and coaching completed before `before`, with its month (YYYYMM). */
export async function getCompletedTraining(db: Drizzle, before: number): Promise<CompletedTraining[]> {
  const rows = await rowsOf(
    db,
    sql`SELECT t.rep_id, s.slug, t.kind, CAST(strftime('%Y%m', t.completed_at / 1000, 'unixepoch') AS INTEGER)
      FROM training_records t JOIN skills s ON s.id = t.skill_id
      WHERE t.kind IN ('course', 'coaching') AND t.completed_at < ${before}`,
  );
  return rows.map((r) => ({
    repId: Number(r[0]),
    skill: String(r[1]),
    kind: r[2] as 'course' | 'coaching',
    month: Number(r[3]),
  }));
}
