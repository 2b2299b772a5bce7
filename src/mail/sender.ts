/**
 * The outbox sender: expires stale mail, queues due reminders and weekly digests, then claims due messages
 * with a lease and delivers them. Delivery is at least once: only a crash between the
 * server's 250 and markSent repeats a message (same Message-ID, same link). Temporary
 * failures retry with backoff; permanent ones (5xx) become dead letters (and an
 * `invitation.bounced` webhook event). Each run also delivers due webhooks (src/webhooks/sender.ts).
 */
import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../context';
import { claimDueMessages, cancelExpiredMail, markDead, markRetry, markSent } from '../../db/queries/outbox';
import { queueDueReminders } from '../domain/reminders';
import { queueDigests } from '../domain/digest';
import { isPermanentFailure, type MailTransport } from './transport';
import { fillSenderName } from './render';
import { getEffectiveMail, type EffectiveMail } from '../domain/mail-settings';
import { queueBounceEvent } from '../domain/webhooks';
import { deliverDueWebhooks, type WebhookReport } from '../webhooks/sender';

export interface SenderOptions {
  owner?: string;
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  /** First retry delay; doubles per attempt up to an hour. */
  retryBaseMs?: number;
}

export interface SendReport {
  sent: number;
  retried: number;
  dead: number;
  reminders: number;
  /** Weekly digests queued in this run (src/domain/digest.ts). */
  digests: number;
  webhooks: WebhookReport;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function sendDue(
  deps: AppDeps,
  transport: MailTransport | undefined,
  options: SenderOptions = {},
): Promise<SendReport> {
  const owner = options.owner ?? `sender-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 12;
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const report: SendReport = {
    sent: 0,
    retried: 0,
    dead: 0,
    reminders: 0,
    digests: 0,
    webhooks: { delivered: 0, retried: 0, dead: 0 },
  };
  await deps.db.write((tx) => cancelExpiredMail(tx, deps.clock.nowMs()));
  report.reminders = await queueDueReminders(deps);
  report.digests = await queueDueDigests(deps);
  // The mail settings as they are now: a change in /admin/mail applies from the next run.
  const mail = await getEffectiveMail(deps);
  if (transport && (!transport.use || transport.use(mail.smtpUrl)))
    await sendDueMail(deps, transport, mail, report, { owner, leaseMs, batchSize, maxAttempts, retryBaseMs });
  report.webhooks = await deliverDueWebhooks(deps);
  return report;
}

async function sendDueMail(
  deps: AppDeps,
  transport: MailTransport,
  mail: EffectiveMail,
  report: SendReport,
  { owner, leaseMs, batchSize, maxAttempts, retryBaseMs }: Required<SenderOptions>,
): Promise<void> {
  for (;;) {
    const [claimed] = await deps.db.batch(
      (db) => [claimDueMessages(db, owner, deps.clock.nowMs(), leaseMs, batchSize)] as const,
    );
    if (claimed.length === 0) return;
    await Promise.all(
      claimed.map(async (message) => {
        try {
          // The sender as configured now signs the message, however long it waited in the outbox.
          const { from, replyTo, logoUrl } = mail;
          await transport.send({
            from,
            replyTo,
            to: message.toAddress,
            subject: message.subject,
            text: fillSenderName(message.textBody ?? '', from, 'text'),
            html: fillSenderName(message.htmlBody ?? '', from, 'html', logoUrl),
            messageId: message.messageId,
            headers: message.headers,
          });
        } catch (error) {
          const now = deps.clock.nowMs();
          if (isPermanentFailure(error)) {
            // The SMTP server refused the address for good: a bounce, told to webhooks in the same write.
            await deps.db.write(async (tx) => {
              const dead = await markDead(tx, message.id, owner, errorText(error));
              // A staff digest is not an invitation: no `invitation.bounced` event for it.
              if (dead.rowsAffected === 1 && message.kind !== 'digest')
                await queueBounceEvent(
                  tx,
                  { invitationId: message.invitationId, kind: message.kind, smtpError: errorText(error) },
                  now,
                );
            });
            report.dead++;
          } else if (message.attempts >= maxAttempts) {
            await deps.db.batch((db) => [markDead(db, message.id, owner, errorText(error))] as const);
            report.dead++;
          } else {
            const delay = Math.min(3_600_000, retryBaseMs * 2 ** (message.attempts - 1)) * (0.8 + Math.random() * 0.4);
            await deps.db.batch((db) => [markRetry(db, message.id, owner, now + delay, errorText(error))] as const);
            report.retried++;
          }
          return;
        }
        await deps.db.batch((db) => markSent(db, message, owner, deps.clock.nowMs()));
        report.sent++;
      }),
    );
  }
}

/** This week's digests once they are due; a failure is logged and leaves the mail of this run alone. */
async function queueDueDigests(deps: AppDeps): Promise<number> {
  try {
    return (await queueDigests(deps)).queued.length;
  } catch (error) {
    console.error(`[digest] queueing the weekly digest failed: ${errorText(error)}`);
    return 0;
  }
}

/** Runs sendDue every `intervalSeconds` and soon after `wake()`; never two runs at once. */
export function startSender(
  deps: AppDeps,
  transport: MailTransport | undefined,
  intervalSeconds: number,
  options: SenderOptions = {},
) {
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = sendDue(deps, transport, options)
      .then(() => undefined)
      .catch((error: unknown) => console.error(`[mail] sender run failed: ${errorText(error)}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalSeconds * 1000);
  timer.unref();
  setImmediate(run);
  return {
    wake: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      transport?.close();
    },
  };
}
