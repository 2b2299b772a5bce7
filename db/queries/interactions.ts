import { eq, inArray } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, interactionContent, interactions, reps } from '../schema';

export type NewInteraction = typeof interactions.$inferInsert;

export async function getInteractionsByExternalId(db: Drizzle, externalIds: string[]) {
  if (externalIds.length === 0) return new Map<string, ExistingInteraction>();
  const rows = await db
    .select({ interaction: interactions, repEmail: reps.email, customer: customers })
    .from(interactions)
    .innerJoin(reps, eq(reps.id, interactions.repId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .where(inArray(interactions.externalId, [...new Set(externalIds)]));
  return new Map(rows.map((r) => [r.interaction.externalId, r]));
}
export type ExistingInteraction = {
  interaction: typeof interactions.$inferSelect;
  repEmail: string;
  customer: typeof customers.$inferSelect | null;
};

export async function insertInteraction(tx: Drizzle, values: NewInteraction, contentIds: string[]): Promise<number> {
  const [row] = await tx.insert(interactions).values(values).returning({ id: interactions.id });
  if (!row) throw new Error('insertInteraction: no row returned');
  if (contentIds.length > 0) await tx.insert(interactionContent).values(contentIds.map((contentId) => ({ interactionId: row.id, contentId })));
  return row.id;
}

export async function setQuoteDelivered(tx: Drizzle, id: number, deliveredAt: number, now: number) {
  await tx.update(interactions).set({ quoteDeliveredAt: deliveredAt, updatedAt: now }).where(eq(interactions.id, id));
}
