/**
 * Making invitations and reminders: tokens (plaintext only inside the not-yet-sent
 * message) and the rendered email in the outbox, in the caller's write, so an invitation
 * never exists without its mail or vice versa (a trigger counts it in the CPI totals).
 * Everything is written with multi-row statements: a batch of a thousand interactions
 * costs a handful of statements, which matters most against a remote libSQL server.
 */
import type { Drizzle } from '../../db/client';
import type { AnswerKey, InteractionType, Locale } from '../../db/schema';
import {
  insertInvitations,
  insertOutboxMessages,
  insertTokens,
  type NewOutboxMessage,
} from '../../db/queries/invitations';
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

export async function createInvitations(
  tx: Drizzle,
  mail: MailSettings,
  plans: InvitationPlan[],
  now: number,
): Promise<void> {
  if (plans.length === 0) return;
  const ids = await insertInvitations(
    tx,
    plans.map((plan) => ({
      interactionId: plan.interactionId,
      customerId: plan.customer.id,
      repId: plan.repId,
      status: 'scheduled' as const,
      locale: plan.customer.locale,
      questions: plan.questions,
      required: plan.required,
      sendAt: plan.sendAt,
      expiresAt: plan.expiresAt,
      expiryDays: plan.expiryDays,
      reminderDueAt: plan.reminderDueAt,
      createdAt: now,
    })),
  );
  await queueSurveyMails(
    tx,
    mail,
    plans.map((plan) => ({
      ...plan,
      invitationId: ids.get(plan.interactionId)!,
      kind: 'invitation' as const,
      sendAfter: plan.sendAt,
    })),
    now,
  );
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

/** For each mail, a fresh survey token and unsubscribe token, and the message carrying them, in the outbox. */
export async function queueSurveyMails(
  tx: Drizzle,
  mail: MailSettings,
  mails: SurveyMail[],
  now: number,
): Promise<void> {
  const tokens: Parameters<typeof insertTokens>[1] = [];
  const messages: NewOutboxMessage[] = [];
  for (const m of mails) {
    const surveyToken = newToken();
    const unsubscribeToken = newToken();
    tokens.push(
      { tokenHash: hashToken(surveyToken), invitationId: m.invitationId, purpose: 'survey', createdAt: now },
      { tokenHash: hashToken(unsubscribeToken), invitationId: m.invitationId, purpose: 'unsubscribe', createdAt: now },
    );
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
    messages.push({
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
  await insertTokens(tx, tokens);
  await insertOutboxMessages(tx, messages);
}

export const queueSurveyMail = (tx: Drizzle, mail: MailSettings, m: SurveyMail, now: number) =>
  queueSurveyMails(tx, mail, [m], now);
