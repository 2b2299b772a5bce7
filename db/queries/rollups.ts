/**
 * The CPI running totals (`cpi_cumulative`) and monthly counts (`cpi_monthly`): SQL
 * triggers (db/rollup-triggers.ts) keep them
 * current on every write of responses and invitations; bulk loaders switch the triggers off
 * and rebuild once (`withBulkRollups`). A rebuild from the rows (`rebuildRollups`) always
 * gives the same totals.
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { cpiCumulative, cpiMonthly, INTERACTION_TYPES, type InteractionType } from '../schema';
import { DAY_MS } from '../../src/lib/days';

/**
 * The CTEs `pairs` (every rep × interaction type, or only `types`) and `b` (per pair, the
 * latest running-total day at or before `startDay` and `endDay`); with
 * {@link RUNNING_TOTAL_JOIN} (`e` at the end, `s` at the start) they give what happened in
 * (startDay, endDay] as `e.x − s.x`, with two index seeks per pair.
 */
export function runningTotalBounds(startDay: number, endDay: number, types?: readonly InteractionType[]): SQL {
  const list = types && types.length > 0 ? types : INTERACTION_TYPES;
  const latestDay = (bound: number) =>
    sql`(SELECT max(day) FROM cpi_cumulative c WHERE c.rep_id = pairs.rep_id AND c.interaction_type = pairs.type AND c.day <= ${bound})`;
  return sql`WITH pairs AS (SELECT r.id AS rep_id, t.type FROM reps r CROSS JOIN (${sql.join(
    list.map((type) => sql`SELECT ${type} AS type`),
    sql` UNION ALL `,
  )}) t),
    b AS (SELECT rep_id, type, ${latestDay(endDay)} AS endDay, ${latestDay(startDay)} AS startDay FROM pairs)`;
}

/**
 * The FROM clause over {@link runningTotalBounds}. CROSS JOIN fixes the order (b first):
 * left to the planner, SQLite scanned all of `cpi_cumulative` (770,000 rows at a million
 * responses, 0.7 s) and ran the bound subqueries per row.
 */
export const RUNNING_TOTAL_JOIN = sql`FROM b
  CROSS JOIN cpi_cumulative e ON e.rep_id = b.rep_id AND e.interaction_type = b.type AND e.day = b.endDay
  LEFT JOIN cpi_cumulative s ON s.rep_id = b.rep_id AND s.interaction_type = b.type AND s.day = b.startDay`;

export const COUNT_COLUMNS = [
  'invitations',
  'responses',
  'invited_responses',
  'fcr_n',
  'fcr_yes',
  'cu_n',
  'cu_sum',
  'cu_sq',
  'cu_top2',
  'dc_n',
  'dc_sum',
  'dc_sq',
  'dc_top2',
  'av_n',
  'av_sum',
  'av_sq',
  'av_top2',
];
export const COUNT_FIELDS = [
  'invitations',
  'responses',
  'invitedResponses',
  'fcrN',
  'fcrYes',
  'cuN',
  'cuSum',
  'cuSq',
  'cuTop2',
  'dcN',
  'dcSum',
  'dcSq',
  'dcTop2',
  'avN',
  'avSum',
  'avSq',
  'avTop2',
] as const;

/**
 * Runs a bulk load with the running-total triggers off, then recomputes the totals of
 * the reps it touched (all reps when `repIds` is undefined) — in the caller's write, so
 * nobody ever sees the triggers off or the totals stale.
 */
export async function withBulkRollups<T>(
  tx: Drizzle,
  fn: () => Promise<T>,
  repIds?: () => number[] | undefined | Promise<number[] | undefined>,
): Promise<T> {
  const [mode] = await tx.all<{ bulk: number }>(sql`SELECT bulk FROM rollup_mode WHERE id = 1`);
  // Inside an outer bulk load, that load rebuilds at its end.
  if (mode?.bulk === 1) return fn();
  await tx.run(sql`UPDATE rollup_mode SET bulk = 1 WHERE id = 1`);
  const value = await fn();
  const reps = await repIds?.();
  if (reps === undefined || reps.length > 0) await rebuildRollups(tx, reps);
  await tx.run(sql`UPDATE rollup_mode SET bulk = 0 WHERE id = 1`);
  return value;
}

const sumOver = (column: string) =>
  sql.raw(`sum(${column}) OVER (PARTITION BY rep_id, interaction_type ORDER BY day ROWS UNBOUNDED PRECEDING)`);

/** Recomputes the running totals and the monthly counts from the rows, for the given reps or all of them. */
export async function rebuildRollups(tx: Drizzle, repIds?: number[]): Promise<void> {
  const only = (column: SQL): SQL =>
    repIds
      ? sql`AND ${column} IN (${sql.join(
          repIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql``;
  if (repIds) {
    await tx.delete(cpiCumulative).where(inArray(cpiCumulative.repId, repIds));
    await tx.delete(cpiMonthly).where(inArray(cpiMonthly.repId, repIds));
  } else {
    await tx.run(sql`DELETE FROM cpi_cumulative`);
    await tx.run(sql`DELETE FROM cpi_monthly`);
  }
  // The day-level counts, from the rows (a CTE: libSQL servers have no TEMP tables).
  const daily = sql`
      SELECT rep_id, interaction_type, day, ${sql.raw(COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', '))}
      FROM (
        SELECT i.rep_id, i.type AS interaction_type, i.occurred_at / ${sql.raw(String(DAY_MS))} AS day,
          1 AS invitations, 0 AS responses, 0 AS invited_responses, 0 AS fcr_n, 0 AS fcr_yes, 0 AS cu_n, 0 AS cu_sum, 0 AS cu_sq, 0 AS cu_top2,
          0 AS dc_n, 0 AS dc_sum, 0 AS dc_sq, 0 AS dc_top2, 0 AS av_n, 0 AS av_sum, 0 AS av_sq, 0 AS av_top2
        FROM invitations v JOIN interactions i ON i.id = v.interaction_id WHERE v.status <> 'cancelled' ${only(sql`v.rep_id`)}
        UNION ALL
        SELECT rep_id, interaction_type, occurred_at / ${sql.raw(String(DAY_MS))},
          0, 1, CASE WHEN invitation_id IS NULL THEN 0 ELSE 1 END,
          resolved_first_contact IS NOT NULL, coalesce(resolved_first_contact, 0),
          content_useful IS NOT NULL, coalesce(content_useful, 0), coalesce(content_useful * content_useful, 0), coalesce(content_useful >= 4, 0),
          decision_clearer IS NOT NULL, coalesce(decision_clearer, 0), coalesce(decision_clearer * decision_clearer, 0), coalesce(decision_clearer >= 4, 0),
          added_value IS NOT NULL, coalesce(added_value, 0), coalesce(added_value * added_value, 0), coalesce(added_value >= 4, 0)
        FROM responses WHERE status = 'submitted' ${only(sql`rep_id`)}
      )
      GROUP BY rep_id, interaction_type, day`;
  await tx.run(sql`
    INSERT INTO cpi_cumulative (rep_id, interaction_type, day, ${sql.raw(COUNT_COLUMNS.join(', '))})
    WITH daily AS (${daily})
    SELECT rep_id, interaction_type, day, ${sql.join(COUNT_COLUMNS.map(sumOver), sql`, `)} FROM daily`);
  // A bulk load wrote with the data-version triggers off (db/data-version-triggers.ts): it moves the version once here.
  await tx.run(sql`UPDATE data_version SET version = version + 1 WHERE id = 1`);
  await tx.run(sql`
    INSERT INTO cpi_monthly (month, rep_id, interaction_type, ${sql.raw(COUNT_COLUMNS.join(', '))})
    WITH daily AS (${daily})
    SELECT CAST(strftime('%Y%m', day * 86400, 'unixepoch') AS INTEGER) AS month, rep_id, interaction_type, ${sql.raw(COUNT_COLUMNS.map((c) => `sum(${c})`).join(', '))}
    FROM daily GROUP BY 1, rep_id, interaction_type`);
}
