/** CPI targets, settings, imports, follow-ups, the audit log and job leases. (db/schema.ts has the model as a whole.) */
import { sqliteTable, text, integer, real, primaryKey, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CPI_KEYS, IMPORT_KINDS } from '../../src/lib/vocabulary';
import { ms } from './columns';
import { teams } from './organisation';
import { staffUsers } from './staff';
import { responses } from './surveys';

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

export type CpiTarget = typeof cpiTargets.$inferSelect;
export type Import = typeof imports.$inferSelect;
