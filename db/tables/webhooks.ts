/** Webhook endpoints and their deliveries. (db/schema.ts has the model as a whole.) */
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookEvent } from '../../src/lib/webhook-events';
import { ms } from './columns';

/**
 * Endpoints that receive signed events (Standard Webhooks). The signing secret is stored as
 * is: an HMAC is made with the secret itself, so unlike tokens and keys it cannot be hashed.
 * After a rotation the previous secret also signs until `rotated_at` + the overlap.
 */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  events: text('events', { mode: 'json' }).$type<WebhookEvent[]>().notNull(),
  secret: text('secret').notNull(),
  previousSecret: text('previous_secret'),
  rotatedAt: ms('rotated_at'),
  createdAt: ms('created_at').notNull(),
});

/**
 * The webhook outbox: one row per event and endpoint, written in the same transaction as the
 * event. Senders claim due rows with a lease, as the mail outbox does. `body` is the exact
 * JSON sent (`{"type","timestamp","data"}`), so every attempt sends the same bytes.
 */
export const webhookDeliveries = sqliteTable(
  'webhook_deliveries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    endpointId: integer('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventType: text('event_type').$type<WebhookEvent>().notNull(),
    /** The `webhook-id` header (`msg_…`): one per event, the same on every attempt and endpoint. */
    messageId: text('message_id').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: WEBHOOK_DELIVERY_STATUSES }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ms('next_attempt_at').notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: ms('lease_expires_at'),
    /** The receiver's last HTTP status (null: no answer). */
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    deliveredAt: ms('delivered_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('webhook_deliveries_message_idx').on(t.endpointId, t.messageId),
    index('webhook_deliveries_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
