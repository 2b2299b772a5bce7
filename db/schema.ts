/**
 * The whole CPI Lens data model: the one source of truth for tables and types, one file
 * per area in db/tables/ (drizzle-kit reads this index).
 * Instants are stored as integer milliseconds since the Unix epoch (UTC), so SQL
 * compares and buckets them without parsing. Emails are stored lower-cased.
 */
export * from '../src/lib/vocabulary';
export * from './tables/organisation';
export * from './tables/interactions';
export * from './tables/training';
export * from './tables/surveys';
export * from './tables/mail';
export * from './tables/staff';
export * from './tables/operations';
export * from './tables/digest';
export * from './tables/webhooks';
