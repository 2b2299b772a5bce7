/**
 * Reads and validates a history import's CSV on a worker thread (parse-worker.ts), so
 * that parsing and checking the file (about half of a 1,000,000-row import's CPU) runs
 * on the second core while this thread writes. Yields each chunk's JSON as it arrives;
 * returns what readValidRows found (rows, errors).
 */
import { Worker } from 'node:worker_threads';
import type { ReadResult } from './validate';

export interface WorkerInput {
  path: string;
  chunkSize: number;
  /** Chunks the worker may have handed over that this thread has not taken yet. */
  inFlight: number;
  /** Rep ids by address (the main thread read them in its write). */
  reps: [email: string, id: number][];
}
export type ToWorker = { type: 'credit' };
export interface UnknownRep {
  line: number;
  repEmail: string;
}
/** A chunk: its rows as JSON tuples (HISTORY_COLUMNS), its distinct content ids as a JSON array, the rows naming no known rep. */
export interface Chunk {
  json: string;
  contentIds: string;
  unknownReps: UnknownRep[];
  rows: number;
}
export type FromWorker = ({ type: 'chunk' } & Chunk) | { type: 'end'; result: ReadResult };

/** The worker runs TypeScript like the rest (tsx), registered in the worker before its module loads. */
function startWorker(input: WorkerInput): Worker {
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./parse-worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  // The reader makes a few short-lived objects per row: with a 64 MB young generation its
  // collections took 0.3 s of a 1,000,000-row file instead of 1.9 s (V8's default, measured
  // with --cpu-prof), and on this 2-core machine the reader's CPU slows the writer's.
  return new Worker(boot, { eval: true, workerData: input, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
}

export async function* parseInWorker(input: WorkerInput): AsyncGenerator<Chunk, ReadResult> {
  const worker = startWorker(input);
  const queue: FromWorker[] = [];
  let failure: unknown;
  let notify: (() => void) | undefined;
  const wakeUp = () => {
    notify?.();
    notify = undefined;
  };
  worker.on('message', (message: FromWorker) => {
    queue.push(message);
    wakeUp();
  });
  worker.on('error', (error) => {
    failure = error;
    wakeUp();
  });
  worker.on('exit', (code) => {
    // Its messages come before its exit: an exit still waited on is a reader that stopped early.
    failure ??= new Error(`the import's reader stopped (exit ${code})`);
    wakeUp();
  });
  try {
    for (;;) {
      const message = queue.shift();
      if (!message) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (notify = resolve));
        continue;
      }
      if (message.type === 'end') return message.result;
      const { json, contentIds, unknownReps, rows } = message;
      yield { json, contentIds, unknownReps, rows };
      worker.postMessage({ type: 'credit' } satisfies ToWorker);
    }
  } finally {
    await worker.terminate();
  }
}
