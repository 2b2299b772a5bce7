import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  addApiKey,
  api,
  countRows,
  manualClock,
  interaction,
  DAY,
  HOUR,
  type TestApp,
} from '../helpers/app';

describe('JSON intake API', () => {
  let t: TestApp;
  let key: string;
  const clock = manualClock('2026-11-20T12:00:00Z');
  const recent = () => new Date(clock.nowMs() - HOUR).toISOString();

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'ingest')).key;
    await api(t, key, 'POST', '/reps', [
      { email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' },
      { email: 'ben@acme.test', name: 'Ben Ng', team: 'DACH' },
    ]);
  });
  afterAll(async () => t.close());

  it('is idempotent on externalId: the CRM retrying gets 200 and the same id, no second invitation', async () => {
    const item = interaction({ occurredAt: recent() });
    const first = await api(t, key, 'POST', '/interactions', item);
    expect(first.status).toBe(201);
    const retry = await api(t, key, 'POST', '/interactions', {
      ...item,
      occurredAt: new Date(Date.parse(item.occurredAt)).toISOString().replace('Z', '+00:00'),
    });
    expect(retry.status).toBe(200);
    expect(retry.json).toEqual([
      { externalId: item.externalId, id: first.json[0].id, status: 'existing', survey: 'scheduled' },
    ]);
    expect(await countRows(t.db, 'invitations', `interaction_id = ${first.json[0].id}`)).toBe(1);
    expect(await countRows(t.db, 'outbox')).toBe(1);
  });

  it('accepts quoteDeliveredAt filled in later (updated) and refuses any other change with 409 naming the item', async () => {
    const item = interaction({ type: 'quote', occurredAt: recent(), quoteRequestedAt: recent() });
    const first = await api(t, key, 'POST', '/interactions', [item]);
    const delivered = new Date(clock.nowMs()).toISOString();
    const updated = await api(t, key, 'POST', '/interactions', [{ ...item, quoteDeliveredAt: delivered }]);
    expect(updated.status).toBe(200);
    expect(updated.json[0]).toMatchObject({ id: first.json[0].id, status: 'updated' });
    const changed = await api(t, key, 'POST', '/interactions', [
      interaction({ occurredAt: recent() }),
      { ...item, quoteDeliveredAt: delivered, type: 'call' },
    ]);
    expect(changed.status).toBe(409);
    expect(changed.json.error.issues[0].path).toEqual([1]);
    expect(changed.json.error.issues[0].message).toMatch(/type/);
    // all or nothing: the valid first item of that batch was not written
    expect(await countRows(t.db, 'interactions')).toBe(2);
  });

  it('names every invalid field by its path and writes nothing (422)', async () => {
    const before = await countRows(t.db, 'interactions');
    const res = await api(t, key, 'POST', '/interactions', [
      interaction({ occurredAt: recent() }),
      interaction({ occurredAt: 'yesterday', type: 'lunch' }),
      interaction({ customer: { email: 'bad\r\nBcc: x@y.test', locale: 'fr' } }),
      interaction({ repEmail: 'nobody@acme.test', occurredAt: recent() }),
    ]);
    expect(res.status).toBe(422);
    const paths = res.json.error.issues.map((i: { path: unknown[] }) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['1.occurredAt', '1.type', '2.customer.email', '2.customer.locale']));
    expect(await countRows(t.db, 'interactions')).toBe(before);
    const unknownRep = await api(t, key, 'POST', '/interactions', [
      interaction({ occurredAt: recent() }),
      interaction({ repEmail: 'nobody@acme.test', occurredAt: recent() }),
    ]);
    expect(unknownRep.status).toBe(422);
    expect(unknownRep.json.error.issues).toEqual([
      { path: [1, 'repEmail'], message: expect.stringContaining('nobody@acme.test') },
    ]);
    expect(await countRows(t.db, 'interactions')).toBe(before);
  });

  it('answers malformed JSON with 400, a wrong content type with 415 and over 1000 items with 413', async () => {
    const bad = await t.request('/api/v1/interactions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: '{"externalId":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    const form = await t.request('/api/v1/interactions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const many = await api(
      t,
      key,
      'POST',
      '/interactions',
      Array.from({ length: 1001 }, () => interaction()),
    );
    expect(many.status).toBe(413);
  });

  it('suppresses by rule: fatigue within 14 days, too-old, opted-out and rep-excluded (reasons shown to an all key)', async () => {
    const key = (await addApiKey(t, 'all')).key;
    const customer = { email: 'fatigue@x.test', name: 'F', locale: 'de', company: 'Y' };
    const a = await api(t, key, 'POST', '/interactions', interaction({ customer, occurredAt: recent() }));
    expect(a.json[0].survey).toBe('scheduled');
    const b = await api(t, key, 'POST', '/interactions', interaction({ customer, occurredAt: recent() }));
    expect(b.json[0]).toMatchObject({ survey: 'suppressed', reason: 'fatigue' });
    const old = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ occurredAt: new Date(clock.nowMs() - 15 * DAY).toISOString() }),
    );
    expect(old.json[0]).toMatchObject({ status: 'created', survey: 'suppressed', reason: 'too-old' });
    await t.db.write((tx) => tx.run(`UPDATE reps SET excluded_from_surveys = 1 WHERE email = 'ben@acme.test'`));
    const excluded = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ repEmail: 'ben@acme.test', occurredAt: recent() }),
    );
    expect(excluded.json[0]).toMatchObject({ survey: 'suppressed', reason: 'rep-excluded' });
    // 15 days later the same customer may be invited again
    clock.advance(15 * DAY);
    const c = await api(t, key, 'POST', '/interactions', interaction({ customer, occurredAt: recent() }));
    expect(c.json[0].survey).toBe('scheduled');
    const reasons = await t.db.readClient.execute(
      `SELECT suppression_reason r, count(*) n FROM interactions WHERE survey_status = 'suppressed' GROUP BY 1 ORDER BY 1`,
    );
    expect(reasons.rows.map((r) => r.r)).toEqual(['fatigue', 'rep-excluded', 'too-old']);
  });

  it('takes reps, training records, content items and response history', async () => {
    const training = await api(t, key, 'POST', '/training-records', [
      {
        externalId: 'lms-1',
        repEmail: 'ana@acme.test',
        skill: 'Objection Handling',
        kind: 'assessment',
        completedAt: '2026-10-01T00:00:00Z',
        score: 72,
      },
      { repEmail: 'ana@acme.test', skill: 'discovery', kind: 'course', completedAt: '2026-10-02T00:00:00Z' },
    ]);
    expect(training.status).toBe(201);
    expect(training.json).toEqual({ created: 2, duplicates: 0 });
    const again = await api(t, key, 'POST', '/training-records', [
      {
        externalId: 'lms-1',
        repEmail: 'ana@acme.test',
        skill: 'objection-handling',
        kind: 'assessment',
        completedAt: '2026-10-01T00:00:00Z',
        score: 72,
      },
    ]);
    expect(again.status).toBe(200);
    expect(again.json).toEqual({ created: 0, duplicates: 1 });
    const skills = await t.db.readClient.execute('SELECT slug FROM skills ORDER BY slug');
    expect(skills.rows.map((r) => r.slug)).toEqual(['discovery', 'objection-handling']);
    const badScore = await api(t, key, 'POST', '/training-records', [
      { repEmail: 'ana@acme.test', skill: 'x', kind: 'assessment', completedAt: '2026-10-01T00:00:00Z', score: 101 },
    ]);
    expect(badScore.status).toBe(422);
    expect(badScore.json.error.issues[0].path).toEqual([0, 'score']);

    const content = await api(t, key, 'POST', '/content-items', [
      { id: 'deck-q4', title: 'Q4 deck', url: 'https://cdn.acme.test/q4.pdf', stage: 'proposal', topic: 'pricing' },
    ]);
    expect(content.json).toEqual({ upserted: 1 });
    const js = await api(t, key, 'POST', '/content-items', [
      { id: 'evil', title: 'x', url: 'javascript:alert(1)', stage: 's', topic: 't' },
    ]);
    expect(js.status).toBe(422);

    const hist = interaction({ occurredAt: '2026-06-01T10:00:00Z' });
    await api(t, key, 'POST', '/interactions', hist);
    const imported = await api(t, key, 'POST', '/responses/import', [
      {
        interactionExternalId: hist.externalId,
        answeredAt: '2026-06-02T10:00:00Z',
        answers: {
          resolved_first_contact: 'yes',
          content_useful: 5,
          decision_clearer: null,
          added_value: 4,
          comment: 'good',
        },
      },
    ]);
    expect(imported.status).toBe(201);
    expect(imported.json).toEqual({ created: 1, duplicates: 0 });
    const dup = await api(t, key, 'POST', '/responses/import', [
      {
        interactionExternalId: hist.externalId,
        answeredAt: '2026-06-02T10:00:00Z',
        answers: { resolved_first_contact: 'no' },
      },
    ]);
    expect(dup.json).toEqual({ created: 0, duplicates: 1 });
    const row = await t.db.readClient.execute(
      `SELECT decision_clearer, resolved_first_contact FROM responses WHERE source = 'import'`,
    );
    expect(row.rows[0]).toMatchObject({ decision_clearer: null, resolved_first_contact: 1 });
  });
});

describe('API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('accepts a valid key, refuses missing, unknown, revoked, wrong-scope and query-string keys', async () => {
    const ingest = await addApiKey(t, 'ingest');
    const read = await addApiKey(t, 'read');
    expect((await api(t, ingest.key, 'GET', '/whoami')).status).toBe(200);
    expect((await t.request('/api/v1/whoami')).status).toBe(401);
    expect((await api(t, `cpil_${'A'.repeat(43)}`, 'GET', '/whoami')).status).toBe(401);
    const wrongScope = await api(t, read.key, 'POST', '/reps', [{ email: 'a@b.test', name: 'A' }]);
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.json.error.code).toBe('forbidden');
    const inQuery = await t.request(`/api/v1/whoami?api_key=${ingest.key}`);
    expect(inQuery.status).toBe(400);
    await t.db.write((tx) => tx.run(`UPDATE api_keys SET revoked_at = 1 WHERE id = ${ingest.id}`));
    const revoked = await api(t, ingest.key, 'GET', '/whoami');
    expect(revoked.status).toBe(401);
    expect(revoked.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String), issues: [] } });
    // keys are stored hashed only
    const stored = await t.db.readClient.execute('SELECT key_hash FROM api_keys');
    for (const row of stored.rows) expect(String(row.key_hash)).not.toContain(ingest.key.slice(5));
  });

  it('ignores cookies on the API', async () => {
    const res = await t.request('/api/v1/whoami', { cookie: 'cpil_session=whatever' });
    expect(res.status).toBe(401);
  });
});
