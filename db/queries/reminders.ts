/** The reads and the claim behind reminders (src/domain/reminders.ts decides what is sent). */
import { and, eq, gt, inArray, isNull, lte } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, interactions, invitations, reps, responses } from '../schema';

/**
 * Sent invitations whose reminder is due at `now` and not yet queued, still open (not
 * expired, no submitted response) and to a customer who has not opted out; at most `limit`.
 */
export function listDueReminders(db: Drizzle, now: number, limit: number) {
  return db
    .select({
      invitation: invitations,
      type: interactions.type,
      occurredAt: interactions.occurredAt,
      repName: reps.name,
      customer: customers,
    })
    .from(invitations)
    .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
    .innerJoin(reps, eq(reps.id, invitations.repId))
    .innerJoin(customers, eq(customers.id, invitations.customerId))
    .leftJoin(responses, and(eq(responses.invitationId, invitations.id), eq(responses.status, 'submitted')))
    .where(
      and(
        eq(invitations.status, 'sent'),
        lte(invitations.reminderDueAt, now),
        isNull(invitations.remindedAt),
        gt(invitations.expiresAt, now),
        isNull(responses.id),
        isNull(customers.optedOutAt),
      ),
    )
    .limit(limit);
}

/**
 * Marks the reminders of `invitationIds` as queued, if no one did yet: a conditional UPDATE
 * on reminded_at, so two senders claim each once. Returns the ids this call claimed.
 */
export async function claimReminders(tx: Drizzle, invitationIds: number[], now: number): Promise<Set<number>> {
  const claimed = await tx
    .update(invitations)
    .set({ remindedAt: now })
    .where(and(inArray(invitations.id, invitationIds), isNull(invitations.remindedAt), eq(invitations.status, 'sent')))
    .returning({ id: invitations.id });
  return new Set(claimed.map((r) => r.id));
}
