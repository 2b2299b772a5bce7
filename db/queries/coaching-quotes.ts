/**
 * Customer quotes for the coaching plan: the newest comments of a rep's low answers in one
 * CPI (candidates: src/domain/coaching-quotes.ts chooses among them), with who wrote them and whether they consented (src/domain/customer-identity.ts decides what is shown).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { CpiKey } from '../schema';
import type { Period } from '../../src/lib/period';
import { hasLowAnswerSql, isLowAnswerSql } from './follow-ups';

export interface QuoteRow {
  responseId: number;
  comment: string;
  occurredAt: number;
  consented: number;
  customerName: string | null;
  customerCompany: string | null;
  customerEmail: string | null;
  /** The response's answers: src/domain/coaching-quotes.ts prefers comments whose lowest answer is the gap's CPI. */
  resolvedFirstContact: number | null;
  contentUseful: number | null;
  decisionClearer: number | null;
  addedValue: number | null;
}

/** "A low answer in this CPI": FCR no, a 1–5 answer of 2 or less; for quote turnaround, any low answer on a quote. */
function lowAnswerIn(cpi: CpiKey): SQL {
  switch (cpi) {
    case 'fcr':
      return sql`r.resolved_first_contact = 0`;
    case 'contentUseful':
      return isLowAnswerSql('r.content_useful');
    case 'decisionClearer':
      return isLowAnswerSql('r.decision_clearer');
    case 'addedValue':
      return isLowAnswerSql('r.added_value');
    case 'quoteTurnaround':
      return sql`r.interaction_type = 'quote' AND ${hasLowAnswerSql('r.')}`;
  }
}

const QUOTE_COLUMNS = sql`r.id AS responseId, r.comment, r.occurred_at AS occurredAt, r.contact_consent AS consented,
      c.name AS customerName, c.company AS customerCompany, c.email AS customerEmail,
      r.resolved_first_contact AS resolvedFirstContact, r.content_useful AS contentUseful,
      r.decision_clearer AS decisionClearer, r.added_value AS addedValue`;

/** Submitted responses of the rep with a comment, among `responseIds` (the quotes pinned to its sessions, or one to pin). */
export async function getRepQuotesByIds(
  db: Drizzle,
  repId: number,
  responseIds: readonly number[],
): Promise<QuoteRow[]> {
  if (responseIds.length === 0) return [];
  return db.all<QuoteRow>(sql`
    SELECT ${QUOTE_COLUMNS}
    FROM responses r
      JOIN interactions i ON i.id = r.interaction_id
      LEFT JOIN customers c ON c.id = i.customer_id
    WHERE r.rep_id = ${repId} AND r.status = 'submitted' AND r.comment IS NOT NULL AND trim(r.comment) <> ''
      AND r.id IN (SELECT value FROM json_each(${JSON.stringify(responseIds)}))
    ORDER BY r.occurred_at DESC, r.id DESC`);
}

export async function getLowAnswerQuotes(
  db: Drizzle,
  repId: number,
  cpi: CpiKey,
  period: Period,
  limit: number,
): Promise<QuoteRow[]> {
  return db.all<QuoteRow>(sql`
    SELECT ${QUOTE_COLUMNS}
    FROM responses r
      JOIN interactions i ON i.id = r.interaction_id
      LEFT JOIN customers c ON c.id = i.customer_id
    WHERE r.rep_id = ${repId} AND r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to}
      AND r.comment IS NOT NULL AND trim(r.comment) <> '' AND ${lowAnswerIn(cpi)}
    ORDER BY r.occurred_at DESC, r.id DESC
    LIMIT ${limit}`);
}
