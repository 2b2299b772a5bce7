/**
 * `npm run test:load` (issue 6): the real server on a temp database file under concurrent
 * clients on loopback. Every acknowledged submit is stored exactly once, a token posted by
 * 50 clients at once records one response, and CRM retries never double an interaction,
 * an invitation or an email.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpenInvitations } from '../../bench/survey-fixture';
import { startTestServer, type TestServer } from '../helpers/server';
import { hashToken, newApiKey } from '../../src/lib/tokens';

const SUBMITS = Number(process.env.LOAD_SUBMITS ?? 10_000);
const FORM = new URLSearchParams({
  resolved_first_contact: 'yes',
  content_useful: '4',
  decision_clearer: '5',
  added_value: '4',
  comment: 'load',
  action: 'submit',
}).toString();

/** Runs `work` over `items` with `concurrency` clients in parallel. */
async function pool<T>(items: T[], concurrency: number, work: (item: T, client: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, client) => {
      while (next < items.length) await work(items[next++]!, client);
    }),
  );
}

describe('load: the real server under concurrent clients', () => {
  let dir: string;
  let server: TestServer;
  let db: Client;
  let tokens: string[];
  let apiKey: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-load-'));
    const path = join(dir, 'load.db');
    tokens = await createOpenInvitations(path, SUBMITS + 1, Date.now());
    db = createClient({ url: `file:${path}` });
    const key = newApiKey();
    apiKey = key.key;
    await db.execute({
      sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('load', 'all', ?, ?, 0)",
      args: [key.prefix, hashToken(key.key)],
    });
    server = await startTestServer({ DATABASE_URL: `file:${path}` });
  });
  afterAll(async () => {
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(`stores exactly ${SUBMITS} responses from ${SUBMITS} submits by 50 concurrent clients, with no 5xx`, async () => {
    const statuses = new Map<number, number>();
    const started = Date.now();
    await pool(tokens.slice(0, SUBMITS), 50, async (token) => {
      const res = await fetch(`${server.baseUrl}/s/${token}`, {
        method: 'POST',
        body: FORM,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        redirect: 'manual',
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `${SUBMITS} submits in ${seconds.toFixed(1)} s (${(SUBMITS / seconds).toFixed(0)}/s): ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(Object.fromEntries(statuses)).toEqual({ 303: SUBMITS });
    const stored = await db.execute(
      "SELECT count(*) AS n, count(DISTINCT invitation_id) AS d FROM responses WHERE status = 'submitted'",
    );
    expect(stored.rows[0]).toMatchObject({ n: SUBMITS, d: SUBMITS });
    const invitations = await db.execute("SELECT count(*) AS n FROM invitations WHERE status = 'responded'");
    expect(invitations.rows[0]!.n).toBe(SUBMITS);
  });

  it('records one response when 50 clients post the same token at once; 49 see "already received"', async () => {
    const token = tokens[SUBMITS]!;
    const results = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const res = await fetch(`${server.baseUrl}/s/${token}`, {
          method: 'POST',
          body: new URLSearchParams({ added_value: String((i % 5) + 1), action: 'submit' }).toString(),
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          redirect: 'manual',
        });
        return { status: res.status, body: await res.text() };
      }),
    );
    expect(results.filter((r) => r.status === 303)).toHaveLength(1);
    const already = results.filter((r) => r.status === 200);
    expect(already).toHaveLength(49);
    for (const r of already) expect(r.body).toContain('data-outcome="already-submitted"');
    const stored = await db.execute({
      sql: 'SELECT count(*) AS n FROM responses r JOIN invitation_tokens t ON t.invitation_id = r.invitation_id WHERE t.token_hash = ?',
      args: [hashToken(token)],
    });
    expect(stored.rows[0]!.n).toBe(1);
  });

  it('never doubles an interaction, invitation or email when 20 API clients post with 10% retries', async () => {
    const now = Date.now();
    const items = Array.from({ length: 2000 }, (_, i) => ({
      externalId: `crm-load-${i}`,
      repEmail: `rep${i % 50}@load.test`,
      customer: { email: `api-load-${i}@x.test`, locale: (['en', 'es', 'de'] as const)[i % 3] },
      type: 'call',
      occurredAt: new Date(now - 3_600_000).toISOString(),
    }));
    const batches = Array.from({ length: 200 }, (_, b) => items.slice(b * 10, b * 10 + 10));
    const statuses = new Map<number, number>();
    const post = async (batch: unknown[]) => {
      const res = await fetch(`${server.baseUrl}/api/v1/interactions`, {
        method: 'POST',
        body: JSON.stringify(batch),
        headers: { Authorization: `Bearer ${apiKey}`, 'Content-Type': 'application/json' },
      });
      await res.arrayBuffer();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    };
    // Each client retries one batch in ten, right away (a CRM that timed out waiting for the answer).
    await pool(batches, 20, async (batch, client) => {
      await post(batch);
      if ((batches.indexOf(batch) + client) % 10 === 0) await post(batch);
    });
    expect([...statuses.keys()].every((s) => s === 200 || s === 201)).toBe(true);
    const counts = await db.execute(`SELECT
      (SELECT count(*) FROM interactions WHERE external_id LIKE 'crm-load-%') AS interactions,
      (SELECT count(*) FROM invitations v JOIN interactions i ON i.id = v.interaction_id WHERE i.external_id LIKE 'crm-load-%') AS invitations,
      (SELECT count(*) FROM outbox o JOIN invitations v ON v.id = o.invitation_id JOIN interactions i ON i.id = v.interaction_id WHERE i.external_id LIKE 'crm-load-%') AS mails`);
    expect(counts.rows[0]).toMatchObject({ interactions: 2000, invitations: 2000, mails: 2000 });
  });
});
