import { desc, eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { followUps, type responses } from '../schema';

/** A low answer (FCR "no" or any 1–5 answer of 2 or less) from a customer who consented to be contacted. */
type Answers = Pick<
  typeof responses.$inferSelect,
  'id' | 'contactConsent' | 'resolvedFirstContact' | 'contentUseful' | 'decisionClearer' | 'addedValue'
>;

export function needsFollowUp(r: Answers): boolean {
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

export async function countOpenFollowUps(db: Drizzle): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(followUps).where(eq(followUps.status, 'open'));
  return row?.n ?? 0;
}

export async function listFollowUps(db: Drizzle) {
  return db.select().from(followUps).orderBy(desc(followUps.createdAt));
}
