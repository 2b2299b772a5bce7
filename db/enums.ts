/**
 * The data model's value sets (db/schema.ts re-exports them). Apart from the tables so that
 * code needing only these — the CSV checks in an import's parsing worker — does not load
 * drizzle.
 */
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
export const CPIS = ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'] as const;
export type Cpi = (typeof CPIS)[number];
