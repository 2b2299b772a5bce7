/**
 * What the skill ↔ CPI analysis reads for a period (src/domain/analysis/links.ts): per rep
 * and interaction type, the count, sum and sum of squares of each answer — whole days from
 * the running totals (cpi_cumulative: two index seeks per rep and type), the partial days at
 * the edges from the rows — and of quote turnaround in log hours. Sums only; the model
 * runs in src/stats.
 */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { InteractionType } from '../schema';
import type { Period } from '../../src/lib/period';
import { COUNT_COLUMNS, COUNT_FIELDS, runningTotalBounds, RUNNING_TOTAL_JOIN } from './rollups';
import { emptySums, addSums, type CpiSums } from './cpis';
import { rowsOf } from './bulk';
import { DAY_MS } from '../../src/lib/days';

export interface RepTypeSums {
  repId: number;
  type: InteractionType;
  sums: CpiSums;
}

const answerSums = sql.raw(`
  count(*) AS responses, count(invitation_id) AS invitedResponses,
  count(resolved_first_contact) AS fcrN, coalesce(sum(resolved_first_contact), 0) AS fcrYes,
  count(content_useful) AS cuN, coalesce(sum(content_useful), 0) AS cuSum, coalesce(sum(content_useful * content_useful), 0) AS cuSq, coalesce(sum(content_useful >= 4), 0) AS cuTop2,
  count(decision_clearer) AS dcN, coalesce(sum(decision_clearer), 0) AS dcSum, coalesce(sum(decision_clearer * decision_clearer), 0) AS dcSq, coalesce(sum(decision_clearer >= 4), 0) AS dcTop2,
  count(added_value) AS avN, coalesce(sum(added_value), 0) AS avSum, coalesce(sum(added_value * added_value), 0) AS avSq, coalesce(sum(added_value >= 4), 0) AS avTop2`);

/** Answer sums per rep × interaction type over the period (submitted responses, by the interaction's time). */
export async function getAnswerSumsByRepType(db: Drizzle, period: Period): Promise<RepTypeSums[]> {
  const out = new Map<string, RepTypeSums>();
  const add = (repId: number, type: InteractionType, values: Partial<CpiSums>) => {
    const key = `${repId}|${type}`;
    addSums((out.get(key) ?? out.set(key, { repId, type, sums: emptySums() }).get(key)!).sums, values);
  };
  const columns = (row: (string | number | null)[], from: number) =>
    Object.fromEntries(COUNT_FIELDS.map((f, i) => [f, Number(row[from + i] ?? 0)])) as Partial<CpiSums>;
  const firstDay = Math.ceil(period.from / DAY_MS);
  const endDay = Math.floor(period.to / DAY_MS);
  const edges: Period[] = [];
  if (firstDay < endDay) {
    const rows = await rowsOf(
      db,
      sql`${runningTotalBounds(firstDay - 1, endDay - 1)}
      SELECT b.rep_id, b.type, ${sql.raw(COUNT_COLUMNS.map((c) => `coalesce(e.${c}, 0) - coalesce(s.${c}, 0)`).join(', '))}
      ${RUNNING_TOTAL_JOIN}`,
    );
    for (const row of rows)
      add(Number(row[0]), row[1] as InteractionType, columns(row as unknown as (string | number | null)[], 2));
    if (period.from < firstDay * DAY_MS) edges.push({ from: period.from, to: firstDay * DAY_MS });
    if (endDay * DAY_MS < period.to) edges.push({ from: endDay * DAY_MS, to: period.to });
  } else {
    edges.push(period);
  }
  for (const edge of edges) {
    const rows = await rowsOf(
      db,
      sql`SELECT rep_id, interaction_type, 0 AS invitations, ${answerSums} FROM responses
        WHERE status = 'submitted' AND occurred_at >= ${edge.from} AND occurred_at < ${edge.to}
        GROUP BY rep_id, interaction_type`,
    );
    for (const row of rows)
      add(Number(row[0]), row[1] as InteractionType, columns(row as unknown as (string | number | null)[], 2));
  }
  return [...out.values()].filter((r) => r.sums.responses > 0);
}

export interface RepTypeLogTurnaround {
  repId: number;
  type: InteractionType;
  n: number;
  /** Σ ln(hours), Σ ln(hours)²; a turnaround under a minute counts as one minute. */
  sum: number;
  sumOfSquares: number;
}

/** Quote turnaround per rep × type over the period, on the log scale. */
export async function getLogTurnaroundByRepType(db: Drizzle, period: Period): Promise<RepTypeLogTurnaround[]> {
  const rows = await rowsOf(
    db,
    sql`SELECT rep_id, type, count(*) AS n, sum(lh) AS s, sum(lh * lh) AS ss FROM (
        SELECT i.rep_id, i.type, ln(max(i.quote_delivered_at - i.quote_requested_at, 60000) / 3600000.0) AS lh
        FROM interactions i
        WHERE i.quote_delivered_at IS NOT NULL AND i.quote_requested_at IS NOT NULL AND i.quote_delivered_at >= i.quote_requested_at
          AND i.occurred_at >= ${period.from} AND i.occurred_at < ${period.to})
      GROUP BY rep_id, type`,
  );
  return rows.map((r) => ({
    repId: Number(r[0]),
    type: r[1] as InteractionType,
    n: Number(r[2]),
    sum: Number(r[3]),
    sumOfSquares: Number(r[4]),
  }));
}
