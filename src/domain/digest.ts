/**
 * The weekly digest (issue 17): who gets it, when, and exactly once per person and ISO week.
 * Each sender run (and `cli digest send`) asks for the opted-in staff without a digest this
 * week, builds each one's digest, then in one write claims the (person, week) row — insert or
 * ignore on its unique index — and queues the message in the outbox only if the claim went
 * in. Two instances may both build a digest; one claim wins, so one message is queued.
 */
import type { AppDeps } from '../context';
import { claimDigest, listDigestRecipients, type DigestRecipient } from '../../db/queries/digest';
import { insertOutboxMessages } from '../../db/queries/invitations';
import { recordAudit } from '../../db/queries/audit';
import { hashToken, newToken } from '../lib/tokens';
import { renderDigestMessage } from '../mail/digest';
import { buildDigestContent, digestComplete } from './digest-content';
import { digestWeek } from './digest-schedule';
import { getSettings } from './settings';

export interface DigestRun {
  week: string;
  timeZone: string;
  /** Monday 07:00 has passed in the organisation's time zone this week. */
  due: boolean;
  /** Queued now (or, in a dry run, that would be). */
  queued: { email: string; role: DigestRecipient['role']; subject: string; text: string }[];
  /** Lost the claim to another sender. */
  claimedElsewhere: number;
  /** Left for a later run: an analysis it reports was still being computed. */
  deferred: number;
}

/** How long after the due hour a sender waits for analyses still being computed before sending without them. */
const WAIT_FOR_ANALYSES_MS = 60 * 60_000;

/**
 * Queues this week's digests. `force` sends now whatever the day and hour, computing the
 * analyses first (the CLI); a dry run builds them and claims nothing. Without `force`, a digest
 * whose analyses are still being computed waits for a later run, up to an hour past 07:00.
 */
export async function queueDigests(
  deps: AppDeps,
  options: { force?: boolean; dryRun?: boolean } = {},
): Promise<DigestRun> {
  const now = deps.clock.nowMs();
  const { timeZone } = await getSettings(deps.db.read);
  const { week, due, monday, dueAt } = digestWeek(now, timeZone);
  const run: DigestRun = { week, timeZone, due, queued: [], claimedElsewhere: 0, deferred: 0 };
  if (!due && !options.force) return run;
  const patient = !options.force && now < dueAt + WAIT_FOR_ANALYSES_MS;
  for (const recipient of await listDigestRecipients(deps.db.read, week)) {
    const content = await buildDigestContent(deps, recipient, now, { week, monday }, Boolean(options.force));
    if (patient && !digestComplete(content)) {
      run.deferred++;
      continue;
    }
    const unsubscribeToken = newToken();
    const message = renderDigestMessage({
      baseUrl: deps.config.baseUrl,
      mailFrom: deps.config.mailFrom,
      locale: recipient.locale,
      name: recipient.name,
      week,
      content,
      unsubscribeToken,
    });
    const entry = { email: recipient.email, role: recipient.role, subject: message.subject, text: message.textBody };
    if (options.dryRun) {
      run.queued.push(entry);
      continue;
    }
    const queuedHere = await deps.db.write(async (tx) => {
      const claimed = await claimDigest(
        tx,
        {
          userId: recipient.id,
          week,
          unsubscribeHash: hashToken(unsubscribeToken),
          findings: content.kind === 'lead' ? content.findingKeys : null,
        },
        now,
      );
      if (!claimed) return false;
      await insertOutboxMessages(tx, [
        {
          kind: 'digest',
          toAddress: recipient.email,
          subject: message.subject,
          textBody: message.textBody,
          htmlBody: message.htmlBody,
          headers: message.headers,
          messageId: message.messageId,
          status: 'pending',
          sendAfter: now,
          createdAt: now,
        },
      ]);
      await recordAudit(tx, now, {
        actor: 'digest',
        action: 'digest.queued',
        subject: recipient.email,
        detail: { week },
      });
      return true;
    });
    if (queuedHere) run.queued.push(entry);
    else run.claimedElsewhere++;
  }
  if (run.queued.length > 0 && !options.dryRun) deps.wakeSender();
  return run;
}
