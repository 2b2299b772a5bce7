/**
 * Survey rules (docs/architecture.md, "The survey loop"): per interaction type, with
 * defaults, and the pure decision whether an arriving interaction is surveyed, when, and what is asked.
 */
import type { Drizzle } from '../../db/client';
import {
  ANSWER_KEYS,
  INTERACTION_TYPES,
  type AnswerKey,
  type InteractionType,
  type SuppressionReason,
} from '../../db/schema';
import { listStoredRules } from '../../db/queries/survey-rules';
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

/** Every type's rule: the stored one, or the default. */
export async function getRules(db: Drizzle): Promise<Map<InteractionType, Rule>> {
  const stored = await listStoredRules(db);
  return new Map(INTERACTION_TYPES.map((type) => [type, stored.get(type) ?? defaultRule(type)]));
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

/**
 * decideSurvey's first three rules, those that need no other invitation: opted out, then rep
 * excluded, then older than the type's link expiry. Null: the interaction may be surveyed.
 * Its SQL twin, for set-based history imports, is suppressedOutrightSql.
 */
export function suppressedOutright(
  ctx: Pick<SurveyContext, 'now' | 'occurredAt' | 'rule' | 'customerOptedOut' | 'repExcluded'>,
): SuppressionReason | null {
  if (ctx.customerOptedOut) return 'opted-out';
  if (ctx.repExcluded) return 'rep-excluded';
  if (ctx.now - ctx.occurredAt > ctx.rule.expiryDays * DAY_MS) return 'too-old';
  return null;
}

/** SQL expressions for one row's facts: two conditions, its interaction type and its time (ms). */
export interface OutrightFacts {
  optedOut: string;
  repExcluded: string;
  type: string;
  occurredAt: string;
}

export interface SqlFragment {
  sql: string;
  args: (string | number)[];
}

/**
 * suppressedOutright as one SQL expression over a row described by `facts`: the reason, or
 * NULL when the row may be surveyed. The link expiry per type is a CASE (a join with the rules
 * would scan the rows once per type). test/survey/survey-rule-twins.test.ts holds the two
 * forms to the same answers.
 */
export function suppressedOutrightSql(rules: Iterable<Rule>, now: number, facts: OutrightFacts): SqlFragment {
  const types = [...rules];
  const expiry = types.length === 0 ? 'NULL' : `CASE ${facts.type} ${types.map(() => 'WHEN ? THEN ?').join(' ')} END`;
  return {
    sql: `CASE WHEN ${facts.optedOut} THEN 'opted-out' WHEN ${facts.repExcluded} THEN 'rep-excluded' WHEN ? - ${facts.occurredAt} > ${expiry} THEN 'too-old' END`,
    args: [now, ...types.flatMap((rule) => [rule.interactionType, rule.expiryDays * DAY_MS])],
  };
}

/** Opt-out first, then exclusion, age, and fatigue; otherwise scheduled after the delay. */
export function decideSurvey(ctx: SurveyContext): SurveyDecision {
  const { rule } = ctx;
  const outright = suppressedOutright(ctx);
  if (outright) return { survey: 'suppressed', reason: outright };
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
