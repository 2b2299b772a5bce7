/**
 * Opens the database for any libSQL URL and owns the write path.
 *
 * - `file:` (and `:memory:`, served from a private temporary file): two single-connection
 *   clients on the same WAL file, a reader (query_only) and a writer that only the
 *   in-process write queue (db/write-queue.ts) uses. It runs the write functions that gathered in one
 *   event-loop turn inside one `BEGIN IMMEDIATE` transaction, each under its own
 *   SAVEPOINT so one failing request rolls back only itself, and settles every request
 *   only after COMMIT and an fsync of the WAL (group commit; the fsync runs on libuv's
 *   thread pool and checkpoints on a worker thread, db/checkpointer.ts, so neither stalls
 *   the event loop). The busy timeout is 0: another process holding the lock is waited out
 *   asynchronously with backoff, up to the write deadline, then 503.
 * - remote (`libsql://`, `http(s)://`, `ws(s)://`): one client behind db/server-link.ts (a
 *   deadline on every request, reconnect with backoff, a bound on outstanding requests).
 *   Round trips are what cost here (about 7 ms each, and a server answers many small
 *   requests barely faster than one), so they are shared: the statement batches waiting
 *   in the queue go as one server batch, the write functions as one server transaction,
 *   and reads made in the same turn as one read batch (db/coalesce.ts). Writes beyond
 *   `maxPending` waiting ones are shed. A server that does not answer is a 503.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Client, InStatement, ResultSet } from '@libsql/client';
import type { LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import type * as schema from './schema';
import { createSqliteClient } from './sqlite-client';
import { startCheckpointer } from './checkpointer';
import { withBusyRetry } from './errors';
import { openServerLink } from './server-link';
import { bind, WriteQueue } from './write-queue';
import { gatheringReads } from './coalesce';

/** $client: the connection (or transaction) under it, for hot paths that skip query building. */
export type Drizzle = LibSQLDatabase<typeof schema> & { $client: Pick<Client, 'execute'> };

export interface Db {
  readonly kind: 'file' | 'remote';
  /** Reads: a connection that cannot write (file), or the server. */
  readonly read: Drizzle;
  readonly readClient: Client;
  /**
   * Runs `fn` atomically and resolves once it is durable. `fn` may only await the
   * database it is given (no network, no timers): on a file it shares a transaction with
   * other requests; against a server it may be run again after a busy error.
   */
  write<T>(fn: (tx: Drizzle) => Promise<T>): Promise<T>;
  /**
   * Runs statements that need no reads in between as one atomic batch: through the write
   * queue on a file, in one round trip (and one short lock) against a server.
   */
  batch<U extends BatchItem<'sqlite'>, T extends Readonly<[U, ...U[]]>>(
    build: (db: Drizzle) => T,
  ): Promise<BatchResponse<T>>;
  /**
   * The same for plain SQL (the hot paths): the statements run in order, atomically, and
   * resolve with one result each. Against a server, the requests that gather meanwhile go
   * to it as one batch (one round trip); their guards belong in the SQL (conditional
   * upserts, WHERE clauses, RETURNING).
   */
  statements(list: InStatement[]): Promise<ResultSet[]>;
  /** The raw client to use for migrations and maintenance (the writer on a file). */
  readonly adminClient: Client;
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DbOptions {
  url: string;
  authToken?: string | undefined;
  /** How long a write may wait for another process's lock before failing with 503. */
  writeDeadlineMs?: number;
  /** Test hook: observe each group commit's size. */
  onGroupCommit?: (size: number) => void;
  /** Server only: the deadline of each request to it, in ms (default 5000). */
  timeoutMs?: number;
  /** Server only: requests that may wait at once, reads and queued writes each; beyond it, 503 (default 200). */
  maxPending?: number;
  /** File only: run the checkpointer thread (default true; a second connection in the same process leaves it to the first). */
  checkpoints?: boolean;
}

/** fsync on libuv's thread pool: the main thread serves requests meanwhile. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
export async function createDb(options: DbOptions): Promise<Db> {
  const deadline = options.writeDeadlineMs ?? 5000;
  if (options.url === ':memory:' || options.url.startsWith('file:')) return openFile(options, deadline);
  return openRemote(options, deadline);
}

async function openFile(options: DbOptions, deadline: number): Promise<Db> {
  let tempDir: string | undefined;
  let path: string;
  if (options.url === ':memory:' || options.url === 'file::memory:') {
    tempDir = mkdtempSync(join(tmpdir(), 'cpi-lens-mem-'));
    path = join(tempDir, 'db.sqlite');
  } else {
    path = options.url.slice('file:'.length).replace(/^\/\/(?=\/)/, '');
    mkdirSync(dirname(path), { recursive: true });
  }
  const writer = createSqliteClient(path, { timeout: 0 });
  await withBusyRetry(() => writer.execute('PRAGMA journal_mode=WAL'), deadline);
  await applyWriterPragmas(writer);
  const reader = createSqliteClient(path, { timeout: 50 });
  await reader.execute('PRAGMA foreign_keys=ON');
  await reader.execute('PRAGMA query_only=ON');

  const checkpointer = options.checkpoints === false ? undefined : startCheckpointer(path);
  const queue = new WriteQueue(writer, {
    deadline,
    onGroupCommit: options.onGroupCommit,
    sharedConnection: true,
    afterCommit: () => syncFile(`${path}-wal`),
    prepareConnection: applyWriterPragmas,
  });
  return {
    kind: 'file',
    read: bind(reader),
    readClient: reader,
    adminClient: writer,
    write: (fn) => queue.enqueue(fn),
    batch: (build) => queue.enqueue((tx) => tx.batch(build(tx))),
    statements: (list) => queue.enqueue((tx) => executeInOrder(tx.$client, list)),
    ping: () => pingClient(reader),
    async close() {
      await queue.drained();
      await checkpointer?.stop();
      reader.close();
      writer.close();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    },
  };
}

async function openRemote(options: DbOptions, deadline: number): Promise<Db> {
  const maxPending = options.maxPending ?? 200;
  const client = openServerLink({
    config: options.authToken === undefined ? { url: options.url } : { url: options.url, authToken: options.authToken },
    timeoutMs: options.timeoutMs ?? 5000,
    maxPending,
  });
  // Group commit here too, so this instance's writes queue behind each other instead of
  // colliding on the server's lock and backing off: the batches that gathered go to the
  // server as one batch (one round trip), the write functions as one server transaction (a
  // savepoint each); another instance holding the lock is waited out with backoff.
  const queue = new WriteQueue(client, {
    deadline,
    onGroupCommit: options.onGroupCommit,
    sharedConnection: false,
    maxPending,
  });
  // Drizzle's batch builds its statements and hands them to its client's batch(): here that
  // joins the queue's next round trip, and drizzle maps the results as usual.
  const joining = bind({
    batch: (list: InStatement[]) => queue.enqueueStatements(list),
  } as unknown as Client);
  // Reads made in the same turn share a round trip (db/coalesce.ts).
  const reader = gatheringReads(client);
  return {
    kind: 'remote',
    read: bind(reader),
    readClient: reader,
    adminClient: client,
    write: (fn) => queue.enqueue(fn),
    batch: (build) => joining.batch(build(joining)),
    statements: (list) => queue.enqueueStatements(list),
    ping: () => pingClient(client),
    async close() {
      await queue.drained();
      client.close();
    },
  };
}

async function pingClient(client: Client): Promise<boolean> {
  try {
    await client.execute('SELECT 1');
    return true;
  } catch {
    return false;
  }
}

async function executeInOrder(client: Pick<Client, 'execute'>, list: InStatement[]): Promise<ResultSet[]> {
  const results: ResultSet[] = [];
  for (const statement of list) results.push(await client.execute(statement));
  return results;
}

/**
 * The writer's per-connection settings (journal_mode=WAL is the file's and persists).
 * synchronous=NORMAL: a commit does not fsync on this thread; the write queue fsyncs the
 * WAL on the thread pool before it acknowledges anything (as durable as FULL). No automatic
 * checkpoint: db/checkpointer.ts runs them on a worker thread.
 */
async function applyWriterPragmas(writer: Client): Promise<void> {
  await writer.execute('PRAGMA synchronous=NORMAL');
  await writer.execute('PRAGMA wal_autocheckpoint=0');
  await writer.execute('PRAGMA foreign_keys=ON');
  await writer.execute('PRAGMA busy_timeout=0');
  // 32 MB of page cache (SQLite's default is 2 MB): a large import's index pages stay in memory.
  await writer.execute('PRAGMA cache_size=-32768');
}
