/**
 * The write queue (docs/architecture.md, "Storage"): the writes that gather while one group
 * runs go together in the next — write functions as one transaction with a savepoint each
 * (group commit), and, against a server, statement batches as one server batch (one round
 * trip; a failing one re-runs its requests one by one so it fails alone).
 */
import type { Client, InStatement, ResultSet, Transaction } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema';
import type { Drizzle } from './client';
import { backoff, DatabaseUnavailableError, isBusyError, mapStorageError, sleep, withBusyRetry } from './errors';
import { isServerUnavailable } from './server-link';

const MAX_GROUP = 512;
/** The most statements one server batch carries (a few hundred submits). */
const MAX_BATCH_STATEMENTS = 2048;

export const bind = (client: Client | Transaction): Drizzle =>
  // drizzle's libSQL session only calls execute() and batch() outside db.transaction(), which
  // our write functions never use: a Transaction serves as its client.
  drizzle(client as unknown as Client, { schema });

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
  /** Sets a reopened writer connection up again (the file's pragmas). */
  prepareConnection?: ((writer: Client) => Promise<void>) | undefined;
  /** Jobs that may wait at once; beyond it, enqueue fails with 503 (unbounded if not set). */
  maxPending?: number | undefined;
}

export class WriteQueue {
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
          await this.options.prepareConnection?.(this.writer);
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
