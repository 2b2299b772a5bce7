/** Open survey invitations with known tokens, written straight into a fresh database (bench and load tests). */
import { createClient } from '@libsql/client';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { sql } from 'drizzle-orm';
import { rebuildRollups } from '../db/queries/rollups';
import { hashToken, newToken } from '../src/lib/tokens';
import { multiRowInsert } from './generate';
import { DAY_MS } from '../src/lib/days';

/** `target` is a file path or a libSQL URL. */
export async function createOpenInvitations(target: string, count: number, now: number): Promise<string[]> {
  const url = /^(file:|libsql:|https?:|wss?:)/.test(target) ? target : `file:${target}`;
  const db = await createDb({ url });
  await migrate(db.adminClient);
  await db.close();
  const client = createClient({ url });
  await client.execute('UPDATE rollup_mode SET bulk = 1 WHERE id = 1');
  const tokens: string[] = [];
  const questions = JSON.stringify([
    'resolved_first_contact',
    'content_useful',
    'decision_clearer',
    'added_value',
    'comment',
  ]);
  await client.batch(
    [
      "INSERT INTO teams (id, name, created_at) VALUES (1, 'Load', 0)",
      ...multiRowInsert(
        'reps',
        ['id', 'email', 'name', 'team_id', 'created_at', 'updated_at'],
        Array.from({ length: 50 }, (_, i) => [i + 1, `rep${i}@load.test`, `Rep ${i}`, 1, 0, 0]),
      ),
    ],
    'write',
  );
  const step = url.startsWith('file:') ? 20_000 : 2_000;
  for (let start = 0; start < count; start += step) {
    const size = Math.min(step, count - start);
    const customers: unknown[][] = [];
    const interactions: unknown[][] = [];
    const invitations: unknown[][] = [];
    const rows: unknown[][] = [];
    for (let k = 0; k < size; k++) {
      const id = start + k + 1;
      const token = newToken();
      tokens.push(token);
      const occurredAt = now - 3_600_000;
      customers.push([id, `c${id}@load.test`, 'en', 0]);
      interactions.push([id, `load-${id}`, (id % 50) + 1, id, 'call', occurredAt, 'api', 'scheduled', now, now]);
      invitations.push([
        id,
        id,
        id,
        (id % 50) + 1,
        'sent',
        'en',
        questions,
        '[]',
        now - 60_000,
        now - 60_000,
        now + 14 * DAY_MS,
        14,
        now,
      ]);
      rows.push([hashToken(token), id, 'survey', now]);
    }
    await client.batch(
      [
        ...multiRowInsert('customers', ['id', 'email', 'locale', 'created_at'], customers),
        ...multiRowInsert(
          'interactions',
          [
            'id',
            'external_id',
            'rep_id',
            'customer_id',
            'type',
            'occurred_at',
            'source',
            'survey_status',
            'created_at',
            'updated_at',
          ],
          interactions,
        ),
        ...multiRowInsert(
          'invitations',
          [
            'id',
            'interaction_id',
            'customer_id',
            'rep_id',
            'status',
            'locale',
            'questions',
            'required',
            'send_at',
            'sent_at',
            'expires_at',
            'expiry_days',
            'created_at',
          ],
          invitations,
        ),
        ...multiRowInsert('invitation_tokens', ['token_hash', 'invitation_id', 'purpose', 'created_at'], rows),
      ],
      'write',
    );
  }
  // Invitations only (no responses yet): their counts are rebuilt in one statement.
  const finish = await createDb({ url });
  await finish.write(async (tx) => {
    await rebuildRollups(tx);
    await tx.run(sql`UPDATE rollup_mode SET bulk = 0 WHERE id = 1`);
  });
  await finish.close();
  client.close();
  return tokens;
}
