/**
 * A round of a history import's rows in a TEMP table of the writer's connection (embedded
 * file only: libSQL servers have no TEMP tables), and the set-based statements that
 * publish it: one statement per step over the round, with the rows handed over a chunk at
 * a time as one JSON text — each value bound from JavaScript costs about a microsecond here, more than
 * SQLite's own work on it. The rules are those of src/domain/interactions.ts; the
 * differential test (test/survey/history-import.test.ts) holds the two paths to the same
 * result. Everything runs inside the caller's write: a failure leaves nothing behind.
 */
import type { Drizzle } from '../client';
import type { Rule } from '../../src/domain/survey-rules';
import { DAY_MS } from '../../src/lib/days';

/** The tuple columns, in the order parse-worker.ts writes them. */
const HISTORY_COLUMNS = [
  'line',
  'external_id',
  'rep_id',
  'customer_email',
  'customer_name',
  'customer_locale',
  'customer_company',
  'customer_key',
  'type',
  'occurred_at',
  'quote_requested_at',
  'quote_delivered_at',
  'content_ids',
  'content_key',
] as const;

/** A rep as a history import reads it, once (reps cannot change while the import holds the write lock). */
export type RepEntry = [email: string, id: number, excluded: boolean];

export async function listReps(tx: Drizzle): Promise<RepEntry[]> {
  const r = await run(tx, 'SELECT email, id, excluded_from_surveys FROM reps');
  return r.rows.map((row) => [String(row.email), Number(row.id), Number(row.excluded_from_surveys) === 1]);
}

const T = 'temp.history_rows';
const run = (tx: Drizzle, sql: string, args: (string | number | null)[] = []) => tx.$client.execute({ sql, args });

export async function createHistoryRows(tx: Drizzle): Promise<void> {
  // Sorts (index builds) may use a second thread.
  await run(tx, 'PRAGMA threads = 2');
  await run(tx, `DROP TABLE IF EXISTS ${T}`);
  await run(
    tx,
    `CREATE TEMP TABLE history_rows (line INTEGER PRIMARY KEY, external_id TEXT NOT NULL,
      -- Null: no such rep (the worker reports those rows, and the round is refused).
      rep_id INTEGER,
      -- 1: the customer opted out (or is on the suppression list); 2: the rep is excluded from surveys.
      suppressed INTEGER NOT NULL DEFAULT 0, customer_email TEXT NOT NULL,
      customer_name TEXT, customer_locale TEXT NOT NULL, customer_company TEXT, customer_key TEXT NOT NULL, type TEXT NOT NULL, occurred_at INTEGER NOT NULL,
      quote_requested_at INTEGER, quote_delivered_at INTEGER, content_ids TEXT NOT NULL, content_key TEXT NOT NULL,
      existing INTEGER NOT NULL DEFAULT 0)`,
  );
}

export async function dropHistoryRows(tx: Drizzle): Promise<void> {
  await run(tx, `DROP TABLE IF EXISTS ${T}`);
}

export async function clearHistoryRows(tx: Drizzle): Promise<void> {
  await run(tx, `DELETE FROM ${T}`);
}

/** Adds a chunk to the round: one JSON text of tuples (one bound value, parsed by SQLite once per row). */
export async function addHistoryRows(tx: Drizzle, json: string): Promise<void> {
  await run(
    tx,
    `INSERT INTO ${T} (${HISTORY_COLUMNS.join(', ')})
     WITH r AS MATERIALIZED (SELECT jsonb(value) AS v FROM json_each(?)) SELECT ${HISTORY_COLUMNS.map((_, k) => `v->>${k}`).join(', ')} FROM r`,
    [json],
  );
}

/** Flags the rows of reps excluded from surveys (`repIds`: a JSON array of their ids). */
export async function markExcludedReps(tx: Drizzle, repIds: string): Promise<void> {
  await run(tx, `UPDATE ${T} SET suppressed = 2 WHERE suppressed = 0 AND rep_id IN (SELECT value FROM json_each(?))`, [
    repIds,
  ]);
}

/**
 * What a retry may not change, as SQL comparing row `a` with what was received first
 * (`b(column)`), named as the API reports them.
 */
function differences(b: (column: string) => string, strictDelivered: boolean): [string, string][] {
  const differs = (column: string) => `a.${column} IS NOT ${b(column)}`;
  return [
    ['repEmail', differs('rep_id')],
    ['type', differs('type')],
    ['occurredAt', differs('occurred_at')],
    ['quoteRequestedAt', differs('quote_requested_at')],
    [
      'quoteDeliveredAt',
      strictDelivered
        ? differs('quote_delivered_at')
        : `(${b('quote_delivered_at')} IS NOT NULL AND ${differs('quote_delivered_at')})`,
    ],
    ['contentIds', differs('content_key')],
    ['customer', differs('customer_key')],
  ];
}

export interface Conflict {
  line: number;
  externalId: string;
  fields: string[];
}

async function conflicts(tx: Drizzle, from: string, diffs: [string, string][], limit: number): Promise<Conflict[]> {
  const r = await run(
    tx,
    `SELECT a.line, a.external_id, ${diffs.map(([, test], k) => `${test} AS d${k}`).join(', ')} FROM ${from} AND (${diffs.map(([, test]) => test).join(' OR ')}) ORDER BY a.line LIMIT ?`,
    [limit],
  );
  return r.rows.map((row) => ({
    line: Number(row.line),
    externalId: String(row.external_id),
    fields: diffs.flatMap(([name], k) => (Number(row[`d${k}`]) ? [name] : [])),
  }));
}

/**
 * Marks the rows whose externalId was received before this import; returns those that
 * differ from what was stored (a quoteDeliveredAt filled in later is not a difference).
 */
export async function markExisting(tx: Drizzle, limit: number): Promise<{ existing: number; conflicts: Conflict[] }> {
  const marked = await run(
    tx,
    `UPDATE ${T} SET existing = 1 WHERE EXISTS (SELECT 1 FROM interactions i WHERE i.external_id = ${T}.external_id)`,
  );
  if (marked.rowsAffected === 0) return { existing: 0, conflicts: [] };
  const found = await conflicts(
    tx,
    `${T} a JOIN interactions i ON i.external_id = a.external_id WHERE a.existing = 1`,
    differences((column) => `i.${column}`, false),
    limit,
  );
  return { existing: marked.rowsAffected, conflicts: found };
}

/** New rows repeating an externalId of an earlier line of the round with other values (all of them compared). */
export async function repeatsThatDiffer(tx: Drizzle, limit: number): Promise<Conflict[]> {
  const firsts = `(SELECT line, first_value(line) OVER (PARTITION BY external_id ORDER BY line) AS first_line FROM ${T} WHERE existing = 0)`;
  return conflicts(
    tx,
    `${firsts} w JOIN ${T} a ON a.line = w.line JOIN ${T} f ON f.line = w.first_line WHERE w.line <> w.first_line`,
    differences((c) => `f.${c}`, true),
    limit,
  );
}

/** Emails of the rows' customers (for the suppression list, which holds hashes). */
export async function customerEmails(tx: Drizzle): Promise<string[]> {
  const r = await run(tx, `SELECT DISTINCT customer_email FROM ${T}`);
  return r.rows.map((row) => String(row.customer_email));
}

export async function markSuppressed(tx: Drizzle, emails: string[]): Promise<void> {
  for (let i = 0; i < emails.length; i += 500) {
    const part = emails.slice(i, i + 500);
    await run(tx, `UPDATE ${T} SET suppressed = 1 WHERE customer_email IN (${part.map(() => '?').join(', ')})`, part);
  }
}

/**
 * Customers of the round's new rows: inserted, or name, locale and company refreshed from
 * the round's last row for them (as the API does with a batch); unchanged ones are not
 * written again.
 */
export async function upsertHistoryCustomers(tx: Drizzle, now: number): Promise<void> {
  await run(
    tx,
    `INSERT INTO customers (email, name, locale, company, created_at)
     SELECT customer_email, customer_name, customer_locale, customer_company, ? FROM (
       SELECT customer_email, customer_name, customer_locale, customer_company, max(line) FROM ${T} WHERE existing = 0 GROUP BY customer_email)
     WHERE true
     ON CONFLICT (email) DO UPDATE SET name = coalesce(excluded.name, customers.name), locale = excluded.locale, company = coalesce(excluded.company, customers.company)
       WHERE customers.name IS NOT coalesce(excluded.name, customers.name) OR customers.locale IS NOT excluded.locale OR customers.company IS NOT coalesce(excluded.company, customers.company)`,
    [now],
  );
}

/**
 * Content items the chunk names that are not known yet (titled by their id until a content
 * import names them): `ids` is the JSON array of the chunk's distinct content ids. (A retry
 * naming content its stored row did not is refused with the whole import.)
 */
export async function ensureHistoryContent(tx: Drizzle, ids: string, now: number): Promise<void> {
  await run(
    tx,
    `INSERT INTO content_items (id, title, created_at, updated_at) SELECT value, value, ?, ? FROM json_each(?) WHERE true ON CONFLICT (id) DO NOTHING`,
    [now, now, ids],
  );
}

/** Fills in quoteDeliveredAt where it was missing (a retry that adds it is not a conflict). */
export async function fillDeliveredQuotes(tx: Drizzle, now: number): Promise<void> {
  await run(
    tx,
    `UPDATE interactions SET quote_delivered_at = b.quote_delivered_at, updated_at = ?
     FROM (SELECT external_id, min(quote_delivered_at) AS quote_delivered_at FROM ${T} WHERE existing = 1 AND quote_delivered_at IS NOT NULL GROUP BY external_id) b
     WHERE interactions.external_id = b.external_id AND interactions.quote_delivered_at IS NULL`,
    [now],
  );
}

/**
 * Inserts the new rows the rules suppress without looking at other invitations — opted-out
 * customer, excluded rep, older than the type's link expiry: decideSurvey's first three
 * rules — in file order, the first row of each externalId. Returns how many were inserted.
 * The rest (rows that may be surveyed) go through the API's own code.
 */
export async function insertSuppressedHistory(
  tx: Drizzle,
  importId: number,
  rules: Map<string, Rule>,
  now: number,
  optedOut: boolean,
): Promise<number> {
  // Opted out comes before an excluded rep (flagged before), as in decideSurvey; few
  // rows, flagged first so that the insert looks customers up in their email index alone.
  if (optedOut) {
    await run(
      tx,
      `UPDATE ${T} SET suppressed = 1 WHERE suppressed <> 1 AND EXISTS (SELECT 1 FROM customers c WHERE c.email = ${T}.customer_email AND c.opted_out_at IS NOT NULL)`,
    );
  }
  const reason = suppressionReason(rules, now);
  const r = await run(
    tx,
    `INSERT INTO interactions (external_id, rep_id, customer_id, type, occurred_at, quote_requested_at, quote_delivered_at, content_key, customer_key,
       source, survey_status, suppression_reason, import_id, created_at, updated_at)
     SELECT external_id, rep_id, customer_id, type, occurred_at, quote_requested_at, quote_delivered_at, content_key, customer_key, 'csv', 'suppressed', reason, ?, ?, ?
     FROM (
       SELECT b.line, b.external_id, b.rep_id, c.id AS customer_id, b.type, b.occurred_at, b.quote_requested_at, b.quote_delivered_at, b.content_key, b.customer_key,
         ${reason.sql} AS reason
       FROM ${T} b JOIN customers c ON c.email = b.customer_email
       WHERE b.existing = 0 ORDER BY b.line)
     WHERE reason IS NOT NULL
     ON CONFLICT (external_id) DO NOTHING`,
    [importId, now, now, ...reason.args],
  );
  return r.rowsAffected;
}

/**
 * Why the rules suppress row `b` outright, as SQL (null: it may be surveyed): the flags,
 * then the type's link expiry — as a CASE, since a join with the rules would scan the
 * rows once per type.
 */
function suppressionReason(rules: Map<string, Rule>, now: number): { sql: string; args: (string | number)[] } {
  const types = [...rules.values()];
  const expiry = `CASE b.type ${types.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  return {
    sql: `CASE b.suppressed WHEN 1 THEN 'opted-out' WHEN 2 THEN 'rep-excluded' ELSE CASE WHEN ? - b.occurred_at > ${expiry} THEN 'too-old' END END`,
    args: [now, ...types.flatMap((rule) => [rule.interactionType, rule.expiryDays * DAY_MS])],
  };
}

/** Links the interactions this import inserted to their content. */
export async function linkHistoryContent(tx: Drizzle, importId: number): Promise<void> {
  await run(
    tx,
    `INSERT INTO interaction_content (interaction_id, content_id)
     SELECT i.id, j.value FROM ${T} b JOIN interactions i ON i.external_id = b.external_id, json_each(b.content_ids) j
     WHERE b.existing = 0 AND b.content_ids <> '' AND i.import_id = ?
     ON CONFLICT DO NOTHING`,
    [importId],
  );
}

export interface HistoryRow {
  line: number;
  externalId: string;
  repId: number;
  customer: { email: string; name: string | null; locale: string; company: string | null };
  type: string;
  occurredAt: number;
  quoteRequestedAt: number | null;
  quoteDeliveredAt: number | null;
  contentIds: string[];
}

/**
 * New rows still to decide (they may be surveyed), by line: those the rules do not suppress
 * outright, unless an earlier line of the round was inserted under their externalId.
 */
export async function undecidedRows(tx: Drizzle, rules: Map<string, Rule>, now: number): Promise<HistoryRow[]> {
  const reason = suppressionReason(rules, now);
  const r = await run(
    tx,
    `SELECT * FROM ${T} b
     WHERE b.existing = 0 AND CASE WHEN ${reason.sql} IS NULL THEN NOT EXISTS (SELECT 1 FROM interactions i WHERE i.external_id = b.external_id) ELSE 0 END
     ORDER BY b.line`,
    reason.args,
  );
  return r.rows.map((row) => ({
    line: Number(row.line),
    externalId: String(row.external_id),
    repId: Number(row.rep_id),
    customer: {
      email: String(row.customer_email),
      name: row.customer_name === null ? null : String(row.customer_name),
      locale: String(row.customer_locale),
      company: row.customer_company === null ? null : String(row.customer_company),
    },
    type: String(row.type),
    occurredAt: Number(row.occurred_at),
    quoteRequestedAt: row.quote_requested_at === null ? null : Number(row.quote_requested_at),
    quoteDeliveredAt: row.quote_delivered_at === null ? null : Number(row.quote_delivered_at),
    contentIds: row.content_ids === '' ? [] : (JSON.parse(String(row.content_ids)) as string[]),
  }));
}
