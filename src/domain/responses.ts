/**
 * Response history from another survey tool (API and CSV): all or nothing, idempotent per
 * interaction. An interaction holds one response: an answer the customer already began or
 * gave in our survey stays (the import counts it a duplicate); an imported answer closes a
 * survey still open for that interaction (its link shows "already received").
 */
import type { AppDeps } from '../context';
import type { Drizzle } from '../../db/client';
import type { ResponseImportInput } from './inputs';
import { invalid } from '../lib/errors';
import { getInteractionsByExternalId } from '../../db/queries/interactions';
import { insertSubmittedResponses } from '../../db/queries/responses';
import { closeInvitationsAnsweredElsewhere } from '../../db/queries/invitations';

export async function importResponsesInTransaction(tx: Drizzle, items: ResponseImportInput[], now: number) {
  const interactions = await getInteractionsByExternalId(
    tx,
    items.map((i) => i.interactionExternalId),
  );
  const unknown = items.flatMap((item, index) =>
    interactions.has(item.interactionExternalId)
      ? []
      : [
          {
            path: [index, 'interactionExternalId'],
            message: `no interaction with externalId ${item.interactionExternalId}`,
          },
        ],
  );
  if (unknown.length > 0) throw invalid(unknown.slice(0, 100), 'Some responses name an unknown interaction.');
  const result = await insertSubmittedResponses(
    tx,
    items.map((item) => {
      const { interaction } = interactions.get(item.interactionExternalId)!;
      return {
        interactionId: interaction.id,
        repId: interaction.repId,
        interactionType: interaction.type,
        occurredAt: interaction.occurredAt,
        answeredAt: item.answeredAt,
        resolvedFirstContact: item.answers.resolved_first_contact,
        contentUseful: item.answers.content_useful,
        decisionClearer: item.answers.decision_clearer,
        addedValue: item.answers.added_value,
        comment: item.answers.comment,
        source: 'import' as const,
      };
    }),
    now,
  );
  // A survey still open for one of these interactions is answered now: its link says so, and no more mail goes out.
  await closeInvitationsAnsweredElsewhere(
    tx,
    [...new Set([...interactions.values()].map(({ interaction }) => interaction.id))],
    now,
  );
  return result;
}

export const importResponses = (deps: AppDeps, items: ResponseImportInput[]) =>
  deps.db.write((tx) => importResponsesInTransaction(tx, items, deps.clock.nowMs()));
