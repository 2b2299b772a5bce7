/**
 * The CPI running totals (`cpi_cumulative`), kept current on every write path: survey
 * submit, response import, invitation creation and cancellation, erasure and retention.
 * Every change goes through `applyRollupDeltas` after the rows it describes were written,
 * so the totals always equal a rebuild from the rows (`rebuildRollups`).
 */
import { inArray, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { cpiCumulative, type InteractionType } from '../schema';

export const DAY_MS = 86_400_000;
export const dayOf = (ms: number) => Math.floor(ms / DAY_MS);

export interface Answers {
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
}

export const COUNT_FIELDS = ['invitations', 'responses', 'invitedResponses', 'fcrN', 'fcrYes', 'cuN', 'cuSum', 'cuSq', 'cuTop2', 'dcN', 'dcSum', 'dcSq', 'dcTop2', 'avN', 'avSum', 'avSq', 'avTop2'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
const COLUMN: Record<CountField, string> = {
  invitations: 'invitations',
  responses: 'responses',
  invitedResponses: 'invited_responses',
  fcrN: 'fcr_n',
  fcrYes: 'fcr_yes',
  cuN: 'cu_n',
  cuSum: 'cu_sum',
  cuSq: 'cu_sq',
  cuTop2: 'cu_top2',
  dcN: 'dc_n',
  dcSum: 'dc_sum',
  dcSq: 'dc_sq',
  dcTop2: 'dc_top2',
  avN: 'av_n',
  avSum: 'av_sum',
  avSq: 'av_sq',
  avTop2: 'av_top2',
};
export const COUNT_COLUMNS = COUNT_FIELDS.map((f) => COLUMN[f]);

export type RollupDelta = { repId: number; day: number; interactionType: InteractionType } & Record<CountField, number>;

function emptyDelta(repId: number, occurredAt: number, interactionType: InteractionType): RollupDelta {
  const delta = { repId, day: dayOf(occurredAt), interactionType } as RollupDelta;
  for (const f of COUNT_FIELDS) delta[f] = 0;
  return delta;
}

export function invitationDelta(repId: number, occurredAt: number, interactionType: InteractionType, sign: 1 | -1 = 1): RollupDelta {
  return { ...emptyDelta(repId, occurredAt, interactionType), invitations: sign };
}

/** The contribution of one submitted response (sign −1 to take it away again). */
export function responseDelta(
  r: Answers & { repId: number; occurredAt: number; interactionType: InteractionType; invited: boolean },
  sign: 1 | -1 = 1,
): RollupDelta {
  const d = emptyDelta(r.repId, r.occurredAt, r.interactionType);
  d.responses = sign;
  d.invitedResponses = r.invited ? sign : 0;
  if (r.resolvedFirstContact !== null) {
    d.fcrN = sign;
    d.fcrYes = r.resolvedFirstContact === 1 ? sign : 0;
  }
  const likert = (v: number | null, prefix: 'cu' | 'dc' | 'av') => {
    if (v === null) return;
    d[`${prefix}N`] = sign;
    d[`${prefix}Sum`] = sign * v;
    d[`${prefix}Sq`] = sign * v * v;
    d[`${prefix}Top2`] = v >= 4 ? sign : 0;
  };
  likert(r.contentUseful, 'cu');
  likert(r.decisionClearer, 'dc');
  likert(r.addedValue, 'av');
  return d;
}

/** Above this many distinct rep × type × day buckets, recomputing the reps' totals is cheaper. */
const INCREMENTAL_LIMIT = 64;

/**
 * Adds deltas to the running totals: for each rep × type × day bucket, the row for that day
 * is created (carrying the total up to the day before) and every row from that day on is
 * moved by the delta. Live answers land on recent days, so few rows move; large batches
 * (imports) recompute the affected reps from the rows instead.
 */
export async function applyRollupDeltas(tx: Drizzle, deltas: RollupDelta[]): Promise<void> {
  const merged = new Map<string, RollupDelta>();
  for (const d of deltas) {
    const key = `${d.repId}|${d.interactionType}|${d.day}`;
    const existing = merged.get(key);
    if (!existing) merged.set(key, { ...d });
    else for (const f of COUNT_FIELDS) existing[f] += d[f];
  }
  if (merged.size > INCREMENTAL_LIMIT) return rebuildRollups(tx, [...new Set(deltas.map((d) => d.repId))]);
  for (const d of merged.values()) {
    await tx.run(sql`
      INSERT INTO cpi_cumulative (rep_id, interaction_type, day, ${sql.raw(COUNT_COLUMNS.join(', '))})
      SELECT ${d.repId}, ${d.interactionType}, ${d.day}, ${sql.raw(COUNT_COLUMNS.map((c) => `coalesce(p.${c}, 0)`).join(', '))}
      FROM (SELECT 1) LEFT JOIN (
        SELECT * FROM cpi_cumulative WHERE rep_id = ${d.repId} AND interaction_type = ${d.interactionType} AND day < ${d.day} ORDER BY day DESC LIMIT 1
      ) p ON 1 WHERE true
      ON CONFLICT (rep_id, interaction_type, day) DO NOTHING`);
    const moves = COUNT_FIELDS.filter((f) => d[f] !== 0).map((f) => sql`${sql.raw(COLUMN[f])} = ${sql.raw(COLUMN[f])} + ${d[f]}`);
    if (moves.length === 0) continue;
    await tx.run(sql`UPDATE cpi_cumulative SET ${sql.join(moves, sql`, `)} WHERE rep_id = ${d.repId} AND interaction_type = ${d.interactionType} AND day >= ${d.day}`);
  }
}

const sumOver = (column: string) => sql.raw(`sum(${column}) OVER (PARTITION BY rep_id, interaction_type ORDER BY day ROWS UNBOUNDED PRECEDING)`);

/** Recomputes the running totals from the rows, for the given reps or all of them. */
export async function rebuildRollups(tx: Drizzle, repIds?: number[]): Promise<void> {
  const only = (column: SQL): SQL => (repIds ? sql`AND ${column} IN (${sql.join(repIds.map((id) => sql`${id}`), sql`, `)})` : sql``);
  if (repIds) await tx.delete(cpiCumulative).where(inArray(cpiCumulative.repId, repIds));
  else await tx.run(sql`DELETE FROM cpi_cumulative`);
  await tx.run(sql`
    INSERT INTO cpi_cumulative (rep_id, interaction_type, day, ${sql.raw(COUNT_COLUMNS.join(', '))})
    SELECT rep_id, interaction_type, day, ${sql.join(COUNT_COLUMNS.map(sumOver), sql`, `)}
    FROM (
      SELECT rep_id, interaction_type, day, ${sql.raw(COUNT_COLUMNS.map((c) => `sum(${c}) AS ${c}`).join(', '))}
      FROM (
        SELECT i.rep_id, i.type AS interaction_type, i.occurred_at / ${sql.raw(String(DAY_MS))} AS day,
          1 AS invitations, 0 AS responses, 0 AS invited_responses, 0 AS fcr_n, 0 AS fcr_yes, 0 AS cu_n, 0 AS cu_sum, 0 AS cu_sq, 0 AS cu_top2,
          0 AS dc_n, 0 AS dc_sum, 0 AS dc_sq, 0 AS dc_top2, 0 AS av_n, 0 AS av_sum, 0 AS av_sq, 0 AS av_top2
        FROM invitations v JOIN interactions i ON i.id = v.interaction_id WHERE v.status <> 'cancelled' ${only(sql`i.rep_id`)}
        UNION ALL
        SELECT rep_id, interaction_type, occurred_at / ${sql.raw(String(DAY_MS))},
          0, 1, CASE WHEN invitation_id IS NULL THEN 0 ELSE 1 END,
          resolved_first_contact IS NOT NULL, coalesce(resolved_first_contact, 0),
          content_useful IS NOT NULL, coalesce(content_useful, 0), coalesce(content_useful * content_useful, 0), coalesce(content_useful >= 4, 0),
          decision_clearer IS NOT NULL, coalesce(decision_clearer, 0), coalesce(decision_clearer * decision_clearer, 0), coalesce(decision_clearer >= 4, 0),
          added_value IS NOT NULL, coalesce(added_value, 0), coalesce(added_value * added_value, 0), coalesce(added_value >= 4, 0)
        FROM responses WHERE status = 'submitted' ${only(sql`rep_id`)}
      )
      GROUP BY rep_id, interaction_type, day
    )`);
}

