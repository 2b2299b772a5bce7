import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Drizzle } from '../client';
import { coalescing } from '../coalesce';
import { customers, interactions, invitations, invitationTokens, outbox, reps, responses } from '../schema';

export type NewInvitation = typeof invitations.$inferInsert;
export type NewOutboxMessage = typeof outbox.$inferInsert;

/** Multi-row insert; returns the new invitation ids by interaction id. */
export async function insertInvitations(tx: Drizzle, list: NewInvitation[]): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  for (let i = 0; i < list.length; i += 500) {
    const rows = await tx
      .insert(invitations)
      .values(list.slice(i, i + 500))
      .returning({ id: invitations.id, interactionId: invitations.interactionId });
    for (const r of rows) ids.set(r.interactionId, r.id);
  }
  return ids;
}

export async function insertTokens(
  tx: Drizzle,
  rows: { tokenHash: string; invitationId: number; purpose: 'survey' | 'unsubscribe'; createdAt: number }[],
) {
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(invitationTokens).values(rows.slice(i, i + 2000));
}

export async function insertOutboxMessages(tx: Drizzle, list: NewOutboxMessage[]) {
  for (let i = 0; i < list.length; i += 500) await tx.insert(outbox).values(list.slice(i, i + 500));
}

/** The answers of a response as the survey page shows them. */
const savedAnswerColumns = {
  id: responses.id,
  status: responses.status,
  resolvedFirstContact: responses.resolvedFirstContact,
  contentUseful: responses.contentUseful,
  decisionClearer: responses.decisionClearer,
  addedValue: responses.addedValue,
  comment: responses.comment,
  contactConsent: responses.contactConsent,
};

/** Everything the survey and unsubscribe pages need about a token, joined (no filter yet). */
function tokenRows(db: Drizzle) {
  // Only the columns the pages use: a wide SELECT * over these joins costs ~5× more to prepare.
  return (
    db
      .select({
        tokenHash: invitationTokens.tokenHash,
        purpose: invitationTokens.purpose,
        invitation: {
          id: invitations.id,
          status: invitations.status,
          locale: invitations.locale,
          questions: invitations.questions,
          required: invitations.required,
          expiresAt: invitations.expiresAt,
          repId: invitations.repId,
        },
        interaction: { id: interactions.id, type: interactions.type, occurredAt: interactions.occurredAt },
        rep: { id: reps.id, name: reps.name },
        customer: { id: customers.id, email: customers.email, optedOutAt: customers.optedOutAt },
        response: savedAnswerColumns,
      })
      .from(invitationTokens)
      .innerJoin(invitations, eq(invitations.id, invitationTokens.invitationId))
      .innerJoin(interactions, eq(interactions.id, invitations.interactionId))
      .innerJoin(reps, eq(reps.id, invitations.repId))
      .leftJoin(customers, eq(customers.id, invitations.customerId))
      // By interaction: a response imported from another tool (no invitation) closes the survey too.
      .leftJoin(responses, eq(responses.interactionId, invitations.interactionId))
  );
}

const tokenLookup = (db: Drizzle) =>
  tokenRows(db)
    .where(eq(invitationTokens.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare();

const preparedLookups = new WeakMap<Drizzle, ReturnType<typeof tokenLookup>>();

/** Everything the survey and unsubscribe pages need, found by a token's hash (a prepared query: this is the hot path). */
export async function getInvitationByTokenHash(db: Drizzle, tokenHash: string) {
  const lookup = preparedLookups.get(db) ?? preparedLookups.set(db, tokenLookup(db)).get(db)!;
  const rows = await lookup.all({ hash: tokenHash });
  return rows[0];
}

const gatheredLookups = new WeakMap<Db, (hash: string) => Promise<InvitationByToken | undefined>>();

/**
 * The same, for any Db: on a libSQL server the lookups that arrive while one runs are
 * gathered into the next (one round trip for many survey posts, db/coalesce.ts).
 */
export function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationByToken | undefined> {
  if (db.kind === 'file') return getInvitationByTokenHash(db.read, tokenHash);
  let lookup = gatheredLookups.get(db);
  if (!lookup) {
    lookup = coalescing(async (hashes: string[]) => {
      const rows = await tokenRows(db.read).where(inArray(invitationTokens.tokenHash, hashes));
      return new Map(rows.map((row) => [row.tokenHash, row]));
    });
    gatheredLookups.set(db, lookup);
  }
  return lookup(tokenHash);
}
export type InvitationByToken = NonNullable<Awaited<ReturnType<typeof getInvitationByTokenHash>>>;

/** Pending mail of these invitations (reminders not yet sent) is cancelled. */
export async function cancelPendingMail(
  tx: Drizzle,
  invitationIds: number[],
  kinds: ('invitation' | 'reminder')[] = ['invitation', 'reminder'],
) {
  if (invitationIds.length === 0) return;
  if (invitationIds.length === 1 && kinds.length === 1) {
    // A survey submit's case, in plain SQL (see writeSurveyAnswers).
    await tx.$client.execute({
      sql: "UPDATE outbox SET status = 'cancelled', text_body = NULL, html_body = NULL WHERE invitation_id = ? AND status = 'pending' AND kind = ?",
      args: [invitationIds[0]!, kinds[0]!],
    });
    return;
  }
  await tx
    .update(outbox)
    .set({ status: 'cancelled', textBody: null, htmlBody: null })
    .where(and(inArray(outbox.invitationId, invitationIds), eq(outbox.status, 'pending'), inArray(outbox.kind, kinds)));
}

export async function markInvitationResponded(tx: Drizzle, invitationId: number, now: number) {
  await tx.$client.execute({
    sql: "UPDATE invitations SET status = 'responded', responded_at = ? WHERE id = ?",
    args: [now, invitationId],
  });
}

/** Scheduled invitations of a customer are cancelled (opt-out). */
export async function cancelScheduledInvitationsOfCustomer(tx: Drizzle, customerId: number): Promise<number[]> {
  const rows = await tx
    .update(invitations)
    .set({ status: 'cancelled' })
    .where(and(eq(invitations.customerId, customerId), eq(invitations.status, 'scheduled')))
    .returning({ id: invitations.id });
  return rows.map((r) => r.id);
}

/** A customer's invitations that may still have mail waiting: scheduled, sent or cancelled. */
export async function listInvitationIdsWithMailOfCustomer(tx: Drizzle, customerId: number): Promise<number[]> {
  const rows = await tx
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(eq(invitations.customerId, customerId), inArray(invitations.status, ['scheduled', 'sent', 'cancelled'])),
    );
  return rows.map((r) => r.id);
}

/**
 * Invitations of these interactions that are still open although the interaction now holds
 * an answer from another tool (a response without an invitation): marked responded, and
 * their pending invitation and reminder mail cancelled — the survey link shows the answer as
 * already received. Returns the invitations closed.
 */
export async function closeInvitationsAnsweredElsewhere(
  tx: Drizzle,
  interactionIds: number[],
  now: number,
): Promise<number[]> {
  const closed: number[] = [];
  for (let i = 0; i < interactionIds.length; i += 500) {
    const rows = await tx
      .update(invitations)
      .set({ status: 'responded', respondedAt: now })
      .where(
        and(
          inArray(invitations.interactionId, interactionIds.slice(i, i + 500)),
          inArray(invitations.status, ['scheduled', 'sent']),
          sql`EXISTS (SELECT 1 FROM responses r WHERE r.interaction_id = ${invitations.interactionId} AND r.status = 'submitted' AND r.invitation_id IS NULL)`,
        ),
      )
      .returning({ id: invitations.id });
    closed.push(...rows.map((r) => r.id));
  }
  await cancelPendingMail(tx, closed);
  return closed;
}
