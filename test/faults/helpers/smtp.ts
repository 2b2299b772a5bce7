/**
 * An SMTP server on loopback (smtp-server) whose answer to each message is decided by the
 * test: accept (250), refuse with a code (451, 550, …), or drop the connection before
 * accepting the data (the socket is destroyed, no reply at all). Records what it accepted
 * and can act right after a 250 has gone out (to kill the sender in that window).
 */
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo, Socket } from 'node:net';

type Verdict = 'accept' | 'drop' | number;

export interface AcceptedMail {
  raw: string;
  parsed: ParsedMail;
  messageId: string;
  to: string;
  /** The survey link in the text part. */
  link: string | undefined;
}

export interface FaultySmtp {
  url: string;
  port: number;
  accepted: AcceptedMail[];
  /** Messages whose data arrived, whatever the answer. */
  attempts: number;
  drops: number;
  refused: Map<number, number>;
  /** Server errors other than connection resets. */
  errors: Error[];
  decide: (raw: string, to: string) => Verdict;
  /** Called synchronously right after a 250 was written for `mail`. */
  afterAccept: (mail: AcceptedMail) => void;
  close(): Promise<void>;
}

const LINK = /(https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43})(?=\s|$)/m;

export async function startFaultySmtp(): Promise<FaultySmtp> {
  const state: FaultySmtp = {
    url: '',
    port: 0,
    accepted: [],
    attempts: 0,
    drops: 0,
    refused: new Map(),
    errors: [],
    decide: () => 'accept',
    afterAccept: () => {},
    close: async () => {},
  };
  const server: SMTPServer = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        state.attempts++;
        const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
        const verdict = state.decide(raw, to);
        if (verdict === 'drop') {
          const socket = socketOf(server, session);
          if (!socket) throw new Error('fault SMTP server: no socket found for the session to drop');
          state.drops++;
          socket.destroy();
          return;
        }
        if (typeof verdict === 'number') {
          state.refused.set(verdict, (state.refused.get(verdict) ?? 0) + 1);
          return callback(
            Object.assign(
              new Error(verdict >= 500 ? 'Mailbox unavailable (fault test)' : 'Try again later (fault test)'),
              { responseCode: verdict },
            ),
          );
        }
        const parsed = await simpleParser(raw);
        const mail: AcceptedMail = {
          raw,
          parsed,
          messageId: parsed.messageId ?? '',
          to,
          link: LINK.exec(parsed.text ?? '')?.[1],
        };
        state.accepted.push(mail);
        callback(); // writes "250 OK" to the socket now
        state.afterAccept(mail);
      });
    },
  });
  // Connections reset by a killed or closing client are expected here, not failures.
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') state.errors.push(error);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      // Pooled clients may still hold idle connections: close them rather than wait 30 s.
      for (const connection of connectionsOf(server)) connection._socket?.destroy();
      server.close(() => resolve());
    });
  return state;
}

interface ConnectionInternals {
  session?: SMTPServerSession;
  _socket?: Socket;
}

const connectionsOf = (server: SMTPServer) => [
  ...((server as unknown as { connections: Set<ConnectionInternals> }).connections ?? []),
];

/** smtp-server keeps its connections in `server.connections`, each with its session and socket. */
function socketOf(server: SMTPServer, session: SMTPServerSession): Socket | undefined {
  return connectionsOf(server).find((c) => c.session === session || c.session?.id === session.id)?._socket;
}
