/**
 * Worker thread of a history import (src/domain/imports/parse-in-worker.ts): reads and
 * validates the interactions CSV while the main thread writes, and hands over each chunk
 * of valid rows as one JSON text of flat tuples (HISTORY_COLUMNS), which SQLite takes
 * with a single bound value, with what can be settled here: the rep's id (from the reps
 * the main thread read in its write; rows naming no known rep are listed apart), the
 * customer and content keys, and the chunk's distinct content ids. At most `inFlight`
 * chunks wait for the main thread, so memory stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { InteractionInput } from '../inputs';
import { contentKey, customerKey } from '../interaction-keys';
import { readValidRows, type ValidRow } from './validate';
import type { FromWorker, ToWorker, UnknownRep, WorkerInput } from './parse-in-worker';

const port = parentPort!;
const input = workerData as WorkerInput;
const repIds = new Map(input.reps);
let credit = input.inFlight;
let wake: (() => void) | undefined;
port.on('message', (message: ToWorker) => {
  if (message.type === 'credit') {
    credit++;
    wake?.();
  }
});

/** One row as the columns of HISTORY_COLUMNS, in that order. */
function tuple(line: number, i: InteractionInput, repId: number | null): unknown[] {
  const c = i.customer;
  return [
    line,
    i.externalId,
    repId,
    c.email,
    c.name,
    c.locale,
    c.company,
    customerKey(c),
    i.type,
    i.occurredAt,
    i.quoteRequestedAt,
    i.quoteDeliveredAt,
    i.contentIds.length > 0 ? JSON.stringify(i.contentIds) : '',
    contentKey(i.contentIds),
  ];
}

/** Hands over one chunk once the main thread has room for it. */
async function handOver(rows: ValidRow[]): Promise<void> {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  const contentIds = new Set<string>();
  const unknownReps: UnknownRep[] = [];
  const tuples = rows.map((r) => {
    const item = r.item as InteractionInput;
    for (const id of item.contentIds) contentIds.add(id);
    const repId = repIds.get(item.repEmail) ?? null;
    if (repId === null) unknownReps.push({ line: r.line, repEmail: item.repEmail });
    return tuple(r.line, item, repId);
  });
  port.postMessage({
    type: 'chunk',
    json: JSON.stringify(tuples),
    contentIds: JSON.stringify([...contentIds]),
    unknownReps,
    rows: rows.length,
  } satisfies FromWorker);
}

// readValidRows hands on at least chunkSize rows at a time (what the reader had): cut to size.
const result = await readValidRows(
  'interactions',
  createReadStream(input.path),
  { plain: true },
  input.chunkSize,
  async (rows) => {
    for (let i = 0; i < rows.length; i += input.chunkSize) await handOver(rows.slice(i, i + input.chunkSize));
  },
);
port.postMessage({ type: 'end', result } satisfies FromWorker);
