/**
 * The embedded-file connection: the `@libsql/client` interface (what drizzle and our code
 * call) over one `libsql` Database, with a cache of prepared statements.
 *
 * Why: `@libsql/client` prepares every statement again on each call; with the CPI triggers
 * compiled into every write on responses and invitations, preparing was a third of a survey
 * submit's CPU time (measured: `node --cpu-prof` on the server under `npm run bench -- submit`).
 * Transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT) runs uncached through exec(): a
 * statement refused with SQLITE_BUSY stays "in progress" in this binding, so a cached one
 * is dropped from the cache when it fails that way.
 */
import Database from 'libsql';
import {
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type Replicated,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';

type Statement = ReturnType<InstanceType<typeof Database>['prepare']>;

interface Prepared {
  stmt: Statement;
  returnsData: boolean;
  columns: string[];
  columnTypes: string[];
  toRow: (values: unknown[]) => Row;
}

const CACHE_SIZE = 256;
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

function toSqlValue(value: InValue): unknown {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new RangeError('Only finite numbers can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function fromSqlValue(value: unknown): unknown {
  if (typeof value === 'bigint') {
    if (value < BigInt(Number.MIN_SAFE_INTEGER) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    }
    return Number(value);
  }
  return value instanceof Buffer ? value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength) : value;
}

/**
 * Rows as @libsql/client shapes them — values by index (not enumerable) and by column name
 * (the first of equal names), nothing else own or enumerable, so spreads and deep equality
 * see only the names — built from one class per statement: index access goes through
 * getters over a private field, names are plain properties (a row per defineProperty call
 * per value cost a twentieth of an import).
 */
function rowMaker(columns: string[]): (values: unknown[]) => Row {
  class StatementRow {
    readonly #values: unknown[];
    constructor(values: unknown[]) {
      this.#values = values;
    }
    static at(row: StatementRow, i: number): unknown {
      return row.#values[i];
    }
  }
  const indexes: PropertyDescriptorMap = { length: { value: columns.length } };
  columns.forEach((_, i) => {
    indexes[i] = {
      get(this: StatementRow) {
        return StatementRow.at(this, i);
      },
    };
  });
  Object.defineProperties(StatementRow.prototype, indexes);
  const named = columns.flatMap((name, i) =>
    columns.indexOf(name) === i && name !== 'length' && !/^\d+$/.test(name) ? [[name, i] as const] : [],
  );
  return (values) => {
    for (let i = 0; i < values.length; i++) values[i] = fromSqlValue(values[i]);
    const row = new StatementRow(values) as unknown as Record<string, unknown>;
    for (const [name, i] of named) row[name] = values[i];
    return row as unknown as Row;
  };
}

function resultSet(
  columns: string[],
  columnTypes: string[],
  rows: Row[],
  rowsAffected: number,
  lastInsertRowid: bigint | undefined,
): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({
      columns,
      columnTypes,
      rows: rows.map((r) => Array.from(r)),
      rowsAffected,
      lastInsertRowid: lastInsertRowid?.toString() ?? null,
    }),
  };
}

function mapError(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    const code = (error as { code?: string }).code ?? 'SQLITE_ERROR';
    return new LibsqlError(error.message, code, undefined, (error as { rawCode?: number }).rawCode, error);
  }
  return error;
}

const isBusy = (error: unknown) =>
  error instanceof Error &&
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${error.message}`);

class Connection {
  db: InstanceType<typeof Database>;
  readonly cache = new Map<string, Prepared>();

  constructor(
    readonly path: string,
    readonly timeout: number,
  ) {
    this.db = new Database(path, { timeout } as ConstructorParameters<typeof Database>[1]);
  }

  reopen() {
    this.cache.clear();
    if (this.db.open) this.db.close();
    this.db = new Database(this.path, { timeout: this.timeout } as ConstructorParameters<typeof Database>[1]);
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
    const entry = { stmt, returnsData, columns, columnTypes, toRow: rowMaker(columns) };
    this.cache.set(sql, entry);
    if (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }

  execute(stmt: InStatement): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : stmt.sql;
    if (TRANSACTION_CONTROL.test(sql)) {
      this.exec(sql);
      return resultSet([], [], [], 0, undefined);
    }
    const rawArgs: InArgs = typeof stmt === 'string' ? [] : (stmt.args ?? []);
    const args = Array.isArray(rawArgs)
      ? rawArgs.map(toSqlValue)
      : Object.fromEntries(Object.entries(rawArgs).map(([k, v]) => [/^[@$:]/.test(k) ? k.slice(1) : k, toSqlValue(v)]));
    let entry: Prepared | undefined;
    try {
      entry = this.prepared(sql);
      if (entry.returnsData) {
        const rows = (entry.stmt.all(args) as unknown[][]).map(entry.toRow);
        return resultSet(entry.columns, entry.columnTypes, rows, 0, undefined);
      }
      const info = entry.stmt.run(args);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      // A statement refused as busy stays in progress: never reuse it.
      if (isBusy(error)) this.cache.delete(sql);
      throw mapError(error);
    }
  }

  /** Transaction control and statements run once: not cached. */
  exec(sql: string) {
    try {
      this.db.exec(sql);
    } catch (error) {
      throw mapError(error);
    }
  }
}

const beginFor = (mode: TransactionMode | undefined) =>
  mode === 'write' ? 'BEGIN IMMEDIATE' : mode === 'read' ? 'BEGIN' : 'BEGIN DEFERRED';

class SqliteTransaction implements Transaction {
  #done = false;
  constructor(private readonly conn: Connection) {}

  get closed() {
    return this.#done;
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.#check();
    return this.conn.execute(stmt);
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.#check();
    return stmts.map((s) => this.conn.execute(s));
  }

  async executeMultiple(sql: string): Promise<void> {
    this.#check();
    this.conn.exec(sql);
  }

  async commit(): Promise<void> {
    this.#check();
    this.#done = true;
    this.conn.exec('COMMIT');
  }

  async rollback(): Promise<void> {
    if (this.#done) return;
    this.#done = true;
    if (this.conn.db.inTransaction) this.conn.exec('ROLLBACK');
  }

  close(): void {
    if (!this.#done) {
      this.#done = true;
      if (this.conn.db.open && this.conn.db.inTransaction) this.conn.exec('ROLLBACK');
    }
  }

  #check() {
    if (this.#done) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
  }
}

/** A @libsql/client Client on one embedded database connection, with cached statements. */
export function createSqliteClient(path: string, options: { timeout?: number } = {}): Client {
  const conn = new Connection(path, options.timeout ?? 0);
  let closed = false;
  const execute = async (stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> =>
    conn.execute(typeof stmtOrSql === 'string' && args !== undefined ? { sql: stmtOrSql, args } : stmtOrSql);
  // One connection: a batch runs as its own transaction, like @libsql/client's — or, inside
  // the write queue's transaction, as part of it (the job's savepoint makes it atomic).
  const inTransaction = (stmts: (InStatement | [string, InArgs?])[], begin: string): ResultSet[] => {
    if (conn.db.inTransaction)
      return stmts.map((s) => conn.execute(Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s));
    conn.exec(begin);
    try {
      const results = stmts.map((s) => conn.execute(Array.isArray(s) ? { sql: s[0], args: s[1] ?? [] } : s));
      conn.exec('COMMIT');
      return results;
    } catch (error) {
      if (conn.db.inTransaction) conn.exec('ROLLBACK');
      throw error;
    }
  };
  return {
    execute,
    async batch(stmts, mode) {
      return inTransaction(stmts, beginFor(mode));
    },
    async migrate(stmts) {
      conn.exec('PRAGMA foreign_keys=off');
      try {
        return inTransaction(stmts, 'BEGIN DEFERRED');
      } finally {
        conn.exec('PRAGMA foreign_keys=on');
      }
    },
    async transaction(mode?: TransactionMode) {
      conn.exec(beginFor(mode ?? 'write'));
      return new SqliteTransaction(conn);
    },
    async executeMultiple(sql) {
      conn.exec(sql);
    },
    async sync(): Promise<Replicated> {
      return undefined;
    },
    close() {
      closed = true;
      conn.cache.clear();
      if (conn.db.open) conn.db.close();
    },
    reconnect() {
      conn.reopen();
    },
    get closed() {
      return closed;
    },
    protocol: 'file',
  };
}
