import type { Drizzle } from '../client';
import { followUps } from '../schema';

/** Opens a follow-up for a response (once: a second call for it changes nothing). */
export async function openFollowUp(tx: Drizzle, responseId: number, now: number): Promise<void> {
  await tx
    .insert(followUps)
    .values({ responseId, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}
