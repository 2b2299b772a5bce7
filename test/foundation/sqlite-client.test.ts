/**
 * The embedded-file client (db/sqlite-client.ts) stands in for @libsql/client: the same
 * query on the same file gives rows of the same shape — values by index, by name (the
 * first of equal names), only names enumerable — and the same errors for unsafe integers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteClient } from '../../db/sqlite-client';

const dir = mkdtempSync(join(tmpdir(), 'cpi-sqlite-client-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the embedded-file client', () => {
  it('shapes rows like @libsql/client', async () => {
    const path = join(dir, 'shape.db');
    const ours = createSqliteClient(path);
    const theirs = createClient({ url: `file:${path}` });
    await ours.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB)');
    await ours.execute({
      sql: 'INSERT INTO t (name, score, data) VALUES (?, ?, ?), (?, ?, ?)',
      args: ['ana', 1.5, new Uint8Array([1, 2]), null, null, null],
    });
    const sql = 'SELECT id, name, score, data, name AS length, id AS name, 7 AS "0" FROM t ORDER BY id';
    const a = await ours.execute(sql);
    const b = await theirs.execute(sql);
    expect(a.columns).toEqual(b.columns);
    expect(a.rows.length).toBe(2);
    for (let r = 0; r < a.rows.length; r++) {
      const x = a.rows[r]!;
      const y = b.rows[r]!;
      expect(x.length).toBe(y.length);
      expect(Array.from(x)).toEqual(Array.from(y));
      expect(Object.keys(x)).toEqual(Object.keys(y));
      expect(Object.getOwnPropertySymbols(x)).toEqual(Object.getOwnPropertySymbols(y));
      expect({ ...x }).toEqual({ ...y });
      expect(JSON.stringify(x)).toBe(JSON.stringify(y));
      expect(x.name).toBe(y.name);
      expect(x.id).toBe(y.id);
    }
    expect(a.rows[0]!.name).toBe('ana');
    expect(a.rows[0]![4]).toBe('ana');
    expect(a.rows[0]![5]).toBe(1);
    ours.close();
    theirs.close();
  });

  it('refuses integers beyond 2^53 like @libsql/client', async () => {
    const client = createSqliteClient(join(dir, 'big.db'));
    await expect(client.execute('SELECT 9007199254740993 AS big')).rejects.toThrow(RangeError);
    expect((await client.execute('SELECT 9007199254740991 AS ok')).rows[0]!.ok).toBe(9007199254740991);
    client.close();
  });
});
