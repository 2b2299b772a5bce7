import { asc, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { contentItems } from '../schema';
import type { ContentItemInput } from '../../src/domain/inputs';

/** Creates the content ids not known yet, with the id as their title. */
export async function ensureContentItems(tx: Drizzle, ids: string[], now: number): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  for (let i = 0; i < unique.length; i += 1000) {
    await tx
      .insert(contentItems)
      .values(unique.slice(i, i + 1000).map((id) => ({ id, title: id, createdAt: now, updatedAt: now })))
      .onConflictDoNothing();
  }
}

export async function upsertContentItems(tx: Drizzle, items: ContentItemInput[], now: number): Promise<number> {
  for (const item of items) {
    await tx
      .insert(contentItems)
      .values({ ...item, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({
        target: contentItems.id,
        set: {
          title: sql`excluded.title`,
          url: sql`excluded.url`,
          stage: sql`excluded.stage`,
          topic: sql`excluded.topic`,
          updatedAt: now,
        },
      });
  }
  return items.length;
}

export async function listContentItems(db: Drizzle) {
  return db.select().from(contentItems).orderBy(asc(contentItems.title));
}
