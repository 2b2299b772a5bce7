/** A real SMTP server on loopback (smtp-server), recording what it accepts; faults can be switched on. */
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  to: string;
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Decides, per message, to accept (undefined) or answer with an SMTP error code. */
  respond: (raw: string) => number | undefined;
  close(): Promise<void>;
}

/**
 * `parse: false` records raw messages only (Message-ID and recipient read from the headers): cheap under load.
 * `auth` requires these credentials (AUTH PLAIN/LOGIN over plain text, loopback only).
 */
export async function startSmtp(
  listenPort = 0,
  options: { parse?: boolean; auth?: { user: string; pass: string } } = {},
): Promise<TestSmtp> {
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    respond: () => undefined,
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: !options.auth,
    allowInsecureAuth: Boolean(options.auth),
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      const ok = auth.username === options.auth?.user && auth.password === options.auth?.pass;
      callback(ok ? null : Object.assign(new Error('Invalid username or password'), { responseCode: 535 }), {
        user: auth.username,
      });
    },
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const code = state.respond(raw);
        if (code !== undefined) {
          const error = Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), {
            responseCode: code,
          });
          return callback(error);
        }
        if (options.parse === false) {
          const header = (name: string) =>
            new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(raw.split(/\r?\n\r?\n/)[0] ?? '')?.[1]?.trim() ?? '';
          state.received.push({
            raw,
            parsed: undefined as unknown as ParsedMail,
            messageId: header('Message-ID'),
            to: header('To'),
          });
          return callback();
        }
        const parsed = await simpleParser(raw);
        const to = Array.isArray(parsed.to) ? (parsed.to[0]?.text ?? '') : (parsed.to?.text ?? '');
        state.received.push({ raw, parsed, messageId: parsed.messageId ?? '', to });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(listenPort, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  state.port = port;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return state;
}

/** The survey link of a received invitation, from its text part. */
export function surveyLinkOf(mail: ReceivedMail): string {
  const match = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43})(?=\s|$)/m.exec(mail.parsed.text ?? '');
  if (!match?.[1]) throw new Error('no survey link in the message');
  return match[1];
}
