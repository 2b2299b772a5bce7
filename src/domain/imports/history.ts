/**
 * The CLI's import of interactions into an embedded database (a CRM's history: often a
 * million rows, nearly all too old to survey). A worker thread reads and validates the
 * file while this thread loads the valid rows into a TEMP table; then one statement per
 * step refuses unknown reps and conflicting retries, upserts the customers and content,
 * fills in delivered quotes and inserts every row the rules suppress outright. Rows that
 * may be surveyed go through the API's own code (`apply`), a chunk at a time. All inside
 * the caller's write.
 */
import type { Drizzle } from '../../../db/client';
import type { ImportError } from '../../../db/queries/imports';
import {
  addHistoryRows, createHistoryRows, customerEmailsAfter, dropHistoryRows, ensureHistoryContent, fillDeliveredQuotes, insertSuppressedHistory,
  linkHistoryContent, markExisting, markSuppressed, repeatsThatDiffer, undecidedRowsAfter, unknownRepRows, upsertHistoryCustomers,
} from '../../../db/queries/history-rows';
import { getSuppressedHashes } from '../../../db/queries/customers';
import { getRules } from '../../../db/queries/survey-rules';
import { rowsOf } from '../../../db/queries/bulk';
import { sql } from 'drizzle-orm';
import { hashEmail } from '../../lib/tokens';
import { parseInWorker } from './parse-in-worker';
import { ImportRefused, MAX_ERRORS } from './validate';
import type { Apply, Loaded } from './run';

const CHUNK = 5000;
const APPLY_CHUNK = 2000;

export async function loadHistory(tx: Drizzle, importId: number, path: string, now: number, apply: Apply): Promise<Loaded & { rows: number }> {
  await createHistoryRows(tx);
  const reader = parseInWorker({ path, chunkSize: CHUNK });
  let next = await reader.next();
  while (!next.done) {
    await addHistoryRows(tx, next.value.json);
    next = await reader.next();
  }
  const read = next.value;
  if (read.errors.length > 0) throw new ImportRefused(read.errors);
  await refuseWhatTheApiRefuses(tx);
  await markSuppressedCustomers(tx);
  await upsertHistoryCustomers(tx, now);
  await ensureHistoryContent(tx, now);
  await fillDeliveredQuotes(tx, now);
  const inserted = await insertSuppressedHistory(tx, importId, await getRules(tx), now);
  await linkHistoryContent(tx, importId);
  let applied = 0;
  for (let after = 0; ; ) {
    const rows = await undecidedRowsAfter(tx, after, APPLY_CHUNK);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.line;
    applied += rows.length;
    await apply(rows.map(({ line, ...item }) => ({ line, item })));
  }
  await dropHistoryRows(tx);
  return { rows: read.rows, created: inserted, duplicates: read.rows - inserted - applied };
}

/** Unknown reps, then retries that differ from what was received first (stored, or earlier in the file). */
async function refuseWhatTheApiRefuses(tx: Drizzle): Promise<void> {
  const unknown = await unknownRepRows(tx, MAX_ERRORS);
  if (unknown.length > 0) {
    throw new ImportRefused(unknown.map((r) => ({ line: r.line, column: 'repEmail', value: '', message: `no rep with email ${r.repEmail}; create the rep first (POST /api/v1/reps)` })));
  }
  const conflicts = [...(await markExisting(tx, MAX_ERRORS)), ...(await repeatsThatDiffer(tx, MAX_ERRORS))].sort((a, b) => a.line - b.line).slice(0, MAX_ERRORS);
  if (conflicts.length > 0) {
    throw new ImportRefused(
      conflicts.map((c): ImportError => ({ line: c.line, column: '', value: '', message: `externalId ${c.externalId} was already received with different ${c.fields.join(', ')}` })),
    );
  }
}

/** Customers on the suppression list (kept as hashes: opt-outs outlive erasure) are marked, page by page. */
async function markSuppressedCustomers(tx: Drizzle): Promise<void> {
  const [any] = await rowsOf(tx, sql`SELECT EXISTS (SELECT 1 FROM suppression_list) AS n`);
  if (!Number(any?.n)) return;
  for (let after = ''; ; ) {
    const emails = await customerEmailsAfter(tx, after, CHUNK);
    if (emails.length === 0) return;
    after = emails[emails.length - 1]!;
    const hashes = new Map(emails.map((email) => [hashEmail(email), email]));
    const listed = await getSuppressedHashes(tx, [...hashes.keys()]);
    await markSuppressed(tx, [...listed].map((hash) => hashes.get(hash)!));
  }
}
