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
  await tx.insert(auditLog).values({ at, actor: entry.actor, action: entry.action, subject: entry.subject ?? null, detail: entry.detail ?? null });
}

export async function listAudit(db: Drizzle, limit = 200) {
  return db.query.auditLog.findMany({ orderBy: (t, { desc }) => [desc(t.id)], limit });
}
