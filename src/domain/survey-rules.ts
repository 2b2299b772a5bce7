/**
 * Survey rules (docs/architecture.md, "The survey loop"): per interaction type, with
 * defaults, and the pure decision whether an arriving interaction is surveyed, when, and what is asked.
 */
import { ANSWER_KEYS, type AnswerKey, type InteractionType, type SuppressionReason } from '../../db/schema';
import { DAY_MS } from '../lib/days';

export interface Rule {
  interactionType: InteractionType;
  sendDelayMinutes: number;
  fatigueDays: number;
  expiryDays: number;
  /** Null: no reminder. */
  reminderAfterDays: number | null;
  questions: AnswerKey[];
  required: AnswerKey[];
}

export function defaultRule(interactionType: InteractionType): Rule {
  return {
    interactionType,
    sendDelayMinutes: 120,
    fatigueDays: 14,
    expiryDays: 14,
    reminderAfterDays: 3,
    questions: [...ANSWER_KEYS],
    required: [],
  };
}

export interface SurveyContext {
  now: number;
  occurredAt: number;
  rule: Rule;
  customerOptedOut: boolean;
  repExcluded: boolean;
  /** Send times of the customer's earlier invitations (not cancelled). */
  customerInvitationSendTimes: number[];
  contentShared: boolean;
}

export type SurveyDecision =
  | { survey: 'suppressed'; reason: SuppressionReason }
  | {
      survey: 'scheduled';
      sendAt: number;
      expiresAt: number;
      reminderDueAt: number | null;
      questions: AnswerKey[];
      required: AnswerKey[];
    };

/** Opt-out first, then exclusion, age, and fatigue; otherwise scheduled after the delay. */
export function decideSurvey(ctx: SurveyContext): SurveyDecision {
  const { rule } = ctx;
  if (ctx.customerOptedOut) return { survey: 'suppressed', reason: 'opted-out' };
  if (ctx.repExcluded) return { survey: 'suppressed', reason: 'rep-excluded' };
  if (ctx.now - ctx.occurredAt > rule.expiryDays * DAY_MS) return { survey: 'suppressed', reason: 'too-old' };
  const sendAt = Math.max(ctx.now, ctx.occurredAt + rule.sendDelayMinutes * 60_000);
  const window = rule.fatigueDays * DAY_MS;
  if (ctx.customerInvitationSendTimes.some((t) => Math.abs(t - sendAt) < window))
    return { survey: 'suppressed', reason: 'fatigue' };
  const questions = rule.questions.filter((q) => q !== 'content_useful' || ctx.contentShared);
  return {
    survey: 'scheduled',
    sendAt,
    expiresAt: sendAt + rule.expiryDays * DAY_MS,
    reminderDueAt: rule.reminderAfterDays === null ? null : sendAt + rule.reminderAfterDays * DAY_MS,
    questions,
    required: rule.required.filter((q) => questions.includes(q)),
  };
}
