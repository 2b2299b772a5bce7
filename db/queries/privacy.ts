/**
 * The statements of erasure and retention (src/domain/privacy.ts holds the rules: what goes,
 * in which order, and the audit entry). Each runs inside the caller's write.
 */
import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, interactions, invitations, invitationTokens, outbox, responses } from '../schema';

export async function getCustomerByEmail(tx: Drizzle, email: string) {
  return tx.query.customers.findFirst({ where: eq(customers.email, email) });
}

export async function listInteractionIdsOfCustomer(tx: Drizzle, customerId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: interactions.id })
    .from(interactions)
    .where(eq(interactions.customerId, customerId));
  return rows.map((r) => r.id);
}

export async function listResponseIdsOfInteractions(tx: Drizzle, interactionIds: number[]): Promise<number[]> {
  if (interactionIds.length === 0) return [];
  const rows = await tx
    .select({ id: responses.id })
    .from(responses)
    .where(inArray(responses.interactionId, interactionIds));
  return rows.map((r) => r.id);
}

export async function listInvitationIdsOfCustomer(tx: Drizzle, customerId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
    .where(eq(invitations.customerId, customerId));
  return rows.map((r) => r.id);
}

/** Deletes invitations with their tokens and mail; returns how many outbox rows went. */
export async function deleteInvitations(tx: Drizzle, invitationIds: number[]): Promise<number> {
  if (invitationIds.length === 0) return 0;
  const mail = await tx.delete(outbox).where(inArray(outbox.invitationId, invitationIds)).returning({ id: outbox.id });
  await tx.delete(invitationTokens).where(inArray(invitationTokens.invitationId, invitationIds));
  await tx.delete(invitations).where(inArray(invitations.id, invitationIds));
  return mail.length;
}

/** The interactions stay, without their customer. */
export async function detachInteractions(tx: Drizzle, interactionIds: number[], now: number): Promise<void> {
  if (interactionIds.length === 0) return;
  await tx
    .update(interactions)
    .set({ customerId: null, customerKey: '', updatedAt: now })
    .where(inArray(interactions.id, interactionIds));
}

export async function deleteCustomer(tx: Drizzle, customerId: number): Promise<void> {
  await tx.delete(customers).where(eq(customers.id, customerId));
}

/** Mail to an address, whoever it was for; returns how many rows went. */
export async function deleteOutboxTo(tx: Drizzle, address: string): Promise<number> {
  return (await tx.delete(outbox).where(eq(outbox.toAddress, address)).returning({ id: outbox.id })).length;
}

/** A LIKE pattern (for `ESCAPE '\'`) matching text that contains `text` literally: `%`, `_` and `\` escaped. */
const likeContaining = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Clears every comment that quotes `address` (lower case), case-insensitively; returns how many. */
export async function clearCommentsQuoting(tx: Drizzle, address: string, now: number): Promise<number> {
  const quoting = await tx
    .update(responses)
    .set({ comment: null, updatedAt: now })
    .where(
      and(isNotNull(responses.comment), sql`lower(${responses.comment}) LIKE ${likeContaining(address)} ESCAPE '\\'`),
    )
    .returning({ id: responses.id });
  return quoting.length;
}

/** Responses of interactions before `cutoff` lose their comment and contact consent; returns how many. */
export async function anonymiseResponsesBefore(tx: Drizzle, cutoff: number, now: number): Promise<number> {
  const rows = await tx
    .update(responses)
    .set({ comment: null, contactConsent: false, updatedAt: now })
    .where(and(lt(responses.occurredAt, cutoff), or(isNotNull(responses.comment), eq(responses.contactConsent, true))))
    .returning({ id: responses.id });
  return rows.length;
}

/** Interactions before `cutoff` lose their customer; returns how many. */
export async function detachInteractionsBefore(tx: Drizzle, cutoff: number, now: number): Promise<number> {
  const rows = await tx
    .update(interactions)
    .set({ customerId: null, customerKey: '', updatedAt: now })
    .where(and(lt(interactions.occurredAt, cutoff), isNotNull(interactions.customerId)))
    .returning({ id: interactions.id });
  return rows.length;
}

/** Survey tokens of invitations for interactions before `cutoff` (unsubscribe tokens stay); returns how many. */
export async function deleteSurveyTokensBefore(tx: Drizzle, cutoff: number): Promise<number> {
  const oldInvitations = tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
    .where(lt(interactions.occurredAt, cutoff));
  const rows = await tx
    .delete(invitationTokens)
    .where(and(inArray(invitationTokens.invitationId, oldInvitations), eq(invitationTokens.purpose, 'survey')))
    .returning({ h: invitationTokens.tokenHash });
  return rows.length;
}

/** Customers with no interaction and no invitation; returns how many went. */
export async function deleteOrphanCustomers(tx: Drizzle): Promise<number> {
  const rows = await tx
    .delete(customers)
    .where(
      sql`NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = ${customers.id}) AND NOT EXISTS (SELECT 1 FROM invitations v WHERE v.customer_id = ${customers.id})`,
    )
    .returning({ id: customers.id });
  return rows.length;
}
