/**
 * Values, rows, result sets and errors of the embedded-file client (db/sqlite-client.ts),
 * shaped exactly as @libsql/client's own file client shapes them, so the same statement
 * gives the same answer — and the same failure — on a file and on a server
 * (test/db/client-differential.test.ts holds the two side by side).
 */
import { Buffer } from 'node:buffer';
import Database from 'libsql';
import { type InValue, type IntMode, LibsqlBatchError, LibsqlError, type ResultSet, type Row } from '@libsql/client';

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_INT64 = -(2n ** 63n);
const MAX_INT64 = 2n ** 63n - 1n;

/** An argument as SQLite takes it; refuses what SQLite cannot store (a bigint beyond 64 bits). */
export function toSqlValue(value: InValue, intMode: IntMode): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
    return value;
  }
  if (typeof value === 'bigint') {
    if (value < MIN_INT64 || value > MAX_INT64)
      throw new RangeError('bigint is too large to be represented as a 64-bit integer and passed as argument');
    return value;
  }
  if (typeof value === 'boolean') {
    if (intMode === 'bigint') return value ? 1n : 0n;
    if (intMode === 'string') return value ? '1' : '0';
    return value ? 1 : 0;
  }
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value instanceof Date) return value.valueOf();
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

/** A value as @libsql/client returns it: integers per `intMode`, blobs as ArrayBuffers. */
function fromSqlValue(value: unknown, intMode: IntMode): unknown {
  if (typeof value === 'bigint') {
    if (intMode === 'bigint') return value;
    if (intMode === 'string') return `${value}`;
    if (value < MIN_SAFE || value > MAX_SAFE)
      throw new RangeError('Received integer which cannot be safely represented as a JavaScript number');
    return Number(value);
  }
  if (value instanceof Buffer)
    return value.byteOffset === 0 && value.byteLength === value.buffer.byteLength
      ? value.buffer
      : value.buffer.slice(value.byteOffset, value.byteOffset + value.byteLength);
  return value;
}

/**
 * Rows as @libsql/client shapes them — values by index (not enumerable) and by column name
 * (the first of equal names), nothing else own or enumerable, so spreads and deep equality
 * see only the names — built from one class per statement: index access goes through
 * getters over a private field, names are plain properties (a row per defineProperty call
 * per value cost a twentieth of an import).
 */
export function rowMaker(columns: string[], intMode: IntMode): (values: unknown[]) => Row {
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
    for (let i = 0; i < values.length; i++) values[i] = fromSqlValue(values[i], intMode);
    const row = new StatementRow(values) as unknown as Record<string, unknown>;
    for (const [name, i] of named) row[name] = values[i];
    return row as unknown as Row;
  };
}

const jsonValue = (value: unknown) =>
  typeof value === 'bigint' ? `${value}` : value instanceof ArrayBuffer ? Buffer.from(value).toString('base64') : value;

/** @libsql/client's ResultSetImpl: five own fields, toJSON on the prototype. */
export class SqliteResultSet implements ResultSet {
  constructor(
    readonly columns: string[],
    readonly columnTypes: string[],
    readonly rows: Row[],
    readonly rowsAffected: number,
    readonly lastInsertRowid: bigint | undefined,
  ) {}

  toJSON() {
    return {
      columns: this.columns,
      columnTypes: this.columnTypes,
      rows: this.rows.map((row) => Array.prototype.map.call(row, jsonValue)),
      rowsAffected: this.rowsAffected,
      lastInsertRowid: this.lastInsertRowid === undefined ? null : `${this.lastInsertRowid}`,
    };
  }
}

const PRIMARY_CODES = [
  'SQLITE_OK',
  'SQLITE_ERROR',
  'SQLITE_INTERNAL',
  'SQLITE_PERM',
  'SQLITE_ABORT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_NOMEM',
  'SQLITE_READONLY',
  'SQLITE_INTERRUPT',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTFOUND',
  'SQLITE_FULL',
  'SQLITE_CANTOPEN',
  'SQLITE_PROTOCOL',
  'SQLITE_EMPTY',
  'SQLITE_SCHEMA',
  'SQLITE_TOOBIG',
  'SQLITE_CONSTRAINT',
  'SQLITE_MISMATCH',
  'SQLITE_MISUSE',
  'SQLITE_NOLFS',
  'SQLITE_AUTH',
  'SQLITE_FORMAT',
  'SQLITE_RANGE',
  'SQLITE_NOTADB',
  'SQLITE_NOTICE',
  'SQLITE_WARNING',
];

/** The primary result code: an extended code is the primary one plus more bits above the low byte. */
function primaryCode(rawCode: number | undefined): string {
  if (rawCode === undefined) return 'SQLITE_UNKNOWN';
  const primary = rawCode & 0xff;
  return (primary > 0 && PRIMARY_CODES[primary]) || `SQLITE_UNKNOWN_${primary}`;
}

/**
 * libsql's SqliteError as @libsql/client reports it: `code` the primary code
 * (SQLITE_CONSTRAINT), `extendedCode` the binding's code (SQLITE_CONSTRAINT_UNIQUE), the
 * numeric `rawCode`, the message prefixed with the primary code, the original as `cause`.
 */
export function mapSqliteError(error: unknown): unknown {
  if (error instanceof Database.SqliteError) {
    const { code, rawCode } = error as unknown as { code: string; rawCode?: number };
    return new LibsqlError(error.message, primaryCode(rawCode), code, rawCode, error);
  }
  return error;
}

/**
 * A failure of statement `index` of a batch, as @libsql/client reports it — message and all:
 * it passes the already prefixed message to a constructor that prefixes the code again.
 */
export function batchError(error: unknown, index: number): unknown {
  if (error instanceof LibsqlBatchError || !(error instanceof LibsqlError)) return error;
  return new LibsqlBatchError(
    error.message,
    index,
    error.code,
    error.extendedCode,
    error.rawCode,
    error.cause instanceof Error ? error.cause : undefined,
  );
}
