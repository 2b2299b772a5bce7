/**
 * Renders a weekly digest into the outbox row it is stored as (src/mail/render.ts does the
 * same for invitations): subject, text and HTML parts, List-Unsubscribe, a Message-ID.
 */
import { randomBytes } from 'node:crypto';
import type { Locale } from '../../db/schema';
import { staffT } from '../lib/i18n/staff';
import type { DigestContent } from '../domain/digest-content';
import { DigestEmailHtml, digestEmailText, type DigestEmailProps } from '../../views/emails/digest';
import type { RenderedMessage } from './render';

export interface DigestRenderInput {
  baseUrl: string;
  mailFrom: string;
  locale: Locale;
  name: string;
  week: string;
  content: DigestContent;
  unsubscribeToken: string;
}

const senderDomain = (mailFrom: string) => /@([A-Za-z0-9.-]+)/.exec(mailFrom)?.[1] ?? 'localhost';

export function renderDigestMessage(input: DigestRenderInput): RenderedMessage {
  const lang = input.locale === 'es' ? 'es' : 'en';
  const t = staffT(lang);
  const unsubscribeUrl = `${input.baseUrl}/digest/unsubscribe/${input.unsubscribeToken}`;
  const subject = t('digestSubject', { week: input.week }).replace(/[\r\n]+/g, ' ');
  const props: DigestEmailProps = {
    t,
    lang,
    name: input.name,
    subject,
    content: input.content,
    appUrl: `${input.baseUrl}/`,
    unsubscribeUrl,
  };
  const html = DigestEmailHtml(props).toString();
  if (typeof html !== 'string') throw new Error('renderDigestMessage: the template must render synchronously');
  return {
    subject,
    textBody: digestEmailText(props),
    htmlBody: `<!doctype html>${html}`,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>` },
    messageId: `<${randomBytes(12).toString('base64url')}.digest@${senderDomain(input.mailFrom)}>`,
  };
}
