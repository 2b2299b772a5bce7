/** Multi-row inserts kept under SQLite's bind-variable limit (32,766) with room to spare. */
const MAX_VARIABLES = 30_000;

/** Runs `insert` over slices small enough for one statement each. */
export async function inBatches<T>(
  rows: readonly T[],
  columns: number,
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  const size = Math.max(1, Math.floor(MAX_VARIABLES / columns));
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Drizzle binds every column of the table in a multi-row insert (a default or null where unset). */
export const columnCount = (table: object) => Object.keys(table).length;
