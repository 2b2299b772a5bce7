/**
 * Webhook endpoints and the webhook outbox. Deliveries are claimed with a lease (one
 * conditional UPDATE), as mail is (db/queries/outbox.ts), so two senders never post the
 * same row at once.
 */
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { webhookDeliveries, webhookEndpoints } from '../schema';
import type { WebhookEvent } from '../../src/lib/webhook-events';

export async function listWebhookEndpoints(db: Drizzle) {
  return db
    .select({
      id: webhookEndpoints.id,
      url: webhookEndpoints.url,
      events: webhookEndpoints.events,
      rotatedAt: webhookEndpoints.rotatedAt,
      createdAt: webhookEndpoints.createdAt,
    })
    .from(webhookEndpoints)
    .orderBy(webhookEndpoints.id);
}

export async function insertWebhookEndpoint(
  tx: Drizzle,
  values: { url: string; events: WebhookEvent[]; secret: string; now: number },
): Promise<number> {
  const [row] = await tx
    .insert(webhookEndpoints)
    .values({ url: values.url, events: values.events, secret: values.secret, createdAt: values.now })
    .returning({ id: webhookEndpoints.id });
  if (!row) throw new Error('insertWebhookEndpoint: no row returned');
  return row.id;
}

/** Deletes an endpoint and its deliveries (cascade); false when there was none. */
export async function deleteWebhookEndpoint(tx: Drizzle, id: number): Promise<boolean> {
  const result = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id));
  return result.rowsAffected === 1;
}

/** The current secret becomes the previous one (it keeps signing through the overlap); false when no such endpoint. */
export async function rotateWebhookSecret(tx: Drizzle, id: number, secret: string, now: number): Promise<boolean> {
  const result = await tx
    .update(webhookEndpoints)
    .set({ previousSecret: sql`${webhookEndpoints.secret}`, secret, rotatedAt: now })
    .where(eq(webhookEndpoints.id, id));
  return result.rowsAffected === 1;
}

/**
 * Queues one event for every endpoint subscribed to its type, inside the caller's write (the
 * outbox pattern: the event and its deliveries commit together). Returns the rows queued.
 */
export async function enqueueWebhookEvent(
  tx: Drizzle,
  event: { type: WebhookEvent; messageId: string; body: string },
  now: number,
): Promise<number> {
  const result = await tx.run(sql`
    INSERT INTO webhook_deliveries (endpoint_id, event_type, message_id, body, status, attempts, next_attempt_at, created_at)
    SELECT id, ${event.type}, ${event.messageId}, ${event.body}, 'pending', 0, ${now}, ${now}
    FROM webhook_endpoints WHERE EXISTS (SELECT 1 FROM json_each(webhook_endpoints.events) WHERE value = ${event.type})`);
  return result.rowsAffected;
}

/** Claims up to `limit` due deliveries for `owner` with a lease, with their endpoint's URL and secrets. */
export async function claimDueDeliveries(tx: Drizzle, owner: string, now: number, leaseMs: number, limit: number) {
  const claimed = await tx
    .update(webhookDeliveries)
    .set({ leaseOwner: owner, leaseExpiresAt: now + leaseMs, attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(
      inArray(
        webhookDeliveries.id,
        tx
          .select({ id: webhookDeliveries.id })
          .from(webhookDeliveries)
          .where(
            and(
              eq(webhookDeliveries.status, 'pending'),
              lte(webhookDeliveries.nextAttemptAt, now),
              sql`(${webhookDeliveries.leaseExpiresAt} IS NULL OR ${webhookDeliveries.leaseExpiresAt} < ${now})`,
            ),
          )
          .orderBy(webhookDeliveries.nextAttemptAt, webhookDeliveries.id)
          .limit(limit),
      ),
    )
    .returning();
  if (claimed.length === 0) return [];
  const endpoints = await tx
    .select()
    .from(webhookEndpoints)
    .where(
      inArray(
        webhookEndpoints.id,
        claimed.map((d) => d.endpointId),
      ),
    );
  const byId = new Map(endpoints.map((e) => [e.id, e]));
  return claimed.flatMap((delivery) => {
    const endpoint = byId.get(delivery.endpointId);
    return endpoint ? [{ delivery, endpoint }] : [];
  });
}

const held = (id: number, owner: string) => and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.leaseOwner, owner));

export function markDelivered(tx: Drizzle, id: number, owner: string, status: number, now: number) {
  return tx
    .update(webhookDeliveries)
    .set({
      status: 'delivered',
      // Delivered: the payload (answers, maybe the customer) is not kept, as a sent mail's body is not.
      body: '',
      deliveredAt: now,
      lastStatus: status,
      lastError: null,
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(held(id, owner));
}

export function markDeliveryRetry(
  tx: Drizzle,
  id: number,
  owner: string,
  outcome: { status: number | null; error: string; nextAttemptAt: number },
) {
  return tx
    .update(webhookDeliveries)
    .set({
      nextAttemptAt: outcome.nextAttemptAt,
      lastStatus: outcome.status,
      lastError: outcome.error.slice(0, 500),
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(held(id, owner));
}

export function markDeliveryDead(
  tx: Drizzle,
  id: number,
  owner: string,
  outcome: { status: number | null; error: string },
) {
  return tx
    .update(webhookDeliveries)
    .set({
      status: 'dead',
      lastStatus: outcome.status,
      lastError: outcome.error.slice(0, 500),
      leaseOwner: null,
      leaseExpiresAt: null,
    })
    .where(held(id, owner));
}

/** An admin retries a dead delivery: pending again, due now, attempts counted afresh. */
export async function retryDeadDelivery(tx: Drizzle, id: number, now: number): Promise<boolean> {
  const result = await tx
    .update(webhookDeliveries)
    .set({ status: 'pending', nextAttemptAt: now, attempts: 0, leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'dead')));
  return result.rowsAffected === 1;
}

/** The delivery log, newest first. */
export async function listDeliveries(db: Drizzle, limit: number) {
  return db
    .select({
      id: webhookDeliveries.id,
      endpointId: webhookDeliveries.endpointId,
      url: webhookEndpoints.url,
      eventType: webhookDeliveries.eventType,
      messageId: webhookDeliveries.messageId,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastStatus: webhookDeliveries.lastStatus,
      lastError: webhookDeliveries.lastError,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

/** The event types at least one endpoint listens for (events nobody listens for are not built). */
export async function subscribedWebhookEvents(db: Drizzle): Promise<Set<string>> {
  const result = await db.run(
    sql`SELECT DISTINCT value AS type FROM webhook_endpoints, json_each(webhook_endpoints.events)`,
  );
  return new Set(result.rows.map((row) => String(row.type)));
}

/** What a response event tells a receiver: the interaction, its rep, the answers and the customer. */
export async function getResponseEventFacts(db: Drizzle, responseId: number) {
  const result = await db.run(sql`
    SELECT i.external_id AS externalId, i.type AS interactionType, i.occurred_at AS occurredAt,
      rp.email AS repEmail, r.submitted_at AS submittedAt,
      r.resolved_first_contact AS resolvedFirstContact, r.content_useful AS contentUseful,
      r.decision_clearer AS decisionClearer, r.added_value AS addedValue, r.comment AS comment,
      r.contact_consent AS contactConsent,
      c.email AS customerEmail, c.name AS customerName, c.company AS customerCompany
    FROM responses r
    JOIN interactions i ON i.id = r.interaction_id
    JOIN reps rp ON rp.id = r.rep_id
    LEFT JOIN customers c ON c.id = i.customer_id
    WHERE r.id = ${responseId}`);
  const row = result.rows[0];
  if (!row) return undefined;
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    externalId: String(row.externalId),
    interactionType: String(row.interactionType),
    occurredAt: Number(row.occurredAt),
    repEmail: String(row.repEmail),
    submittedAt: num(row.submittedAt),
    resolvedFirstContact: num(row.resolvedFirstContact),
    contentUseful: num(row.contentUseful),
    decisionClearer: num(row.decisionClearer),
    addedValue: num(row.addedValue),
    comment: str(row.comment),
    contactConsent: Boolean(num(row.contactConsent)),
    customer: row.customerEmail
      ? { email: String(row.customerEmail), name: str(row.customerName), company: str(row.customerCompany) }
      : null,
  };
}

/** The CRM's id of an invitation's interaction (for `invitation.bounced`). */
export async function getInvitationExternalId(db: Drizzle, invitationId: number): Promise<string | null> {
  const result = await db.run(sql`
    SELECT i.external_id AS externalId FROM invitations v JOIN interactions i ON i.id = v.interaction_id
    WHERE v.id = ${invitationId}`);
  const value = result.rows[0]?.externalId;
  return value === undefined || value === null ? null : String(value);
}

/** Erasure: undelivered events about these responses are deleted (delivered ones keep no payload). */
export async function deleteUndeliveredResponseEvents(tx: Drizzle, responseIds: number[]): Promise<void> {
  if (responseIds.length === 0) return;
  await tx.run(sql`
    DELETE FROM webhook_deliveries WHERE status <> 'delivered' AND event_type LIKE 'response.%'
      AND json_extract(body, '$.data.responseId') IN (SELECT value FROM json_each(${JSON.stringify(responseIds)}))`);
}

/** Erasure: undelivered events whose payload quotes the address are deleted. */
export async function deleteUndeliveredEventsQuoting(tx: Drizzle, address: string): Promise<void> {
  await tx.run(sql`DELETE FROM webhook_deliveries WHERE status <> 'delivered' AND instr(lower(body), ${address}) > 0`);
}

/** The delivery log keeps finished rows (delivered, dead) for a while; older ones are deleted by the maintenance job. */
export async function deleteFinishedDeliveriesBefore(tx: Drizzle, cutoff: number): Promise<void> {
  await tx.run(sql`DELETE FROM webhook_deliveries WHERE status IN ('delivered', 'dead') AND created_at < ${cutoff}`);
}
