/** Teams, reps and customers (and the opt-out list that outlives a customer). (db/schema.ts has the model as a whole.) */
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../src/lib/vocabulary';
import { ms, bool } from './columns';

export const teams = sqliteTable('teams', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull().unique(),
  createdAt: ms('created_at').notNull(),
});

export const reps = sqliteTable(
  'reps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    teamId: integer('team_id').references(() => teams.id),
    /** An admin excluded this rep from surveys (interactions are kept, never surveyed). */
    excludedFromSurveys: bool('excluded_from_surveys').notNull().default(false),
    /** Former reps stay in history; they are only hidden from current lists. */
    active: bool('active').notNull().default(true),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [index('reps_team_idx').on(t.teamId)],
);

export const customers = sqliteTable('customers', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name'),
  locale: text('locale', { enum: LOCALES }).notNull().default('en'),
  company: text('company'),
  optedOutAt: ms('opted_out_at'),
  createdAt: ms('created_at').notNull(),
});

/** Hashed emails of customers who opted out: survives erasure of the customer row. */
export const suppressionList = sqliteTable('suppression_list', {
  emailHash: text('email_hash').primaryKey(),
  createdAt: ms('created_at').notNull(),
});

export type Team = typeof teams.$inferSelect;
export type Rep = typeof reps.$inferSelect;
export type Customer = typeof customers.$inferSelect;
