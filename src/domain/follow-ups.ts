/**
 * The closed loop: leads assign follow-up items, add notes and resolve or reopen them.
 * Each change is written with its audit entry in one write. Notes are appended (dated
 * and signed), never overwritten, so the item keeps its history.
 */
import type { Db } from '../../db/client';
import { recordAudit } from '../../db/queries/audit';
import {
  getFollowUpNote,
  isAssignableStaff,
  setFollowUpAssignee,
  setFollowUpNote,
  setFollowUpStatus,
  type FollowUpStatus,
} from '../../db/queries/coaching-follow-ups';
import { isoDay } from '../lib/days';
import { notFound } from '../lib/errors';
import { hasLowAnswer } from '../lib/vocabulary';
import type { SessionUser } from '../context';
import type { responses } from '../../db/schema';

export const FOLLOW_UP_NOTE_MAX = 2000;

/** A low answer (FCR "no" or any 1–5 answer of 2 or less) from a customer who consented to be contacted. */
type Answers = Pick<
  typeof responses.$inferSelect,
  'contactConsent' | 'resolvedFirstContact' | 'contentUseful' | 'decisionClearer' | 'addedValue'
>;

/** Whether a submitted response opens a follow-up (docs/architecture.md, "The survey loop"). */
export function needsFollowUp(r: Answers): boolean {
  return Boolean(r.contactConsent) && hasLowAnswer(r);
}

const subject = (id: number) => `follow-up:${id}`;

/** Assigns (or, with null, unassigns); false when the assignee is not an active staff user. */
export async function assignFollowUp(
  db: Db,
  r: { id: number; assigneeId: number | null; user: SessionUser; now: number },
): Promise<boolean> {
  if (r.assigneeId !== null && !(await isAssignableStaff(db.read, r.assigneeId))) return false;
  await db.write(async (tx) => {
    if (!(await setFollowUpAssignee(tx, r.id, r.assigneeId, r.now))) throw notFound();
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: 'follow-up.assigned',
      subject: subject(r.id),
      detail: { assigneeId: r.assigneeId },
    });
  });
  return true;
}

/** "2026-11-20 Nora Lindqvist: text", appended below the earlier notes. */
export function appendNote(existing: string, text: string, author: string, now: number): string {
  const line = `${isoDay(now)} ${author}: ${text}`;
  return existing.trim() === '' ? line : `${existing.trimEnd()}\n${line}`;
}

export async function addFollowUpNote(
  db: Db,
  r: { id: number; text: string; user: SessionUser; now: number },
): Promise<void> {
  await db.write(async (tx) => {
    const existing = await getFollowUpNote(tx, r.id);
    if (existing === undefined) throw notFound();
    await setFollowUpNote(tx, r.id, appendNote(existing, r.text, r.user.name, r.now), r.now);
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: 'follow-up.note',
      subject: subject(r.id),
      detail: { length: r.text.length },
    });
  });
}

export async function setFollowUpState(
  db: Db,
  r: { id: number; status: FollowUpStatus; user: SessionUser; now: number },
): Promise<void> {
  await db.write(async (tx) => {
    if (!(await setFollowUpStatus(tx, r.id, r.status, r.now))) throw notFound();
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: r.status === 'resolved' ? 'follow-up.resolved' : 'follow-up.reopened',
      subject: subject(r.id),
    });
  });
}
