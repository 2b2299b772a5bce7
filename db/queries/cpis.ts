/**
 * Per-rep counts and sums behind every CPI, for a period and interaction types: whole
 * months come from the rollups, partial months at the edges from the responses (through
 * a covering index). SQL returns counts and sums only; inference happens in src/stats.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { InteractionType } from '../schema';
import { splitPeriod, type Period } from '../../src/lib/period';

export interface CpiSums {
  invitations: number;
  /** Invitations whose send time has not come yet (taken off responseRate's denominator). */
  notYetDue: number;
  responses: number;
  invitedResponses: number;
  fcrN: number;
  fcrYes: number;
  cuN: number;
  cuSum: number;
  cuSq: number;
  cuTop2: number;
  dcN: number;
  dcSum: number;
  dcSq: number;
  dcTop2: number;
  avN: number;
  avSum: number;
  avSq: number;
  avTop2: number;
}

export const SUM_FIELDS = ['invitations', 'notYetDue', 'responses', 'invitedResponses', 'fcrN', 'fcrYes', 'cuN', 'cuSum', 'cuSq', 'cuTop2', 'dcN', 'dcSum', 'dcSq', 'dcTop2', 'avN', 'avSum', 'avSq', 'avTop2'] as const;

export function emptySums(): CpiSums {
  return Object.fromEntries(SUM_FIELDS.map((f) => [f, 0])) as unknown as CpiSums;
}

export function addSums(into: CpiSums, from: Partial<CpiSums>): CpiSums {
  for (const f of SUM_FIELDS) into[f] += Number(from[f] ?? 0);
  return into;
}

const typeFilter = (column: SQL, types: readonly InteractionType[] | undefined) =>
  types && types.length > 0 ? sql`AND ${column} IN (${sql.join(types.map((t) => sql`${t}`), sql`, `)})` : sql``;

const answerSums = sql`
  count(*) AS responses, count(invitation_id) AS invitedResponses,
  count(resolved_first_contact) AS fcrN, coalesce(sum(resolved_first_contact), 0) AS fcrYes,
  count(content_useful) AS cuN, coalesce(sum(content_useful), 0) AS cuSum, coalesce(sum(content_useful * content_useful), 0) AS cuSq,
  coalesce(sum(content_useful >= 4), 0) AS cuTop2,
  count(decision_clearer) AS dcN, coalesce(sum(decision_clearer), 0) AS dcSum, coalesce(sum(decision_clearer * decision_clearer), 0) AS dcSq,
  coalesce(sum(decision_clearer >= 4), 0) AS dcTop2,
  count(added_value) AS avN, coalesce(sum(added_value), 0) AS avSum, coalesce(sum(added_value * added_value), 0) AS avSq,
  coalesce(sum(added_value >= 4), 0) AS avTop2`;

type Row = Record<string, unknown> & { repId: number };

async function rows(db: Drizzle, query: SQL): Promise<Row[]> {
  return db.all<Row>(query);
}

/** Counts and sums per rep for the period (all reps with any activity in it). */
export async function getCpiSumsByRep(db: Drizzle, period: Period, now: number, types?: readonly InteractionType[]): Promise<Map<number, CpiSums>> {
  const out = new Map<number, CpiSums>();
  const add = (list: Row[]) => {
    for (const r of list) {
      const repId = Number(r.repId);
      addSums(out.get(repId) ?? out.set(repId, emptySums()).get(repId)!, r as Partial<CpiSums>);
    }
  };
  const split = splitPeriod(period);
  if (split.firstMonth < split.endMonth) {
    add(
      await rows(
        db,
        sql`SELECT rep_id AS repId, sum(invitations) AS invitations, sum(responses) AS responses, sum(invited_responses) AS invitedResponses,
          sum(fcr_n) AS fcrN, sum(fcr_yes) AS fcrYes, sum(cu_n) AS cuN, sum(cu_sum) AS cuSum, sum(cu_sq) AS cuSq, sum(cu_top2) AS cuTop2,
          sum(dc_n) AS dcN, sum(dc_sum) AS dcSum, sum(dc_sq) AS dcSq, sum(dc_top2) AS dcTop2,
          sum(av_n) AS avN, sum(av_sum) AS avSum, sum(av_sq) AS avSq, sum(av_top2) AS avTop2
        FROM cpi_rollups WHERE month >= ${split.firstMonth} AND month < ${split.endMonth} ${typeFilter(sql`interaction_type`, types)}
        GROUP BY rep_id`,
      ),
    );
  }
  for (const edge of split.edges) {
    add(
      await rows(
        db,
        sql`SELECT rep_id AS repId, ${answerSums} FROM responses
        WHERE status = 'submitted' AND occurred_at >= ${edge.from} AND occurred_at < ${edge.to} ${typeFilter(sql`interaction_type`, types)}
        GROUP BY rep_id`,
      ),
    );
    add(
      await rows(
        db,
        sql`SELECT i.rep_id AS repId, count(*) AS invitations FROM interactions i JOIN invitations v ON v.interaction_id = i.id
        WHERE i.occurred_at >= ${edge.from} AND i.occurred_at < ${edge.to} AND v.status <> 'cancelled' ${typeFilter(sql`i.type`, types)}
        GROUP BY i.rep_id`,
      ),
    );
  }
  // Invitations not yet due: only scheduled ones with a send time ahead (a small set).
  add(
    await rows(
      db,
      sql`SELECT v.rep_id AS repId, count(*) AS notYetDue FROM invitations v JOIN interactions i ON i.id = v.interaction_id
      WHERE v.status = 'scheduled' AND v.send_at > ${now} AND i.occurred_at >= ${period.from} AND i.occurred_at < ${period.to} ${typeFilter(sql`i.type`, types)}
      GROUP BY v.rep_id`,
    ),
  );
  return out;
}

/** Quote turnaround in hours per rep, for quotes requested and delivered, by the interaction's time. */
export async function getTurnaroundHoursByRep(db: Drizzle, period: Period, types?: readonly InteractionType[]): Promise<Map<number, number[]>> {
  const list = await db.all<{ repId: number; hours: number }>(sql`
    SELECT rep_id AS repId, (quote_delivered_at - quote_requested_at) / 3600000.0 AS hours FROM interactions
    WHERE quote_delivered_at IS NOT NULL AND quote_requested_at IS NOT NULL AND occurred_at >= ${period.from} AND occurred_at < ${period.to}
      AND quote_delivered_at >= quote_requested_at ${typeFilter(sql`type`, types)}`);
  const out = new Map<number, number[]>();
  for (const r of list) (out.get(r.repId) ?? out.set(r.repId, []).get(r.repId)!).push(r.hours);
  return out;
}

/** Every rep with its team, former reps included (they keep their history). */
export async function getRepDirectory(db: Drizzle) {
  return db.all<{ id: number; email: string; name: string; teamId: number | null; team: string | null; active: number }>(sql`
    SELECT r.id, r.email, r.name, r.team_id AS teamId, t.name AS team, r.active FROM reps r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.id`);
}
