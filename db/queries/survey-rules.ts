import type { Drizzle } from '../client';
import { surveyRules, INTERACTION_TYPES, type InteractionType } from '../schema';
import { defaultRule, type Rule } from '../../src/domain/survey-rules';

/** Every type's rule: the stored one, or the default. */
export async function getRules(db: Drizzle): Promise<Map<InteractionType, Rule>> {
  const stored = await db.select().from(surveyRules);
  const byType = new Map(stored.map((r) => [r.interactionType, r]));
  return new Map(
    INTERACTION_TYPES.map((type) => {
      const row = byType.get(type);
      return [
        type,
        row
          ? {
              interactionType: type,
              sendDelayMinutes: row.sendDelayMinutes,
              fatigueDays: row.fatigueDays,
              expiryDays: row.expiryDays,
              reminderAfterDays: row.reminderAfterDays,
              questions: row.questions,
              required: row.required,
            }
          : defaultRule(type),
      ];
    }),
  );
}

export async function saveRule(tx: Drizzle, rule: Rule, now: number): Promise<void> {
  const values = { ...rule, updatedAt: now };
  await tx.insert(surveyRules).values(values).onConflictDoUpdate({ target: surveyRules.interactionType, set: values });
}
