/** Response history from another survey tool (API and CSV): all or nothing, idempotent per interaction. */
import type { AppDeps } from '../context';
import type { Drizzle } from '../../db/client';
import type { ResponseImportInput } from './inputs';
import { invalid } from '../lib/errors';
import { getInteractionsByExternalId } from '../../db/queries/interactions';
import { insertSubmittedResponses } from '../../db/queries/responses';

export async function importResponsesInTransaction(tx: Drizzle, items: ResponseImportInput[], now: number) {
  const interactions = await getInteractionsByExternalId(tx, items.map((i) => i.interactionExternalId));
  const unknown = items.flatMap((item, index) =>
    interactions.has(item.interactionExternalId) ? [] : [{ path: [index, 'interactionExternalId'], message: `no interaction with externalId ${item.interactionExternalId}` }],
  );
  if (unknown.length > 0) throw invalid(unknown.slice(0, 100), 'Some responses name an unknown interaction.');
  return insertSubmittedResponses(
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
}

export const importResponses = (deps: AppDeps, items: ResponseImportInput[]) =>
  deps.db.write((tx) => importResponsesInTransaction(tx, items, deps.clock.nowMs()));
