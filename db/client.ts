/**
 * Opens the database for any libSQL URL and owns the write path.
 *
 * - `file:` (and `:memory:`, served from a private temporary file): two single-connection
 *   clients on the same WAL file, a reader (query_only) and a writer that only the
 *   in-process write queue uses. The queue runs the write functions that gathered in one
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
import { LibsqlError, type Client, type InStatement, type ResultSet, type Transaction } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch';
import * as schema from './schema';
import { createSqliteClient } from './sqlite-client';
import { startCheckpointer } from './checkpointer';
import { DatabaseUnavailableError } from './errors';
import { isServerUnavailable, openServerLink } from './server-link';
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

const MAX_GROUP = 512;
/** The most statements one server batch carries (a few hundred submits). */
const MAX_BATCH_STATEMENTS = 2048;

/** The codes and messages of an error and its causes (drizzle wraps the driver's error). */
function describeError(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e instanceof LibsqlError) parts.push(e.code, e.extendedCode ?? '');
    parts.push(e.message);
  }
  return parts.join(' ');
}

export function isBusyError(error: unknown): boolean {
  // SERVER_UNAVAILABLE: a libSQL server past its deadline or shedding load (db/server-link.ts).
  return /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database is busy|SERVER_UNAVAILABLE/i.test(describeError(error));
}

export function isDiskFullError(error: unknown): boolean {
  return /SQLITE_FULL|database or disk is full|SQLITE_IOERR/i.test(describeError(error));
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** fsync on libuv's thread pool: the main thread serves requests meanwhile. */
async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
const bind = (client: Client | Transaction): Drizzle =>
  // drizzle's libSQL session only calls execute() and batch() outside db.transaction(), which
  // our write functions never use: a Transaction serves as its client.
  drizzle(client as unknown as Client, { schema });

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

const backoff = (attempt: number) => Math.min(250, 5 * 2 ** attempt) * (0.5 + Math.random());

/**
 * Retries `op` while another process holds the lock, up to `deadline` ms from `started`, then
 * throws 503. `waitForServer`: also while a libSQL server does not answer (at startup).
 */
export async function withBusyRetry<T>(
  op: () => Promise<T>,
  deadline: number,
  { started = Date.now(), waitForServer = true } = {},
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await op();
    } catch (error) {
      if (!isBusyError(error) || (!waitForServer && isServerUnavailable(error))) throw error;
      if (Date.now() - started > deadline) throw new DatabaseUnavailableError('busy');
      await sleep(backoff(attempt));
    }
  }
}

interface Job {
  fn: (tx: Drizzle) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  enqueuedAt: number;
}

/** Statements for a server's batch: no reads in between, so no round trip of their own. */
interface StatementsJob {
  list: InStatement[];
  resolve: (value: ResultSet[]) => void;
  reject: (error: unknown) => void;
  enqueuedAt: number;
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

interface QueueOptions {
  deadline: number;
  onGroupCommit?: ((size: number) => void) | undefined;
  /** Makes a committed group durable before it is acknowledged (the file's WAL fsync). */
  afterCommit?: (() => Promise<void>) | undefined;
  /**
   * True for the embedded file: the writer is one connection, and its transaction is the
   * connection's (one long-lived drizzle instance over it). False for a server: each group's
   * transaction is its own stream, and jobs run on it.
   */
  sharedConnection: boolean;
  /** Jobs that may wait at once; beyond it, enqueue fails with 503 (unbounded if not set). */
  maxPending?: number | undefined;
}

class WriteQueue {
  #pending: Job[] = [];
  #statements: StatementsJob[] = [];
  #running: Promise<void> | undefined;
  /** The writer connection holds a statement refused with SQLITE_BUSY (see #begin). */
  #stale = false;
  readonly #db: Drizzle | undefined;
  private readonly deadline: number;

  constructor(
    private readonly writer: Client,
    private readonly options: QueueOptions,
  ) {
    this.deadline = options.deadline;
    this.#db = options.sharedConnection ? bind(writer) : undefined;
  }

  enqueue<T>(fn: (tx: Drizzle) => Promise<T>): Promise<T> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    return new Promise<T>((resolve, reject) => {
      this.#pending.push({ fn, resolve: resolve as (value: unknown) => void, reject, enqueuedAt: Date.now() });
      this.#schedule();
    });
  }

  /** Server only: statements that join the next batch round trip. */
  enqueueStatements(list: InStatement[]): Promise<ResultSet[]> {
    const refused = this.#refusal();
    if (refused) return Promise.reject(refused);
    return new Promise<ResultSet[]>((resolve, reject) => {
      this.#statements.push({ list, resolve, reject, enqueuedAt: Date.now() });
      this.#schedule();
    });
  }

  #refusal(): DatabaseUnavailableError | undefined {
    const limit = this.options.maxPending;
    if (limit === undefined || this.#pending.length + this.#statements.length < limit) return undefined;
    return new DatabaseUnavailableError('overloaded', `More than ${limit} writes are waiting. Try again shortly.`);
  }

  #schedule(): void {
    this.#running ??= new Promise<void>((done) => setImmediate(done)).then(() => this.#drain());
  }

  async drained(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async #drain(): Promise<void> {
    try {
      while (this.#pending.length > 0 || this.#statements.length > 0) {
        if (this.#statements.length > 0) await this.#runBatches(this.#takeStatements());
        if (this.#pending.length > 0) await this.#runGroup(this.#pending.splice(0, MAX_GROUP));
      }
    } finally {
      this.#running = undefined;
      if (this.#pending.length > 0 || this.#statements.length > 0) this.#running = this.#drain();
    }
  }

  /** The waiting statement jobs, up to MAX_BATCH_STATEMENTS statements (at least one job). */
  #takeStatements(): StatementsJob[] {
    let count = 0;
    let n = 0;
    while (n < this.#statements.length && (n === 0 || count + this.#statements[n]!.list.length <= MAX_BATCH_STATEMENTS))
      count += this.#statements[n++]!.list.length;
    return this.#statements.splice(0, n);
  }

  /**
   * One round trip for the group: all its statements as one server batch (a transaction
   * of its own on the server). A batch has no savepoints: when it fails on a statement, each
   * job runs again alone, so one bad request fails alone. Another instance holding the
   * server's lock is waited out with backoff, up to the write deadline.
   */
  async #runBatches(group: StatementsJob[]): Promise<void> {
    const send = (list: InStatement[]) =>
      // A server past its deadline has been waited for already (db/server-link.ts): 503 now.
      withBusyRetry(() => this.writer.batch(list, 'write'), this.deadline, {
        started: Math.min(...group.map((j) => j.enqueuedAt)),
        waitForServer: false,
      });
    if (group.length > 1) {
      try {
        const results = await send(group.flatMap((job) => job.list));
        let at = 0;
        for (const job of group) {
          job.resolve(results.slice(at, at + job.list.length));
          at += job.list.length;
        }
        this.options.onGroupCommit?.(group.length);
        return;
      } catch (error) {
        if (isBusyError(error) || isServerUnavailable(error)) {
          const failure = mapStorageError(error);
          for (const job of group) job.reject(failure);
          return;
        }
        // A statement failed: nothing of the batch was kept; find whose it was.
      }
    }
    for (const job of group) {
      try {
        job.resolve(await send(job.list));
        this.options.onGroupCommit?.(1);
      } catch (error) {
        job.reject(mapStorageError(error));
      }
    }
  }

  async #begin(group: Job[]): Promise<Transaction | undefined> {
    const oldest = Math.min(...group.map((job) => job.enqueuedAt));
    for (let attempt = 0; ; attempt++) {
      try {
        if (this.#stale) {
          // A statement refused with SQLITE_BUSY stays "in progress" on its connection until it
          // is garbage-collected, and meanwhile SQLite refuses SAVEPOINT ("cannot open savepoint -
          // SQL statements in progress"): the next transaction starts on a fresh connection.
          this.writer.reconnect();
          await applyWriterPragmas(this.writer);
          this.#stale = false;
        }
        return await this.writer.transaction('write');
      } catch (error) {
        if (isBusyError(error) && this.options.sharedConnection) this.#stale = true;
        // A server that does not answer is not waited out here: its link has already waited.
        if (isBusyError(error) && !isServerUnavailable(error) && Date.now() - oldest < this.deadline) {
          await sleep(backoff(attempt));
          continue;
        }
        const failure = isBusyError(error) ? new DatabaseUnavailableError('busy') : mapStorageError(error);
        for (const job of group) job.reject(failure);
        return undefined;
      }
    }
  }

  async #runGroup(group: Job[]): Promise<void> {
    const tx = await this.#begin(group);
    if (!tx) return;
    // Embedded: statements through the writer run inside the group's transaction, and one
    // long-lived drizzle instance over it lets hot paths reuse prepared queries across groups.
    const db = this.#db ?? bind(tx);
    const done: { job: Job; value: unknown }[] = [];
    const rejected = new Set<Job>();
    // A job alone in its group needs no savepoint: the transaction is its own. (A savepoint
    // also keeps every page the job changes in a sub-journal until released: an import's
    // million-row publish would hold hundreds of megabytes there.)
    const alone = group.length === 1;
    try {
      for (const job of group) {
        if (alone) {
          try {
            done.push({ job, value: await job.fn(db) });
          } catch (error) {
            rejected.add(job);
            job.reject(mapStorageError(error));
            await tx.rollback();
            return;
          }
          continue;
        }
        await tx.execute('SAVEPOINT job');
        try {
          const value = await job.fn(db);
          await tx.execute('RELEASE job');
          done.push({ job, value });
        } catch (error) {
          await tx.execute('ROLLBACK TO job');
          await tx.execute('RELEASE job');
          job.reject(mapStorageError(error));
          rejected.add(job);
        }
      }
      await tx.commit();
      await this.options.afterCommit?.();
      this.options.onGroupCommit?.(group.length);
    } catch (error) {
      // The transaction itself failed (disk full, I/O, a savepoint refused): nothing of this
      // group is kept, and every request of it not answered yet gets the failure — also those
      // whose turn had not come, or they would wait forever.
      if (isBusyError(error) && this.options.sharedConnection) this.#stale = true;
      const failure = mapStorageError(error);
      for (const job of group) if (!rejected.has(job)) job.reject(failure);
      return;
    } finally {
      tx.close();
    }
    for (const { job, value } of done) job.resolve(value);
  }
}

/** Storage failures a client can do nothing about become DatabaseUnavailableError (a 503), with a clear log line. */
function mapStorageError(error: unknown): unknown {
  if (isBusyError(error)) return new DatabaseUnavailableError('busy');
  if (isDiskFullError(error)) {
    console.error(`[db] write failed, storage unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return new DatabaseUnavailableError('storage');
  }
  return error;
}
