/**
 * Applies the drizzle-kit migrations in db/migrations at start, under a lock row so
 * that two instances starting together cannot both migrate. Each migration runs in
 * one atomic batch together with the row recording it.
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Client } from '@libsql/client';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { withBusyRetry } from './errors';

const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations', import.meta.url));
const LOCK_TTL_MS = 60_000;
const WAIT_FOR_LOCK_MS = 120_000;

export interface MigrateResult {
  applied: number;
}

export async function migrate(client: Client, folder = MIGRATIONS_FOLDER): Promise<MigrateResult> {
  const retry = <T>(op: () => Promise<T>) => withBusyRetry(op, WAIT_FOR_LOCK_MS);
  await retry(() =>
    client.batch(
      [
        'CREATE TABLE IF NOT EXISTS _migrations (hash TEXT PRIMARY KEY, created_at INTEGER NOT NULL, applied_at INTEGER NOT NULL)',
        'CREATE TABLE IF NOT EXISTS _migration_lock (id INTEGER PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)',
      ],
      'write',
    ),
  );
  const holder = randomUUID();
  const started = Date.now();
  while (!(await tryLock(client, holder))) {
    if (Date.now() - started > WAIT_FOR_LOCK_MS)
      throw new Error('migrate: another instance has held the migration lock for too long');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    const done = await retry(() => client.execute('SELECT hash FROM _migrations'));
    const appliedHashes = new Set(done.rows.map((row) => String(row.hash)));
    const pending = readMigrationFiles({ migrationsFolder: folder }).filter((m) => !appliedHashes.has(m.hash));
    for (const migration of pending) {
      const statements = migration.sql.map((s) => s.trim()).filter((s) => s.length > 0);
      await retry(() =>
        client.migrate([
          ...statements,
          {
            sql: 'INSERT INTO _migrations (hash, created_at, applied_at) VALUES (?, ?, ?)',
            args: [migration.hash, migration.folderMillis, Date.now()],
          },
        ]),
      );
    }
    return { applied: pending.length };
  } finally {
    await retry(() => client.execute({ sql: 'DELETE FROM _migration_lock WHERE holder = ?', args: [holder] }));
  }
}

async function tryLock(client: Client, holder: string): Promise<boolean> {
  const now = Date.now();
  const result = await withBusyRetry(
    () =>
      client.execute({
        sql: `INSERT INTO _migration_lock (id, holder, expires_at) VALUES (1, ?, ?)
              ON CONFLICT(id) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
              WHERE _migration_lock.expires_at < ?`,
        args: [holder, now + LOCK_TTL_MS, now],
      }),
    WAIT_FOR_LOCK_MS,
  );
  return result.rowsAffected === 1;
}
