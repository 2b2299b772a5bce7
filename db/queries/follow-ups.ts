import type { Drizzle } from '../client';
import { sql, type SQL } from 'drizzle-orm';
import { LOW_ANSWER_MAX } from '../../src/lib/vocabulary';
import { followUps } from '../schema';

/** Opens a follow-up for a response (once: a second call for it changes nothing). */
export async function openFollowUp(tx: Drizzle, responseId: number, now: number): Promise<void> {
  await tx
    .insert(followUps)
    .values({ responseId, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}

/** `isLowAnswer` as SQL over a column of responses (`r.content_useful`); a NULL is not low. */
export const isLowAnswerSql = (column: string): SQL => sql.raw(`${column} <= ${LOW_ANSWER_MAX}`);

/** `hasLowAnswer` as SQL over a responses row; `prefix` is the table's alias with its dot (`r.`), or empty. */
export function hasLowAnswerSql(prefix: '' | 'r.'): SQL {
  return sql.raw(hasLowAnswerText(prefix));
}

/** The same as SQL text, for statements written by hand. */
export function hasLowAnswerText(prefix: '' | 'r.'): string {
  const low = (column: string) => `${prefix}${column} <= ${LOW_ANSWER_MAX}`;
  return `(${prefix}resolved_first_contact = 0 OR ${low('content_useful')} OR ${low('decision_clearer')} OR ${low('added_value')})`;
}
