/**
 * One reminder to non-responders (docs/architecture.md, "The survey loop"): due after the rule's days
 * once the invitation was sent, never after a submitted response or after expiry. The
 * conditional UPDATE on reminded_at (RETURNING what it claimed) makes two senders queue it once.
 */
import type { AppDeps } from '../context';
import { claimReminders, listDueReminders } from '../../db/queries/reminders';
import { queueSurveyMails } from './invitations';

const BATCH = 200;

export async function queueDueReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock.nowMs();
  const mail = { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom };
  let queued = 0;
  for (;;) {
    const due = await listDueReminders(deps.db.read, now, BATCH);
    if (due.length === 0) return queued;
    queued += await deps.db.write(async (tx) => {
      const mine = await claimReminders(
        tx,
        due.map((d) => d.invitation.id),
        now,
      );
      await queueSurveyMails(
        tx,
        mail,
        due
          .filter((d) => mine.has(d.invitation.id))
          .map((d) => ({
            invitationId: d.invitation.id,
            kind: 'reminder' as const,
            sendAfter: now,
            expiresAt: d.invitation.expiresAt,
            interactionType: d.type,
            occurredAt: d.occurredAt,
            repName: d.repName,
            customer: { email: d.customer.email, name: d.customer.name, locale: d.invitation.locale },
          })),
        now,
      );
      return mine.size;
    });
    if (due.length < BATCH) return queued;
  }
}
