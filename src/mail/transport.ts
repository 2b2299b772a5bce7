/** The SMTP transport (nodemailer, pooled) built from SMTP_URL, and how its errors are classed. */
import nodemailer, { type Transporter } from 'nodemailer';

interface OutgoingMessage {
  from: string;
  replyTo?: string | undefined;
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface MailTransport {
  send(message: OutgoingMessage): Promise<void>;
  close(): void;
  /**
   * A transport that follows the mail settings switches to this SMTP URL (the effective one at
   * send time) and says whether it can send; a fixed transport has no `use`.
   */
  use?(smtpUrl: string | undefined): boolean;
}

function nodemailerOptions(smtpUrl: string) {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
}

export function createSmtpTransport(smtpUrl: string, options: { maxConnections?: number } = {}): MailTransport {
  const transporter: Transporter = nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    ...nodemailerOptions(smtpUrl),
  });
  return {
    async send(m) {
      for (const value of [m.to, m.from, m.subject, m.messageId, ...Object.values(m.headers)]) {
        if (/[\r\n]/.test(value))
          throw Object.assign(new Error('a header value contains CR or LF'), { permanent: true });
      }
      await transporter.sendMail({
        from: m.from,
        replyTo: m.replyTo,
        to: m.to,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: m.headers,
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * The transport of the in-process sender and `cli send-due`: a pooled SMTP transport for the
 * effective SMTP URL, rebuilt when the mail settings change it (no restart).
 */
export function createSettingsTransport(): MailTransport {
  let current: { url: string; transport: MailTransport } | undefined;
  const active = () => {
    if (!current) throw new Error('createSettingsTransport: send before use()');
    return current.transport;
  };
  return {
    use(smtpUrl) {
      if (current?.url !== smtpUrl) {
        current?.transport.close();
        current = smtpUrl ? { url: smtpUrl, transport: createSmtpTransport(smtpUrl) } : undefined;
      }
      return current !== undefined;
    },
    send: (m) => active().send(m),
    close: () => current?.transport.close(),
  };
}

/** Sends one message on a fresh connection and returns the server's final answer ("250 …"); throws its error. */
export async function sendTestMessage(smtpUrl: string, message: Omit<OutgoingMessage, 'messageId' | 'headers'>) {
  const transporter = nodemailer.createTransport(nodemailerOptions(smtpUrl));
  try {
    const info = await transporter.sendMail(message);
    return String(info.response);
  } finally {
    transporter.close();
  }
}

/** 5xx replies (but 503, a sequencing error) and messages we refused to build are permanent; the rest is retried. */
export function isPermanentFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { responseCode?: number; permanent?: boolean };
  if (e.permanent) return true;
  return typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600 && e.responseCode !== 503;
}
