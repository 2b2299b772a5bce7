/** Interactions with customers and the content items shared in them. (db/schema.ts has the model as a whole.) */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, index } from 'drizzle-orm/sqlite-core';
import { INTERACTION_TYPES, SUPPRESSION_REASONS } from '../../src/lib/vocabulary';
import { ms } from './columns';
import { reps, customers } from './organisation';

export const interactions = sqliteTable(
  'interactions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id').notNull().unique(),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    /** Null once the customer has been erased. */
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'set null' }),
    type: text('type', { enum: INTERACTION_TYPES }).notNull(),
    occurredAt: ms('occurred_at').notNull(),
    quoteRequestedAt: ms('quote_requested_at'),
    quoteDeliveredAt: ms('quote_delivered_at'),
    /** The content ids sorted and `;`-joined (order does not matter): compared on a CRM retry. */
    contentKey: text('content_key').notNull().default(''),
    /** Short hash of the customer fields as received, to compare a CRM retry with the original. */
    customerKey: text('customer_key').notNull().default(''),
    source: text('source', { enum: ['api', 'csv', 'form', 'demo'] }).notNull(),
    surveyStatus: text('survey_status', { enum: ['scheduled', 'suppressed'] }).notNull(),
    suppressionReason: text('suppression_reason', { enum: SUPPRESSION_REASONS }),
    importId: integer('import_id'),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    index('interactions_rep_time_idx').on(t.repId, t.occurredAt),
    index('interactions_customer_idx').on(t.customerId, t.occurredAt),
    index('interactions_suppressed_idx').on(t.surveyStatus, t.createdAt),
    index('interactions_time_idx').on(t.occurredAt, t.repId, t.type),
    index('interactions_quotes_idx')
      .on(t.occurredAt, t.repId, t.type, t.quoteRequestedAt, t.quoteDeliveredAt)
      .where(sql`${t.quoteDeliveredAt} IS NOT NULL AND ${t.quoteRequestedAt} IS NOT NULL`),
  ],
);

export const contentItems = sqliteTable('content_items', {
  id: text('id').primaryKey(),
  title: text('title').notNull(),
  url: text('url'),
  stage: text('stage'),
  topic: text('topic'),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const interactionContent = sqliteTable(
  'interaction_content',
  {
    interactionId: integer('interaction_id')
      .notNull()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    contentId: text('content_id')
      .notNull()
      .references(() => contentItems.id),
  },
  (t) => [
    primaryKey({ columns: [t.interactionId, t.contentId] }),
    index('interaction_content_item_idx').on(t.contentId),
  ],
);

export type Interaction = typeof interactions.$inferSelect;
export type ContentItem = typeof contentItems.$inferSelect;
