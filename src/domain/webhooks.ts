/**
 * Signed webhooks (README, "Webhooks"): registering endpoints (their URL checked against the
 * SSRF rules), rotating and deleting them, and the events, queued in the same write as what
 * they report (the outbox pattern). Delivery is src/webhooks/sender.ts.
 */
import { z } from 'zod';
import type { AppDeps } from '../context';
import type { Drizzle } from '../../db/client';
import { recordAudit } from '../../db/queries/audit';
import {
  deleteWebhookEndpoint,
  enqueueWebhookEvent,
  getInvitationExternalId,
  getResponseEventFacts,
  insertWebhookEndpoint,
  retryDeadDelivery,
  rotateWebhookSecret,
  subscribedWebhookEvents,
} from '../../db/queries/webhooks';
import { RESPONSE_EVENTS, WEBHOOK_EVENTS, type WebhookEvent } from '../lib/webhook-events';
import { newWebhookMessageId, newWebhookSecret } from '../lib/tokens';
import { invalid, notFound } from '../lib/errors';
import { resolvePublic, urlProblem } from '../webhooks/address';
import { maySeeCustomerIdentity } from './customer-identity';
import { needsFollowUp } from './follow-ups';

/** How long a rotated-out secret keeps signing beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;

export const webhookInput = z.object({
  url: z.string().trim().min(1, 'must be a URL').max(2000, 'must be at most 2,000 characters'),
  events: z
    .array(z.enum(WEBHOOK_EVENTS, { error: `must be one of ${WEBHOOK_EVENTS.join(', ')}` }))
    .min(1, 'must name at least one event')
    .transform((events) => [...new Set(events)]),
});
export type WebhookInput = z.infer<typeof webhookInput>;

/** The URL may be used: `https:` (or `http:` with WEBHOOK_ALLOW_LOCAL=1) and every address DNS gives is public. */
async function checkEndpointUrl(url: string, allowLocal: boolean): Promise<void> {
  const problem = urlProblem(url, allowLocal);
  if (problem) throw invalid([{ path: ['url'], message: problem }], `url ${problem}.`);
  try {
    await resolvePublic(new URL(url).hostname, allowLocal);
  } catch (error) {
    const message = error instanceof Error ? error.message : 'does not resolve';
    throw invalid([{ path: ['url'], message }], `url refused: ${message}.`);
  }
}

export async function registerWebhook(deps: AppDeps, input: WebhookInput, actor: string) {
  await checkEndpointUrl(input.url, deps.config.webhookAllowLocal);
  const secret = newWebhookSecret();
  const now = deps.clock.nowMs();
  const id = await deps.db.write(async (tx) => {
    const endpointId = await insertWebhookEndpoint(tx, { url: input.url, events: input.events, secret, now });
    await recordAudit(tx, now, {
      actor,
      action: 'webhook.create',
      subject: input.url,
      detail: { id: endpointId, events: input.events },
    });
    return endpointId;
  });
  return { id, secret };
}

export async function rotateWebhook(deps: AppDeps, id: number, actor: string) {
  const secret = newWebhookSecret();
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    if (!(await rotateWebhookSecret(tx, id, secret, now))) throw notFound('No such webhook.');
    await recordAudit(tx, now, { actor, action: 'webhook.rotate', subject: String(id), detail: { id } });
  });
  return { id, secret };
}

export async function deleteWebhook(deps: AppDeps, id: number, actor: string) {
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    if (!(await deleteWebhookEndpoint(tx, id))) throw notFound('No such webhook.');
    await recordAudit(tx, now, { actor, action: 'webhook.delete', subject: String(id), detail: { id } });
  });
}

export async function retryWebhookDelivery(deps: AppDeps, id: number, actor: string): Promise<boolean> {
  const now = deps.clock.nowMs();
  const retried = await deps.db.write(async (tx) => {
    const done = await retryDeadDelivery(tx, id, now);
    if (done) await recordAudit(tx, now, { actor, action: 'webhook.retry', subject: String(id), detail: { id } });
    return done;
  });
  if (retried) deps.wakeSender();
  return retried;
}

/** The secrets that sign now: the current one, and the previous one within the overlap after a rotation. */
export function signingSecrets(
  endpoint: { secret: string; previousSecret: string | null; rotatedAt: number | null },
  now: number,
): string[] {
  const overlapping =
    endpoint.previousSecret !== null && endpoint.rotatedAt !== null && now < endpoint.rotatedAt + ROTATION_OVERLAP_MS;
  return overlapping && endpoint.previousSecret ? [endpoint.secret, endpoint.previousSecret] : [endpoint.secret];
}

/** Queues an event for its subscribers, inside the caller's write. */
async function queueEvent(tx: Drizzle, type: WebhookEvent, data: Record<string, unknown>, now: number) {
  const body = JSON.stringify({ type, timestamp: new Date(now).toISOString(), data });
  return (await enqueueWebhookEvent(tx, { type, messageId: newWebhookMessageId(), body }, now)) > 0;
}

/**
 * A customer submitted a survey: `response.submitted`, and `response.low_score_with_consent`
 * when it opened a follow-up. Inside the submit's write. The customer's identity is sent only
 * where they consented (src/domain/customer-identity.ts). True when a delivery was queued.
 */
export async function queueResponseEvents(tx: Drizzle, responseId: number, now: number): Promise<boolean> {
  const subscribed = await subscribedWebhookEvents(tx);
  if (!RESPONSE_EVENTS.some((event) => subscribed.has(event))) return false;
  const facts = await getResponseEventFacts(tx, responseId);
  if (!facts) return false;
  const data = {
    responseId,
    externalId: facts.externalId,
    interactionType: facts.interactionType,
    occurredAt: new Date(facts.occurredAt).toISOString(),
    repEmail: facts.repEmail,
    submittedAt: facts.submittedAt === null ? null : new Date(facts.submittedAt).toISOString(),
    answers: {
      resolved_first_contact: facts.resolvedFirstContact === null ? null : facts.resolvedFirstContact === 1,
      content_useful: facts.contentUseful,
      decision_clearer: facts.decisionClearer,
      added_value: facts.addedValue,
      comment: facts.comment,
    },
    contactConsent: facts.contactConsent,
    customer: maySeeCustomerIdentity({ kind: 'webhook' }, facts.contactConsent) ? facts.customer : null,
  };
  const submitted = subscribed.has('response.submitted') && (await queueEvent(tx, 'response.submitted', data, now));
  const low =
    subscribed.has('response.low_score_with_consent') &&
    needsFollowUp(facts) &&
    (await queueEvent(tx, 'response.low_score_with_consent', data, now));
  return submitted || low;
}

/** An invitation's mail was refused for good by the SMTP server (5xx): `invitation.bounced`. */
export async function queueBounceEvent(
  tx: Drizzle,
  bounce: { invitationId: number | null; kind: string; smtpError: string },
  now: number,
): Promise<boolean> {
  const externalId = bounce.invitationId === null ? null : await getInvitationExternalId(tx, bounce.invitationId);
  // No address: whether the customer may be named is theirs to say, and a bounce carries no consent.
  return queueEvent(
    tx,
    'invitation.bounced',
    { invitationId: bounce.invitationId, externalId, message: bounce.kind, error: bounce.smtpError.slice(0, 500) },
    now,
  );
}

/** An import finished (published, or refused): `import.finished`. */
export async function queueImportFinishedEvent(
  tx: Drizzle,
  result: {
    importId: number;
    kind: string;
    status: 'published' | 'failed';
    rows: number;
    created: number;
    duplicates: number;
    rejected: number;
  },
  now: number,
): Promise<boolean> {
  return queueEvent(tx, 'import.finished', result, now);
}
