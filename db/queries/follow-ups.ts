import type { Drizzle } from '../client';
import { followUps, type responses } from '../schema';

/** A low answer (FCR "no" or any 1–5 answer of 2 or less) from a customer who consented to be contacted. */
type Answers = Pick<
  typeof responses.$inferSelect,
  'id' | 'contactConsent' | 'resolvedFirstContact' | 'contentUseful' | 'decisionClearer' | 'addedValue'
>;

function needsFollowUp(r: Answers): boolean {
  if (!r.contactConsent) return false;
  const low = (v: number | null) => v !== null && v <= 2;
  return r.resolvedFirstContact === 0 || low(r.contentUseful) || low(r.decisionClearer) || low(r.addedValue);
}

export async function openFollowUpIfNeeded(tx: Drizzle, response: Answers, now: number): Promise<void> {
  if (!needsFollowUp(response)) return;
  await tx
    .insert(followUps)
    .values({ responseId: response.id, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}
