/**
 * The product's value sets — interaction types, locales, roles, API scopes, training kinds,
 * suppression reasons, answer keys, import kinds and the CPIs — in one place. Plain constants: the schema
 * (db/schema.ts re-exports them), the inputs, the views and an import's parsing worker use
 * them without loading drizzle. The CPI keys are the statistics' own (src/stats/cpi.ts).
 */
export { CPI_KEYS, type CpiKey, lowerIsBetter } from '../stats/cpi';

export const INTERACTION_TYPES = ['call', 'meeting', 'demo', 'quote', 'support'] as const;
export type InteractionType = (typeof INTERACTION_TYPES)[number];
export const LOCALES = ['en', 'es', 'de'] as const;
export type Locale = (typeof LOCALES)[number];
export const ROLES = ['admin', 'lead', 'trainer'] as const;
export type Role = (typeof ROLES)[number];
export const API_SCOPES = ['ingest', 'read', 'all'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
export const TRAINING_KINDS = ['course', 'assessment', 'coaching'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const SUPPRESSION_REASONS = ['fatigue', 'too-old', 'opted-out', 'rep-excluded'] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
/** The survey's answer keys (docs/architecture.md, "The survey loop"). */
export const ANSWER_KEYS = [
  'resolved_first_contact',
  'content_useful',
  'decision_clearer',
  'added_value',
  'comment',
] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];
export const IMPORT_KINDS = ['interactions', 'reps', 'training', 'content', 'responses'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The highest 1–5 answer that counts as low: 1 or 2 (docs/architecture.md, "The survey loop", step 6). */
export const LOW_ANSWER_MAX = 2;

/** Whether a 1–5 answer is low (2 or less); a skipped question (null) is not. */
export const isLowAnswer = (value: number | null): boolean => value !== null && value <= LOW_ANSWER_MAX;

/**
 * Whether a response holds a low answer: FCR "no" or any 1–5 answer of 2 or less. It opens a
 * follow-up (with consent) and marks a quote as a low-answer one.
 */
export function hasLowAnswer(r: {
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
}): boolean {
  return (
    r.resolvedFirstContact === 0 ||
    isLowAnswer(r.contentUseful) ||
    isLowAnswer(r.decisionClearer) ||
    isLowAnswer(r.addedValue)
  );
}
