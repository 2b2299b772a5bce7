import { eq, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { settings } from '../schema';

export async function getSettingValues(db: Drizzle): Promise<Map<string, unknown>> {
  const rows = await db.select().from(settings);
  return new Map(rows.map((r) => [r.key, r.value]));
}

export async function saveSetting(tx: Drizzle, key: string, value: unknown, now: number): Promise<void> {
  await tx
    .insert(settings)
    .values({ key, value, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value`, updatedAt: now } });
}

/** One setting's stored value, or undefined. */
export async function getSettingValue(db: Drizzle, key: string): Promise<unknown> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, key));
  return row?.value;
}
