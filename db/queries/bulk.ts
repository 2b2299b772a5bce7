/**
 * Many-row statements in plain SQL for the bulk paths (imports, intake batches): drizzle
 * builds a query value by value, which cost more than SQLite's work on a 1,000,000-row
 * import. Statement texts are memoized per shape, so SQLite's prepared statements are
 * reused too. Table and column names come from the callers' constants, never from input.
 */
import type { InValue, Row } from '@libsql/client';
import type { SQL } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import type { Drizzle } from '../client';

const texts = new Map<string, string>();

function memo(key: string, build: () => string): string {
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= 1000) texts.clear();
    text = build();
    texts.set(key, text);
  }
  return text;
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `head VALUES (…), (…) tail` with one tuple per row; returns the rows of a RETURNING tail. */
export async function insertRows(
  tx: Drizzle,
  head: string,
  rows: readonly (readonly InValue[])[],
  tail = '',
): Promise<Row[]> {
  if (rows.length === 0) return [];
  const width = rows[0]!.length;
  const sql = memo(
    `i|${head}|${width}|${rows.length}|${tail}`,
    () => `${head} VALUES ${Array.from({ length: rows.length }, () => `(${marks(width)})`).join(', ')} ${tail}`,
  );
  const result = await tx.$client.execute({ sql, args: rows.flat() });
  return result.rows;
}

/** `head IN (…) tail`, run in chunks of `chunk` values; the rows of every chunk. */
export async function selectIn(
  db: Drizzle,
  head: string,
  values: readonly InValue[],
  tail = '',
  chunk = 500,
): Promise<Row[]> {
  const out: Row[] = [];
  for (let i = 0; i < values.length; i += chunk) {
    const part = values.slice(i, i + chunk);
    const sql = memo(`s|${head}|${part.length}|${tail}`, () => `${head} IN (${marks(part.length)}) ${tail}`);
    const result = await db.$client.execute({ sql, args: [...part] });
    for (const row of result.rows) out.push(row);
  }
  return out;
}

const dialect = new SQLiteAsyncDialect();

/**
 * A drizzle `sql` query run straight on the client: for reads of many rows, where drizzle's
 * per-row normalisation costs more than SQLite's work.
 */
export async function rowsOf(db: Drizzle, query: SQL): Promise<Row[]> {
  const { sql, params } = dialect.sqlToQuery(query);
  return (await db.$client.execute({ sql, args: params as InValue[] })).rows;
}

/**
 * Runs a bulk load into `table` with its secondary (non-unique) indexes dropped, then
 * builds them again, in the caller's transaction: SQLite sorts once to build an index,
 * where keeping it during the load costs a random B-tree insert per row and index
 * (a 1,000,000-row import: 27 s of inserts against 4 s plus 5 s of index builds). Unique
 * indexes stay, as they decide conflicts. A failure rolls the drop back with the rest.
 */
export async function withIndexesRebuilt<T>(tx: Drizzle, table: string, fn: () => Promise<T>): Promise<T> {
  const found = await tx.$client.execute({
    sql: "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'",
    args: [table],
  });
  const indexes = found.rows.map((r) => ({ name: String(r.name), sql: String(r.sql) }));
  for (const index of indexes) await tx.$client.execute(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  const value = await fn();
  for (const index of indexes) await tx.$client.execute(index.sql);
  return value;
}
