/**
 * Interaction intake (API, CSV, staff form): idempotent on externalId, all or nothing per
 * batch. A retry with the same payload is `existing`; filling in quoteDeliveredAt later is
 * `updated`; any other difference is a 409 naming the item and the fields. New
 * interactions are surveyed or suppressed by the rules, in the same write.
 */
import type { AppDeps } from '../context';
import { answerOf, gathering, type Answer } from '../../db/coalesce';
import { DatabaseUnavailableError } from '../../db/errors';
import type { Drizzle } from '../../db/client';
import type { SuppressionReason } from '../../db/schema';
import type { InteractionInput } from './inputs';
import { conflict, invalid, type FieldIssue } from '../lib/errors';
import { contentKey, customerKey } from './interaction-keys';
import { hashEmail } from '../lib/tokens';
import { getRepsByEmail } from '../../db/queries/reps';
import {
  getInteractionsByExternalId,
  insertInteractions,
  setQuoteDelivered,
  type ExistingInteraction,
} from '../../db/queries/interactions';
import { getInvitationSendTimes, getSuppressedHashes, upsertCustomers } from '../../db/queries/customers';
import { ensureContentItems } from '../../db/queries/content';
import { decideSurvey, getRules, type SurveyDecision } from './survey-rules';
import { createInvitations } from './invitations';

export interface IntakeResult {
  externalId: string;
  id: number;
  status: 'created' | 'existing' | 'updated';
  survey: 'scheduled' | 'suppressed';
  reason?: SuppressionReason;
}

export type IntakeSource = 'api' | 'csv' | 'form';

/** Which fields of a retried item differ from what was stored (quoteDeliveredAt filled in is not a difference). */
function differences(item: InteractionInput, stored: ExistingInteraction): string[] {
  const i = stored.interaction;
  const diffs: string[] = [];
  if (item.repEmail !== stored.repEmail) diffs.push('repEmail');
  if (item.type !== i.type) diffs.push('type');
  if (item.occurredAt !== i.occurredAt) diffs.push('occurredAt');
  if (item.quoteRequestedAt !== i.quoteRequestedAt) diffs.push('quoteRequestedAt');
  if (i.quoteDeliveredAt !== null && item.quoteDeliveredAt !== i.quoteDeliveredAt) diffs.push('quoteDeliveredAt');
  if (contentKey(item.contentIds) !== i.contentKey) diffs.push('contentIds');
  if (customerKey(item.customer) !== i.customerKey) diffs.push('customer');
  return diffs;
}

/** The refusal of an item naming a rep that does not exist (also the CSV history path's). */
export const unknownRepMessage = (email: string) =>
  `no rep with email ${email}; create the rep first (POST /api/v1/reps)`;
/** The refusal of a retry that changes what was received first (also the CSV history path's). */
export const changedRetryMessage = (externalId: string, fields: string[]) =>
  `externalId ${externalId} was already received with different ${fields.join(', ')}`;

export async function ingestInteractions(
  deps: AppDeps,
  items: InteractionInput[],
  source: IntakeSource,
): Promise<IntakeResult[]> {
  const results =
    deps.db.kind === 'remote' && items.length <= GATHER_UP_TO
      ? await gatheredIntake(deps, source)(items)
      : await ingestAlone(deps, items, source);
  if (results.some((r) => r.status === 'created' && r.survey === 'scheduled')) deps.wakeSender();
  return results;
}

const ingestAlone = (deps: AppDeps, items: InteractionInput[], source: IntakeSource) =>
  deps.db.write((tx) =>
    ingestInTransaction(tx, items, source, deps.clock.nowMs(), {
      baseUrl: deps.config.baseUrl,
      mailFrom: deps.config.mailFrom,
    }),
  );

/** Requests of at most this many items are gathered against a server (a CRM sending each interaction as it happens). */
const GATHER_UP_TO = 10;

const gatheredIntakes = new WeakMap<
  AppDeps,
  Map<IntakeSource, (items: InteractionInput[]) => Promise<IntakeResult[]>>
>();

/**
 * Against a libSQL server every statement of an intake is a round trip, and the requests of
 * one write group run one after another in its transaction: 50 CRM requests of one
 * interaction each took seconds. So the requests that arrive while an intake is on its way
 * run together as one intake of all their items (one request's round trips; repeats of an
 * externalId across them are answered as a retry would be), and the results are split back
 * per request. If that intake is refused (an unknown rep, a conflicting retry), each request
 * runs again alone, for its own answer.
 */
function gatheredIntake(deps: AppDeps, source: IntakeSource): (items: InteractionInput[]) => Promise<IntakeResult[]> {
  const bySource = gatheredIntakes.get(deps) ?? gatheredIntakes.set(deps, new Map()).get(deps)!;
  let ingest = bySource.get(source);
  if (!ingest) {
    ingest = gathering(async (requests: InteractionInput[][]): Promise<Answer<IntakeResult[]>[]> => {
      if (requests.length === 1) return [await answerOf(ingestAlone(deps, requests[0]!, source))];
      try {
        const all = await ingestAlone(deps, requests.flat(), source);
        let at = 0;
        return requests.map((items) => ({ value: all.slice(at, (at += items.length)) }));
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) throw error;
        const answers: Answer<IntakeResult[]>[] = [];
        for (const items of requests) answers.push(await answerOf(ingestAlone(deps, items, source)));
        return answers;
      }
    }, 64);
    bySource.set(source, ingest);
  }
  return ingest;
}

export async function ingestInTransaction(
  tx: Drizzle,
  items: InteractionInput[],
  source: IntakeSource,
  now: number,
  mail: { baseUrl: string; mailFrom: string },
): Promise<IntakeResult[]> {
  const repsByEmail = await getRepsByEmail(
    tx,
    items.map((i) => i.repEmail),
  );
  const unknownReps: FieldIssue[] = items.flatMap((item, index) =>
    repsByEmail.has(item.repEmail) ? [] : [{ path: [index, 'repEmail'], message: unknownRepMessage(item.repEmail) }],
  );
  if (unknownReps.length > 0) throw invalid(unknownReps.slice(0, 100), 'Some items name an unknown rep.');

  const stored = await getInteractionsByExternalId(
    tx,
    items.map((i) => i.externalId),
  );
  const rules = await getRules(tx);
  const conflicts: FieldIssue[] = [];
  // A repeated externalId in one batch is compared with its first occurrence.
  const firstInBatch = new Map<string, InteractionInput>();
  const newItems: InteractionInput[] = [];
  for (const [index, item] of items.entries()) {
    const earlier = firstInBatch.get(item.externalId);
    const existing = stored.get(item.externalId);
    const diffs = existing ? differences(item, existing) : earlier ? batchDifferences(item, earlier) : [];
    if (diffs.length > 0) conflicts.push({ path: [index], message: changedRetryMessage(item.externalId, diffs) });
    if (!existing && !earlier) {
      firstInBatch.set(item.externalId, item);
      newItems.push(item);
    }
  }
  if (conflicts.length > 0)
    throw conflict('Some items conflict with interactions received earlier.', conflicts.slice(0, 100));

  // Only an admin's CSV import refreshes what is known of a customer; API keys and staff forms add new ones.
  const customers = await upsertCustomers(
    tx,
    newItems.map((i) => i.customer),
    now,
    { refresh: source === 'csv' },
  );
  // Each customer's suppression-list hash, once (the decision below runs twice per item).
  const emailHashes = new Map([...customers.keys()].map((email) => [email, hashEmail(email)]));
  const suppressed = await getSuppressedHashes(tx, [...emailHashes.values()]);
  await ensureContentItems(
    tx,
    newItems.flatMap((i) => i.contentIds),
    now,
  );
  const decide = (item: InteractionInput, sendTimesOfCustomer: number[]) => {
    const customer = customers.get(item.customer.email)!;
    return decideSurvey({
      now,
      occurredAt: item.occurredAt,
      rule: rules.get(item.type)!,
      customerOptedOut: customer.optedOutAt !== null || suppressed.has(emailHashes.get(item.customer.email)!),
      repExcluded: repsByEmail.get(item.repEmail)!.excludedFromSurveys,
      customerInvitationSendTimes: sendTimesOfCustomer,
      contentShared: item.contentIds.length > 0,
    });
  };
  // Fatigue is the last rule: only items the other rules would survey need the customer's
  // earlier send times (history imports need none).
  const candidates = newItems.filter((item) => decide(item, []).survey === 'scheduled');
  const sendTimes = await getInvitationSendTimes(tx, [
    ...new Set(candidates.map((i) => customers.get(i.customer.email)!.id)),
  ]);

  const decisions = new Map<string, SurveyDecision>();
  const rows = newItems.map((item) => {
    const rep = repsByEmail.get(item.repEmail)!;
    const customer = customers.get(item.customer.email)!;
    const customerSendTimes = sendTimes.get(customer.id) ?? [];
    const decision = decide(item, customerSendTimes);
    if (decision.survey === 'scheduled') sendTimes.set(customer.id, [...customerSendTimes, decision.sendAt]);
    decisions.set(item.externalId, decision);
    return {
      values: {
        externalId: item.externalId,
        repId: rep.id,
        customerId: customer.id,
        type: item.type,
        occurredAt: item.occurredAt,
        quoteRequestedAt: item.quoteRequestedAt,
        quoteDeliveredAt: item.quoteDeliveredAt,
        contentKey: contentKey(item.contentIds),
        customerKey: customerKey(item.customer),
        source,
        surveyStatus: decision.survey,
        suppressionReason: decision.survey === 'suppressed' ? decision.reason : null,
        createdAt: now,
        updatedAt: now,
      },
      contentIds: item.contentIds,
    };
  });
  const ids = await insertInteractions(tx, rows);

  const plans = newItems.flatMap((item) => {
    const decision = decisions.get(item.externalId)!;
    if (decision.survey !== 'scheduled') return [];
    const rep = repsByEmail.get(item.repEmail)!;
    const customer = customers.get(item.customer.email)!;
    return [
      {
        interactionId: ids.get(item.externalId)!,
        interactionType: item.type,
        occurredAt: item.occurredAt,
        repId: rep.id,
        repName: rep.name,
        customer: { id: customer.id, email: customer.email, name: customer.name, locale: customer.locale },
        questions: decision.questions,
        required: decision.required,
        sendAt: decision.sendAt,
        expiresAt: decision.expiresAt,
        expiryDays: rules.get(item.type)!.expiryDays,
        reminderDueAt: decision.reminderDueAt,
      },
    ];
  });
  await createInvitations(tx, mail, plans, now);

  const results: IntakeResult[] = [];
  const answered = new Set<string>();
  for (const item of items) {
    const existing = stored.get(item.externalId);
    if (existing) {
      let status: IntakeResult['status'] = 'existing';
      if (existing.interaction.quoteDeliveredAt === null && item.quoteDeliveredAt !== null) {
        await setQuoteDelivered(tx, existing.interaction.id, item.quoteDeliveredAt, now);
        existing.interaction.quoteDeliveredAt = item.quoteDeliveredAt;
        status = 'updated';
      }
      const { id, surveyStatus, suppressionReason } = existing.interaction;
      results.push({
        externalId: item.externalId,
        id,
        status,
        survey: surveyStatus,
        ...(suppressionReason ? { reason: suppressionReason } : {}),
      });
      continue;
    }
    const decision = decisions.get(item.externalId)!;
    results.push({
      externalId: item.externalId,
      id: ids.get(item.externalId)!,
      status: answered.has(item.externalId) ? 'existing' : 'created',
      survey: decision.survey,
      ...(decision.survey === 'suppressed' ? { reason: decision.reason } : {}),
    });
    answered.add(item.externalId);
  }
  return results;
}

function batchDifferences(item: InteractionInput, first: InteractionInput): string[] {
  const a = { ...item, contentIds: contentKey(item.contentIds), customer: customerKey(item.customer) };
  const b = { ...first, contentIds: contentKey(first.contentIds), customer: customerKey(first.customer) };
  return (Object.keys(a) as (keyof typeof a)[]).filter((k) => a[k] !== b[k]);
}
