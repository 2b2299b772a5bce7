/** Survey rules, invitations, tokens and responses, with the running totals and stored analyses built on them. (db/schema.ts has the model as a whole.) */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { INTERACTION_TYPES, LOCALES, type AnswerKey } from '../../src/lib/vocabulary';
import { ms, bool } from './columns';
import { interactions } from './interactions';
import { reps, customers } from './organisation';

/** Per interaction type; admins edit them. Durations in minutes (delay) and days. */
export const surveyRules = sqliteTable('survey_rules', {
  interactionType: text('interaction_type', { enum: INTERACTION_TYPES }).primaryKey(),
  sendDelayMinutes: integer('send_delay_minutes').notNull().default(120),
  fatigueDays: integer('fatigue_days').notNull().default(14),
  expiryDays: integer('expiry_days').notNull().default(14),
  /** Null: no reminder. */
  reminderAfterDays: integer('reminder_after_days').default(3),
  /** JSON array of the answer keys asked for this type. */
  questions: text('questions', { mode: 'json' }).$type<AnswerKey[]>().notNull(),
  /** JSON array of the answer keys that must be answered before submitting. */
  required: text('required', { mode: 'json' }).$type<AnswerKey[]>().notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const invitations = sqliteTable(
  'invitations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    interactionId: integer('interaction_id')
      .notNull()
      .unique()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    customerId: integer('customer_id').references(() => customers.id, { onDelete: 'cascade' }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    status: text('status', { enum: ['scheduled', 'sent', 'responded', 'expired', 'cancelled'] }).notNull(),
    locale: text('locale', { enum: LOCALES }).notNull(),
    /** The answer keys asked, fixed when the invitation is made. */
    questions: text('questions', { mode: 'json' }).$type<AnswerKey[]>().notNull(),
    required: text('required', { mode: 'json' }).$type<AnswerKey[]>().notNull(),
    sendAt: ms('send_at').notNull(),
    sentAt: ms('sent_at'),
    /** Link expiry; set from the rule when the invitation is made (send time + expiry), fixed when sent. */
    expiresAt: ms('expires_at').notNull(),
    expiryDays: integer('expiry_days').notNull(),
    reminderDueAt: ms('reminder_due_at'),
    remindedAt: ms('reminded_at'),
    respondedAt: ms('responded_at'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    index('invitations_rep_send_idx').on(t.repId, t.sendAt),
    index('invitations_customer_idx').on(t.customerId, t.sendAt),
    index('invitations_due_idx').on(t.status, t.sendAt),
    index('invitations_reminder_idx').on(t.status, t.reminderDueAt),
  ],
);

/** Single-use survey links and never-expiring unsubscribe links, stored as SHA-256 (base64url). */
export const invitationTokens = sqliteTable(
  'invitation_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    invitationId: integer('invitation_id')
      .notNull()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: ['survey', 'unsubscribe'] }).notNull(),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [index('invitation_tokens_invitation_idx').on(t.invitationId)],
);

/**
 * One wide row per response, carrying what aggregation needs (rep, interaction type,
 * occurredAt) so CPI queries need no joins. Skipped answers are NULL, never 0.
 */
export const responses = sqliteTable(
  'responses',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    invitationId: integer('invitation_id')
      .unique()
      .references(() => invitations.id, { onDelete: 'cascade' }),
    interactionId: integer('interaction_id')
      .notNull()
      .unique()
      .references(() => interactions.id, { onDelete: 'cascade' }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    interactionType: text('interaction_type', { enum: INTERACTION_TYPES }).notNull(),
    occurredAt: ms('occurred_at').notNull(),
    status: text('status', { enum: ['partial', 'submitted'] }).notNull(),
    source: text('source', { enum: ['survey', 'import', 'demo'] }).notNull(),
    resolvedFirstContact: integer('resolved_first_contact'),
    contentUseful: integer('content_useful'),
    decisionClearer: integer('decision_clearer'),
    addedValue: integer('added_value'),
    comment: text('comment'),
    /** The customer ticked "You may contact me about this feedback". */
    contactConsent: bool('contact_consent').notNull().default(false),
    locale: text('locale', { enum: LOCALES }),
    startedAt: ms('started_at').notNull(),
    submittedAt: ms('submitted_at'),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [
    // Period scans at the edges of the monthly rollups, covering every column they read.
    index('responses_period_idx').on(
      t.status,
      t.occurredAt,
      t.repId,
      t.interactionType,
      t.resolvedFirstContact,
      t.contentUseful,
      t.decisionClearer,
      t.addedValue,
      t.invitationId,
    ),
    index('responses_rep_idx').on(t.repId, t.occurredAt),
    check('fcr_range', sql`${t.resolvedFirstContact} IS NULL OR ${t.resolvedFirstContact} IN (0, 1)`),
    check('cu_range', sql`${t.contentUseful} IS NULL OR ${t.contentUseful} BETWEEN 1 AND 5`),
    check('dc_range', sql`${t.decisionClearer} IS NULL OR ${t.decisionClearer} BETWEEN 1 AND 5`),
    check('av_range', sql`${t.addedValue} IS NULL OR ${t.addedValue} BETWEEN 1 AND 5`),
  ],
);

/**
 * Running totals per rep × interaction type: each row holds the counts and sums of every
 * submitted answer and invitation of that rep and type whose interaction happened on or
 * before `day` (days since 1970-01-01, UTC). A day-aligned period is then the difference
 * of two rows per rep and type — a cost that does not grow with the number of responses.
 * Rows exist for days with activity; kept current on every write path (db/queries/rollups.ts).
 */
export const cpiCumulative = sqliteTable(
  'cpi_cumulative',
  {
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    interactionType: text('interaction_type', { enum: INTERACTION_TYPES }).notNull(),
    day: integer('day').notNull(),
    /** Invitations made (responseRate's denominator, before the not-yet-due are taken off). */
    invitations: integer('invitations').notNull().default(0),
    responses: integer('responses').notNull().default(0),
    /** Submitted responses that answer an invitation (imported history has none). */
    invitedResponses: integer('invited_responses').notNull().default(0),
    fcrN: integer('fcr_n').notNull().default(0),
    fcrYes: integer('fcr_yes').notNull().default(0),
    cuN: integer('cu_n').notNull().default(0),
    cuSum: integer('cu_sum').notNull().default(0),
    cuSq: integer('cu_sq').notNull().default(0),
    cuTop2: integer('cu_top2').notNull().default(0),
    dcN: integer('dc_n').notNull().default(0),
    dcSum: integer('dc_sum').notNull().default(0),
    dcSq: integer('dc_sq').notNull().default(0),
    dcTop2: integer('dc_top2').notNull().default(0),
    avN: integer('av_n').notNull().default(0),
    avSum: integer('av_sum').notNull().default(0),
    avSq: integer('av_sq').notNull().default(0),
    avTop2: integer('av_top2').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.repId, t.interactionType, t.day] })],
);

/**
 * The same counts per rep × calendar month (UTC, YYYYMM) × interaction type, for monthly
 * series (trends, training effects, coaching follow-up): kept by the same triggers.
 */
export const cpiMonthly = sqliteTable(
  'cpi_monthly',
  {
    month: integer('month').notNull(),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    interactionType: text('interaction_type', { enum: INTERACTION_TYPES }).notNull(),
    invitations: integer('invitations').notNull().default(0),
    responses: integer('responses').notNull().default(0),
    invitedResponses: integer('invited_responses').notNull().default(0),
    fcrN: integer('fcr_n').notNull().default(0),
    fcrYes: integer('fcr_yes').notNull().default(0),
    cuN: integer('cu_n').notNull().default(0),
    cuSum: integer('cu_sum').notNull().default(0),
    cuSq: integer('cu_sq').notNull().default(0),
    cuTop2: integer('cu_top2').notNull().default(0),
    dcN: integer('dc_n').notNull().default(0),
    dcSum: integer('dc_sum').notNull().default(0),
    dcSq: integer('dc_sq').notNull().default(0),
    dcTop2: integer('dc_top2').notNull().default(0),
    avN: integer('av_n').notNull().default(0),
    avSum: integer('av_sum').notNull().default(0),
    avSq: integer('av_sq').notNull().default(0),
    avTop2: integer('av_top2').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.month, t.repId, t.interactionType] })],
);

/**
 * One row (id 1). While `bulk` is 1 — set and reset inside one write by bulk loaders
 * (imports, the demo, generators) — the running-total triggers stand aside and the loader
 * rebuilds the affected reps' totals once at the end.
 */
export const rollupMode = sqliteTable('rollup_mode', {
  id: integer('id').primaryKey(),
  bulk: integer('bulk').notNull().default(0),
});

/**
 * The data version: a number that moves with every write an analysis reads (submitted
 * responses, quote times, training records, reps, skills, targets, settings), kept by the
 * triggers of db/data-version-triggers.ts so every path and every instance agrees.
 */
export const dataVersion = sqliteTable('data_version', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
});

/** Analyses computed once per data version (src/domain/analysis/cache.ts): the latest result per kind and parameters. */
export const analysisResults = sqliteTable(
  'analysis_results',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind').notNull(),
    /** The parameters as canonical JSON (the period, filters). */
    params: text('params').notNull(),
    dataVersion: integer('data_version').notNull(),
    computedAt: ms('computed_at').notNull(),
    /** How long the computation took (ms), for the page and the benchmark. */
    durationMs: integer('duration_ms').notNull(),
    result: text('result').notNull(),
  },
  (t) => [uniqueIndex('analysis_results_key_idx').on(t.kind, t.params, t.dataVersion)],
);

export type SurveyRule = typeof surveyRules.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Response = typeof responses.$inferSelect;
