import { and, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { auditLog } from '../schema';

export interface AuditEntry {
  actor: string;
  action: string;
  subject?: string | undefined;
  detail?: unknown;
}

/** Written inside the same write as the change it records. */
export async function recordAudit(tx: Drizzle, at: number, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at,
    actor: entry.actor,
    action: entry.action,
    subject: entry.subject ?? null,
    detail: entry.detail ?? null,
  });
}

/** What the audit page filters by: part of the actor, an action, and [from, to) in ms. */
export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
}

function where(f: AuditFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.actor) parts.push(sql`instr(lower(${auditLog.actor}), ${f.actor.toLowerCase()}) > 0`);
  if (f.action) parts.push(eq(auditLog.action, f.action));
  if (f.from !== undefined) parts.push(gte(auditLog.at, f.from));
  if (f.to !== undefined) parts.push(lt(auditLog.at, f.to));
  return parts.length ? and(...parts) : undefined;
}

export async function countAudit(db: Drizzle, f: AuditFilter): Promise<number> {
  const [row] = await db.select({ n: count() }).from(auditLog).where(where(f));
  return row?.n ?? 0;
}

/** One page of entries, newest first. */
export async function listAudit(db: Drizzle, f: AuditFilter, page: { offset: number; limit: number }) {
  return db.select().from(auditLog).where(where(f)).orderBy(desc(auditLog.id)).limit(page.limit).offset(page.offset);
}

/** Every action recorded so far (the filter's choices). */
export async function listAuditActions(db: Drizzle): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
