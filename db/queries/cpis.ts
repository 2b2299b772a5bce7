/**
 * Per-rep counts and sums behind every CPI, for a period and interaction types: whole
 * days come from the running totals (cpi_cumulative), the partial days at the edges from
 * the rows (through covering indexes). SQL returns counts and sums only; inference
 * happens in src/stats.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { InteractionType } from '../schema';
import type { Period } from '../../src/lib/period';
import { COUNT_COLUMNS, COUNT_FIELDS, runningTotalBounds, RUNNING_TOTAL_JOIN } from './rollups';
import { rowsOf } from './bulk';
import { allPacked } from './packed';
import { DAY_MS } from '../../src/lib/days';

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

const SUM_FIELDS = [
  'invitations',
  'notYetDue',
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

export function emptySums(): CpiSums {
  return Object.fromEntries(SUM_FIELDS.map((f) => [f, 0])) as unknown as CpiSums;
}

export function addSums(into: CpiSums, from: Partial<CpiSums>): CpiSums {
  for (const f of SUM_FIELDS) into[f] += Number(from[f] ?? 0);
  return into;
}

const typeFilter = (column: SQL, types: readonly InteractionType[] | undefined) =>
  types && types.length > 0
    ? sql`AND ${column} IN (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;

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

/** The sums over answers (all but the invitation counts, which come from their own queries). */
const ANSWER_FIELDS = SUM_FIELDS.filter((f) => f !== 'invitations' && f !== 'notYetDue');

/** Rows with `repId` and these fields, packed (./packed.ts): up to a row per rep, each wide. */
function rows(db: Drizzle, query: SQL, fields: readonly string[]): Promise<Row[]> {
  return allPacked<Row>(db, query, ['repId', ...fields]);
}

/**
 * Per rep: everything whose interaction day is in (startDay, endDay] — the difference of
 * two running totals per rep and type, found with one index seek each.
 */
async function sumsBetweenDays(
  db: Drizzle,
  startDay: number,
  endDay: number,
  types?: readonly InteractionType[],
): Promise<Row[]> {
  return rows(
    db,
    sql`${runningTotalBounds(startDay, endDay, types)}
    SELECT b.rep_id AS repId, ${sql.raw(COUNT_FIELDS.map((f, i) => `sum(coalesce(e.${COUNT_COLUMNS[i]}, 0) - coalesce(s.${COUNT_COLUMNS[i]}, 0)) AS ${f}`).join(', '))}
    ${RUNNING_TOTAL_JOIN}
    GROUP BY b.rep_id`,
    COUNT_FIELDS,
  );
}

/**
 * Counts per calendar month (YYYYMM) in [fromMonth, toMonth), summed over the types (or
 * only `types`) — per rep, or over `repIds` (all reps when omitted) — from cpi_monthly.
 */
export async function getMonthlySums(
  db: Drizzle,
  q: {
    fromMonth: number;
    toMonth: number;
    types?: readonly InteractionType[] | undefined;
    repIds?: readonly number[] | undefined;
    byRep: boolean;
  },
): Promise<{ repId: number; month: number; sums: CpiSums }[]> {
  const reps = q.repIds
    ? q.repIds.length
      ? sql`AND rep_id IN (${sql.join(
          q.repIds.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : sql`AND 0`
    : sql``;
  const list = await db.all<Row & { month: number }>(sql`
    SELECT ${q.byRep ? sql`rep_id` : sql`0`} AS repId, month, ${sql.raw(COUNT_FIELDS.map((f, i) => `sum(${COUNT_COLUMNS[i]}) AS ${f}`).join(', '))}
    FROM cpi_monthly WHERE month >= ${q.fromMonth} AND month < ${q.toMonth} ${typeFilter(sql`interaction_type`, q.types)} ${reps}
    GROUP BY ${q.byRep ? sql`rep_id, ` : sql``}month`);
  return list.map((r) => ({
    repId: Number(r.repId),
    month: Number(r.month),
    sums: addSums(emptySums(), r as Partial<CpiSums>),
  }));
}

/** Counts and sums per rep for the period: whole days from the running totals, the rest from the rows. */
export async function getCpiSumsByRep(
  db: Drizzle,
  period: Period,
  now: number,
  types?: readonly InteractionType[],
): Promise<Map<number, CpiSums>> {
  const out = new Map<number, CpiSums>();
  const add = (list: Row[]) => {
    for (const r of list) {
      const repId = Number(r.repId);
      addSums(out.get(repId) ?? out.set(repId, emptySums()).get(repId)!, r as Partial<CpiSums>);
    }
  };
  const firstDay = Math.ceil(period.from / DAY_MS);
  const endDay = Math.floor(period.to / DAY_MS);
  const edges: Period[] = [];
  // The queries are independent: asked at once, a libSQL server answers them in one round trip (db/coalesce.ts).
  const queries: Promise<Row[]>[] = [];
  if (firstDay < endDay) {
    queries.push(sumsBetweenDays(db, firstDay - 1, endDay - 1, types));
    if (period.from < firstDay * DAY_MS) edges.push({ from: period.from, to: firstDay * DAY_MS });
    if (endDay * DAY_MS < period.to) edges.push({ from: endDay * DAY_MS, to: period.to });
  } else {
    edges.push(period);
  }
  for (const edge of edges) {
    queries.push(
      rows(
        db,
        sql`SELECT rep_id AS repId, ${answerSums} FROM responses
        WHERE status = 'submitted' AND occurred_at >= ${edge.from} AND occurred_at < ${edge.to} ${typeFilter(sql`interaction_type`, types)}
        GROUP BY rep_id`,
        ANSWER_FIELDS,
      ),
      rows(
        db,
        sql`SELECT i.rep_id AS repId, count(*) AS invitations FROM interactions i JOIN invitations v ON v.interaction_id = i.id
        WHERE i.occurred_at >= ${edge.from} AND i.occurred_at < ${edge.to} AND v.status <> 'cancelled' ${typeFilter(sql`i.type`, types)}
        GROUP BY i.rep_id`,
        ['invitations'],
      ),
    );
  }
  // Invitations not yet due: only scheduled ones with a send time ahead (a small set).
  queries.push(
    rows(
      db,
      sql`SELECT v.rep_id AS repId, count(*) AS notYetDue FROM invitations v JOIN interactions i ON i.id = v.interaction_id
      WHERE v.status = 'scheduled' AND v.send_at > ${now} AND i.occurred_at >= ${period.from} AND i.occurred_at < ${period.to} ${typeFilter(sql`i.type`, types)}
      GROUP BY v.rep_id`,
      ['notYetDue'],
    ),
  );
  for (const list of await Promise.all(queries)) add(list);
  return out;
}

export interface TurnaroundCounts {
  n: number;
  withinSla: number;
  /** The order statistics (0-based index → hours) that the median and p90 need. */
  orderStatistics: Map<number, number>;
  /** The group's quotes by rep (rep id → count and count within the SLA): a group's within-SLA interval clusters by rep. */
  reps: Map<number, { n: number; withinSla: number }>;
}

/**
 * Quote turnaround (hours from requested to delivered) per group — rep, team (0 = none)
 * or the org (0) — for quotes whose interaction is in the period: the count, the count
 * within the SLA and the order statistics that type-7 quantiles need, and the counts by rep.
 */
export async function getTurnaroundCounts(
  db: Drizzle,
  period: Period,
  slaHours: number,
  groupBy: 'rep' | 'team' | 'org' | 'month',
  types?: readonly InteractionType[],
  teamIds?: readonly number[],
  repIds?: readonly number[],
): Promise<Map<number, TurnaroundCounts>> {
  const group =
    groupBy === 'rep'
      ? sql`i.rep_id`
      : groupBy === 'team'
        ? sql`coalesce(r.team_id, 0)`
        : groupBy === 'month'
          ? sql`CAST(strftime('%Y%m', i.occurred_at / 1000, 'unixepoch') AS INTEGER)`
          : sql`0`;
  const idList = (ids: readonly number[]) =>
    sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    );
  const teamFilter = teamIds ? (teamIds.length ? sql`AND r.team_id IN (${idList(teamIds)})` : sql`AND 0`) : sql``;
  const repFilter = repIds ? (repIds.length ? sql`AND i.rep_id IN (${idList(repIds)})` : sql`AND 0`) : sql``;
  // The partial covering index finds the period's quotes; they come back as two JSON arrays
  // in one row (turnaround in exact integer milliseconds) and are grouped and sorted here.
  // Rows one by one, or sorted by SQLite, cost eight times as much at 24,000 quotes.
  const [found] = await rowsOf(
    db,
    sql`
    SELECT json_group_array(g) AS g, json_group_array(ms) AS ms, json_group_array(rep) AS rep FROM (
      SELECT ${group} AS g, i.quote_delivered_at - i.quote_requested_at AS ms, i.rep_id AS rep
      FROM interactions i JOIN reps r ON r.id = i.rep_id
      WHERE i.quote_delivered_at IS NOT NULL AND i.quote_requested_at IS NOT NULL AND i.quote_delivered_at >= i.quote_requested_at
        AND i.occurred_at >= ${period.from} AND i.occurred_at < ${period.to} ${typeFilter(sql`i.type`, types)} ${teamFilter} ${repFilter})`,
  );
  const groups = JSON.parse(String(found?.[0] ?? '[]')) as number[];
  const millis = JSON.parse(String(found?.[1] ?? '[]')) as number[];
  const repIdsOf = JSON.parse(String(found?.[2] ?? '[]')) as number[];
  const byGroup = new Map<number, number[]>();
  const repsByGroup = new Map<number, Map<number, { n: number; withinSla: number }>>();
  groups.forEach((g, i) => {
    const hours = millis[i]! / 3_600_000;
    (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(hours);
    const reps = repsByGroup.get(g) ?? repsByGroup.set(g, new Map()).get(g)!;
    const rep = reps.get(repIdsOf[i]!) ?? reps.set(repIdsOf[i]!, { n: 0, withinSla: 0 }).get(repIdsOf[i]!)!;
    rep.n++;
    if (hours <= slaHours) rep.withinSla++;
  });
  const out = new Map<number, TurnaroundCounts>();
  for (const [g, list] of byGroup) {
    const hours = Float64Array.from(list).sort();
    const n = hours.length;
    let within = 0;
    for (const h of hours) if (h <= slaHours) within++;
    const orderStatistics = new Map<number, number>();
    for (const p of [0.5, 0.9]) {
      const k = Math.floor((n - 1) * p);
      for (const i of [k, k + 1]) if (i < n) orderStatistics.set(i, hours[i]!);
    }
    out.set(g, { n, withinSla: within, orderStatistics, reps: repsByGroup.get(g)! });
  }
  return out;
}

/** Every rep with its team, former reps included (they keep their history). */
export async function getRepDirectory(db: Drizzle) {
  return allPacked<{
    id: number;
    email: string;
    name: string;
    teamId: number | null;
    team: string | null;
    active: number;
  }>(
    db,
    sql`SELECT r.id, r.email, r.name, r.team_id AS teamId, t.name AS team, r.active FROM reps r LEFT JOIN teams t ON t.id = r.team_id ORDER BY r.id`,
    ['id', 'email', 'name', 'teamId', 'team', 'active'],
  );
}
