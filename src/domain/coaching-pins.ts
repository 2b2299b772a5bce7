/**
 * Customer quotes a trainer pins to a coaching session, to bring the customer's words to it.
 * A pin is a response id kept on the session (coaching_sessions.pinned_response_ids); the
 * quote is read afresh each time, so an erased response or comment simply drops out, and who
 * wrote it is shown only where the customer consented (./customer-identity.ts).
 */
import type { Db, Drizzle } from '../../db/client';
import { recordAudit } from '../../db/queries/audit';
import { getRepQuotesByIds } from '../../db/queries/coaching-quotes';
import { getSession, setSessionPins, type SessionRow } from '../../db/queries/coaching-sessions';
import { conflict, notFound } from '../lib/errors';
import type { SessionUser } from '../context';
import type { PlanQuote } from './coaching';
import { maySeeCustomerIdentity, type IdentityViewer } from './customer-identity';

/** At most this many quotes on one session. */
const PINS_MAX = 10;

export type PinChange = 'pin' | 'unpin';

/** The pinned quotes of each session (by session id), newest first; identity by consent. */
export async function pinnedQuotesOf(
  db: Drizzle,
  repId: number,
  sessions: readonly SessionRow[],
  viewer: IdentityViewer,
): Promise<Record<number, PlanQuote[]>> {
  const ids = [...new Set(sessions.flatMap((s) => s.pinnedResponseIds))];
  const rows = await getRepQuotesByIds(db, repId, ids);
  const out: Record<number, PlanQuote[]> = {};
  for (const s of sessions) {
    if (s.pinnedResponseIds.length === 0) continue;
    out[s.id] = rows
      .filter((row) => s.pinnedResponseIds.includes(row.responseId))
      .map((row) => ({
        responseId: row.responseId,
        comment: row.comment,
        occurredAt: row.occurredAt,
        customer:
          maySeeCustomerIdentity(viewer, row.consented === 1) && row.customerEmail !== null
            ? { name: row.customerName, company: row.customerCompany, email: row.customerEmail }
            : null,
      }));
  }
  return out;
}

/**
 * Pins a quote to a session whose rep the caller was checked to see, or unpins it
 * (idempotent both ways). The quote must be a comment of that rep's customers ('not-a-quote'),
 * and a session holds at most PINS_MAX ('full'): the route answers both with 422 on `response`.
 * A cancelled session holds no quotes (409).
 */
export async function changePin(
  db: Db,
  r: { sessionId: number; responseId: number; change: PinChange; user: SessionUser; now: number },
): Promise<'pinned' | 'unpinned' | 'unchanged' | 'not-a-quote' | 'full'> {
  return db.write(async (tx) => {
    const session = await getSession(tx, r.sessionId);
    if (!session) throw notFound();
    const has = session.pinnedResponseIds.includes(r.responseId);
    if (r.change === 'unpin') {
      if (!has) return 'unchanged' as const;
      await setSessionPins(
        tx,
        session.id,
        session.pinnedResponseIds.filter((id) => id !== r.responseId),
        r.now,
      );
    } else {
      if (session.status === 'cancelled') throw conflict('A cancelled session cannot hold quotes.');
      if (has) return 'unchanged' as const;
      const [quote] = await getRepQuotesByIds(tx, session.repId, [r.responseId]);
      if (!quote) return 'not-a-quote' as const;
      if (session.pinnedResponseIds.length >= PINS_MAX) return 'full' as const;
      await setSessionPins(tx, session.id, [...session.pinnedResponseIds, r.responseId], r.now);
    }
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: r.change === 'pin' ? 'coaching.session.pinned' : 'coaching.session.unpinned',
      subject: `coaching-session:${session.id}`,
      detail: { repId: session.repId, responseId: r.responseId },
    });
    return r.change === 'pin' ? ('pinned' as const) : ('unpinned' as const);
  });
}
