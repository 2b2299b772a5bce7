import { and, eq, isNull } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { oneTimeTokens } from '../schema';

export type OneTimePurpose = 'setup' | 'invite';

export async function getUsableOneTimeToken(db: Drizzle, tokenHash: string, purpose: OneTimePurpose, now: number) {
  const row = await db.query.oneTimeTokens.findFirst({
    where: and(
      eq(oneTimeTokens.tokenHash, tokenHash),
      eq(oneTimeTokens.purpose, purpose),
      isNull(oneTimeTokens.usedAt),
    ),
  });
  if (!row || (row.expiresAt !== null && row.expiresAt <= now)) return undefined;
  return row;
}

export async function insertOneTimeToken(
  tx: Drizzle,
  values: { tokenHash: string; purpose: OneTimePurpose; userId?: number; now: number; expiresAt?: number },
) {
  await tx.insert(oneTimeTokens).values({
    tokenHash: values.tokenHash,
    purpose: values.purpose,
    userId: values.userId ?? null,
    createdAt: values.now,
    expiresAt: values.expiresAt ?? null,
  });
}

/** Marks a token used; false if it was already used (two posts racing). */
export async function consumeOneTimeToken(tx: Drizzle, tokenHash: string, now: number): Promise<boolean> {
  const result = await tx
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, tokenHash), isNull(oneTimeTokens.usedAt)));
  return result.rowsAffected === 1;
}

export async function deleteUnusedTokens(tx: Drizzle, purpose: OneTimePurpose, userId?: number) {
  const conditions = [eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt)];
  if (userId !== undefined) conditions.push(eq(oneTimeTokens.userId, userId));
  await tx.delete(oneTimeTokens).where(and(...conditions));
}
