/**
 * The webhook sender: claims due deliveries with a lease and posts them, signed as Standard
 * Webhooks describes (`webhook-id`, `webhook-timestamp`, `webhook-signature`). Delivery is at
 * least once (a crash between the receiver's 2xx and marking the row repeats it, with the same
 * `webhook-id`); a failure retries on the schedule below, then the row becomes a dead letter an
 * admin can retry at /admin/webhooks. Run by the mail sender's loop and `cli send-due`.
 */
import { randomUUID } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { AppDeps } from '../context';
import { claimDueDeliveries, markDelivered, markDeliveryDead, markDeliveryRetry } from '../../db/queries/webhooks';
import { signingSecrets } from '../domain/webhooks';
import { postWebhook } from './post';

/**
 * Delay before each retry (after attempt 1, 2, …): 5 s, 30 s, 2 min, 10 min, 30 min, 1 h,
 * 2 h, 4 h, 8 h; the attempt after the last is the final one (10 attempts over about 16 h).
 */
export const RETRY_DELAYS_MS = [
  5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000,
];

export interface WebhookSenderOptions {
  owner?: string;
  leaseMs?: number;
  batchSize?: number;
  timeoutMs?: number;
  retryDelaysMs?: readonly number[];
}

export interface WebhookReport {
  delivered: number;
  retried: number;
  dead: number;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The `webhook-signature` header: one `v1,…` signature per secret in use, separated by spaces. */
function signatureHeader(secrets: string[], messageId: string, at: Date, body: string): string {
  return secrets.map((secret) => new Webhook(secret).sign(messageId, at, body)).join(' ');
}

export async function deliverDueWebhooks(deps: AppDeps, options: WebhookSenderOptions = {}): Promise<WebhookReport> {
  const owner = options.owner ?? `webhooks-${randomUUID()}`;
  const leaseMs = options.leaseMs ?? 120_000;
  const batchSize = options.batchSize ?? 20;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const report: WebhookReport = { delivered: 0, retried: 0, dead: 0 };
  for (;;) {
    const claimed = await deps.db.write((tx) => claimDueDeliveries(tx, owner, deps.clock.nowMs(), leaseMs, batchSize));
    if (claimed.length === 0) return report;
    await Promise.all(
      claimed.map(async ({ delivery, endpoint }) => {
        const at = deps.clock.now();
        const headers = {
          'webhook-id': delivery.messageId,
          'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
          'webhook-signature': signatureHeader(
            signingSecrets(endpoint, at.getTime()),
            delivery.messageId,
            at,
            delivery.body,
          ),
        };
        let status: number | null = null;
        let failure: string;
        try {
          status = (
            await postWebhook(endpoint.url, headers, delivery.body, {
              allowLocal: deps.config.webhookAllowLocal,
              timeoutMs,
            })
          ).status;
          if (status >= 200 && status < 300) {
            await deps.db.batch(
              (db) => [markDelivered(db, delivery.id, owner, status ?? 0, deps.clock.nowMs())] as const,
            );
            report.delivered++;
            return;
          }
          // Redirects are not followed: a 3xx is a failure like any other non-2xx.
          failure = `the receiver answered ${status}`;
        } catch (error) {
          failure = errorText(error);
        }
        const delay = delays[delivery.attempts - 1];
        if (delay === undefined) {
          await deps.db.batch((db) => [markDeliveryDead(db, delivery.id, owner, { status, error: failure })] as const);
          report.dead++;
        } else {
          const nextAttemptAt = deps.clock.nowMs() + delay;
          await deps.db.batch(
            (db) => [markDeliveryRetry(db, delivery.id, owner, { status, error: failure, nextAttemptAt })] as const,
          );
          report.retried++;
        }
      }),
    );
  }
}
