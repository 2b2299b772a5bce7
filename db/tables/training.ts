/** Skills, training records and coaching sessions. (db/schema.ts has the model as a whole.) */
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, real, index, uniqueIndex, check } from 'drizzle-orm/sqlite-core';
import { CPI_KEYS, TRAINING_KINDS } from '../../src/lib/vocabulary';
import { ms } from './columns';
import { reps } from './organisation';
import { staffUsers } from './staff';

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

export type Skill = typeof skills.$inferSelect;
export type TrainingRecord = typeof trainingRecords.$inferSelect;
export type CoachingSession = typeof coachingSessions.$inferSelect;
