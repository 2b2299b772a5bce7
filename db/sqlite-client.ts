/**
 * The embedded-file connection: the `@libsql/client` interface (what drizzle and our code
 * call) over one `libsql` Database, with a cache of prepared statements. Values, rows,
 * result sets and errors are @libsql/client's own (db/sqlite-client-shapes.ts); the
 * differences are kept on purpose and listed in test/db/client-differential.test.ts.
 *
 * Why: `@libsql/client` prepares every statement again on each call; with the CPI triggers
 * compiled into every write on responses and invitations, preparing was a third of a survey
 * submit's CPU time (measured: `node --cpu-prof` on the server under `npm run bench -- submit`;
 * `npm run bench -- client` compares the two clients, BENCHMARKS.md).
 *
 * One connection, unlike @libsql/client's pool: an open transaction is the connection's, so
 * the write queue (db/client.ts) runs its drizzle instance over the client inside it, and a
 * batch inside it joins it instead of opening its own.
 *
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) runs uncached through exec(): a
 * statement refused with SQLITE_BUSY stays "in progress" in this binding, so a cached one
 * is dropped from the cache when it fails that way.
 */
import Database from 'libsql';
import {
  type Client,
  type InArgs,
  type InStatement,
  type IntMode,
  LibsqlBatchError,
  LibsqlError,
  type Replicated,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';
import { batchError, mapSqliteError, rowMaker, SqliteResultSet, toSqlValue } from './sqlite-client-shapes';

type LibsqlDatabase = InstanceType<typeof Database>;
type Statement = ReturnType<LibsqlDatabase['prepare']>;

interface Prepared {
  stmt: Statement;
  returnsData: boolean;
  columns: string[];
  columnTypes: string[];
  toRow: (values: unknown[]) => Row;
}

interface SqliteClientOptions {
  /** Busy timeout in milliseconds (0: a locked database fails at once with SQLITE_BUSY). */
  timeout?: number;
  /** How integers come back, as @libsql/client's `intMode` (default 'number'). */
  intMode?: IntMode;
}

const CACHE_SIZE = 256;
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

const isBusy = (error: unknown) =>
  error instanceof Error &&
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`);

const clientClosed = () => new LibsqlError('The client is closed', 'CLIENT_CLOSED');

function beginFor(mode: TransactionMode): string {
  if (mode === 'write') return 'BEGIN IMMEDIATE';
  if (mode === 'read') return 'BEGIN TRANSACTION READONLY';
  if (mode === 'deferred') return 'BEGIN DEFERRED';
  throw new RangeError('Unknown transaction mode, supported values are "write", "read" and "deferred"');
}

const normalise = (stmt: InStatement | [string, InArgs?]): InStatement =>
  Array.isArray(stmt) ? { sql: stmt[0], args: stmt[1] ?? [] } : stmt;

class Connection {
  db: LibsqlDatabase;
  readonly cache = new Map<string, Prepared>();

  constructor(
    readonly path: string,
    readonly timeout: number,
    readonly intMode: IntMode,
  ) {
    this.db = this.#open();
  }

  #open(): LibsqlDatabase {
    return new Database(this.path, { timeout: this.timeout } as ConstructorParameters<typeof Database>[1]);
  }

  /**
   * Drops the cached statements, then closes. libsql has no finalize(): the file is let go
   * (and with it the WAL's shared lock) once the statements are garbage-collected, so
   * nothing here may keep one.
   */
  close() {
    this.cache.clear();
    if (this.db.open) this.db.close();
  }

  reopen() {
    this.close();
    this.db = this.#open();
  }

  /** True only on an open connection (reading inTransaction on a closed one aborts the process). */
  get inTransaction(): boolean {
    return this.db.open && this.db.inTransaction;
  }

  prepared(sql: string): Prepared {
    const hit = this.cache.get(sql);
    if (hit) {
      // Keep the most recently used at the end (Map order is insertion order).
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return hit;
    }
    const stmt = this.db.prepare(sql);
    stmt.safeIntegers(true);
    let returnsData = true;
    try {
      stmt.raw(true);
    } catch {
      returnsData = false; // raw() refuses statements that return no data
    }
    const columns = returnsData ? stmt.columns().map((c) => c.name) : [];
    const columnTypes = returnsData ? stmt.columns().map((c) => c.type ?? '') : [];
    const entry = { stmt, returnsData, columns, columnTypes, toRow: rowMaker(columns, this.intMode) };
    this.cache.set(sql, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }

  execute(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    const rawArgs: InArgs = typeof stmt === 'string' ? [] : (stmt.args ?? []);
    const args = Array.isArray(rawArgs)
      ? rawArgs.map((v) => toSqlValue(v, this.intMode))
      : Object.fromEntries(
          Object.entries(rawArgs).map(([k, v]) => [/^[@$:]/.test(k) ? k.slice(1) : k, toSqlValue(v, this.intMode)]),
        );
    if (TRANSACTION_CONTROL.test(sql)) {
      this.exec(sql);
      return new SqliteResultSet([], [], [], 0, undefined);
    }
    try {
      const entry = this.prepared(sql);
      if (entry.returnsData) {
        const rows = (entry.stmt.all(args) as unknown[][]).map(entry.toRow);
        return new SqliteResultSet(entry.columns, entry.columnTypes, rows, 0, undefined);
      }
      const info = entry.stmt.run(args);
      return new SqliteResultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      // A statement refused as busy stays in progress: never reuse it.
      if (isBusy(error)) this.cache.delete(sql);
      throw mapSqliteError(error);
    }
  }

  /** Transaction control and statements run once: not cached. */
  exec(sql: string) {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw mapSqliteError(error);
    }
  }

  /** Ends a transaction left open (as @libsql/client does before reusing a connection). */
  rollbackLeftOpen() {
    if (!this.inTransaction) return;
    try {
      this.db.exec('ROLLBACK');
    } catch {
      this.reopen(); // unusable: a fresh connection rather than one stuck in a transaction
    }
  }

  /**
   * Statements in order, each failure reported with its index. With `begin`, they run as one
   * transaction of their own; without, inside the one already open.
   */
  batch(stmts: InStatement[], begin: string | undefined): ResultSet[] {
    if (begin) this.exec(begin);
    try {
      const results = stmts.map((stmt, i) => {
        try {
          if (!this.inTransaction)
            throw new LibsqlBatchError('The transaction has been rolled back', i, 'TRANSACTION_CLOSED');
          return this.execute(stmt);
        } catch (error) {
          throw batchError(error, i);
        }
      });
      if (begin) this.exec('COMMIT');
      return results;
    } finally {
      if (begin) this.rollbackLeftOpen();
    }
  }
}

class SqliteTransaction implements Transaction {
  /** The connection's database this transaction began on; undefined once settled. */
  #db: LibsqlDatabase | undefined;

  constructor(private readonly conn: Connection) {
    this.#db = conn.db;
  }

  /** Closed once settled, or when the connection closed or its transaction ended. */
  get closed(): boolean {
    const db = this.#db;
    return db === undefined || !db.open || db !== this.conn.db || !db.inTransaction;
  }

  async execute(stmt: InStatement | string, args?: InArgs): Promise<ResultSet> {
    this.#check();
    return this.conn.execute(typeof stmt === 'string' ? { sql: stmt, args: args ?? [] } : stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    return stmts.map((stmt, i) => {
      try {
        this.#check();
        return this.conn.execute(stmt);
      } catch (error) {
        throw batchError(error, i);
      }
    });
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check();
    this.conn.exec(sql);
  }

  async commit(): Promise<void> {
    try {
      this.#check();
      this.conn.exec('COMMIT');
    } finally {
      this.#settle();
    }
  }

  async rollback(): Promise<void> {
    const db = this.#db;
    if (db === undefined || !db.open) {
      this.#db = undefined;
      return;
    }
    try {
      this.#check();
      this.conn.exec('ROLLBACK');
    } finally {
      this.#settle();
    }
  }

  close(): void {
    const db = this.#db;
    if (db === undefined) return;
    try {
      if (db.open && db === this.conn.db && db.inTransaction) this.conn.exec('ROLLBACK');
    } finally {
      this.#settle();
    }
  }

  /** Done with the connection: a transaction a failed COMMIT left open is rolled back. */
  #settle() {
    const db = this.#db;
    this.#db = undefined;
    if (db !== undefined && db === this.conn.db) this.conn.rollbackLeftOpen();
  }

  #check() {
    if (this.closed) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
  }
}

/** A @libsql/client Client on one embedded database connection, with cached statements. */
export function createSqliteClient(path: string, options: SqliteClientOptions = {}): Client {
  const conn = new Connection(path, options.timeout ?? 0, options.intMode ?? 'number');
  let closed = false;
  const checkOpen = () => {
    if (closed) throw clientClosed();
  };
  return {
    async execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
      checkOpen();
      return conn.execute(typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql);
    },
    // A batch runs as its own transaction, like @libsql/client's — or, inside the write
    // queue's transaction, as part of it (the job's savepoint makes it atomic).
    async batch(stmts, mode = 'deferred') {
      checkOpen();
      const begin = beginFor(mode);
      return conn.batch(stmts.map(normalise), conn.inTransaction ? undefined : begin);
    },
    async migrate(stmts) {
      checkOpen();
      conn.exec('PRAGMA foreign_keys=off');
      try {
        return conn.batch(stmts, beginFor('deferred'));
      } finally {
        conn.exec('PRAGMA foreign_keys=on');
      }
    },
    async transaction(mode: TransactionMode = 'write') {
      checkOpen();
      conn.exec(beginFor(mode));
      return new SqliteTransaction(conn);
    },
    async executeMultiple(sql) {
      checkOpen();
      conn.exec(sql);
    },
    async sync(): Promise<Replicated> {
      checkOpen();
      return undefined;
    },
    close() {
      closed = true;
      conn.close();
    },
    reconnect() {
      conn.reopen();
      closed = false;
    },
    get closed() {
      return closed;
    },
    protocol: 'file',
  };
}
