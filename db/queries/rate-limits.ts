import { and, eq, lt, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { rateLimits } from '../schema';

export async function getFailureCount(db: Drizzle, bucket: string, windowStart: number): Promise<number> {
  const row = await db.query.rateLimits.findFirst({
    where: and(eq(rateLimits.bucket, bucket), eq(rateLimits.windowStart, windowStart)),
  });
  return row?.count ?? 0;
}

export async function addFailure(tx: Drizzle, bucket: string, windowStart: number): Promise<void> {
  await tx
    .insert(rateLimits)
    .values({ bucket, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimits.bucket, rateLimits.windowStart],
      set: { count: sql`${rateLimits.count} + 1` },
    });
}

export async function deleteOldWindows(tx: Drizzle, before: number): Promise<void> {
  await tx.delete(rateLimits).where(lt(rateLimits.windowStart, before));
}
