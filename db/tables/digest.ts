/** The weekly digest: who opted in and what was sent. (db/schema.ts has the model as a whole.) */
import { sqliteTable, text, integer, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ms } from './columns';
import { staffUsers } from './staff';

/** Staff who opted into the weekly digest on their account page (a row: opted in). */
export const digestSubscriptions = sqliteTable('digest_subscriptions', {
  userId: integer('user_id')
    .primaryKey()
    .references(() => staffUsers.id, { onDelete: 'cascade' }),
  createdAt: ms('created_at').notNull(),
});

/**
 * One digest per person and ISO week (`2026-W49`): the claim a sender inserts (insert or
 * ignore on the unique index) before it queues the message, so however many instances run,
 * one wins. `unsubscribeHash` is the hash of the message's unsubscribe token (src/lib/tokens.ts);
 * the plaintext exists only inside the unsent message.
 */
export const digestSends = sqliteTable(
  'digest_sends',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    week: text('week').notNull(),
    unsubscribeHash: text('unsubscribe_hash').notNull().unique(),
    /** The clear links (`skill|cpi`) this digest reported: next week's says which are new. */
    findings: text('findings', { mode: 'json' }).$type<string[]>(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [uniqueIndex('digest_sends_user_week_idx').on(t.userId, t.week)],
);
