/** A customer's opt-out: no more surveys, pending mail cancelled, and a hashed entry that outlives erasure. */
import type { Drizzle } from '../../db/client';
import { optOutCustomer } from '../../db/queries/customers';
import {
  cancelPendingMail,
  cancelScheduledInvitationsOfCustomer,
  listInvitationIdsWithMailOfCustomer,
} from '../../db/queries/invitations';
import { hashEmail } from '../lib/tokens';

export async function optOut(tx: Drizzle, customer: { id: number; email: string }, now: number): Promise<void> {
  await optOutCustomer(tx, customer.id, hashEmail(customer.email), now);
  await cancelScheduledInvitationsOfCustomer(tx, customer.id);
  await cancelPendingMail(tx, await listInvitationIdsWithMailOfCustomer(tx, customer.id));
}
