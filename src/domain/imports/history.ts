/**
 * The CLI's import of interactions into an embedded database (a CRM's history: often a
 * million rows, nearly all too old to survey). A worker thread reads and validates the
 * file, and settles what needs no database (rep ids, keys), while this thread publishes
 * it a round at a time: the round's rows go into a TEMP table, and one statement per step
 * refuses conflicting retries, upserts the customers and content, fills in delivered
 * quotes and inserts every row the rules suppress outright; rows that may be surveyed go
 * through the API's own code (`apply`). Round after round, all inside the caller's write.
 * Refusals are reported as the web upload reports them: invalid rows first (the whole
 * file is read), then the first round's refusal (unknown reps, then retries that differ).
 */
import type { Drizzle } from '../../../db/client';
import type { ImportError } from '../../../db/queries/imports';
import {
  addHistoryRows,
  clearHistoryRows,
  createHistoryRows,
  customerEmails,
  dropHistoryRows,
  ensureHistoryContent,
  fillDeliveredQuotes,
  HISTORY_ROW_FACTS,
  insertSuppressedHistory,
  linkHistoryContent,
  listReps,
  markExcludedReps,
  markExisting,
  markSuppressed,
  repeatsThatDiffer,
  undecidedRows,
  upsertHistoryCustomers,
  type Conflict,
} from '../../../db/queries/history-rows';
import { getSuppressedHashes } from '../../../db/queries/customers';
import { getRules, suppressedOutrightSql } from '../survey-rules';
import { countOptedOutCustomers, countSuppressionListEntries } from '../../../db/queries/suppressions';
import { changedRetryMessage, unknownRepMessage } from '../interactions';
import { hashEmail } from '../../lib/tokens';
import { parseInWorker, type UnknownRep } from './parse-in-worker';
import { ImportRefused, MAX_ERRORS } from './validate';
import type { Apply, Loaded } from './write';
import type { ProgressListener } from './progress';

/**
 * `round`: rows published by each round of statements (IMPORT_ROUND_ROWS). Larger rounds
 * cost less per row — the customers of 50,000 rows, sorted by address, share index pages:
 * 5.2 s for the customers of 1,000,000 rows against 8.1 s in rounds of 5,000 — and only
 * the TEMP table holds them, a few megabytes. The tests use rounds of a few rows, so that
 * a small file has rows meeting across rounds.
 */
export async function loadHistory(
  tx: Drizzle,
  importId: number,
  path: string,
  now: number,
  round: number,
  apply: Apply,
  onProgress?: ProgressListener,
): Promise<Loaded & { rows: number }> {
  // Chunks (what is in flight between the threads) of at most 5,000 rows; the worker may
  // read a whole round ahead, so that it keeps reading while a round is published.
  const chunk = Math.min(5000, round);
  await createHistoryRows(tx);
  const rules = await getRules(tx);
  const outright = suppressedOutrightSql(rules.values(), now, HISTORY_ROW_FACTS);
  // Neither can change during the import: it holds the write lock.
  const suppressionList = (await countSuppressionListEntries(tx)) > 0;
  const optedOut = (await countOptedOutCustomers(tx)) > 0;
  const reps = await listReps(tx);
  const repEmails = new Map(reps.map(([email, id]) => [id, email]));
  const excluded = JSON.stringify(reps.filter(([, , isExcluded]) => isExcluded).map(([, id]) => id));
  let inserted = 0;
  let applied = 0;
  let refused: ImportRefused | undefined;

  /** Publishes the rows gathered in the TEMP table (`unknownReps`: those naming no known rep), then empties it. */
  const publish = async (rows: number, unknownReps: UnknownRep[]) => {
    try {
      if (unknownReps.length > 0) {
        throw new ImportRefused(
          unknownReps
            .slice(0, MAX_ERRORS)
            .map((r) => ({ line: r.line, column: 'repEmail', value: '', message: unknownRepMessage(r.repEmail) })),
        );
      }
      const { existing, conflicts } = await markExisting(tx, MAX_ERRORS);
      if (conflicts.length > 0) throw new ImportRefused(conflictErrors(conflicts));
      if (excluded !== '[]') await markExcludedReps(tx, excluded);
      if (suppressionList) await markSuppressedCustomers(tx);
      await upsertHistoryCustomers(tx, now);
      if (existing > 0) await fillDeliveredQuotes(tx, now);
      const insertedHere = await insertSuppressedHistory(tx, importId, outright, now, optedOut);
      inserted += insertedHere;
      await linkHistoryContent(tx, importId);
      const undecided = await undecidedRows(tx, outright);
      // Rows neither inserted, known before, nor left to decide repeat an earlier line: compare them.
      if (insertedHere + existing + undecided.length < rows) {
        const repeats = await repeatsThatDiffer(tx, MAX_ERRORS);
        if (repeats.length > 0) throw new ImportRefused(conflictErrors(repeats));
      }
      applied += undecided.length;
      if (undecided.length > 0)
        await apply(
          undecided.map(({ line, repId, ...item }) => ({ line, item: { ...item, repEmail: repEmails.get(repId)! } })),
        );
    } catch (error) {
      if (!(error instanceof ImportRefused)) throw error;
      refused = error;
    }
    await clearHistoryRows(tx);
  };

  const reader = parseInWorker({
    path,
    chunkSize: chunk,
    inFlight: Math.ceil(round / chunk) + 2,
    reps: reps.map(([email, id]) => [email, id]),
  });
  let gathered = 0;
  let published = 0;
  let unknownReps: UnknownRep[] = [];
  let next = await reader.next();
  for (; !next.done; next = await reader.next()) {
    if (refused) continue; // read on: invalid rows further down are reported first
    await addHistoryRows(tx, next.value.json);
    await ensureHistoryContent(tx, next.value.contentIds, now);
    gathered += next.value.rows;
    unknownReps = unknownReps.concat(next.value.unknownReps);
    if (gathered >= round) {
      await publish(gathered, unknownReps);
      published += gathered;
      if (!refused) onProgress?.({ checked: published, written: published });
      gathered = 0;
      unknownReps = [];
    }
  }
  if (gathered > 0 && !refused) await publish(gathered, unknownReps);
  await dropHistoryRows(tx);
  const read = next.value;
  if (read.errors.length > 0) throw new ImportRefused(read.errors);
  if (refused) throw refused;
  return { rows: read.rows, created: inserted, duplicates: read.rows - inserted - applied };
}

const conflictErrors = (conflicts: Conflict[]): ImportError[] =>
  conflicts.map((c) => ({ line: c.line, column: '', value: '', message: changedRetryMessage(c.externalId, c.fields) }));

/** Customers on the suppression list (kept as hashes: opt-outs outlive erasure) are marked. */
async function markSuppressedCustomers(tx: Drizzle): Promise<void> {
  const hashes = new Map((await customerEmails(tx)).map((email) => [hashEmail(email), email]));
  const listed = await getSuppressedHashes(tx, [...hashes.keys()]);
  await markSuppressed(
    tx,
    [...listed].map((hash) => hashes.get(hash)!),
  );
}
