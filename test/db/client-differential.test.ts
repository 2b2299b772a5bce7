/**
 * The embedded-file client (db/sqlite-client.ts) against the stock `@libsql/client` file
 * client: every case runs the same steps on each, each on a fresh database file of its own,
 * and the two observations must be equal — values and their types, row shapes, columns and
 * column types, rowsAffected, lastInsertRowid, toJSON, and errors (class, code,
 * extendedCode, rawCode, message, statement index, cause).
 *
 * Differences kept on purpose (docs/architecture.md, "The write path"), not compared here:
 * - one connection instead of a pool: an open transaction is the client's, so the client's
 *   own statements run inside it (the write queue relies on it; the last case shows it), a
 *   second transaction cannot begin while one is open, a batch inside it joins it, and
 *   BEGIN/COMMIT through execute() work (the stock client rolls back a transaction left open
 *   when it returns the connection to its pool);
 * - transaction control (BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE) answers an empty
 *   result: rowsAffected 0 and no lastInsertRowid, where the stock client repeats the
 *   connection's last counts;
 * - executeMultiple() may leave a transaction open.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Client, createClient, type IntMode, LibsqlBatchError, LibsqlError, type ResultSet } from '@libsql/client';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteClient } from '../../db/sqlite-client';

const dir = mkdtempSync(join(tmpdir(), 'cpi-client-differential-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = {
  shim: (path: string, intMode?: IntMode) => createSqliteClient(path, intMode ? { intMode } : {}),
  stock: (path: string, intMode?: IntMode) => createClient({ url: `file:${path}`, ...(intMode ? { intMode } : {}) }),
};

/** A value with its type: equal numbers of different types (1 and 1n) must not compare equal. */
function typed(value: unknown): unknown {
  if (value instanceof ArrayBuffer) return { ArrayBuffer: Buffer.from(value).toString('hex') };
  if (typeof value === 'bigint') return { bigint: `${value}` };
  if (value === null) return { null: null };
  return { [typeof value]: value };
}

function observe(rs: ResultSet) {
  return {
    keys: Object.keys(rs),
    columns: rs.columns,
    columnTypes: rs.columnTypes,
    rows: rs.rows.map((row) => ({
      length: row.length,
      values: Array.from(row, typed),
      keys: Object.keys(row),
      symbols: Object.getOwnPropertySymbols(row).length,
      named: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typed(v)])),
      json: JSON.stringify(row),
    })),
    rowsAffected: rs.rowsAffected,
    lastInsertRowid: typed(rs.lastInsertRowid),
    json: JSON.stringify(rs),
  };
}

function describeError(error: unknown): unknown {
  if (!(error instanceof Error)) return { thrown: error };
  const e = error as Error & { code?: string; extendedCode?: string; rawCode?: number; statementIndex?: number };
  return {
    class: e.constructor.name,
    isLibsqlError: e instanceof LibsqlError,
    isBatchError: e instanceof LibsqlBatchError,
    name: e.name,
    message: e.message,
    code: e.code,
    extendedCode: e.extendedCode,
    rawCode: e.rawCode,
    statementIndex: e.statementIndex,
    cause: e.cause === undefined ? undefined : describeError(e.cause),
  };
}

const isResultSet = (value: unknown): value is ResultSet =>
  typeof value === 'object' && value !== null && 'rows' in value && 'columns' in value;

/** What one call did: its results observed, or its error described. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    const value = await call();
    if (isResultSet(value)) return { ok: observe(value) };
    if (Array.isArray(value)) return { ok: value.map((v) => (isResultSet(v) ? observe(v) : v)) };
    return { ok: value ?? null };
  } catch (error) {
    return { error: describeError(error) };
  }
}

let files = 0;

/** Runs `steps` on the shim and on the stock client, each on a new file; returns both observations. */
async function onBoth(steps: (client: Client) => Promise<unknown>, intMode?: IntMode) {
  const seen: Record<'shim' | 'stock', unknown> = { shim: undefined, stock: undefined };
  const n = ++files;
  for (const kind of ['shim', 'stock'] as const) {
    const client = open[kind](join(dir, `${n}-${kind}.db`), intMode);
    try {
      seen[kind] = await steps(client);
    } finally {
      client.close();
    }
  }
  return seen;
}

/** A case: the shim must observe what the stock client observes. */
function same(name: string, steps: (client: Client) => Promise<unknown>, intMode?: IntMode) {
  it(name, async () => {
    const { shim, stock } = await onBoth(steps, intMode);
    expect(shim).toEqual(stock);
  });
}

const table = (client: Client) =>
  client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, score REAL, data BLOB, v)');
const count = async (client: Client) => (await client.execute('SELECT count(*) AS n FROM t')).rows[0]!.n;

describe('values and types', () => {
  same('literals of every storage class', async (c) =>
    outcome(() =>
      c.execute(`SELECT 1 AS i, -7 AS neg, 1.5 AS r, 2.0 AS whole, 'tekst ✓' AS t, x'00ff10' AS b, x'' AS empty,
        zeroblob(3) AS z, NULL AS n, 9007199254740991 AS maxsafe, -9007199254740991 AS minsafe, typeof(2.0) AS tr`),
    ),
  );

  same('declared column types, and none for expressions', async (c) => {
    await c.execute(
      'CREATE TABLE d (i INTEGER, r REAL, t TEXT, b BLOB, num NUMERIC, vc VARCHAR(10), dt DATETIME, untyped)',
    );
    await c.execute({
      sql: 'INSERT INTO d VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      args: [1, 2.5, 'x', null, '3', 'y', 0, 4],
    });
    return [
      await outcome(() => c.execute('SELECT * FROM d')),
      await outcome(() => c.execute('SELECT i + 1 AS e, upper(t) AS u, r FROM d')),
      await outcome(() => c.execute('SELECT * FROM d WHERE 0')),
    ];
  });

  same('arguments of every kind, as stored and as read back', async (c) => {
    await table(c);
    const args = [
      42,
      -0.25,
      'text',
      null,
      true,
      false,
      new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
      new Uint8Array([1, 2, 3]).buffer,
      new Uint8Array([4, 5]),
      2n ** 62n,
      -(2n ** 63n),
      2n ** 63n - 1n,
      9007199254740991,
    ];
    for (const [i, v] of args.entries()) {
      await c.execute({ sql: 'INSERT INTO t (name, v) VALUES (?, ?)', args: [`a${i}`, v] });
    }
    return [
      await outcome(() => c.execute('SELECT name, typeof(v) AS type, quote(v) AS quoted FROM t ORDER BY id')),
      await outcome(() => c.execute("SELECT v FROM t WHERE typeof(v) <> 'integer' OR abs(v) < 9007199254740992")),
    ];
  });

  same('named arguments with and without their prefix', async (c) =>
    outcome(() =>
      c.execute({
        sql: 'SELECT :a AS a, @b AS b, $c AS c, :d AS d',
        args: { ':a': 1, '@b': 'two', $c: null, d: 4.5 },
      }),
    ),
  );

  same('positional forms: ?, ?NNN and execute(sql, args)', async (c) => [
    await outcome(() => c.execute({ sql: 'SELECT ?2 AS second, ?1 AS first', args: ['x', 'y'] })),
    await outcome(() => c.execute('SELECT ? AS a, ? AS b', [1, 'b'])),
  ]);

  same('arguments SQLite cannot take are refused before the database sees them', async (c) => {
    const refused = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2n ** 63n, -(2n ** 63n) - 1n];
    const results = [];
    for (const v of refused) results.push(await outcome(() => c.execute({ sql: 'SELECT ? AS v', args: [v] })));
    results.push(await outcome(() => c.execute({ sql: 'SELECT ? AS v', args: [undefined as unknown as null] })));
    return results;
  });

  describe('integers beyond 2^53 by intMode', () => {
    const steps = async (c: Client) => [
      await outcome(() => c.execute('SELECT 9007199254740993 AS big, -9223372036854775808 AS least')),
      await outcome(() => c.execute({ sql: 'SELECT ? AS b, ? AS t, ? AS f', args: [2n ** 63n - 1n, true, false] })),
      await outcome(() => c.execute('SELECT 7 AS small')),
      await outcome(() => c.execute({ sql: 'SELECT ? AS b', args: [2n ** 63n] })),
    ];
    same('number (the default): a RangeError', steps);
    same('number, said outright', steps, 'number');
    same('bigint', steps, 'bigint');
    same('string', steps, 'string');
  });

  same('row shape: duplicate names, "length", numeric names', async (c) => {
    await table(c);
    await c.execute({
      sql: 'INSERT INTO t (name, score, data) VALUES (?, ?, ?), (?, ?, ?)',
      args: ['ana', 1.5, new Uint8Array([1, 2]), 'bo', null, null],
    });
    const rs = await c.execute('SELECT id, name, score, data, name AS length, id AS name, 7 AS "0" FROM t ORDER BY id');
    return { observed: observe(rs), spread: rs.rows.map((r) => ({ ...r })), byName: rs.rows.map((r) => r.name) };
  });

  same('rowsAffected and lastInsertRowid', async (c) => {
    const steps = [
      'CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER DEFAULT 0)',
      "INSERT INTO t (name) VALUES ('a')",
      "INSERT INTO t (name) VALUES ('b'), ('c'), ('d')",
      "UPDATE t SET n = n + 1 WHERE name IN ('a', 'b')",
      "UPDATE t SET n = 1 WHERE name = 'none'",
      "DELETE FROM t WHERE name = 'd'",
      "INSERT INTO t (name) VALUES ('a') ON CONFLICT (name) DO UPDATE SET n = n + 10",
      "INSERT INTO t (name) VALUES ('e') RETURNING id, name",
      'SELECT * FROM t ORDER BY id',
      'CREATE INDEX t_n ON t (n)',
      'CREATE TABLE w (k TEXT PRIMARY KEY, v) WITHOUT ROWID',
      "INSERT INTO w VALUES ('k', 1)",
    ];
    const results = [];
    for (const sql of steps) results.push(await outcome(() => c.execute(sql)));
    return results;
  });
});

describe('errors', () => {
  same('constraint failures: code, extendedCode, rawCode, message, cause', async (c) => {
    await c.execute('PRAGMA foreign_keys=ON');
    await c.execute('CREATE TABLE p (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL, n INTEGER CHECK (n >= 0))');
    await c.execute('CREATE TABLE k (id INTEGER PRIMARY KEY, p_id INTEGER NOT NULL REFERENCES p (id))');
    await c.execute('CREATE TABLE s (i INTEGER) STRICT');
    await c.execute("INSERT INTO p (id, name, n) VALUES (1, 'a', 0)");
    const failing = [
      "INSERT INTO p (name, n) VALUES ('a', 1)",
      "INSERT INTO p (id, name, n) VALUES (1, 'b', 1)",
      'INSERT INTO p (name, n) VALUES (NULL, 1)',
      "INSERT INTO p (name, n) VALUES ('c', -1)",
      'INSERT INTO k (p_id) VALUES (99)',
      "INSERT INTO s VALUES ('not a number')",
      "INSERT OR ROLLBACK INTO p (name, n) VALUES ('a', 2)",
    ];
    const results = [];
    for (const sql of failing) results.push(await outcome(() => c.execute(sql)));
    results.push(await outcome(() => c.execute('SELECT count(*) AS n FROM p')));
    return results;
  });

  same('SQL errors', async (c) => {
    await table(c);
    const failing = [
      'SELEC 1',
      'SELECT * FROM nowhere',
      'SELECT nothing FROM t',
      'SELECT',
      "INSERT INTO t (name) VALUES ('a', 'b')",
      'CREATE TABLE t (x)',
    ];
    const results = [];
    for (const sql of failing) results.push(await outcome(() => c.execute(sql)));
    results.push(await outcome(() => c.execute({ sql: 'SELECT ? AS a', args: [1, 2] })));
    results.push(await outcome(() => c.execute({ sql: 'SELECT :a AS a', args: { b: 1 } })));
    return results;
  });

  same('a closed client refuses everything with CLIENT_CLOSED, and reconnect() opens it again', async (c) => {
    await table(c);
    await c.execute("INSERT INTO t (name) VALUES ('kept')");
    c.close();
    const refused = [
      c.closed,
      await outcome(() => c.execute('SELECT 1')),
      await outcome(() => c.batch(['SELECT 1'])),
      await outcome(() => c.transaction('write')),
      await outcome(() => c.executeMultiple('SELECT 1')),
      await outcome(() => c.migrate(['SELECT 1'])),
    ];
    await c.reconnect();
    return [...refused, c.closed, await outcome(() => c.execute('SELECT name FROM t'))];
  });

  same('a transaction of a client closed under it is closed', async (c) => {
    await table(c);
    const tx = await c.transaction('write');
    await tx.execute("INSERT INTO t (name) VALUES ('lost')");
    c.close();
    const seen = [tx.closed, await outcome(() => tx.execute('SELECT 1')), await outcome(() => tx.rollback())];
    tx.close();
    await c.reconnect();
    return [...seen, await count(c)];
  });
});

describe('transactions', () => {
  same('commit keeps, rollback discards, close() rolls back', async (c) => {
    await table(c);
    const seen: unknown[] = [];
    const tx1 = await c.transaction('write');
    seen.push(tx1.closed, await outcome(() => tx1.execute("INSERT INTO t (name) VALUES ('kept')")));
    await tx1.commit();
    seen.push(tx1.closed, await count(c));
    const tx2 = await c.transaction('write');
    await tx2.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: ['rolled back'] });
    await tx2.rollback();
    seen.push(tx2.closed, await count(c));
    const tx3 = await c.transaction();
    await tx3.execute("INSERT INTO t (name) VALUES ('closed')");
    tx3.close();
    seen.push(tx3.closed, await count(c));
    return seen;
  });

  same('a settled transaction refuses statements with TRANSACTION_CLOSED', async (c) => {
    await table(c);
    const tx = await c.transaction('write');
    await tx.commit();
    const seen = [
      await outcome(() => tx.execute('SELECT 1')),
      await outcome(() => tx.commit()),
      await outcome(() => tx.rollback()),
      await outcome(() => tx.batch(['SELECT 1'])),
      await outcome(() => tx.executeMultiple('SELECT 1')),
    ];
    tx.close();
    return seen;
  });

  same('write after read in a deferred transaction, and in a read transaction', async (c) => {
    await table(c);
    const seen: unknown[] = [];
    for (const mode of ['deferred', 'read'] as const) {
      const tx = await c.transaction(mode);
      seen.push(await outcome(() => tx.execute('SELECT count(*) AS n FROM t')));
      seen.push(await outcome(() => tx.execute({ sql: 'INSERT INTO t (name) VALUES (?)', args: [mode] })));
      seen.push(await outcome(() => tx.commit()));
      seen.push(await count(c));
    }
    return seen;
  });

  same('a failing statement leaves the transaction open with what came before', async (c) => {
    await table(c);
    const tx = await c.transaction('write');
    await tx.execute("INSERT INTO t (name) VALUES ('a')");
    const failed = await outcome(() => tx.execute("INSERT INTO t (name) VALUES ('a')"));
    const open = tx.closed;
    await tx.execute("INSERT INTO t (name) VALUES ('b')");
    await tx.commit();
    return [failed, open, await outcome(() => c.execute('SELECT name FROM t ORDER BY id'))];
  });

  same('a statement that rolls the transaction back ends it', async (c) => {
    await table(c);
    await c.execute("INSERT INTO t (name) VALUES ('a')");
    const tx = await c.transaction('write');
    await tx.execute("INSERT INTO t (name) VALUES ('b')");
    const failed = await outcome(() => tx.execute("INSERT OR ROLLBACK INTO t (name) VALUES ('a')"));
    const seen = [failed, tx.closed, await outcome(() => tx.execute('SELECT 1')), await outcome(() => tx.commit())];
    tx.close();
    return [...seen, await count(c)];
  });

  same('batch and executeMultiple inside a transaction; a failing batch keeps the statements before it', async (c) => {
    await table(c);
    const tx = await c.transaction('write');
    const seen = [
      await outcome(() =>
        tx.batch([
          "INSERT INTO t (name) VALUES ('a')",
          { sql: 'INSERT INTO t (name) VALUES (?)', args: ['b'] },
          'SELECT name FROM t ORDER BY id',
        ]),
      ),
      await outcome(() =>
        tx.batch(["INSERT INTO t (name) VALUES ('c')", "INSERT INTO t (name) VALUES ('a')", 'SELECT 1']),
      ),
      await outcome(() => tx.executeMultiple("INSERT INTO t (name) VALUES ('d'); INSERT INTO t (name) VALUES ('e');")),
      tx.closed,
    ];
    await tx.commit();
    return [...seen, await outcome(() => c.execute('SELECT name FROM t ORDER BY id'))];
  });

  same('an unknown transaction mode is a RangeError', async (c) => [
    await outcome(() => c.transaction('sometimes' as 'write')),
    await outcome(() => c.batch(['SELECT 1'], 'sometimes' as 'write')),
  ]);
});

describe('batch', () => {
  same('results of every statement, in every mode', async (c) => {
    await table(c);
    const seen = [];
    for (const mode of [undefined, 'write', 'deferred', 'read'] as const) {
      seen.push(
        await outcome(() =>
          c.batch(
            [
              { sql: 'INSERT INTO t (name, score) VALUES (?, ?)', args: [`${mode}-1`, 1.5] },
              [`INSERT INTO t (name) VALUES ('${mode}-2')`],
              ['UPDATE t SET score = ? WHERE score IS NULL', [2]],
              'SELECT name, score FROM t ORDER BY id',
            ],
            mode,
          ),
        ),
      );
    }
    return seen;
  });

  same('atomic: a failing statement reports its index and keeps nothing', async (c) => {
    await table(c);
    await c.execute("INSERT INTO t (name) VALUES ('before')");
    const failed = await outcome(() =>
      c.batch([
        "INSERT INTO t (name) VALUES ('one')",
        "UPDATE t SET score = 1 WHERE name = 'before'",
        "INSERT INTO t (name) VALUES ('one')",
        "INSERT INTO t (name) VALUES ('never')",
      ]),
    );
    return [
      failed,
      await outcome(() => c.execute('SELECT name, score FROM t ORDER BY id')),
      await outcome(() => c.execute("INSERT INTO t (name) VALUES ('after')")),
    ];
  });

  same('a statement that ends the transaction ends the batch', async (c) => {
    await table(c);
    const failed = await outcome(() =>
      c.batch(["INSERT INTO t (name) VALUES ('a')", 'ROLLBACK', "INSERT INTO t (name) VALUES ('b')"]),
    );
    return [failed, await count(c)];
  });

  same('migrate runs with foreign keys off, as one transaction', async (c) => {
    await c.execute('PRAGMA foreign_keys=ON');
    await c.execute('CREATE TABLE p (id INTEGER PRIMARY KEY)');
    await c.execute('CREATE TABLE k (id INTEGER PRIMARY KEY, p_id INTEGER REFERENCES p (id))');
    return [
      await outcome(() => c.migrate(['INSERT INTO k (p_id) VALUES (7)', 'SELECT count(*) AS n FROM k'])),
      await outcome(() => c.migrate(['INSERT INTO k (p_id) VALUES (8)', 'INSERT INTO nowhere VALUES (1)'])),
      await outcome(() => c.execute('SELECT p_id FROM k')),
      await outcome(() => c.execute('PRAGMA foreign_keys')),
    ];
  });

  same('executeMultiple runs every statement, up to a failing one', async (c) => [
    await outcome(() =>
      c.executeMultiple(`CREATE TABLE m (x); INSERT INTO m VALUES (1); INSERT INTO m VALUES (2);
        INSERT INTO nowhere VALUES (3); INSERT INTO m VALUES (4);`),
    ),
    await outcome(() => c.execute('SELECT x FROM m')),
  ]);
});

describe('differences kept on purpose', () => {
  it('the shim is one connection: its own statements run inside an open transaction', async () => {
    const client = open.shim(join(dir, 'one-connection.db'));
    await table(client);
    const tx = await client.transaction('write');
    await tx.execute("INSERT INTO t (name) VALUES ('inside')");
    expect(await count(client)).toBe(1);
    await tx.rollback();
    expect(await count(client)).toBe(0);
    client.close();
  });
});
