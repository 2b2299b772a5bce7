/**
 * Worker thread of a history import (src/domain/imports/parse-in-worker.ts): reads and
 * validates the interactions CSV while the main thread writes, and hands over each chunk
 * of valid rows as one JSON text of flat tuples (HISTORY_COLUMNS), which SQLite takes
 * with a single bound value. At most IN_FLIGHT chunks wait for the main thread, so
 * memory stays flat whatever the file's size.
 */
import { createReadStream } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { InteractionInput } from '../inputs';
import { contentKey, customerKey } from '../interaction-keys';
import { readValidRows } from './validate';
import type { FromWorker, ToWorker, WorkerInput } from './parse-in-worker';

const IN_FLIGHT = 3;
const port = parentPort!;
const input = workerData as WorkerInput;
let credit = IN_FLIGHT;
let wake: (() => void) | undefined;
port.on('message', (message: ToWorker) => {
  if (message.type === 'credit') {
    credit++;
    wake?.();
  }
});

/** One row as the columns of HISTORY_COLUMNS, in that order. */
function tuple(line: number, i: InteractionInput): unknown[] {
  const c = i.customer;
  return [
    line, i.externalId, i.repEmail, c.email, c.name, c.locale, c.company, customerKey(c), i.type, i.occurredAt, i.quoteRequestedAt, i.quoteDeliveredAt,
    i.contentIds.length > 0 ? JSON.stringify(i.contentIds) : '', contentKey(i.contentIds),
  ];
}

const result = await readValidRows('interactions', createReadStream(input.path), { plain: true }, input.chunkSize, async (rows) => {
  while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
  credit--;
  const json = JSON.stringify(rows.map((r) => tuple(r.line, r.item as InteractionInput)));
  port.postMessage({ type: 'chunk', json, rows: rows.length } satisfies FromWorker);
});
port.postMessage({ type: 'end', result } satisfies FromWorker);
