/** The outbox: every e-mail, sent by the sender with leases. (db/schema.ts has the model as a whole.) */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { ms } from './columns';
import { invitations } from './surveys';

export const outbox = sqliteTable(
  'outbox',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invitationId: integer('invitation_id').references(() => invitations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['invitation', 'reminder', 'digest'] }).notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    /** Bodies hold the plaintext link until delivery; dropped (NULL) once sent. */
    textBody: text('text_body'),
    htmlBody: text('html_body'),
    headers: text('headers', { mode: 'json' }).$type<Record<string, string>>().notNull(),
    messageId: text('message_id').notNull().unique(),
    status: text('status', { enum: ['pending', 'sent', 'dead', 'cancelled'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    sendAfter: ms('send_after').notNull(),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: ms('lease_expires_at'),
    lastError: text('last_error'),
    sentAt: ms('sent_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('outbox_due_idx').on(t.status, t.sendAfter)],
);

export type OutboxMessage = typeof outbox.$inferSelect;
