import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { outbox, type OutboxMessage } from '../schema';
import { DAY_MS } from '../../src/lib/days';

/**
 * Claims up to `limit` due messages for `owner` with a lease (one conditional UPDATE), so
 * two senders — in one process or in two — never hold the same row at once.
 */
export function claimDueMessages(tx: Drizzle, owner: string, now: number, leaseMs: number, limit: number) {
  return tx
    .update(outbox)
    .set({ leaseOwner: owner, leaseExpiresAt: now + leaseMs, attempts: sql`${outbox.attempts} + 1` })
    .where(
      inArray(
        outbox.id,
        tx
          .select({ id: outbox.id })
          .from(outbox)
          .where(
            and(
              eq(outbox.status, 'pending'),
              lte(outbox.sendAfter, now),
              sql`(${outbox.leaseExpiresAt} IS NULL OR ${outbox.leaseExpiresAt} < ${now})`,
            ),
          )
          .orderBy(outbox.sendAfter, outbox.id)
          .limit(limit),
      ),
    )
    .returning();
}

/**
 * Delivered: the bodies (which hold the link) are dropped; an invitation counts as sent
 * from now (its expiry and reminder move with the real send time). Two statements, one
 * batch: the second applies only if the first did.
 */
export function markSent(tx: Drizzle, message: OutboxMessage, owner: string, now: number) {
  return [
    tx
      .update(outbox)
      .set({
        status: 'sent',
        sentAt: now,
        textBody: null,
        htmlBody: null,
        leaseOwner: null,
        leaseExpiresAt: null,
        lastError: null,
      })
      .where(and(eq(outbox.id, message.id), eq(outbox.leaseOwner, owner), eq(outbox.status, 'pending'))),
    tx.run(sql`
      UPDATE invitations SET status = 'sent', sent_at = ${now},
        expires_at = ${now} + expiry_days * ${sql.raw(String(DAY_MS))},
        reminder_due_at = CASE WHEN reminder_due_at IS NULL THEN NULL ELSE reminder_due_at + (${now} - send_at) END
      WHERE id = ${message.invitationId} AND status = 'scheduled' AND ${message.kind} = 'invitation'
        AND EXISTS (SELECT 1 FROM outbox WHERE id = ${message.id} AND status = 'sent' AND sent_at = ${now})`),
  ] as const;
}

export function markRetry(tx: Drizzle, id: number, owner: string, sendAfter: number, error: string) {
  return tx
    .update(outbox)
    .set({ leaseOwner: null, leaseExpiresAt: null, sendAfter, lastError: error.slice(0, 500) })
    .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)));
}

export function markDead(tx: Drizzle, id: number, owner: string, error: string) {
  return tx
    .update(outbox)
    .set({ status: 'dead', leaseOwner: null, leaseExpiresAt: null, lastError: error.slice(0, 500) })
    .where(and(eq(outbox.id, id), eq(outbox.leaseOwner, owner)));
}

/** An admin retries a dead letter: it becomes pending again, due now. */
export async function retryDead(tx: Drizzle, id: number, now: number): Promise<boolean> {
  const result = await tx
    .update(outbox)
    .set({ status: 'pending', sendAfter: now, attempts: 0, leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'dead')));
  return result.rowsAffected === 1;
}

/** Mail for invitations whose link has expired is not sent any more. */
export async function cancelExpiredMail(tx: Drizzle, now: number): Promise<number> {
  const result = await tx.run(sql`
    UPDATE outbox SET status = 'cancelled', text_body = NULL, html_body = NULL
    WHERE status = 'pending' AND invitation_id IN (SELECT id FROM invitations WHERE expires_at <= ${now} AND status IN ('scheduled', 'sent'))`);
  await tx.run(
    sql`UPDATE invitations SET status = 'expired' WHERE status IN ('scheduled', 'sent') AND expires_at <= ${now}`,
  );
  return result.rowsAffected;
}

export async function countOutboxByStatus(db: Drizzle) {
  return db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status);
}

export async function countDueMessages(db: Drizzle, now: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)` })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.sendAfter, now)));
  return row?.n ?? 0;
}
