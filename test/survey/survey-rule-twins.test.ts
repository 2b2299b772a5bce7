/**
 * decideSurvey's first three rules exist twice: suppressedOutright (TypeScript, the API's
 * intake) and suppressedOutrightSql (SQL, set-based history imports), both in
 * src/domain/survey-rules.ts. Thousands of generated cases, many on the link-expiry boundary,
 * are evaluated by both on a real libSQL database file; every answer must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HISTORY_ROW_FACTS } from '../../db/queries/history-rows';
import { INTERACTION_TYPES, type InteractionType } from '../../db/schema';
import { DAY_MS } from '../../src/lib/days';
import {
  decideSurvey,
  defaultRule,
  type Rule,
  suppressedOutright,
  suppressedOutrightSql,
} from '../../src/domain/survey-rules';
import { mulberry32 } from '../../src/stats/prng';

interface Case {
  id: number;
  optedOut: boolean;
  repExcluded: boolean;
  type: InteractionType;
  occurredAt: number;
}

const ROUNDS = 6;
const CASES_PER_ROUND = 1500;

describe('survey rule twins: suppressedOutright and suppressedOutrightSql', () => {
  let dir: string;
  let client: Client;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-lens-twins-'));
    client = createClient({ url: `file:${join(dir, 'twins.db')}` });
    await client.execute(
      `CREATE TABLE cases (id INTEGER PRIMARY KEY, opted_out INTEGER NOT NULL, rep_excluded INTEGER NOT NULL,
        suppressed INTEGER NOT NULL, type TEXT NOT NULL, occurred_at INTEGER NOT NULL)`,
    );
  });
  afterAll(() => {
    client.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('agree on every generated case, and decideSurvey suppresses exactly those', async () => {
    const random = mulberry32(20261206);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    let compared = 0;
    const seen = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      const now = Date.UTC(2026, 0, 1) + Math.floor(random() * 700 * DAY_MS);
      const rules = new Map<InteractionType, Rule>(
        INTERACTION_TYPES.map((type) => [type, { ...defaultRule(type), expiryDays: 1 + Math.floor(random() * 45) }]),
      );
      const cases: Case[] = Array.from({ length: CASES_PER_ROUND }, (_, k) => {
        const type = pick(INTERACTION_TYPES);
        const edge = now - rules.get(type)!.expiryDays * DAY_MS;
        // On the boundary and a millisecond either side, near it, far from it, or in the future.
        const offset = pick([
          0,
          -1,
          1,
          Math.floor((random() - 0.5) * 2 * DAY_MS),
          Math.floor((random() - 0.5) * 120 * DAY_MS),
          Math.floor(random() * 10 * DAY_MS) + (now - edge),
        ]);
        return {
          id: round * CASES_PER_ROUND + k + 1,
          optedOut: random() < 0.25,
          repExcluded: random() < 0.25,
          type,
          occurredAt: edge + offset,
        };
      });
      await client.execute({
        sql: `INSERT INTO cases (id, opted_out, rep_excluded, suppressed, type, occurred_at)
              SELECT value->>0, value->>1, value->>2, value->>3, value->>4, value->>5 FROM json_each(?)`,
        args: [
          JSON.stringify(
            cases.map((c) => [
              c.id,
              Number(c.optedOut),
              Number(c.repExcluded),
              c.optedOut ? 1 : c.repExcluded ? 2 : 0,
              c.type,
              c.occurredAt,
            ]),
          ),
        ],
      });

      // Any row shape (two separate flags), and the history import's (one flag column).
      const plain = suppressedOutrightSql(rules.values(), now, {
        optedOut: 'b.opted_out',
        repExcluded: 'b.rep_excluded',
        type: 'b.type',
        occurredAt: 'b.occurred_at',
      });
      const history = suppressedOutrightSql(rules.values(), now, HISTORY_ROW_FACTS);
      const result = await client.execute({
        sql: `SELECT b.id, ${plain.sql} AS plain, ${history.sql} AS history FROM cases b WHERE b.id > ? AND b.id <= ? ORDER BY b.id`,
        args: [...plain.args, ...history.args, round * CASES_PER_ROUND, (round + 1) * CASES_PER_ROUND],
      });
      expect(result.rows.length).toBe(cases.length);

      result.rows.forEach((row, k) => {
        const c = cases[k]!;
        expect(Number(row.id)).toBe(c.id);
        const ctx = {
          now,
          occurredAt: c.occurredAt,
          rule: rules.get(c.type)!,
          customerOptedOut: c.optedOut,
          repExcluded: c.repExcluded,
        };
        const expected = suppressedOutright(ctx);
        seen.add(String(expected));
        expect({ id: c.id, reason: row.plain }).toEqual({ id: c.id, reason: expected });
        expect({ id: c.id, reason: row.history }).toEqual({ id: c.id, reason: expected });
        const decision = decideSurvey({ ...ctx, customerInvitationSendTimes: [], contentShared: false });
        expect(decision).toMatchObject(
          expected === null ? { survey: 'scheduled' } : { survey: 'suppressed', reason: expected },
        );
        compared++;
      });
    }
    expect(compared).toBe(ROUNDS * CASES_PER_ROUND);
    expect([...seen].sort()).toEqual(['null', 'opted-out', 'rep-excluded', 'too-old']);
  });
});
