/**
 * WAL checkpoints off the main thread. The embedded file's writer commits with
 * synchronous=NORMAL and no automatic checkpoint (db/client.ts); its commits are made
 * durable by an fsync of the WAL on libuv's thread pool, and this worker thread — with its
 * own connection — copies committed pages back into the database file (PASSIVE: it never
 * waits for readers or the writer, and never blocks them). On the main thread a large
 * import's commit would otherwise stall every request for the checkpoint of everything it
 * wrote (about 120 ms for 120,000 interactions here), and so would its fsync.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 250;

// Runs as CommonJS or as a module (an eval worker inherits --input-type from the process), so no bare require.
const WORKER = `
const builtin = (name) => process.getBuiltinModule(name);
const { workerData, parentPort } = builtin('node:worker_threads');
const Database = builtin('node:module').createRequire(workerData.libsql)(workerData.libsql);
// A background thread: lower its priority (Linux; see src/lib/background-thread.ts).
try { builtin('node:os').setPriority(Number(builtin('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), 10); } catch {}
const db = new Database(workerData.path);
db.exec('PRAGMA busy_timeout=0');
const timer = setInterval(() => {
  try {
    db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch {
    // Busy (another process's checkpoint) or the file is going away: the next turn tries again.
  }
}, workerData.intervalMs);
// Stopping closes the connection before the thread ends: a terminated thread leaves its
// native connection open, and the file stays locked for the rest of the process.
parentPort.once('message', () => {
  clearInterval(timer);
  try { db.close(); } catch {}
  parentPort.postMessage('closed');
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(path: string): Checkpointer {
  const libsql = createRequire(import.meta.url).resolve('libsql');
  const worker = new Worker(WORKER, { eval: true, workerData: { path, libsql, intervalMs: INTERVAL_MS } });
  // It must never keep the process alive, and a crash in it must not take the server down.
  worker.unref();
  worker.on('error', (error) => console.error(`[db] checkpointer stopped: ${error.message}`));
  return {
    async stop() {
      const closed = new Promise<void>((resolve) => {
        worker.once('message', () => resolve());
        worker.once('exit', () => resolve());
        worker.once('error', () => resolve());
      });
      worker.postMessage('stop');
      // A thread stuck in a checkpoint gets two seconds before it is ended as it is.
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
      await worker.terminate();
    },
  };
}
