/**
 * One reminder to non-responders (docs/architecture.md, "The survey loop"): due after the rule's days
 * once the invitation was sent, never after a submitted response or after expiry. The
 * conditional UPDATE on reminded_at (RETURNING what it claimed) makes two senders queue it once.
 */
import { and, eq, inArray, isNull, lte, gt } from 'drizzle-orm';
import type { AppDeps } from '../context';
import { customers, interactions, invitations, reps, responses } from '../../db/schema';
import { queueSurveyMails } from './invitations';

const BATCH = 200;

export async function queueDueReminders(deps: AppDeps): Promise<number> {
  const now = deps.clock.nowMs();
  const mail = { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom };
  let queued = 0;
  for (;;) {
    const due = await deps.db.read
      .select({
        invitation: invitations,
        type: interactions.type,
        occurredAt: interactions.occurredAt,
        repName: reps.name,
        customer: customers,
      })
      .from(invitations)
      .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
      .innerJoin(reps, eq(reps.id, invitations.repId))
      .innerJoin(customers, eq(customers.id, invitations.customerId))
      .leftJoin(responses, and(eq(responses.invitationId, invitations.id), eq(responses.status, 'submitted')))
      .where(
        and(
          eq(invitations.status, 'sent'),
          lte(invitations.reminderDueAt, now),
          isNull(invitations.remindedAt),
          gt(invitations.expiresAt, now),
          isNull(responses.id),
          isNull(customers.optedOutAt),
        ),
      )
      .limit(BATCH);
    if (due.length === 0) return queued;
    queued += await deps.db.write(async (tx) => {
      const claimed = await tx
        .update(invitations)
        .set({ remindedAt: now })
        .where(
          and(
            inArray(
              invitations.id,
              due.map((d) => d.invitation.id),
            ),
            isNull(invitations.remindedAt),
            eq(invitations.status, 'sent'),
          ),
        )
        .returning({ id: invitations.id });
      const mine = new Set(claimed.map((r) => r.id));
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
