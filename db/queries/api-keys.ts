import { desc, eq } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { apiKeys, type ApiScope } from '../schema';

export async function getApiKeyByHash(db: Drizzle, keyHash: string) {
  return db.query.apiKeys.findFirst({ where: eq(apiKeys.keyHash, keyHash) });
}

export async function listApiKeys(db: Drizzle) {
  return db.query.apiKeys.findMany({ orderBy: [desc(apiKeys.createdAt)] });
}

export async function insertApiKey(
  tx: Drizzle,
  values: { name: string; scope: ApiScope; prefix: string; keyHash: string; createdBy: number | null; now: number },
): Promise<number> {
  const [row] = await tx
    .insert(apiKeys)
    .values({
      name: values.name,
      scope: values.scope,
      prefix: values.prefix,
      keyHash: values.keyHash,
      createdBy: values.createdBy,
      createdAt: values.now,
    })
    .returning({ id: apiKeys.id });
  if (!row) throw new Error('insertApiKey: no row returned');
  return row.id;
}

export async function revokeApiKey(tx: Drizzle, id: number, now: number): Promise<boolean> {
  const result = await tx.update(apiKeys).set({ revokedAt: now }).where(eq(apiKeys.id, id));
  return result.rowsAffected === 1;
}

/** A statement for Db.batch (one round trip to a libSQL server). */
export const markApiKeyUsed = (db: Drizzle, id: number, now: number) =>
  db.update(apiKeys).set({ lastUsedAt: now }).where(eq(apiKeys.id, id));
