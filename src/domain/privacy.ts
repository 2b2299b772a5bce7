/**
 * Privacy (docs/reliability.md, "Privacy: erasure and retention"): erasing a customer by
 * email, and the retention rule that anonymises old responses. Both run in one write, keep
 * the CPI totals equal to the rows that remain, and are audited (the audit log keeps a hash,
 * never the erased address).
 */
import type { Drizzle } from '../../db/client';
import { deleteResponses } from '../../db/queries/responses';
import { recordAudit } from '../../db/queries/audit';
import { deleteUndeliveredEventsQuoting, deleteUndeliveredResponseEvents } from '../../db/queries/webhooks';
import {
  anonymiseResponsesBefore,
  clearCommentsQuoting,
  deleteCustomer,
  deleteInvitations,
  deleteOrphanCustomers,
  deleteOutboxTo,
  deleteSurveyTokensBefore,
  detachInteractions,
  detachInteractionsBefore,
  getCustomerByEmail,
  listInteractionIdsOfCustomer,
  listInvitationIdsOfCustomer,
  listResponseIdsOfInteractions,
} from '../../db/queries/privacy';
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
  const customer = await getCustomerByEmail(tx, address);
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
    const interactionIds = await listInteractionIdsOfCustomer(tx, customer.id);
    const responseIds = await listResponseIdsOfInteractions(tx, interactionIds);
    // Webhook events not yet delivered about their answers go with them.
    await deleteUndeliveredResponseEvents(tx, responseIds);
    report.responses = await deleteResponses(tx, responseIds);
    const invitationIds = await listInvitationIdsOfCustomer(tx, customer.id);
    report.outbox += await deleteInvitations(tx, invitationIds);
    report.invitations = invitationIds.length;
    // The rep's interactions stay (they are the rep's work), without the customer.
    await detachInteractions(tx, interactionIds, now);
    report.interactions = interactionIds.length;
    report.optedOutKept = customer.optedOutAt !== null;
    await deleteCustomer(tx, customer.id);
  }
  report.outbox += await deleteOutboxTo(tx, address);
  await deleteUndeliveredEventsQuoting(tx, address);
  report.comments = await clearCommentsQuoting(tx, address, now);
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
  const anonymisedResponses = await anonymiseResponsesBefore(tx, cutoff, now);
  const detachedInteractions = await detachInteractionsBefore(tx, cutoff, now);
  const deletedTokens = await deleteSurveyTokensBefore(tx, cutoff);
  // Customers left with no interaction and no invitation go (invitations keep theirs: the
  // unsubscribe link never expires); an opt-out survives as its hash in suppression_list.
  const deletedCustomers = await deleteOrphanCustomers(tx);
  const report = { months, cutoff, anonymisedResponses, detachedInteractions, deletedTokens, deletedCustomers };
  await recordAudit(tx, now, { actor, action: 'privacy.retention', detail: report });
  return report;
}
