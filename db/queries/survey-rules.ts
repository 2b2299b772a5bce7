import type { Drizzle } from '../client';
import { surveyRules, type InteractionType } from '../schema';
import type { Rule } from '../../src/domain/survey-rules';

/** The stored rules by type (a type without one uses the default: getRules in src/domain/survey-rules.ts). */
export async function listStoredRules(db: Drizzle): Promise<Map<InteractionType, Rule>> {
  const stored = await db.select().from(surveyRules);
  return new Map(
    stored.map((row) => [
      row.interactionType,
      {
        interactionType: row.interactionType,
        sendDelayMinutes: row.sendDelayMinutes,
        fatigueDays: row.fatigueDays,
        expiryDays: row.expiryDays,
        reminderAfterDays: row.reminderAfterDays,
        questions: row.questions,
        required: row.required,
      },
    ]),
  );
}

export async function saveRule(tx: Drizzle, rule: Rule, now: number): Promise<void> {
  const values = { ...rule, updatedAt: now };
  await tx.insert(surveyRules).values(values).onConflictDoUpdate({ target: surveyRules.interactionType, set: values });
}
