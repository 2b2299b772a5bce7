/**
 * Making invitations and reminders: tokens (plaintext only inside the not-yet-sent
 * message) and the rendered email in the outbox, in the caller's write, so an invitation
 * never exists without its mail or vice versa (a trigger counts it in the CPI totals).
 */
import type { Drizzle } from '../../db/client';
import type { AnswerKey, InteractionType, Locale } from '../../db/schema';
import { insertInvitation, insertOutboxMessage, insertTokens } from '../../db/queries/invitations';
import { renderSurveyMessage } from '../mail/render';
import { hashToken, newToken } from '../lib/tokens';

export interface MailSettings {
  baseUrl: string;
  mailFrom: string;
}

export interface InvitationPlan {
  interactionId: number;
  interactionType: InteractionType;
  occurredAt: number;
  repId: number;
  repName: string;
  customer: { id: number; email: string; name: string | null; locale: Locale };
  questions: AnswerKey[];
  required: AnswerKey[];
  sendAt: number;
  expiresAt: number;
  expiryDays: number;
  reminderDueAt: number | null;
}

export async function createInvitation(tx: Drizzle, mail: MailSettings, plan: InvitationPlan, now: number): Promise<number> {
  const invitationId = await insertInvitation(tx, {
    interactionId: plan.interactionId,
    customerId: plan.customer.id,
    repId: plan.repId,
    status: 'scheduled',
    locale: plan.customer.locale,
    questions: plan.questions,
    required: plan.required,
    sendAt: plan.sendAt,
    expiresAt: plan.expiresAt,
    expiryDays: plan.expiryDays,
    reminderDueAt: plan.reminderDueAt,
    createdAt: now,
  });
  await queueSurveyMail(tx, mail, { ...plan, invitationId, kind: 'invitation', sendAfter: plan.sendAt }, now);
  return invitationId;
}

export interface SurveyMail {
  invitationId: number;
  kind: 'invitation' | 'reminder';
  sendAfter: number;
  expiresAt: number;
  interactionType: InteractionType;
  occurredAt: number;
  repName: string;
  customer: { email: string; name: string | null; locale: Locale };
}

/** A fresh survey token and unsubscribe token, and the message carrying them, in the outbox. */
export async function queueSurveyMail(tx: Drizzle, mail: MailSettings, m: SurveyMail, now: number): Promise<void> {
  const surveyToken = newToken();
  const unsubscribeToken = newToken();
  await insertTokens(tx, [
    { tokenHash: hashToken(surveyToken), invitationId: m.invitationId, purpose: 'survey', createdAt: now },
    { tokenHash: hashToken(unsubscribeToken), invitationId: m.invitationId, purpose: 'unsubscribe', createdAt: now },
  ]);
  const message = renderSurveyMessage({
    kind: m.kind,
    baseUrl: mail.baseUrl,
    mailFrom: mail.mailFrom,
    locale: m.customer.locale,
    customerName: m.customer.name,
    repName: m.repName,
    interactionType: m.interactionType,
    occurredAt: m.occurredAt,
    expiresAt: m.expiresAt,
    surveyToken,
    unsubscribeToken,
  });
  await insertOutboxMessage(tx, {
    invitationId: m.invitationId,
    kind: m.kind,
    toAddress: m.customer.email,
    subject: message.subject,
    textBody: message.textBody,
    htmlBody: message.htmlBody,
    headers: message.headers,
    messageId: message.messageId,
    status: 'pending',
    sendAfter: m.sendAfter,
    createdAt: now,
  });
}
