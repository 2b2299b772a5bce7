/** The admin outbox page: messages newest first, a page at a time, and one message in full. */
import { desc, eq } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { outbox, type OutboxMessage } from '../schema';

export type OutboxStatus = OutboxMessage['status'];

export async function listOutboxPage(
  db: Drizzle,
  filter: { status: OutboxStatus | undefined; offset: number; limit: number },
) {
  const query = db
    .select({
      id: outbox.id,
      invitationId: outbox.invitationId,
      kind: outbox.kind,
      toAddress: outbox.toAddress,
      subject: outbox.subject,
      textBody: outbox.textBody,
      status: outbox.status,
      attempts: outbox.attempts,
      sendAfter: outbox.sendAfter,
      lastError: outbox.lastError,
      sentAt: outbox.sentAt,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .orderBy(desc(outbox.id))
    .limit(filter.limit)
    .offset(filter.offset);
  return filter.status === undefined ? query : query.where(eq(outbox.status, filter.status));
}

export async function getOutboxMessage(db: Drizzle, id: number): Promise<OutboxMessage | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).limit(1);
  return row;
}
