/** CSV exports of responses (API and staff pages): formula-safe, paged, scoped. */
import type { Context } from 'hono';
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../../db/client';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import { csvResponse, type CsvRow } from '../lib/csv';

export const RESPONSE_COLUMNS = [
  'interactionExternalId',
  'repEmail',
  'repName',
  'team',
  'type',
  'occurredAt',
  'answeredAt',
  'resolved_first_contact',
  'content_useful',
  'decision_clearer',
  'added_value',
  'comment',
  'contactConsent',
  'source',
];

const PAGE = 2000;

async function* responsePages(db: Drizzle, period: Period, scope: TeamScope): AsyncGenerator<CsvRow[]> {
  const teamFilter =
    scope.kind === 'all' ? sql`` : scope.teamIds.length === 0 ? sql`AND 0` : sql`AND rp.team_id IN (${sql.join(scope.teamIds.map((id) => sql`${id}`), sql`, `)})`;
  for (let after = 0; ; ) {
    const rows = await db.all<Record<string, string | number | null>>(sql`
      SELECT r.id, i.external_id AS externalId, rp.email, rp.name, t.name AS team, r.interaction_type AS type, r.occurred_at AS occurredAt,
        r.submitted_at AS answeredAt, r.resolved_first_contact AS fcr, r.content_useful AS cu, r.decision_clearer AS dc, r.added_value AS av,
        r.comment, r.contact_consent AS consent, r.source
      FROM responses r JOIN interactions i ON i.id = r.interaction_id JOIN reps rp ON rp.id = r.rep_id LEFT JOIN teams t ON t.id = rp.team_id
      WHERE r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to} AND r.id > ${after} ${teamFilter}
      ORDER BY r.id LIMIT ${PAGE}`);
    if (rows.length === 0) return;
    after = Number(rows[rows.length - 1]!.id);
    yield rows.map((r) => [
      r.externalId,
      r.email,
      r.name,
      r.team,
      r.type,
      new Date(Number(r.occurredAt)).toISOString(),
      r.answeredAt === null ? null : new Date(Number(r.answeredAt)).toISOString(),
      r.fcr === null ? null : r.fcr === 1 ? 'yes' : 'no',
      r.cu,
      r.dc,
      r.av,
      r.comment,
      r.consent === 1 ? 'yes' : 'no',
      r.source,
    ]);
    if (rows.length < PAGE) return;
  }
}

export function streamResponsesCsv(c: Context, db: Drizzle, q: { period: Period; scope: TeamScope }): Response {
  const stamp = `${new Date(q.period.from).toISOString().slice(0, 10)}_${new Date(q.period.to).toISOString().slice(0, 10)}`;
  return csvResponse(c, `responses_${stamp}.csv`, RESPONSE_COLUMNS, responsePages(db, q.period, q.scope));
}
