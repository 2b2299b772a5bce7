/**
 * The responses CSV (staff export and the API's): one row per submitted response, in id
 * order, read page by page. For staff who are not admins it follows the rules of the pages:
 * only reps with at least `minResponses` answers in the period, comments only for reps with
 * at least `minComments`, and the customer's identity (the CRM id, the exact times) only
 * where the customer consented (./customer-identity.ts); otherwise the day alone.
 */
import type { Drizzle } from '../../db/client';
import type { Period } from '../lib/period';
import type { TeamScope } from './access';
import type { CsvRow } from '../lib/csv';
import { countResponsesByRep, readResponsePage, type ExportedResponse } from '../../db/queries/response-export';
import { dayOnly, maySeeCustomerIdentity, seesEveryRow, type IdentityViewer } from './customer-identity';
import { getSettings } from './settings';

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

export interface ResponseExportQuery {
  period: Period;
  scope: TeamScope;
  viewer: IdentityViewer;
}

function toRow(r: ExportedResponse, viewer: IdentityViewer, commentsShown: boolean): CsvRow {
  const identified = maySeeCustomerIdentity(viewer, r.consent === 1);
  const instant = (ms: number | null) =>
    ms === null ? null : identified ? new Date(Number(ms)).toISOString() : dayOnly(Number(ms));
  return [
    identified ? r.externalId : null,
    r.repEmail,
    r.repName,
    r.team,
    r.type,
    instant(r.occurredAt),
    instant(r.answeredAt),
    r.fcr === null ? null : r.fcr === 1 ? 'yes' : 'no',
    r.cu,
    r.dc,
    r.av,
    commentsShown ? r.comment : null,
    r.consent === 1 ? 'yes' : 'no',
    r.source,
  ];
}

export async function* responseExportRows(db: Drizzle, q: ResponseExportQuery): AsyncGenerator<CsvRow[]> {
  const everyRow = seesEveryRow(q.viewer);
  const [settings, perRep] = everyRow
    ? [undefined, undefined]
    : await Promise.all([getSettings(db), countResponsesByRep(db, q.period, q.scope)]);
  const answersOf = (repId: number) => perRep?.get(Number(repId)) ?? 0;
  for (let after = 0; ; ) {
    const page = await readResponsePage(db, { period: q.period, scope: q.scope, after, limit: PAGE });
    if (page.length === 0) return;
    after = Number(page[page.length - 1]!.id);
    const shown = settings ? page.filter((r) => answersOf(r.repId) >= settings.minResponses) : page;
    yield shown.map((r) => toRow(r, q.viewer, !settings || answersOf(r.repId) >= settings.minComments));
    if (page.length < PAGE) return;
  }
}

/** The file name of a period's export: responses_<from>_<to>.csv. */
export const responsesFilename = (period: Period) => `responses_${dayOnly(period.from)}_${dayOnly(period.to)}.csv`;
