/**
 * Renders an invitation or reminder into the outbox row it is stored as: subject from a
 * fixed template, text and HTML parts carrying the survey link, List-Unsubscribe headers
 * (RFC 8058 one-click), and a stable Message-ID. The sender's name is left as a slot that
 * `fillSenderName` fills when the message is sent or shown, so mail queued before MAIL_FROM
 * changed signs with the name it goes out under.
 */
import { randomBytes } from 'node:crypto';
import type { Locale, InteractionType } from '../../db/schema';
import { surveyT, formatDate } from '../lib/i18n/survey';
import { InvitationEmailHtml, invitationEmailText, type InvitationEmailProps } from '../../views/emails/invitation';

export interface RenderInput {
  kind: 'invitation' | 'reminder';
  baseUrl: string;
  mailFrom: string;
  locale: Locale;
  customerName: string | null;
  repName: string;
  interactionType: InteractionType;
  occurredAt: number;
  expiresAt: number;
  surveyToken: string;
  unsubscribeToken: string;
}

export interface RenderedMessage {
  subject: string;
  textBody: string;
  htmlBody: string;
  headers: Record<string, string>;
  messageId: string;
}

/** The display name of MAIL_FROM, used as the organisation's name in the signature and footer. */
function senderName(mailFrom: string): string {
  const match = /^\s*"?([^"<]*?)"?\s*</.exec(mailFrom);
  return match?.[1]?.trim() || mailFrom.replace(/@.*/, '');
}

function senderDomain(mailFrom: string): string {
  const match = /@([A-Za-z0-9.-]+)/.exec(mailFrom);
  return match?.[1] ?? 'localhost';
}

/** Stands for the sender's name in a stored body until `fillSenderName`. */
const SENDER_NAME_SLOT = '{{sender-name}}';
/** Stands for the sender's logo (mail settings) in a stored HTML body until `fillSenderName`. */
const SENDER_LOGO_SLOT = '{{sender-logo}}';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

/**
 * A stored body with the display name of `mailFrom` (the sender at send time) in place of its
 * slot, escaped for the HTML part, and the logo of the mail settings (or nothing) in place of its slot. Bodies stored before the slot existed are returned as they are.
 */
export function fillSenderName(body: string, mailFrom: string, part: 'text' | 'html', logoUrl?: string): string {
  const name = senderName(mailFrom);
  // The logo is an image on our origin (checked when saved); its alt text is the sender's name, so the mail reads the same without images.
  const logo =
    part === 'html' && logoUrl
      ? `<img src="${escapeHtml(logoUrl)}" alt="${escapeHtml(name)}" height="40" style="display:block;height:40px;width:auto;max-width:100%;border:0;margin:0 0 16px">`
      : '';
  return body
    .replaceAll(SENDER_NAME_SLOT, part === 'html' ? escapeHtml(name) : name)
    .replaceAll(SENDER_LOGO_SLOT, logo);
}

export function renderSurveyMessage(input: RenderInput): RenderedMessage {
  const t = surveyT(input.locale);
  const about = t(`about_${input.interactionType}`, { rep: input.repName });
  const surveyUrl = `${input.baseUrl}/s/${input.surveyToken}`;
  const unsubscribeUrl = `${input.baseUrl}/u/${input.unsubscribeToken}`;
  const subject = t(input.kind === 'reminder' ? 'emailReminderSubject' : 'emailSubject', { about }).replace(
    /[\r\n]+/g,
    ' ',
  );
  const props: InvitationEmailProps = {
    t,
    lang: input.locale,
    subject,
    customerName: input.customerName,
    about,
    dateLabel: formatDate(input.occurredAt, input.locale),
    expiresLabel: formatDate(input.expiresAt, input.locale),
    surveyUrl,
    unsubscribeUrl,
    orgName: SENDER_NAME_SLOT,
    logo: SENDER_LOGO_SLOT,
  };
  const html = InvitationEmailHtml(props).toString();
  if (typeof html !== 'string') throw new Error('renderSurveyMessage: the email template must render synchronously');
  return {
    subject,
    textBody: invitationEmailText(props),
    htmlBody: `<!doctype html>${html}`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
    messageId: `<${randomBytes(12).toString('base64url')}.${input.kind}@${senderDomain(input.mailFrom)}>`,
  };
}
