/**
 * Privacy (docs/reliability.md, "Privacy: erasure and retention"): erasing a customer by
 * email, and the retention rule that anonymises old responses. Both run in one write, keep
 * the CPI totals equal to the rows that remain, and are audited (the audit log keeps a hash,
 * never the erased address).
 */
import { and, eq, inArray, isNotNull, like, lt, or, sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/client';
import { customers, interactions, invitations, invitationTokens, outbox, responses } from '../../db/schema';
import { deleteResponses } from '../../db/queries/responses';
import { recordAudit } from '../../db/queries/audit';
import { hashEmail } from '../lib/tokens';

export interface ErasureReport {
  found: boolean;
  responses: number;
  invitations: number;
  outbox: number;
  comments: number;
  interactions: number;
  optedOutKept: boolean;
}

/** Everything of one customer goes; a comment elsewhere that quotes the address is cleared too. */
export async function eraseCustomer(tx: Drizzle, email: string, actor: string, now: number): Promise<ErasureReport> {
  const address = email.trim().toLowerCase();
  const customer = await tx.query.customers.findFirst({ where: eq(customers.email, address) });
  const report: ErasureReport = {
    found: customer !== undefined,
    responses: 0,
    invitations: 0,
    outbox: 0,
    comments: 0,
    interactions: 0,
    optedOutKept: false,
  };
  if (customer) {
    const theirInteractions = await tx
      .select({ id: interactions.id })
      .from(interactions)
      .where(eq(interactions.customerId, customer.id));
    const interactionIds = theirInteractions.map((i) => i.id);
    const answered = interactionIds.length
      ? await tx.select({ id: responses.id }).from(responses).where(inArray(responses.interactionId, interactionIds))
      : [];
    report.responses = await deleteResponses(
      tx,
      answered.map((r) => r.id),
    );
    const theirInvitations = await tx
      .select({
        id: invitations.id,
        status: invitations.status,
        repId: invitations.repId,
        occurredAt: interactions.occurredAt,
        type: interactions.type,
      })
      .from(invitations)
      .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
      .where(eq(invitations.customerId, customer.id));
    const invitationIds = theirInvitations.map((i) => i.id);
    if (invitationIds.length) {
      report.outbox += (
        await tx.delete(outbox).where(inArray(outbox.invitationId, invitationIds)).returning({ id: outbox.id })
      ).length;
      await tx.delete(invitationTokens).where(inArray(invitationTokens.invitationId, invitationIds));
      await tx.delete(invitations).where(inArray(invitations.id, invitationIds));
    }
    report.invitations = invitationIds.length;
    // The rep's interactions stay (they are the rep's work), without the customer.
    if (interactionIds.length) {
      await tx
        .update(interactions)
        .set({ customerId: null, customerKey: '', updatedAt: now })
        .where(inArray(interactions.id, interactionIds));
    }
    report.interactions = interactionIds.length;
    report.optedOutKept = customer.optedOutAt !== null;
    await tx.delete(customers).where(eq(customers.id, customer.id));
  }
  report.outbox += (await tx.delete(outbox).where(eq(outbox.toAddress, address)).returning({ id: outbox.id })).length;
  const quoting = await tx
    .update(responses)
    .set({ comment: null, updatedAt: now })
    .where(
      and(
        isNotNull(responses.comment),
        like(sql`lower(${responses.comment})`, `%${address.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      ),
    )
    .returning({ id: responses.id });
  report.comments = quoting.length;
  await recordAudit(tx, now, {
    actor,
    action: 'privacy.erase',
    subject: `sha256:${hashEmail(address).slice(0, 16)}`,
    detail: report,
  });
  return report;
}

export interface RetentionReport {
  months: number;
  cutoff: number;
  anonymisedResponses: number;
  detachedInteractions: number;
  deletedTokens: number;
  deletedCustomers: number;
}

/**
 * Responses older than `months` (by the interaction's time) lose their free text and the
 * link to the customer; their answers stay, so CPI history and totals do not change.
 */
export async function applyRetention(
  tx: Drizzle,
  months: number,
  actor: string,
  now: number,
): Promise<RetentionReport> {
  const d = new Date(now);
  const cutoff = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - months, d.getUTCDate());
  const anonymised = await tx
    .update(responses)
    .set({ comment: null, contactConsent: false, updatedAt: now })
    .where(and(lt(responses.occurredAt, cutoff), or(isNotNull(responses.comment), eq(responses.contactConsent, true))))
    .returning({ id: responses.id });
  const detached = await tx
    .update(interactions)
    .set({ customerId: null, customerKey: '', updatedAt: now })
    .where(and(lt(interactions.occurredAt, cutoff), isNotNull(interactions.customerId)))
    .returning({ id: interactions.id });
  const oldInvitations = tx
    .select({ id: invitations.id })
    .from(invitations)
    .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
    .where(lt(interactions.occurredAt, cutoff));
  const tokens = await tx
    .delete(invitationTokens)
    .where(and(inArray(invitationTokens.invitationId, oldInvitations), eq(invitationTokens.purpose, 'survey')))
    .returning({ h: invitationTokens.tokenHash });
  // Customers left with no interaction and no invitation go (invitations keep theirs: the
  // unsubscribe link never expires); an opt-out survives as its hash in suppression_list.
  const orphans = await tx
    .delete(customers)
    .where(
      sql`NOT EXISTS (SELECT 1 FROM interactions i WHERE i.customer_id = ${customers.id}) AND NOT EXISTS (SELECT 1 FROM invitations v WHERE v.customer_id = ${customers.id})`,
    )
    .returning({ id: customers.id });
  const report = {
    months,
    cutoff,
    anonymisedResponses: anonymised.length,
    detachedInteractions: detached.length,
    deletedTokens: tokens.length,
    deletedCustomers: orphans.length,
  };
  await recordAudit(tx, now, { actor, action: 'privacy.retention', detail: report });
  return report;
}
