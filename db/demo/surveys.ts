/**
 * The surveys of the demo workspace, replayed in time order as the app would have run
 * them: the survey rules decide, the outbox sends a few minutes late, customers answer
 * (model in ./model.ts), get reminded, let links expire or unsubscribe.
 */
import type { AnswerKey, InteractionType } from '../schema';
import { hasLowAnswer } from '../../src/lib/vocabulary';
import { decideSurvey, defaultRule, type Rule } from '../../src/domain/survey-rules';
import { DEMO_CONTENT, DEMO_SKILLS, type DemoSkill } from './catalog';
import { COMMENTS, type Sentiment } from './words';
import {
  ADDED_VALUE_STEP,
  HOUR,
  INTERACTION_TYPE_SHARES,
  MINUTE,
  SKIP_PROBABILITY,
  answerDelayMs,
  answerProbability,
  commentProbability,
  consentProbability,
  drawAnswers,
  monthIndexStart,
  proficiencyAt,
  standardise,
  type Draw,
  type ModelAnswers,
  type WouldBeAnswers,
} from './model';
import type { GenCustomer, GenInteraction, GenRep } from './generate';
import { DAY_MS } from '../../src/lib/days';

interface GenResponse {
  status: 'submitted' | 'partial';
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
  comment: string | null;
  contactConsent: boolean;
  startedAt: number;
  submittedAt: number | null;
}

export interface GenInvitation {
  status: 'scheduled' | 'sent' | 'responded' | 'expired';
  questions: AnswerKey[];
  required: AnswerKey[];
  sendAt: number;
  sentAt: number | null;
  expiresAt: number;
  expiryDays: number;
  reminderDueAt: number | null;
  remindedAt: number | null;
  respondedAt: number | null;
  response: GenResponse | null;
  /**
   * Once sent: what the customer would answer and their experience η (model.ts), drawn
   * whether or not they answer — the truth behind the selection on answering.
   */
  latent: WouldBeAnswers | null;
}

const QUALITY = new Map(DEMO_CONTENT.map((c) => [c.id, c.quality]));

/**
 * Decides, sends, reminds and answers every invitation in time order, as the app would have.
 * `before(t)` runs before each interaction (occurred at t) is replayed: the trainers' coaching.
 */
export function simulateSurveys(
  draw: Draw,
  reps: GenRep[],
  customers: GenCustomer[],
  interactions: GenInteraction[],
  start: number,
  now: number,
  before: (t: number) => void = () => {},
): void {
  const rules = new Map<InteractionType, Rule>(INTERACTION_TYPE_SHARES.map(([type]) => [type, defaultRule(type)]));
  const sendTimes = new Map<number, number[]>();
  const stepAt = monthIndexStart(start, ADDED_VALUE_STEP.month);
  for (const it of interactions) {
    before(it.occurredAt);
    const rep = reps[it.rep]!;
    const customer = customers[it.customer]!;
    const rule = rules.get(it.type)!;
    const earlier = sendTimes.get(customer.index) ?? [];
    const decision = decideSurvey({
      now: it.arrivedAt,
      occurredAt: it.occurredAt,
      rule,
      customerOptedOut: customer.optedOutAt !== null && customer.optedOutAt <= it.arrivedAt,
      repExcluded: rep.excludedFrom !== null && rep.excludedFrom <= it.arrivedAt,
      customerInvitationSendTimes: earlier.slice(-3),
      contentShared: it.contentIds.length > 0,
    });
    if (decision.survey === 'suppressed') {
      it.suppressionReason = decision.reason;
      continue;
    }
    sendTimes.set(customer.index, [...earlier, decision.sendAt]);
    const invitation: GenInvitation = {
      status: 'scheduled',
      questions: decision.questions,
      required: decision.required,
      sendAt: decision.sendAt,
      sentAt: null,
      expiresAt: decision.expiresAt,
      expiryDays: rule.expiryDays,
      reminderDueAt: decision.reminderDueAt,
      remindedAt: null,
      respondedAt: null,
      response: null,
      latent: null,
    };
    it.invitation = invitation;
    if (decision.sendAt > now) continue;

    // Sent by the outbox a few minutes after it was due; expiry and reminder count from then.
    const sentAt = Math.min(now, decision.sendAt + draw.int(1, 4) * MINUTE);
    invitation.status = 'sent';
    invitation.sentAt = sentAt;
    invitation.expiresAt = sentAt + rule.expiryDays * DAY_MS;
    invitation.reminderDueAt = rule.reminderAfterDays === null ? null : sentAt + rule.reminderAfterDays * DAY_MS;

    // What the customer would say is drawn first: whether they answer depends on it (model.ts).
    invitation.latent = wouldAnswer(draw, rep, it, it.occurredAt >= stepAt ? ADDED_VALUE_STEP.delta : 0);
    const answers = draw.chance(answerProbability(rep.responseLogit, invitation.latent.experience));
    const respondedAt = answers ? Math.round((sentAt + answerDelayMs(draw)) / 1000) * 1000 : null;
    const answeredBy = respondedAt !== null && respondedAt < invitation.expiresAt ? respondedAt : null;
    // A customer who will not answer sometimes unsubscribes a day or so after the mail.
    if (answeredBy === null && customer.optedOutAt === null && invitation.expiresAt <= now && draw.chance(0.012)) {
      customer.optedOutAt = sentAt + draw.int(1, 48) * HOUR;
    }
    const due = invitation.reminderDueAt;
    const optedOutBy = (t: number) => customer.optedOutAt !== null && customer.optedOutAt <= t;
    if (due !== null && due <= now && (answeredBy === null || answeredBy > due) && !optedOutBy(due)) {
      invitation.remindedAt = Math.min(now, due + draw.int(0, 30) * 1000);
    }
    if (answeredBy !== null && answeredBy <= now) {
      invitation.status = 'responded';
      invitation.respondedAt = answeredBy;
      invitation.response = answer(draw, invitation.latent.answers, customer, invitation.questions, answeredBy);
    } else if (invitation.expiresAt <= now) {
      invitation.status = 'expired';
    }
  }
}

function wouldAnswer(draw: Draw, rep: GenRep, it: GenInteraction, addedValueShift: number): WouldBeAnswers {
  const z = {} as Record<DemoSkill, number>;
  for (const { slug } of DEMO_SKILLS)
    z[slug] = standardise(proficiencyAt(rep.theta0[slug], rep.steps[slug], it.occurredAt));
  const quality = it.contentIds.length
    ? it.contentIds.reduce((s, id) => s + (QUALITY.get(id) ?? 0), 0) / it.contentIds.length
    : null;
  return drawAnswers(draw, { z, repEffect: rep.repEffect, type: it.type, contentQuality: quality, addedValueShift });
}

/** The submitted response of a customer who answers: questions skipped now and then, a comment, consent. */
function answer(
  draw: Draw,
  model: ModelAnswers,
  customer: GenCustomer,
  questions: AnswerKey[],
  at: number,
): GenResponse {
  const asked = new Set(questions);
  const keep = <T>(key: AnswerKey, value: T): T | null =>
    asked.has(key) && !draw.chance(SKIP_PROBABILITY) ? value : null;
  const r = {
    resolvedFirstContact: keep('resolved_first_contact', model.resolvedFirstContact),
    contentUseful: model.contentUseful === null ? null : keep('content_useful', model.contentUseful),
    decisionClearer: keep('decision_clearer', model.decisionClearer),
    addedValue: keep('added_value', model.addedValue),
  };
  const likert = [r.contentUseful, r.decisionClearer, r.addedValue].filter((v): v is number => v !== null);
  const anyLow = hasLowAnswer(r);
  const allHigh = r.resolvedFirstContact !== 0 && likert.length > 0 && likert.every((v) => v >= 4);
  const sentiment: Sentiment = anyLow ? 'negative' : allHigh ? 'positive' : 'neutral';
  const comment =
    asked.has('comment') && draw.chance(commentProbability(anyLow))
      ? draw.pick(COMMENTS[customer.locale][sentiment])
      : null;
  return {
    status: 'submitted',
    ...r,
    comment,
    contactConsent: draw.chance(consentProbability(comment !== null)),
    startedAt: at - draw.int(20, 240) * 1000,
    submittedAt: at,
  };
}

/** Two customers of the latest open invitations have started answering (saved as they go) but not submitted. */
export function startPartialAnswers(
  draw: Draw,
  customers: GenCustomer[],
  interactions: GenInteraction[],
  now: number,
): void {
  const open = interactions.filter(
    (it) =>
      it.invitation?.status === 'sent' &&
      it.invitation.remindedAt === null &&
      (it.invitation.sentAt ?? now) < now - HOUR,
  );
  for (const it of open.slice(-2)) {
    const invitation = it.invitation!;
    const startedAt = (invitation.sentAt ?? now) + 30 * MINUTE;
    const full = answer(
      draw,
      invitation.latent!.answers,
      customers[it.customer]!,
      ['resolved_first_contact', 'decision_clearer'],
      startedAt,
    );
    invitation.response = {
      ...full,
      status: 'partial',
      submittedAt: null,
      comment: null,
      contactConsent: false,
      startedAt,
    };
  }
}
