/**
 * The whole CPI Lens data model: the one source of truth for tables and types.
 * Instants are stored as integer milliseconds since the Unix epoch (UTC), so SQL
 * compares and buckets them without parsing. Emails are stored lower-cased.
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import {
  API_SCOPES,
  CPI_KEYS,
  IMPORT_KINDS,
  INTERACTION_TYPES,
  LOCALES,
  ROLES,
  SUPPRESSION_REASONS,
  TRAINING_KINDS,
  type AnswerKey,
} from '../src/lib/vocabulary';
import { WEBHOOK_DELIVERY_STATUSES, type WebhookEvent } from '../src/lib/webhook-events';

const ms = (name: string) => integer(name);
const bool = (name: string) => integer(name, { mode: 'boolean' });

export * from '../src/lib/vocabulary';

// ── Organisation ────────────────────────────────────────────────────────────

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

// ── Interactions and content ───────────────────────────────────────────────

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

// ── Training ────────────────────────────────────────────────────────────────

export const skills = sqliteTable('skills', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  /** Proficiency target Pₛ (0–100) used by the gap score. */
  proficiencyTarget: real('proficiency_target').notNull().default(80),
  createdAt: ms('created_at').notNull(),
});

export const trainingRecords = sqliteTable(
  'training_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    externalId: text('external_id').unique(),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id),
    kind: text('kind', { enum: TRAINING_KINDS }).notNull(),
    completedAt: ms('completed_at').notNull(),
    score: real('score'),
    createdAt: ms('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('training_natural_idx').on(t.repId, t.skillId, t.kind, t.completedAt),
    check('training_score_range', sql`${t.score} IS NULL OR (${t.score} >= 0 AND ${t.score} <= 100)`),
  ],
);

/** Planned and logged coaching. Logging one also writes a `coaching` training record. */
export const coachingSessions = sqliteTable(
  'coaching_sessions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    repId: integer('rep_id')
      .notNull()
      .references(() => reps.id),
    skillId: integer('skill_id')
      .notNull()
      .references(() => skills.id),
    trainerId: integer('trainer_id').references(() => staffUsers.id),
    status: text('status', { enum: ['planned', 'done', 'cancelled'] }).notNull(),
    cpi: text('cpi', { enum: CPI_KEYS }),
    plannedFor: ms('planned_for'),
    completedAt: ms('completed_at'),
    notes: text('notes').notNull().default(''),
    /** Customer quotes a trainer pinned to the session: response ids, in the order pinned (shown only while the response exists). */
    pinnedResponseIds: text('pinned_response_ids', { mode: 'json' }).$type<number[]>().notNull().default([]),
    trainingRecordId: integer('training_record_id').references(() => trainingRecords.id),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [index('coaching_rep_idx').on(t.repId, t.status)],
);

// ── Surveys ─────────────────────────────────────────────────────────────────

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

// ── Mail ────────────────────────────────────────────────────────────────────

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

// ── Staff, sessions, keys ───────────────────────────────────────────────────

export const staffUsers = sqliteTable('staff_users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  email: text('email').notNull().unique(),
  name: text('name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(),
  locale: text('locale', { enum: LOCALES }).notNull().default('en'),
  disabledAt: ms('disabled_at'),
  createdAt: ms('created_at').notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const trainerTeams = sqliteTable(
  'trainer_teams',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    teamId: integer('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] })],
);

export const sessions = sqliteTable(
  'sessions',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: ms('created_at').notNull(),
    lastSeenAt: ms('last_seen_at').notNull(),
    absoluteExpiresAt: ms('absolute_expires_at').notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** One-time links: the first-admin setup link (and future invite links). */
export const oneTimeTokens = sqliteTable('one_time_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  purpose: text('purpose', { enum: ['setup', 'invite'] }).notNull(),
  userId: integer('user_id').references(() => staffUsers.id, { onDelete: 'cascade' }),
  createdAt: ms('created_at').notNull(),
  expiresAt: ms('expires_at'),
  usedAt: ms('used_at'),
});

export const apiKeys = sqliteTable('api_keys', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  scope: text('scope', { enum: API_SCOPES }).notNull(),
  /** Shown in lists so an admin can tell keys apart; not enough to use the key. */
  prefix: text('prefix').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdBy: integer('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  createdAt: ms('created_at').notNull(),
  lastUsedAt: ms('last_used_at'),
  revokedAt: ms('revoked_at'),
});

/** Failure counters per key (address, account) and window; shared by every instance. */
export const rateLimits = sqliteTable(
  'rate_limits',
  {
    bucket: text('bucket').notNull(),
    windowStart: ms('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.windowStart] })],
);

// ── Targets, settings, imports, audit ───────────────────────────────────────

/** A CPI target and baseline period, org-wide (teamId null) or per team. */
export const cpiTargets = sqliteTable(
  'cpi_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    cpi: text('cpi', { enum: CPI_KEYS }).notNull(),
    teamId: integer('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    /** `org` or `team:<id>`: one row per CPI and scope. */
    scope: text('scope').notNull(),
    target: real('target'),
    baselineFrom: ms('baseline_from'),
    baselineTo: ms('baseline_to'),
    updatedBy: integer('updated_by').references(() => staffUsers.id, { onDelete: 'set null' }),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [uniqueIndex('cpi_targets_scope_idx').on(t.cpi, t.scope)],
);

/** Org-wide settings as JSON values (minimum n, SLA hours, CPI weights, retention…). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value', { mode: 'json' }).notNull(),
  updatedAt: ms('updated_at').notNull(),
});

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: IMPORT_KINDS }).notNull(),
  filename: text('filename').notNull(),
  /** staging (rows being validated) → ready (awaiting confirmation) → publishing → published, or failed. */
  status: text('status', { enum: ['staging', 'ready', 'publishing', 'published', 'failed'] }).notNull(),
  /** `host:pid` of the process working on it, to tell a killed importer from a slow one. */
  owner: text('owner'),
  /** Valid rows: staged so far, then published. */
  rows: integer('rows').notNull().default(0),
  /** Rows left out (invalid, or refused at publish), kept in import_rejects; more than 0 publishes only by an explicit skip. */
  rejected: integer('rejected').notNull().default(0),
  created: integer('created').notNull().default(0),
  duplicates: integer('duplicates').notNull().default(0),
  errors: text('errors', { mode: 'json' }).$type<{ line: number; column: string; value: string; message: string }[]>(),
  createdBy: integer('created_by').references(() => staffUsers.id, { onDelete: 'set null' }),
  /** Staging writes refresh it; a stale heartbeat means the importer died. */
  heartbeatAt: ms('heartbeat_at').notNull(),
  createdAt: ms('created_at').notNull(),
  finishedAt: ms('finished_at'),
});

/** Validated rows of an import awaiting publication (all or nothing). */
export const importRows = sqliteTable(
  'import_rows',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/**
 * Rows an import left out, with their reason and their values as read (JSON, keyed by
 * column): the rejected-rows file to fix and upload again. Kept after the import finishes
 * (a skip publishes the rest); the maintenance sweep drops them a month later.
 */
export const importRejects = sqliteTable(
  'import_rejects',
  {
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    reason: text('reason').notNull(),
    data: text('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.line] })],
);

/** Follow-ups from low answers by customers who consented to be contacted. */
export const followUps = sqliteTable(
  'follow_ups',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    responseId: integer('response_id')
      .notNull()
      .unique()
      .references(() => responses.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ['open', 'resolved'] }).notNull(),
    assigneeId: integer('assignee_id').references(() => staffUsers.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdAt: ms('created_at').notNull(),
    updatedAt: ms('updated_at').notNull(),
  },
  (t) => [index('follow_ups_status_idx').on(t.status)],
);

export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: ms('at').notNull(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    subject: text('subject'),
    detail: text('detail', { mode: 'json' }),
  },
  (t) => [index('audit_at_idx').on(t.at)],
);

/** Leases for jobs that only one instance should run at a time (outbox sweeps, retention). */
export const jobLeases = sqliteTable('job_leases', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: ms('expires_at').notNull(),
});

// ── Weekly digest ───────────────────────────────────────────────────────────

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

// ── Webhooks ────────────────────────────────────────────────────────────────

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

export type Team = typeof teams.$inferSelect;
export type Rep = typeof reps.$inferSelect;
export type Customer = typeof customers.$inferSelect;
export type Interaction = typeof interactions.$inferSelect;
export type ContentItem = typeof contentItems.$inferSelect;
export type Skill = typeof skills.$inferSelect;
export type TrainingRecord = typeof trainingRecords.$inferSelect;
export type CoachingSession = typeof coachingSessions.$inferSelect;
export type SurveyRule = typeof surveyRules.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type Response = typeof responses.$inferSelect;
export type OutboxMessage = typeof outbox.$inferSelect;
export type StaffUser = typeof staffUsers.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;
export type CpiTarget = typeof cpiTargets.$inferSelect;
export type Import = typeof imports.$inferSelect;
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
