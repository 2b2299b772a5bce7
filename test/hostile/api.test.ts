/**
 * Hostile input against the JSON API, and header injection and markup through any door
 * (API, staff forms, configuration): exact statuses, nothing written or changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  HOUR,
  addApiKey,
  addUser,
  api,
  createTestApp,
  interaction,
  login,
  manualClock,
  type TestApp,
} from '../helpers/app';
import { dataState } from './data-state';
import { ConfigError, loadConfig } from '../../src/config';

const START = '2026-11-20T12:00:00Z';

describe('hostile input: JSON API, header injection, markup', () => {
  let t: TestApp;
  let key: string;
  let admin: string;
  const clock = manualClock(START);
  const recent = () => new Date(clock.nowMs() - HOUR).toISOString();
  const raw = (path: string, init: RequestInit & { cookie?: string }) => t.request(`/api/v1${path}`, init);

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    expect(
      (await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }])).status,
    ).toBe(200);
    expect(
      (
        await api(t, key, 'POST', '/content-items', [
          { id: 'deck-q4', title: 'Q4 deck', url: 'https://cdn.acme.test/q4.pdf', stage: 'decision', topic: 'pricing' },
        ])
      ).status,
    ).toBe(200);
    const a = await addUser(t, 'admin');
    admin = await login(t, a.email, a.password);
  });
  afterAll(async () => t.close());

  it('the CRM retrying an interaction: 200, the same id, no second invitation or mail', async () => {
    const item = interaction({ occurredAt: recent() });
    const first = await api(t, key, 'POST', '/interactions', item);
    expect(first.status).toBe(201);
    const before = await dataState(t);
    for (const retry of [
      item,
      [item],
      { ...item, occurredAt: item.occurredAt.replace('Z', '+00:00') },
      { ...item, quoteRequestedAt: undefined },
    ]) {
      const res = await api(t, key, 'POST', '/interactions', retry);
      expect(res.status).toBe(200);
      expect(res.json).toEqual([
        { externalId: item.externalId, id: first.json[0].id, status: 'existing', survey: 'scheduled' },
      ]);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('the CRM changing an interaction: 409 naming the item, nothing changed (the whole batch refused)', async () => {
    const item = interaction({ occurredAt: recent() });
    expect((await api(t, key, 'POST', '/interactions', item)).status).toBe(201);
    const before = await dataState(t);
    for (const changed of [
      { ...item, type: 'demo' },
      { ...item, customer: { ...item.customer, email: 'someone.else@x.test' } },
      { ...item, occurredAt: new Date(Date.parse(item.occurredAt) + 1000).toISOString() },
    ]) {
      const res = await api(t, key, 'POST', '/interactions', [interaction({ occurredAt: recent() }), changed]);
      expect(res.status).toBe(409);
      expect(res.json.error.code).toBe('conflict');
      expect(res.json.error.issues[0].path[0]).toBe(1);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('malformed JSON → 400, nothing written', async () => {
    const before = await dataState(t);
    for (const body of ['{"externalId":', '[{"a":1},]', "{'single': 'quotes'}", '\u0000', 'NaN', '']) {
      const res = await raw('/interactions', {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a wrong content type → 415, nothing written (form posts, text, XML, none)', async () => {
    const before = await dataState(t);
    const body = JSON.stringify(interaction({ occurredAt: recent() }));
    for (const type of [
      'application/x-www-form-urlencoded',
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      undefined,
    ]) {
      const headers: Record<string, string> = { Authorization: `Bearer ${key}` };
      if (type) headers['Content-Type'] = type;
      const res = await raw('/interactions', { method: 'POST', headers, body });
      expect(res.status, String(type)).toBe(415);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('1,001 items in one batch → 413, nothing written', async () => {
    const before = await dataState(t);
    const res = await api(
      t,
      key,
      'POST',
      '/interactions',
      Array.from({ length: 1001 }, () => interaction({ occurredAt: recent() })),
    );
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('too_large');
    const reps = await api(
      t,
      key,
      'POST',
      '/reps',
      Array.from({ length: 1001 }, (_, i) => ({ email: `r${i}@acme.test`, name: `R ${i}` })),
    );
    expect(reps.status).toBe(413);
    expect(await dataState(t)).toEqual(before);
  });

  it('an oversized JSON body (5 MB) → 413, nothing written', async () => {
    const before = await dataState(t);
    const padded = interaction({
      occurredAt: recent(),
      customer: { email: 'big@x.test', name: 'x'.repeat(5 * 1024 * 1024), locale: 'en' },
    });
    const res = await raw('/interactions', {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(padded),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('too_large');
    expect(await dataState(t)).toEqual(before);
  });

  it('an unknown repEmail → 422 naming the path, nothing written', async () => {
    const before = await dataState(t);
    const res = await api(t, key, 'POST', '/interactions', [
      interaction({ occurredAt: recent() }),
      interaction({ occurredAt: recent(), repEmail: 'ghost@acme.test' }),
    ]);
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      { path: [1, 'repEmail'], message: expect.stringContaining('ghost@acme.test') },
    ]);
    const training = await api(t, key, 'POST', '/training-records', [
      { repEmail: 'ghost@acme.test', skill: 'Discovery', kind: 'course', completedAt: recent() },
    ]);
    expect(training.status).toBe(422);
    expect(training.json.error.issues[0].path).toEqual([0, 'repEmail']);
    expect(await dataState(t)).toEqual(before);
  });

  it('impossible dates (30 February, 31 April, 29 February 2025) → 422 naming the path, nothing written', async () => {
    const before = await dataState(t);
    for (const date of [
      '2025-02-30T10:00:00Z',
      '2025-04-31T10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2025-13-01T10:00:00Z',
      '2025-01-32T10:00:00Z',
      '2025-02-30T10:00:00+02:00',
    ]) {
      const res = await api(t, key, 'POST', '/interactions', [interaction({ occurredAt: date })]);
      expect(res.status, date).toBe(422);
      expect(res.json.error.issues[0].path).toEqual([0, 'occurredAt']);
      const training = await api(t, key, 'POST', '/training-records', [
        { repEmail: 'ana@acme.test', skill: 'discovery', kind: 'course', completedAt: date },
      ]);
      expect(training.status, date).toBe(422);
    }
    // A leap day that exists is fine.
    const leap = await api(t, key, 'POST', '/training-records', [
      {
        externalId: 'leap-day',
        repEmail: 'ana@acme.test',
        skill: 'discovery',
        kind: 'course',
        completedAt: '2024-02-29T10:00:00Z',
      },
    ]);
    expect(leap.status).toBe(201);
    const after = await dataState(t);
    expect(after.interactions).toEqual(before.interactions);
    expect(after.training_records!.rows).toBe(before.training_records!.rows + 1);
  });

  it('a revoked key → 401, nothing written', async () => {
    const revoked = await addApiKey(t, 'all');
    expect((await api(t, revoked.key, 'GET', '/whoami')).status).toBe(200);
    const page = await t.postForm(`/admin/api-keys/${revoked.id}/revoke`, {}, { cookie: admin });
    expect(page.status).toBe(303);
    const before = await dataState(t);
    for (const [method, path, body] of [
      ['GET', '/whoami'],
      ['GET', '/cpis'],
      ['POST', '/interactions', interaction({ occurredAt: recent() })],
    ] as const) {
      const res = await api(t, revoked.key, method, path, body);
      expect(res.status, path).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a wrong-scope key → 403, nothing written (read key writing, ingest key reading)', async () => {
    const read = await addApiKey(t, 'read');
    const ingest = await addApiKey(t, 'ingest');
    const before = await dataState(t);
    for (const path of ['/interactions', '/reps', '/training-records', '/content-items', '/responses/import']) {
      const res = await api(t, read.key, 'POST', path, [{ email: 'x@acme.test', name: 'X' }]);
      expect(res.status, path).toBe(403);
      expect(res.json.error.code).toBe('forbidden');
    }
    for (const path of ['/cpis', '/gaps', '/training-effects', '/responses.csv']) {
      const res = await api(t, ingest.key, 'GET', path);
      expect(res.status, path).toBe(403);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a key in the query string is refused (400), even beside a valid header, nothing written', async () => {
    const before = await dataState(t);
    for (const param of ['api_key', 'apikey', 'apiKey', 'key', 'token', 'access_token']) {
      const get = await t.request(`/api/v1/cpis?${param}=${key}`);
      expect(get.status, param).toBe(400);
      expect(((await get.json()) as { error: { code: string } }).error.code).toBe('key_in_query');
      const post = await t.request(`/api/v1/interactions?${param}=${key}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(interaction({ occurredAt: recent() })),
      });
      expect(post.status, param).toBe(400);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it("cookies are ignored on the API: an admin's session without a key → 401, nothing written", async () => {
    const before = await dataState(t);
    const get = await t.request('/api/v1/whoami', { cookie: admin });
    expect(get.status).toBe(401);
    const post = await t.request('/api/v1/interactions', {
      method: 'POST',
      cookie: admin,
      headers: { 'Content-Type': 'application/json', Origin: BASE_URL },
      body: JSON.stringify(interaction({ occurredAt: recent() })),
    });
    expect(post.status).toBe(401);
    const form = await t.request('/api/v1/reps', {
      method: 'POST',
      cookie: admin,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE_URL },
      body: 'email=x%40acme.test&name=X',
    });
    expect(form.status).toBe(401);
    expect(await dataState(t)).toEqual(before);
  });

  it('bad API keys from one address → 429 with Retry-After after API_KEY_FAILURE_LIMIT; a valid key from there still works', async () => {
    const limit = t.config.apiKeyFailureLimit;
    const env = { incoming: { socket: { remoteAddress: '203.0.113.50' } } };
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < limit + 10; i++) {
      const res = await t.app.request(
        `${BASE_URL}/api/v1/whoami`,
        { headers: { Authorization: `Bearer cpil_${String(i).padStart(43, 'k')}` } },
        env,
      );
      statuses.push(res.status);
      if (res.status === 429) retryAfter ??= res.headers.get('retry-after');
    }
    expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(limit).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    const before = await dataState(t);
    const valid = await t.app.request(
      `${BASE_URL}/api/v1/whoami`,
      { headers: { Authorization: `Bearer ${key}` } },
      env,
    );
    expect(valid.status).toBe(200);
    expect(await dataState(t)).toEqual(before);
  });

  it('CR/LF in a customer email (API) → 422 naming the path, nothing written', async () => {
    const before = await dataState(t);
    for (const email of [
      'c@x.test\r\nBcc: victim@evil.test',
      'c@x.test\nBcc: victim@evil.test',
      'c\r@x.test',
      'c@x.test\u0000',
      'c@x.test\rSubject: hi',
    ]) {
      const res = await api(t, key, 'POST', '/interactions', [
        interaction({ occurredAt: recent(), customer: { email, locale: 'en' } }),
      ]);
      expect(res.status, JSON.stringify(email)).toBe(422);
      expect(res.json.error.issues.map((i: { path: unknown[] }) => i.path)).toContainEqual([0, 'customer', 'email']);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('CR/LF in a rep email (API, reps and training) → 422, nothing written', async () => {
    const before = await dataState(t);
    const reps = await api(t, key, 'POST', '/reps', [
      { email: 'eve@acme.test\r\nBcc: x@evil.test', name: 'Eve', team: 'Iberia' },
    ]);
    expect(reps.status).toBe(422);
    expect(reps.json.error.issues[0].path).toEqual([0, 'email']);
    const training = await api(t, key, 'POST', '/training-records', [
      { repEmail: 'ana@acme.test\nBcc: x@evil.test', skill: 'discovery', kind: 'course', completedAt: recent() },
    ]);
    expect(training.status).toBe(422);
    expect(training.json.error.issues[0].path).toEqual([0, 'repEmail']);
    expect(await dataState(t)).toEqual(before);
  });

  it('CR/LF in a customer email (staff form to log an interaction) → 422, nothing written', async () => {
    const repId = String(
      (await t.db.readClient.execute("SELECT id FROM reps WHERE email = 'ana@acme.test'")).rows[0]!.id,
    );
    const before = await dataState(t);
    const res = await t.postForm(
      '/interactions',
      {
        repId,
        customerEmail: 'carla@x.test\r\nBcc: victim@evil.test',
        customerName: 'Carla',
        customerLocale: 'en',
        type: 'call',
        occurredAt: new Date(clock.nowMs()).toISOString().slice(0, 16),
      },
      { cookie: admin },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('aria-invalid="true"');
    expect(await dataState(t)).toEqual(before);
  });

  it('CR/LF in a staff email (admin people form) → 422, no account created', async () => {
    const before = await dataState(t);
    for (const email of [
      'new.lead@staff.test\r\nBcc: x@evil.test',
      'new.lead@staff.test\nX: y',
      'new\r\nlead@staff.test',
    ]) {
      const res = await t.postForm(
        '/admin/users',
        { name: 'New Lead', email, role: 'lead', password: 'a long enough password' },
        { cookie: admin },
      );
      expect(res.status, JSON.stringify(email)).toBe(422);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('CR/LF in the MAIL_FROM header value is refused at start (ConfigError naming MAIL_FROM)', () => {
    for (const value of ['CPI Lens <surveys@acme.test>\r\nBcc: all@evil.test', 'surveys@acme.test\nX-Injected: 1']) {
      expect(() => loadConfig({ MAIL_FROM: value })).toThrow(ConfigError);
      expect(() => loadConfig({ MAIL_FROM: value })).toThrow(/MAIL_FROM/);
    }
    expect(loadConfig({ MAIL_FROM: 'CPI Lens <surveys@acme.test>' }).mailFrom).toBe('CPI Lens <surveys@acme.test>');
  });

  it('javascript: (and other non-http) URLs for content items → 422 naming the url, nothing written', async () => {
    const before = await dataState(t);
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.test/x',
      'file:///etc/passwd',
    ]) {
      const res = await api(t, key, 'POST', '/content-items', [
        { id: 'deck-evil', title: 'Evil', url, stage: 'decision', topic: 'x' },
      ]);
      expect(res.status, url).toBe(422);
      expect(res.json.error.issues[0].path).toEqual([0, 'url']);
    }
    // An existing item cannot be turned into one either.
    const res = await api(t, key, 'POST', '/content-items', [
      { id: 'deck-q4', title: 'Q4 deck', url: 'javascript:alert(1)', stage: 'decision', topic: 'pricing' },
    ]);
    expect(res.status).toBe(422);
    expect(await dataState(t)).toEqual(before);
  });

  it('HTML/JS in a rep name is stored as given and shown escaped on every staff page', async () => {
    const name = `<script>alert("rep")</script><img src=x onerror=alert(1)>`;
    expect(
      (await api(t, key, 'POST', '/reps', [{ email: 'mallory@acme.test', name, team: '<b>Team</b>' }])).status,
    ).toBe(200);
    const stored = await t.db.readClient.execute(
      "SELECT r.id, r.name, t.name AS team FROM reps r JOIN teams t ON t.id = r.team_id WHERE r.email = 'mallory@acme.test'",
    );
    expect(stored.rows[0]).toMatchObject({ name, team: '<b>Team</b>' });
    const id = Number(stored.rows[0]!.id);
    const escaped = '&lt;script&gt;alert(&quot;rep&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
    for (const path of ['/admin/reps', '/reps', `/reps/${id}`, '/interactions/new', '/coaching/sessions/new']) {
      const res = await t.request(path, { cookie: admin });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
      expect(html, path).not.toContain('<b>Team</b>');
      if (path !== '/reps') expect(html, path).toContain(escaped);
    }
  });
});
