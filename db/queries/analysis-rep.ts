/** Reads for one rep's page: training timeline and verbatim comments. The caller has checked scope. */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { InteractionType, TrainingKind } from '../schema';
import type { Period } from '../../src/lib/period';

export interface TimelineEvent {
  id: number;
  kind: TrainingKind;
  /** A planned coaching session not done yet (from coaching_sessions). */
  planned: boolean;
  at: number;
  skill: string;
  skillName: string;
  score: number | null;
}

/**
 * Courses, assessments and coaching of a rep in the period (training records; a logged
 * coaching session writes one), plus coaching sessions still planned from the period's start on.
 */
export async function getRepTimeline(db: Drizzle, repId: number, period: Period): Promise<TimelineEvent[]> {
  const done = await db.all<Omit<TimelineEvent, 'planned'>>(sql`
    SELECT t.id, t.kind, t.completed_at AS at, s.slug AS skill, s.name AS skillName, t.score
    FROM training_records t JOIN skills s ON s.id = t.skill_id
    WHERE t.rep_id = ${repId} AND t.completed_at >= ${period.from} AND t.completed_at < ${period.to}
    ORDER BY t.completed_at, t.id`);
  const planned = await db.all<Omit<TimelineEvent, 'planned' | 'kind' | 'score'>>(sql`
    SELECT c.id, c.planned_for AS at, s.slug AS skill, s.name AS skillName
    FROM coaching_sessions c JOIN skills s ON s.id = c.skill_id
    WHERE c.rep_id = ${repId} AND c.status = 'planned' AND c.planned_for IS NOT NULL AND c.planned_for >= ${period.from}
    ORDER BY c.planned_for, c.id`);
  return [
    ...done.map((e) => ({ ...e, planned: false })),
    ...planned.map((e) => ({ ...e, kind: 'coaching' as const, score: null, planned: true })),
  ].sort((a, b) => a.at - b.at);
}

export interface RepComment {
  id: number;
  occurredAt: number;
  type: InteractionType;
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
  comment: string;
  /** The customer's name and company; shown only where src/domain/customer-identity.ts allows. */
  customerName: string | null;
  customerCompany: string | null;
  consent: boolean;
}

const typeFilter = (types: readonly InteractionType[] | undefined) =>
  types && types.length > 0
    ? sql`AND r.interaction_type IN (${sql.join(
        types.map((t) => sql`${t}`),
        sql`, `,
      )})`
    : sql``;

/** The rep's submitted comments in the period, newest first, with who wrote them and whether they consented. */
export async function getRepComments(
  db: Drizzle,
  repId: number,
  period: Period,
  types: readonly InteractionType[] | undefined,
  limit: number,
): Promise<RepComment[]> {
  const rows = await db.all<Omit<RepComment, 'consent'> & { consent: number }>(sql`
    SELECT r.id, r.occurred_at AS occurredAt, r.interaction_type AS type,
      r.resolved_first_contact AS resolvedFirstContact, r.content_useful AS contentUseful,
      r.decision_clearer AS decisionClearer, r.added_value AS addedValue, r.comment,
      r.contact_consent AS consent,
      c.name AS customerName, c.company AS customerCompany
    FROM responses r
    JOIN interactions i ON i.id = r.interaction_id
    LEFT JOIN customers c ON c.id = i.customer_id
    WHERE r.rep_id = ${repId} AND r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to}
      AND r.comment IS NOT NULL AND trim(r.comment) <> '' ${typeFilter(types)}
    ORDER BY r.occurred_at DESC, r.id DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({ ...r, consent: r.consent === 1 }));
}

export async function countRepComments(
  db: Drizzle,
  repId: number,
  period: Period,
  types: readonly InteractionType[] | undefined,
): Promise<number> {
  const [row] = await db.all<{ n: number }>(sql`
    SELECT count(*) AS n FROM responses r
    WHERE r.rep_id = ${repId} AND r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to}
      AND r.comment IS NOT NULL AND trim(r.comment) <> '' ${typeFilter(types)}`);
  return Number(row?.n ?? 0);
}
