/** "A low answer" has a TypeScript form (follow-ups, the follow-up list) and an SQL form (low-answer quotes, the demo): they must agree. */
import { createClient } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { SQLiteAsyncDialect } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { hasLowAnswerSql, isLowAnswerSql } from '../../db/queries/follow-ups';
import { hasLowAnswer, isLowAnswer } from '../../src/lib/vocabulary';

describe('a low answer', () => {
  it('is 1 or 2 on a 1–5 question, never a skipped one', () => {
    expect([null, 1, 2, 3, 4, 5].map(isLowAnswer)).toEqual([false, true, true, false, false, false]);
  });

  it('reads the same in SQL as in TypeScript, for every combination of answers', async () => {
    const client = createClient({ url: ':memory:' });
    await client.execute(
      'CREATE TABLE responses (resolved_first_contact INTEGER, content_useful INTEGER, decision_clearer INTEGER, added_value INTEGER)',
    );
    const fcr = [null, 0, 1];
    const likert = [null, 1, 2, 3, 4, 5];
    const rows = fcr.flatMap((f) => likert.flatMap((c) => likert.flatMap((d) => likert.map((a) => [f, c, d, a]))));
    await client.batch(rows.map((args) => ({ sql: 'INSERT INTO responses VALUES (?, ?, ?, ?)', args })));
    const dialect = new SQLiteAsyncDialect();
    const query = dialect.sqlToQuery(
      sql`SELECT resolved_first_contact, content_useful, decision_clearer, added_value,
        coalesce(${hasLowAnswerSql('')}, 0) AS any_low, coalesce(${isLowAnswerSql('content_useful')}, 0) AS cu_low
        FROM responses`,
    );
    const result = await client.execute({ sql: query.sql, args: [] });
    expect(result.rows).toHaveLength(rows.length);
    for (const row of result.rows) {
      const r = {
        resolvedFirstContact: row.resolved_first_contact as number | null,
        contentUseful: row.content_useful as number | null,
        decisionClearer: row.decision_clearer as number | null,
        addedValue: row.added_value as number | null,
      };
      expect(Boolean(row.any_low), JSON.stringify(r)).toBe(hasLowAnswer(r));
      expect(Boolean(row.cu_low)).toBe(isLowAnswer(r.contentUseful));
    }
    client.close();
  });
});
