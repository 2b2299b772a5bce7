/**
 * Wide results as one JSON text. A libSQL server frames every value of a result on its own,
 * and the client decodes each: measured here, 10,000 rows of four integers took 150–220 ms
 * over sqld, one 400 kB text 8–9 ms. Packed by SQLite (`json_array` per row) and parsed once,
 * 500 reps × 20 counts cost a few ms instead of tens. On a file it costs about the same as
 * plain rows. Only for numbers, text and NULL (what `json_array` returns as they were).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';

export async function allPacked<T extends Record<string, unknown>>(
  db: Drizzle,
  query: SQL,
  columns: readonly (keyof T & string)[],
): Promise<T[]> {
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  const [row] = await db.all<{ packed: string | null }>(
    sql`SELECT json_group_array(json_array(${list})) AS packed FROM (${query})`,
  );
  const arrays = JSON.parse(row?.packed ?? '[]') as unknown[][];
  return arrays.map((values) => {
    const out: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      out[column] = values[i];
    });
    return out as T;
  });
}
