/**
 * Issue 13, finding 9 ("an ingest key learns whether an address opted out"): the intake
 * answer named the suppression reason to every key. To `ingest`-scope keys any suppression is
 * now `"survey":"suppressed"` with no `reason`; `all` keys still see it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, interaction, manualClock, HOUR, type TestApp } from '../helpers/app';

describe('finding 9: an ingest key learns whether an address opted out', () => {
  let t: TestApp;
  let all: string;
  let ingest: string;
  const clock = manualClock('2026-11-20T12:00:00Z');

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    all = (await addApiKey(t, 'all')).key;
    ingest = (await addApiKey(t, 'ingest')).key;
    await api(t, all, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
    await t.db.write((tx) =>
      tx.run("INSERT INTO customers (email, locale, opted_out_at, created_at) VALUES ('gone@x.test', 'en', 1, 1)"),
    );
  });
  afterAll(async () => t.close());

  const optedOut = () =>
    interaction({ customer: { email: 'gone@x.test' }, occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });

  it('an ingest key sees "suppressed" without a reason', async () => {
    const res = await api(t, ingest, 'POST', '/interactions', optedOut());
    expect(res.status).toBe(201);
    expect(res.json[0]).toMatchObject({ status: 'created', survey: 'suppressed' });
    expect(res.json[0]).not.toHaveProperty('reason');
    expect(JSON.stringify(res.json)).not.toMatch(/opted-out/);
  });

  it('an all key still sees the reason', async () => {
    const res = await api(t, all, 'POST', '/interactions', optedOut());
    expect(res.json[0]).toMatchObject({ survey: 'suppressed', reason: 'opted-out' });
  });
});
