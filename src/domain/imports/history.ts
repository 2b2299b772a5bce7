/**
 * The CLI's import of interactions into an embedded database (a CRM's history: often a
 * million rows, nearly all too old to survey). A worker thread reads and validates the
 * file while this thread publishes it a chunk at a time: the chunk's rows go into a TEMP
 * table, and one statement per step refuses unknown reps and conflicting retries,
 * upserts the customers and content, fills in delivered quotes and inserts every row the
 * rules suppress outright; rows that may be surveyed go through the API's own code
 * (`apply`). Chunk after chunk, as the API would take them, all inside the caller's
 * write. Refusals are reported as the web upload reports them: invalid rows first (the
 * whole file is read), then the first chunk's refusal.
 */
import type { Drizzle } from '../../../db/client';
import type { ImportError } from '../../../db/queries/imports';
import {
  addHistoryRows, clearHistoryRows, createHistoryRows, customerEmails, dropHistoryRows, ensureHistoryContent, fillDeliveredQuotes, insertSuppressedHistory,
  linkHistoryContent, listReps, markExisting, markSuppressed, repeatsThatDiffer, undecidedRows, unknownRepRows, upsertHistoryCustomers, type Conflict,
} from '../../../db/queries/history-rows';
import { getSuppressedHashes } from '../../../db/queries/customers';
import { getRules } from '../../../db/queries/survey-rules';
import { countOptedOutCustomers, countSuppressionListEntries } from '../../../db/queries/suppressions';
import { changedRetryMessage, unknownRepMessage } from '../interactions';
import { hashEmail } from '../../lib/tokens';
import { parseInWorker } from './parse-in-worker';
import { ImportRefused, MAX_ERRORS } from './validate';
import type { Apply, Loaded } from './run';

/**
 * Rows published by each round of statements: larger rounds cost less per row (the
 * customers of 50,000 rows, sorted by address, share index pages: 5.2 s for the
 * customers of 1,000,000 rows against 8.1 s in rounds of 5,000), and only the TEMP
 * table holds them — a few megabytes. HISTORY_IMPORT_ROUND_ROWS sets smaller rounds: the
 * tests use a few rows, so that a small file has rows meeting across rounds.
 */
const ROUND = Number(process.env.HISTORY_IMPORT_ROUND_ROWS) || 50_000;
/** Rows the worker hands over at a time (what is in flight between the threads). */
const CHUNK = Math.min(5000, ROUND);

export async function loadHistory(tx: Drizzle, importId: number, path: string, now: number, apply: Apply): Promise<Loaded & { rows: number }> {
  await createHistoryRows(tx);
  const rules = await getRules(tx);
  // Neither can change during the import: it holds the write lock.
  const suppressionList = (await countSuppressionListEntries(tx)) > 0;
  const optedOut = (await countOptedOutCustomers(tx)) > 0;
  let inserted = 0;
  let applied = 0;
  let refused: ImportRefused | undefined;

  /** Publishes the rows gathered in the TEMP table, then empties it. */
  const publish = async (rows: number) => {
    try {
      const existing = await refuseWhatTheApiRefuses(tx);
      if (suppressionList) await markSuppressedCustomers(tx);
      await upsertHistoryCustomers(tx, now);
      if (existing > 0) await fillDeliveredQuotes(tx, now);
      const insertedHere = await insertSuppressedHistory(tx, importId, rules, now, optedOut);
      inserted += insertedHere;
      await linkHistoryContent(tx, importId);
      const undecided = await undecidedRows(tx, rules, now);
      // Rows neither inserted, known before, nor left to decide repeat an earlier line: compare them.
      if (insertedHere + existing + undecided.length < rows) {
        const repeats = await repeatsThatDiffer(tx, MAX_ERRORS);
        if (repeats.length > 0) throw new ImportRefused(conflictErrors(repeats));
      }
      applied += undecided.length;
      if (undecided.length > 0) await apply(undecided.map(({ line, ...item }) => ({ line, item })));
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      refused = error;
    }
    await clearHistoryRows(tx);
  };

  // The worker may read a whole round ahead, so that it keeps reading while a round is published.
  const reader = parseInWorker({ path, chunkSize: CHUNK, inFlight: Math.ceil(ROUND / CHUNK) + 2, reps: await listReps(tx) });
  let gathered = 0;
  let next = await reader.next();
  for (; !next.done; next = await reader.next()) {
    if (refused) continue; // read on: invalid rows further down are reported first
    await addHistoryRows(tx, next.value.json);
    await ensureHistoryContent(tx, next.value.contentIds, now);
    gathered += next.value.rows;
    if (gathered >= ROUND) {
      await publish(gathered);
      gathered = 0;
    }
  }
  if (gathered > 0 && !refused) await publish(gathered);
  await dropHistoryRows(tx);
  const read = next.value;
  if (read.errors.length > 0) throw new ImportRefused(read.errors);
  if (refused) throw refused;
  return { rows: read.rows, created: inserted, duplicates: read.rows - inserted - applied };
}

const conflictErrors = (conflicts: Conflict[]): ImportError[] =>
  conflicts.map((c) => ({ line: c.line, column: '', value: '', message: changedRetryMessage(c.externalId, c.fields) }));

/** Unknown reps, then retries that differ from what was stored; returns how many rows were received before. */
async function refuseWhatTheApiRefuses(tx: Drizzle): Promise<number> {
  const unknown = await unknownRepRows(tx, MAX_ERRORS);
  if (unknown.length > 0) {
    throw new ImportRefused(unknown.map((r) => ({ line: r.line, column: 'repEmail', value: '', message: unknownRepMessage(r.repEmail) })));
  }
  const { existing, conflicts } = await markExisting(tx, MAX_ERRORS);
  if (conflicts.length > 0) throw new ImportRefused(conflictErrors(conflicts));
  return existing;
}

/** Customers on the suppression list (kept as hashes: opt-outs outlive erasure) are marked. */
async function markSuppressedCustomers(tx: Drizzle): Promise<void> {
  const hashes = new Map((await customerEmails(tx)).map((email) => [hashEmail(email), email]));
  const listed = await getSuppressedHashes(tx, [...hashes.keys()]);
  await markSuppressed(tx, [...listed].map((hash) => hashes.get(hash)!));
}
