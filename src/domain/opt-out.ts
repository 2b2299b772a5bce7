/** A customer's opt-out: no more surveys, pending mail cancelled, and a hashed entry that outlives erasure. */
import type { Drizzle } from '../../db/client';
import { and, eq, inArray } from 'drizzle-orm';
import { invitations, interactions } from '../../db/schema';
import { optOutCustomer } from '../../db/queries/customers';
import { cancelPendingMail, cancelScheduledInvitationsOfCustomer } from '../../db/queries/invitations';
import { applyRollupDeltas, invitationDelta } from '../../db/queries/rollups';
import { hashEmail } from '../lib/tokens';

export async function optOut(tx: Drizzle, customer: { id: number; email: string }, now: number): Promise<void> {
  await optOutCustomer(tx, customer.id, hashEmail(customer.email), now);
  const cancelled = await cancelScheduledInvitationsOfCustomer(tx, customer.id);
  if (cancelled.length > 0) {
    const rows = await tx
      .select({ repId: invitations.repId, occurredAt: interactions.occurredAt, type: interactions.type })
      .from(invitations)
      .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
      .where(inArray(invitations.id, cancelled));
    await applyRollupDeltas(tx, rows.map((r) => invitationDelta(r.repId, r.occurredAt, r.type, -1)));
  }
  const open = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(and(eq(invitations.customerId, customer.id), inArray(invitations.status, ['scheduled', 'sent', 'cancelled'])));
  await cancelPendingMail(tx, open.map((r) => r.id));
}
