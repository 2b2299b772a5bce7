/**
 * Issue 19: writes against a libSQL server go as batches, one round trip per group of
 * concurrent requests. A group's requests share one server batch; a failing statement
 * makes its own request fail alone; survey submits keep their exactly-once guarantees
 * (one response, the invitation marked once, one follow-up, the reminder cancelled).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSqld, startSqld, type Sqld } from '../helpers/sqld';
import type { ResultSet } from '@libsql/client';
import { sql } from 'drizzle-orm';
import { createDb, type Db } from '../../db/client';
import { allPacked } from '../../db/queries/packed';
import { registerWebhook } from '../../src/domain/webhooks';
import { writeAnswers } from '../../src/domain/survey';
import { findInvitationByTokenHash } from '../../db/queries/invitations';
import { hashToken } from '../../src/lib/tokens';
import { createTestApp, addApiKey, api, countRows, interaction, manualClock, HOUR, type TestApp } from '../helpers/app';

describeSqld('batches against a libSQL server', () => {
  let sqld: Sqld;
  beforeAll(async () => {
    sqld = await startSqld();
  }, 60_000);
  afterAll(async () => {
    await sqld?.stop();
  });

  describe.each([
    ['HTTP', () => sqld.url],
    ['WebSocket', () => `${sqld.url.replace('http://', 'libsql://')}?tls=0`],
  ])('over %s', (protocol, url) => {
    let db: Db;
    const groups: number[] = [];
    const table = `t_${protocol.toLowerCase()}`;
    beforeAll(async () => {
      db = await createDb({ url: url(), onGroupCommit: (n) => groups.push(n) });
      await db.adminClient.execute(`CREATE TABLE ${table} (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)`);
    });
    afterAll(async () => {
      await db?.close();
    });

    it('sends 40 concurrent requests in fewer round trips, each answered with its own results', async () => {
      groups.length = 0;
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          db.statements([
            { sql: `INSERT INTO ${table} (name) VALUES (?) RETURNING name`, args: [`a${i}`] },
            { sql: `SELECT count(*) AS n FROM ${table} WHERE name = ?`, args: [`a${i}`] },
          ]),
        ),
      );
      results.forEach((r, i) => {
        expect(r).toHaveLength(2);
        expect(r[0]!.rows[0]!.name).toBe(`a${i}`);
        expect(Number(r[1]!.rows[0]!.n)).toBe(1);
      });
      expect(groups.reduce((s, n) => s + n, 0)).toBe(40);
      expect(groups.length).toBeLessThan(40);
      expect(Math.max(...groups)).toBeGreaterThan(1);
    });

    it('answers reads made in the same turn from one round trip; a failing read fails alone', async () => {
      const outcomes = await Promise.allSettled([
        db.readClient.execute('SELECT 1 AS a'),
        db.readClient.execute('SELECT * FROM no_such_table'),
        db.readClient.execute({ sql: 'SELECT ? AS b', args: [2] }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((outcomes[0] as PromiseFulfilledResult<ResultSet>).value.rows[0]!.a).toBe(1);
      expect((outcomes[2] as PromiseFulfilledResult<ResultSet>).value.rows[0]!.b).toBe(2);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toMatch(/no such table/);
    });

    it('returns packed rows exactly as plain rows: numbers, text, NULL', async () => {
      const query = sql.raw(
        `SELECT 1 AS id, 'Zoë "quoted"' AS name, NULL AS team, 2.5 AS score UNION ALL SELECT 2, 'Ana', 'Iberia', -7`,
      );
      const plain = await db.read.all(query);
      const packed = await allPacked(db.read, query, ['id', 'name', 'team', 'score']);
      expect(packed).toEqual(plain);
      expect(packed).toHaveLength(2);
    });

    it('fails only the request whose statement fails; the others in its batch are kept', async () => {
      await db.statements([{ sql: `INSERT INTO ${table} (name) VALUES ('taken')`, args: [] }]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          db.statements([
            { sql: `INSERT INTO ${table} (name) VALUES (?)`, args: [`b${i}-first`] },
            { sql: `INSERT INTO ${table} (name) VALUES (?)`, args: [i === 4 ? 'taken' : `b${i}`] },
          ]),
        ),
      );
      expect(outcomes.map((o) => o.status)).toEqual(
        Array.from({ length: 10 }, (_, i) => (i === 4 ? 'rejected' : 'fulfilled')),
      );
      expect(String((outcomes[4] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
      // All or nothing per request: the failing one's first insert is not kept either.
      const kept = await db.read.$client.execute(`SELECT name FROM ${table} WHERE name LIKE 'b%' ORDER BY name`);
      expect(kept.rows.map((r) => r.name)).toEqual(
        [0, 1, 2, 3, 5, 6, 7, 8, 9].flatMap((i) => [`b${i}`, `b${i}-first`]).sort(),
      );
    });
  });

  describe('survey submits from two instances', () => {
    let a: TestApp;
    let b: TestApp;
    let key: string;
    const clock = manualClock('2026-11-20T12:00:00Z');
    beforeAll(async () => {
      const db = `${sqld.url.replace('http://', 'libsql://')}?tls=0`;
      a = await createTestApp({ DATABASE_URL: db, WEBHOOK_ALLOW_LOCAL: '1' }, clock);
      b = await createTestApp({ DATABASE_URL: sqld.url, WEBHOOK_ALLOW_LOCAL: '1' }, clock);
      key = (await addApiKey(a, 'all')).key;
      await api(a, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
    }, 60_000);
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });

    async function surveyPaths(n: number): Promise<string[]> {
      const items = Array.from({ length: n }, () =>
        interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() }),
      );
      expect((await api(a, key, 'POST', '/interactions', items)).status).toBe(201);
      const rows = await a.db.read.$client.execute({
        sql: `SELECT text_body FROM outbox WHERE kind = 'invitation' AND to_address IN (${items.map(() => '?').join(',')})`,
        args: items.map((i) => i.customer.email),
      });
      return rows.rows.map((r) => /\/s\/[A-Za-z0-9_-]{43}/.exec(String(r.text_body))![0]);
    }

    it('stores each of 30 concurrent submits once, with 5 repeats of each token answered "already received"', {
      timeout: 120_000,
    }, async () => {
      const paths = await surveyPaths(30);
      expect(paths).toHaveLength(30);
      const low = { resolved_first_contact: 'no', content_useful: '1', contact_consent: 'yes', action: 'submit' };
      const posts = await Promise.all(
        paths.flatMap((path, i) =>
          Array.from({ length: 5 }, (_, k) => ((i + k) % 2 ? a : b).postForm(path, low).then((r) => r.status)),
        ),
      );
      expect(posts.filter((s) => s === 303)).toHaveLength(30);
      expect(posts.filter((s) => s === 200)).toHaveLength(120);
      expect(await countRows(a.db, 'responses', "status = 'submitted'")).toBe(30);
      expect(await countRows(a.db, 'invitations', "status = 'responded'")).toBe(30);
      expect(await countRows(a.db, 'follow_ups')).toBe(30);
      expect(await countRows(a.db, 'outbox', "kind = 'reminder' AND status = 'pending'")).toBe(0);
    });

    it("queues each submit's webhook events once when a webhook listens (the interactive write takes over)", {
      timeout: 120_000,
    }, async () => {
      const { id } = await registerWebhook(
        a.deps,
        { url: 'http://127.0.0.1:9/hook', events: ['response.submitted', 'response.low_score_with_consent'] },
        'test',
      );
      try {
        const paths = await surveyPaths(12);
        const posts = await Promise.all(
          paths.flatMap((path, i) =>
            [0, 1].map((k) =>
              ((i + k) % 2 ? a : b)
                .postForm(path, {
                  resolved_first_contact: 'no',
                  contact_consent: i % 2 ? 'yes' : 'no',
                  action: 'submit',
                })
                .then((r) => r.status),
            ),
          ),
        );
        expect(posts.filter((s) => s === 303)).toHaveLength(12);
        expect(await countRows(a.db, 'webhook_deliveries', "event_type = 'response.submitted'")).toBe(12);
        expect(await countRows(a.db, 'webhook_deliveries', "event_type = 'response.low_score_with_consent'")).toBe(6);
      } finally {
        await a.db.adminClient.execute({ sql: 'DELETE FROM webhook_endpoints WHERE id = ?', args: [id] });
      }
    });

    it('answers 40 concurrent one-item intakes each on its own, gathered: repeats, an unknown rep, a changed retry', {
      timeout: 120_000,
    }, async () => {
      const occurredAt = new Date(clock.nowMs() - HOUR).toISOString();
      const items = Array.from({ length: 36 }, (_, i) =>
        interaction({ externalId: `gather-${i}`, customer: { email: `g${i}@x.test`, locale: 'en' }, occurredAt }),
      );
      const posts = [
        ...items.map((item, i) => api(i % 2 ? a : b, key, 'POST', '/interactions', item)),
        api(a, key, 'POST', '/interactions', items[0]),
        api(b, key, 'POST', '/interactions', items[1]),
        api(a, key, 'POST', '/interactions', { ...items[2], repEmail: 'nobody@acme.test' }),
        api(b, key, 'POST', '/interactions', {
          ...items[3],
          occurredAt: new Date(clock.nowMs() - 2 * HOUR).toISOString(),
        }),
      ];
      const answers = await Promise.all(posts);
      const statuses = answers.map((r) => r.status);
      expect(statuses.slice(0, 36).every((s) => s === 201 || s === 200 || s === 409)).toBe(true);
      // items[3] and its changed retry: one is created, the other is a conflict.
      expect([statuses[3], statuses[39]].sort()).toEqual([201, 409]);
      expect(statuses[38]).toBe(422);
      expect(String(JSON.stringify(answers[38]!.json))).toContain('nobody@acme.test');
      // Everything but the conflict is 2xx, and each externalId is stored once.
      expect(statuses.filter((s) => s >= 300)).toHaveLength(2);
      expect(await countRows(a.db, 'interactions', "external_id LIKE 'gather-%'")).toBe(36);
      expect(
        await countRows(
          a.db,
          'invitations',
          "interaction_id IN (SELECT id FROM interactions WHERE external_id LIKE 'gather-%')",
        ),
      ).toBe(36);
    });

    it('fails only the survey write whose statement fails when writes are merged; the others are stored', async () => {
      const paths = await surveyPaths(6);
      const found = await Promise.all(
        paths.map((path) => findInvitationByTokenHash(a.db, hashToken(path.slice('/s/'.length)))),
      );
      const patch = { resolvedFirstContact: 1 };
      // The last one names no rep (responses.rep_id is NOT NULL): its statement fails in the merged batch.
      const broken = { ...found[5]!, invitation: { ...found[5]!.invitation, repId: null as unknown as number } };
      const outcomes = await Promise.allSettled([
        ...found.slice(0, 5).map((f) => writeAnswers(a.deps, f!, patch, true)),
        writeAnswers(a.deps, broken, patch, true),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual([...Array(5).fill('fulfilled'), 'rejected']);
      expect(outcomes.slice(0, 5).map((o) => (o as PromiseFulfilledResult<{ outcome: string }>).value.outcome)).toEqual(
        Array(5).fill('submitted'),
      );
      expect(String((outcomes[5] as PromiseRejectedResult).reason)).toMatch(/NOT NULL/);
      const ids = found.map((f) => f!.invitation.id);
      const stored = await a.db.read.$client.execute({
        sql: `SELECT invitation_id FROM responses WHERE status = 'submitted' AND invitation_id IN (${ids.map(() => '?').join(',')})`,
        args: ids,
      });
      expect(stored.rows.map((r) => Number(r.invitation_id)).sort((x, y) => x - y)).toEqual(
        ids.slice(0, 5).sort((x, y) => x - y),
      );
    });

    it('saves a partial answer and submits over it: the submit keeps the saved answer', async () => {
      const [path] = await surveyPaths(1);
      expect((await a.postForm(path!, { decision_clearer: '4', action: 'save' })).status).toBeLessThan(400);
      expect((await b.postForm(path!, { resolved_first_contact: 'yes', action: 'submit' })).status).toBe(303);
      const row = await a.db.read.$client.execute(
        "SELECT decision_clearer, resolved_first_contact FROM responses WHERE status = 'submitted' ORDER BY id DESC LIMIT 1",
      );
      expect(row.rows[0]).toMatchObject({ decision_clearer: 4, resolved_first_contact: 1 });
    });
  });
});
