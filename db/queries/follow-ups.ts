import type { Drizzle } from '../client';
import { sql, type SQL } from 'drizzle-orm';
import { hasLowAnswer, LOW_ANSWER_MAX } from '../../src/lib/vocabulary';
import { followUps, type responses } from '../schema';

/** A low answer (FCR "no" or any 1–5 answer of 2 or less) from a customer who consented to be contacted. */
type Answers = Pick<
  typeof responses.$inferSelect,
  'id' | 'contactConsent' | 'resolvedFirstContact' | 'contentUseful' | 'decisionClearer' | 'addedValue'
>;

function needsFollowUp(r: Answers): boolean {
  return Boolean(r.contactConsent) && hasLowAnswer(r);
}

export async function openFollowUpIfNeeded(tx: Drizzle, response: Answers, now: number): Promise<void> {
  if (!needsFollowUp(response)) return;
  await tx
    .insert(followUps)
    .values({ responseId: response.id, status: 'open', createdAt: now, updatedAt: now })
    .onConflictDoNothing();
}

/** `isLowAnswer` as SQL over a column of responses (`r.content_useful`); a NULL is not low. */
export const isLowAnswerSql = (column: string): SQL => sql.raw(`${column} <= ${LOW_ANSWER_MAX}`);

/** `hasLowAnswer` as SQL over a responses row; `prefix` is the table's alias with its dot (`r.`), or empty. */
export function hasLowAnswerSql(prefix: '' | 'r.'): SQL {
  const low = (column: string) => `${prefix}${column} <= ${LOW_ANSWER_MAX}`;
  return sql.raw(
    `(${prefix}resolved_first_contact = 0 OR ${low('content_useful')} OR ${low('decision_clearer')} OR ${low('added_value')})`,
  );
}
