/** Who was not surveyed and why: suppressed interactions and opted-out customers, for admins. */
import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { customers, interactions, reps, suppressionList, type SuppressionReason } from '../schema';

export async function listSuppressedInteractions(
  db: Drizzle,
  filter: { reason: SuppressionReason | undefined; offset: number; limit: number },
) {
  return db
    .select({
      id: interactions.id,
      externalId: interactions.externalId,
      reason: interactions.suppressionReason,
      type: interactions.type,
      occurredAt: interactions.occurredAt,
      recordedAt: interactions.createdAt,
      source: interactions.source,
      repName: reps.name,
      repEmail: reps.email,
      customerEmail: customers.email,
    })
    .from(interactions)
    .innerJoin(reps, eq(reps.id, interactions.repId))
    .leftJoin(customers, eq(customers.id, interactions.customerId))
    .where(
      and(
        eq(interactions.surveyStatus, 'suppressed'),
        filter.reason === undefined ? undefined : eq(interactions.suppressionReason, filter.reason),
      ),
    )
    .orderBy(desc(interactions.createdAt), desc(interactions.id))
    .limit(filter.limit)
    .offset(filter.offset);
}

export async function countSuppressedByReason(db: Drizzle) {
  return db
    .select({ reason: interactions.suppressionReason, n: sql<number>`count(*)` })
    .from(interactions)
    .where(eq(interactions.surveyStatus, 'suppressed'))
    .groupBy(interactions.suppressionReason);
}

export async function listOptedOutCustomers(db: Drizzle, limit: number) {
  return db
    .select({ email: customers.email, optedOutAt: customers.optedOutAt })
    .from(customers)
    .where(isNotNull(customers.optedOutAt))
    .orderBy(desc(customers.optedOutAt), desc(customers.id))
    .limit(limit);
}

export async function countOptedOutCustomers(db: Drizzle): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(customers).where(isNotNull(customers.optedOutAt));
  return row?.n ?? 0;
}

/** Hashed opt-outs, including those of customers erased since (their email is gone). */
export async function countSuppressionListEntries(db: Drizzle): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(suppressionList);
  return row?.n ?? 0;
}
