/** The submitted responses of a period, page by page, for the responses CSV (src/domain/exports.ts). */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { Period } from '../../src/lib/period';
import type { TeamScope } from '../../src/domain/access';

export interface ExportedResponse {
  id: number;
  repId: number;
  externalId: string;
  repEmail: string;
  repName: string;
  team: string | null;
  type: string;
  occurredAt: number;
  answeredAt: number | null;
  fcr: number | null;
  cu: number | null;
  dc: number | null;
  av: number | null;
  comment: string | null;
  consent: number;
  source: string;
}

const teamFilter = (scope: TeamScope) =>
  scope.kind === 'all'
    ? sql``
    : scope.teamIds.length === 0
      ? sql`AND 0`
      : sql`AND rp.team_id IN (${sql.join(
          scope.teamIds.map((id) => sql`${id}`),
          sql`, `,
        )})`;

/** Submitted responses per rep in the period (the minimum-n rules of row-level exports). */
export async function countResponsesByRep(db: Drizzle, period: Period, scope: TeamScope): Promise<Map<number, number>> {
  const rows = await db.all<{ repId: number; n: number }>(sql`
    SELECT r.rep_id AS repId, count(*) AS n FROM responses r JOIN reps rp ON rp.id = r.rep_id
    WHERE r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to} ${teamFilter(scope)}
    GROUP BY r.rep_id`);
  return new Map(rows.map((r) => [Number(r.repId), Number(r.n)]));
}

/** One page of responses in id order after `after`. */
export async function readResponsePage(
  db: Drizzle,
  q: { period: Period; scope: TeamScope; after: number; limit: number },
): Promise<ExportedResponse[]> {
  return db.all<ExportedResponse>(sql`
    SELECT r.id, r.rep_id AS repId, i.external_id AS externalId, rp.email AS repEmail, rp.name AS repName, t.name AS team,
      r.interaction_type AS type, r.occurred_at AS occurredAt, r.submitted_at AS answeredAt,
      r.resolved_first_contact AS fcr, r.content_useful AS cu, r.decision_clearer AS dc, r.added_value AS av,
      r.comment, r.contact_consent AS consent, r.source
    FROM responses r JOIN interactions i ON i.id = r.interaction_id JOIN reps rp ON rp.id = r.rep_id LEFT JOIN teams t ON t.id = rp.team_id
    WHERE r.status = 'submitted' AND r.occurred_at >= ${q.period.from} AND r.occurred_at < ${q.period.to} AND r.id > ${q.after} ${teamFilter(q.scope)}
    ORDER BY r.id LIMIT ${q.limit}`);
}
