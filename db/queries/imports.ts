import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { yieldToEventLoop } from '../../src/lib/yield';
import type { Drizzle } from '../client';
import { insertRows } from './bulk';
import { importRejects, imports, type ImportKind } from '../schema';

export type ImportError = { line: number; column: string; value: string; message: string };

/** A new import: `staging` (rows are validated and staged first) or `publishing` (written as they are read, in one transaction). */
export async function createImport(
  tx: Drizzle,
  values: {
    kind: ImportKind;
    filename: string;
    createdBy: number | null;
    owner: string;
    now: number;
    status?: 'staging' | 'publishing';
  },
): Promise<number> {
  const [row] = await tx
    .insert(imports)
    .values({
      kind: values.kind,
      filename: values.filename,
      status: values.status ?? 'staging',
      owner: values.owner,
      createdBy: values.createdBy,
      heartbeatAt: values.now,
      createdAt: values.now,
    })
    .returning({ id: imports.id });
  if (!row) throw new Error('createImport: no row returned');
  return row.id;
}

export async function stageRows(tx: Drizzle, importId: number, rows: { line: number; data: string }[], now: number) {
  for (let i = 0; i < rows.length; i += 5000) {
    await insertRows(
      tx,
      'INSERT INTO import_rows (import_id, line, data)',
      rows.slice(i, i + 5000).map((r) => [importId, r.line, r.data]),
    );
  }
  await tx
    .update(imports)
    .set({ heartbeatAt: now, rows: sql`${imports.rows} + ${rows.length}` })
    .where(eq(imports.id, importId));
}

/** Rows left out of an import (its reason, its values as JSON); counted on the import. */
export async function addRejects(
  tx: Drizzle,
  importId: number,
  rows: { line: number; reason: string; data: string }[],
  now: number,
) {
  for (let i = 0; i < rows.length; i += 5000) {
    await insertRows(
      tx,
      'INSERT INTO import_rejects (import_id, line, reason, data)',
      rows.slice(i, i + 5000).map((r) => [importId, r.line, r.reason, r.data]),
    );
  }
  await tx
    .update(imports)
    .set({ heartbeatAt: now, rejected: sql`${imports.rejected} + ${rows.length}` })
    .where(eq(imports.id, importId));
}

export async function readRejects(
  db: Drizzle,
  importId: number,
  afterLine: number,
  limit: number,
): Promise<{ line: number; reason: string; data: string }[]> {
  return db
    .select({ line: importRejects.line, reason: importRejects.reason, data: importRejects.data })
    .from(importRejects)
    .where(and(eq(importRejects.importId, importId), gt(importRejects.line, afterLine)))
    .orderBy(importRejects.line)
    .limit(limit);
}

/** A file refused as a whole leaves no rejected rows behind. */
export async function deleteRejects(tx: Drizzle, importId: number) {
  await tx.delete(importRejects).where(eq(importRejects.importId, importId));
  await tx.update(imports).set({ rejected: 0 }).where(eq(imports.id, importId));
}

/** Drops the rejected rows of imports finished before `before` (their count stays on the import). */
export async function deleteOldRejects(tx: Drizzle, before: number): Promise<number> {
  const result = await tx.$client.execute({
    sql: 'DELETE FROM import_rejects WHERE import_id IN (SELECT id FROM imports WHERE finished_at IS NOT NULL AND finished_at < ?)',
    args: [before],
  });
  return result.rowsAffected;
}

export async function readStagedRows(
  db: Drizzle,
  importId: number,
  afterLine: number,
  limit: number,
): Promise<{ line: number; data: string }[]> {
  const result = await db.$client.execute({
    sql: 'SELECT line, data FROM import_rows WHERE import_id = ? AND line > ? ORDER BY line LIMIT ?',
    args: [importId, afterLine, limit],
  });
  return result.rows.map((r) => ({ line: Number(r.line), data: String(r.data) }));
}

export async function finishImport(
  tx: Drizzle,
  importId: number,
  values: {
    status: 'published' | 'failed';
    created?: number;
    duplicates?: number;
    errors?: ImportError[];
    rows?: number | undefined;
    now: number;
  },
) {
  await tx
    .update(imports)
    .set({
      status: values.status,
      created: values.created ?? 0,
      duplicates: values.duplicates ?? 0,
      errors: values.errors ?? null,
      finishedAt: values.now,
      ...(values.rows === undefined ? {} : { rows: values.rows }),
    })
    .where(eq(imports.id, importId));
  await deleteStagedRows(tx, importId);
}

/** The staged rows go in slices, the event loop let in between (a web import's can be 200,000 rows). */
async function deleteStagedRows(tx: Drizzle, importId: number) {
  for (;;) {
    const result = await tx.$client.execute({
      sql: 'DELETE FROM import_rows WHERE import_id = ? AND line IN (SELECT line FROM import_rows WHERE import_id = ? ORDER BY line LIMIT 5000)',
      args: [importId, importId],
    });
    if (result.rowsAffected < 5000) return;
    await yieldToEventLoop();
  }
}

export async function getImport(db: Drizzle, id: number) {
  return db.query.imports.findFirst({ where: eq(imports.id, id) });
}

export async function listImports(db: Drizzle, limit = 50) {
  return db.select().from(imports).orderBy(desc(imports.id)).limit(limit);
}

/**
 * Moves an import on; false when it was not in the expected state (a second confirm, a
 * sweep). `withRejects`: it may have rejected rows (an explicit skip); otherwise it must have none.
 */
export async function setImportStatus(
  tx: Drizzle,
  id: number,
  from: 'staging' | 'ready',
  to: 'ready' | 'publishing',
  owner: string,
  now: number,
  options: { withRejects?: boolean; errors?: ImportError[] } = {},
): Promise<boolean> {
  const result = await tx
    .update(imports)
    .set({ status: to, owner, heartbeatAt: now, ...(options.errors ? { errors: options.errors } : {}) })
    .where(
      and(eq(imports.id, id), eq(imports.status, from), options.withRejects ? undefined : eq(imports.rejected, 0)),
    );
  return result.rowsAffected === 1;
}

export async function listUnfinishedImports(db: Drizzle) {
  return db
    .select({ id: imports.id, status: imports.status, owner: imports.owner, heartbeatAt: imports.heartbeatAt })
    .from(imports)
    .where(inArray(imports.status, ['staging', 'ready', 'publishing']));
}

export async function failImport(tx: Drizzle, id: number, message: string, now: number) {
  await finishImport(tx, id, { status: 'failed', errors: [{ line: 0, column: '', value: '', message }], now });
}
