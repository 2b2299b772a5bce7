/**
 * Content usefulness per content item: counts and sums only, inference in TS (docs/statistics.md,
 * "Libraries and where the arithmetic happens").
 * Org-wide by design: the numbers pool every rep's responses and show none of them.
 */
import { sql } from 'drizzle-orm';
import type { Drizzle } from '../client';
import type { Period } from '../../src/lib/period';

export interface ContentAnswerSums {
  contentId: string;
  n: number;
  sum: number;
  sumOfSquares: number;
  top2: number;
}

/**
 * Answers to "was the content useful" (1–5) of submitted responses in the period, per item
 * shared in the interaction (an interaction that shared two items counts for both).
 */
export async function getContentUsefulnessSums(db: Drizzle, period: Period): Promise<ContentAnswerSums[]> {
  const rows = await db.all<ContentAnswerSums>(sql`
    SELECT ic.content_id AS contentId,
      COUNT(r.content_useful) AS n,
      SUM(r.content_useful) AS sum,
      SUM(r.content_useful * r.content_useful) AS sumOfSquares,
      SUM(CASE WHEN r.content_useful >= 4 THEN 1 ELSE 0 END) AS top2
    FROM interaction_content ic
    JOIN responses r ON r.interaction_id = ic.interaction_id
    WHERE r.status = 'submitted' AND r.occurred_at >= ${period.from} AND r.occurred_at < ${period.to} AND r.content_useful IS NOT NULL
    GROUP BY ic.content_id`);
  return rows.map((r) => ({
    contentId: r.contentId,
    n: Number(r.n),
    sum: Number(r.sum),
    sumOfSquares: Number(r.sumOfSquares),
    top2: Number(r.top2),
  }));
}

/** How often each item was shared: interactions in the period that carried it. */
export async function getContentShareCounts(db: Drizzle, period: Period): Promise<Map<string, number>> {
  const rows = await db.all<{ contentId: string; shares: number }>(sql`
    SELECT ic.content_id AS contentId, COUNT(*) AS shares
    FROM interaction_content ic
    JOIN interactions i ON i.id = ic.interaction_id
    WHERE i.occurred_at >= ${period.from} AND i.occurred_at < ${period.to}
    GROUP BY ic.content_id`);
  return new Map(rows.map((r) => [r.contentId, Number(r.shares)]));
}
