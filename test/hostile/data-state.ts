import { createHash } from 'node:crypto';
import type { TestApp } from '../helpers/app';

export interface TableState {
  rows: number;
  /** SHA-256 of every column of every row, in rowid order. */
  digest: string;
}

/**
 * What every table holds, as a row count and a digest per table: equal states, nothing
 * written. Skipped by default: failure counters (which count, by design) and key/session
 * bookkeeping (last-used stamps).
 */
export async function dataState(
  t: TestApp,
  skip: string[] = ['rate_limits', 'api_keys', 'sessions'],
): Promise<Record<string, TableState>> {
  const db = t.db.readClient;
  const tables = (
    await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  ).rows.map((r) => String(r.name));
  const out: Record<string, TableState> = {};
  for (const name of tables) {
    if (skip.includes(name)) continue;
    const columns = (await db.execute(`PRAGMA table_info("${name}")`)).rows.map((r) => `quote("${String(r.name)}")`);
    const [row] = (
      await db.execute(
        `SELECT count(*) AS n, group_concat(${columns.join(" || ',' || ")}, char(10)) AS body FROM (SELECT * FROM "${name}" ORDER BY rowid)`,
      )
    ).rows;
    out[name] = {
      rows: Number(row?.n ?? 0),
      digest: createHash('sha256')
        .update(String(row?.body ?? ''))
        .digest('base64url'),
    };
  }
  return out;
}
