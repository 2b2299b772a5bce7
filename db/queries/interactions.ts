import { eq, inArray } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { interactionContent, interactions, reps } from '../schema';

export type NewInteraction = typeof interactions.$inferInsert;

export async function getInteractionsByExternalId(db: Drizzle, externalIds: string[]) {
  const out = new Map<string, ExistingInteraction>();
  const unique = [...new Set(externalIds)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .select({ interaction: interactions, repEmail: reps.email })
      .from(interactions)
      .innerJoin(reps, eq(reps.id, interactions.repId))
      .where(inArray(interactions.externalId, unique.slice(i, i + 500)));
    for (const r of rows) out.set(r.interaction.externalId, r);
  }
  return out;
}
export type ExistingInteraction = {
  interaction: typeof interactions.$inferSelect;
  repEmail: string;
};

/** Multi-row inserts (SQLite's variable limit allows ~2000 rows of this width; 400 a statement). Returns ids by externalId. */
export async function insertInteractions(tx: Drizzle, rows: { values: NewInteraction; contentIds: string[] }[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (let i = 0; i < rows.length; i += 400) {
    const chunk = rows.slice(i, i + 400);
    const inserted = await tx
      .insert(interactions)
      .values(chunk.map((r) => r.values))
      .returning({ id: interactions.id, externalId: interactions.externalId });
    for (const r of inserted) ids.set(r.externalId, r.id);
    const links = chunk.flatMap((r) => r.contentIds.map((contentId) => ({ interactionId: ids.get(r.values.externalId)!, contentId })));
    for (let j = 0; j < links.length; j += 2000) await tx.insert(interactionContent).values(links.slice(j, j + 2000));
  }
  return ids;
}

export async function setQuoteDelivered(tx: Drizzle, id: number, deliveredAt: number, now: number) {
  await tx.update(interactions).set({ quoteDeliveredAt: deliveredAt, updatedAt: now }).where(eq(interactions.id, id));
}
