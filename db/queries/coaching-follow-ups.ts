/**
 * The closed loop: follow-up items (a low answer from a customer who consented to be
 * contacted) with the response, the customer and the rep, and the changes leads make.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import { followUps, staffUsers, type InteractionType } from '../schema';

export type FollowUpStatus = (typeof followUps.$inferSelect)['status'];

export interface FollowUpItem {
  id: number;
  status: FollowUpStatus;
  note: string;
  assigneeId: number | null;
  assigneeName: string | null;
  createdAt: number;
  updatedAt: number;
  responseId: number;
  occurredAt: number;
  submittedAt: number | null;
  interactionType: InteractionType;
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
  comment: string | null;
  consented: number;
  customerName: string | null;
  customerEmail: string | null;
  customerCompany: string | null;
  repId: number;
  repName: string;
  repEmail: string;
  team: string | null;
}

const itemSelect = sql`
  SELECT f.id, f.status, f.note, f.assignee_id AS assigneeId, u.name AS assigneeName, f.created_at AS createdAt, f.updated_at AS updatedAt,
    r.id AS responseId, r.occurred_at AS occurredAt, r.submitted_at AS submittedAt, r.interaction_type AS interactionType,
    r.resolved_first_contact AS resolvedFirstContact, r.content_useful AS contentUseful, r.decision_clearer AS decisionClearer,
    r.added_value AS addedValue, r.comment, r.contact_consent AS consented,
    CASE WHEN r.contact_consent = 1 THEN c.name END AS customerName,
    CASE WHEN r.contact_consent = 1 THEN c.email END AS customerEmail,
    CASE WHEN r.contact_consent = 1 THEN c.company END AS customerCompany,
    rp.id AS repId, rp.name AS repName, rp.email AS repEmail, t.name AS team
  FROM follow_ups f
    JOIN responses r ON r.id = f.response_id
    JOIN interactions i ON i.id = r.interaction_id
    LEFT JOIN customers c ON c.id = i.customer_id
    JOIN reps rp ON rp.id = r.rep_id
    LEFT JOIN teams t ON t.id = rp.team_id
    LEFT JOIN staff_users u ON u.id = f.assignee_id`;

/** One page of items with the status, newest first. */
export async function listFollowUpItems(
  db: Drizzle,
  q: { status: FollowUpStatus; offset: number; limit: number },
): Promise<FollowUpItem[]> {
  return db.all<FollowUpItem>(
    sql`${itemSelect} WHERE f.status = ${q.status} ORDER BY f.created_at DESC, f.id DESC LIMIT ${q.limit} OFFSET ${q.offset}`,
  );
}

export async function getFollowUpItem(db: Drizzle, id: number): Promise<FollowUpItem | undefined> {
  const [row] = await db.all<FollowUpItem>(sql`${itemSelect} WHERE f.id = ${id}`);
  return row;
}

export async function countFollowUpsByStatus(db: Drizzle): Promise<Record<FollowUpStatus, number>> {
  const rows = await db.all<{ status: FollowUpStatus; n: number }>(
    sql`SELECT status, count(*) AS n FROM follow_ups GROUP BY status`,
  );
  const out: Record<FollowUpStatus, number> = { open: 0, resolved: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

/** Active staff a follow-up can be assigned to. */
export async function listAssignableStaff(db: Drizzle): Promise<{ id: number; name: string; email: string }[]> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(isNull(staffUsers.disabledAt))
    .orderBy(asc(staffUsers.name));
}

export async function isAssignableStaff(db: Drizzle, userId: number): Promise<boolean> {
  const rows = await db
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, userId), isNull(staffUsers.disabledAt)))
    .limit(1);
  return rows.length === 1;
}

export async function setFollowUpAssignee(
  tx: Drizzle,
  id: number,
  assigneeId: number | null,
  now: number,
): Promise<boolean> {
  const result = await tx.update(followUps).set({ assigneeId, updatedAt: now }).where(eq(followUps.id, id));
  return result.rowsAffected === 1;
}

export async function setFollowUpNote(tx: Drizzle, id: number, note: string, now: number): Promise<boolean> {
  const result = await tx.update(followUps).set({ note, updatedAt: now }).where(eq(followUps.id, id));
  return result.rowsAffected === 1;
}

export async function getFollowUpNote(tx: Drizzle, id: number): Promise<string | undefined> {
  const [row] = await tx.select({ note: followUps.note }).from(followUps).where(eq(followUps.id, id)).limit(1);
  return row?.note;
}

export async function setFollowUpStatus(
  tx: Drizzle,
  id: number,
  status: FollowUpStatus,
  now: number,
): Promise<boolean> {
  const result = await tx.update(followUps).set({ status, updatedAt: now }).where(eq(followUps.id, id));
  return result.rowsAffected === 1;
}
