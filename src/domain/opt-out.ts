/** A customer's opt-out: no more surveys, pending mail cancelled, and a hashed entry that outlives erasure. */
import type { Drizzle } from '../../db/client';
import { and, eq, inArray } from 'drizzle-orm';
import { invitations } from '../../db/schema';
import { optOutCustomer } from '../../db/queries/customers';
import { cancelPendingMail, cancelScheduledInvitationsOfCustomer } from '../../db/queries/invitations';
import { hashEmail } from '../lib/tokens';

export async function optOut(tx: Drizzle, customer: { id: number; email: string }, now: number): Promise<void> {
  await optOutCustomer(tx, customer.id, hashEmail(customer.email), now);
  await cancelScheduledInvitationsOfCustomer(tx, customer.id);
  const open = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(eq(invitations.customerId, customer.id), inArray(invitations.status, ['scheduled', 'sent', 'cancelled'])),
    );
  await cancelPendingMail(
    tx,
    open.map((r) => r.id),
  );
}
