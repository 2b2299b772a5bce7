/** Column shapes used across the tables. */
import { integer } from 'drizzle-orm/sqlite-core';

/** An instant: integer milliseconds since the Unix epoch (UTC). */
export const ms = (name: string) => integer(name);
/** A boolean stored as 0 or 1. */
export const bool = (name: string) => integer(name, { mode: 'boolean' });
