/**
 * Customer quotes for the coaching plan: the newest comments of a rep's low answers in one
 * CPI, with who wrote them and whether they consented (src/domain/customer-identity.ts decides what is shown).
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

export async function getLowAnswerQuotes(
  db: Drizzle,
  repId: number,
  cpi: CpiKey,
  period: Period,
  limit: number,
): Promise<QuoteRow[]> {
  return db.all<QuoteRow>(sql`
    SELECT r.id AS responseId, r.comment, r.occurred_at AS occurredAt, r.contact_consent AS consented,
      c.name AS customerName, c.company AS customerCompany, c.email AS customerEmail
    FROM responses r
      JOIN interactions i ON i.id = r.interaction_id
      LEFT JOIN customers c ON c.id = i.customer_id
    WHERE r.rep_id = ${repId} AND r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to}
      AND r.comment IS NOT NULL AND trim(r.comment) <> '' AND ${lowAnswerIn(cpi)}
    ORDER BY r.occurred_at DESC, r.id DESC
    LIMIT ${limit}`);
}
