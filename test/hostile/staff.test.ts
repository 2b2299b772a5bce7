/**
 * Hostile input and access attempts against the staff side, on the demo workspace:
 * trainers reaching into other teams, open redirects after login, cross-origin posts,
 * SQL-looking filters, path traversal, forged sessions, and customer text shown to staff.
 * Each asserts the exact status and that nothing was written or changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  addApiKey,
  addUser,
  api,
  createTestApp,
  login,
  manualClock,
  sessionCookieFrom,
  type TestApp,
} from '../helpers/app';
import { dataState } from './data-state';
import { DEMO_LOGINS, loadDemoWorkspace } from '../../db/demo';

const NOW = '2026-11-20T10:00:00Z';

describe('hostile input: staff access, redirects, cross-origin posts, filters, assets', () => {
  let t: TestApp;
  const cookies: Record<'admin' | 'lead' | 'trainer', string> = { admin: '', lead: '', trainer: '' };
  let iberia: number;
  let dach: number;
  let dachRep: { id: number; email: string };
  let iberiaRep: { id: number; email: string };

  const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
    t.request(path, { cookie, headers });
  const row = async <T = Record<string, unknown>>(sql: string) =>
    (await t.db.readClient.execute(sql)).rows[0] as unknown as T;

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    await loadDemoWorkspace(t.deps);
    for (const role of ['admin', 'lead', 'trainer'] as const) {
      const demo = DEMO_LOGINS.find((l) => l.role === role)!;
      cookies[role] = await login(t, demo.email, demo.password);
    }
    iberia = Number((await row<{ id: number }>("SELECT id FROM teams WHERE name = 'Iberia'")).id);
    dach = Number((await row<{ id: number }>("SELECT id FROM teams WHERE name = 'DACH'")).id);
    const repOf = (team: number) =>
      row<{ id: number; email: string }>(
        `SELECT id, email FROM reps WHERE team_id = ${team} AND active = 1 ORDER BY id LIMIT 1`,
      );
    dachRep = await repOf(dach);
    iberiaRep = await repOf(iberia);
  }, 120_000);
  afterAll(async () => t.close());

  it("a trainer opening another team's rep page → 404, nothing written", async () => {
    const before = await dataState(t);
    const res = await get(`/reps/${dachRep.id}`, cookies.trainer);
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).not.toContain(dachRep.email);
    expect(await dataState(t)).toEqual(before);
    expect((await get(`/reps/${iberiaRep.id}`, cookies.trainer)).status).toBe(200); // their own team: fine
  });

  it("a trainer asking for a fragment (HX-Request) of another team's rep page → 404, nothing written", async () => {
    const before = await dataState(t);
    for (const query of ['', '?period=3m', '?period=custom&from=2026-01-01&to=2026-06-30', '?type=call']) {
      const res = await get(`/reps/${dachRep.id}${query}`, cookies.trainer, { 'HX-Request': 'true' });
      expect(res.status, query).toBe(404);
      expect(await res.text()).not.toContain(dachRep.email);
    }
    // The team-filtered fragments of the other pages likewise.
    for (const path of [
      `/overview?team=${dach}`,
      `/reps?team=${dach}`,
      `/gaps?team=${dach}`,
      `/coaching?team=${dach}`,
      `/coaching/follow-up?team=${dach}`,
      `/targets?team=${dach}`,
    ]) {
      const res = await get(path, cookies.trainer, { 'HX-Request': 'true' });
      expect(res.status, path).toBe(404);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a trainer exporting another team (CPIs, gaps, responses, coaching plan) → 404, no file, no audit entry', async () => {
    const before = await dataState(t);
    for (const path of [
      `/exports/cpis.csv?team=${dach}`,
      `/exports/cpis.csv?groupBy=rep&team=${dach}`,
      `/exports/gaps.csv?team=${dach}`,
      `/exports/responses.csv?team=${dach}`,
      `/exports/coaching-plan.csv?team=${dach}`,
    ]) {
      const res = await get(path, cookies.trainer);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type') ?? '', path).not.toContain('text/csv');
      expect(await res.text()).not.toContain(dachRep.email);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it("a trainer's unfiltered exports hold only their own team (no other team's rep appears)", async () => {
    for (const path of [
      '/exports/responses.csv?from=2025-01-01&to=2026-12-01',
      '/exports/cpis.csv?groupBy=rep',
      '/exports/gaps.csv',
      '/exports/coaching-plan.csv',
    ]) {
      const res = await get(path, cookies.trainer);
      expect(res.status, path).toBe(200);
      const csv = await res.text();
      expect(csv, path).not.toContain(dachRep.email);
    }
    // Parameter pollution: a second team= is not a way round the scope.
    const polluted = await get(
      `/exports/responses.csv?team=${iberia}&team=${dach}&from=2025-01-01&to=2026-12-01`,
      cookies.trainer,
    );
    expect(polluted.status).toBe(200); // the first team= (their own) counts
    expect(await polluted.text()).not.toContain(dachRep.email);
  });

  it("a trainer acting on another team's records (log an interaction, plan/finish/cancel a session) → 404, nothing changed", async () => {
    const session = await row<{ id: number; status: string }>(
      `SELECT s.id, s.status FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id WHERE r.team_id = ${dach} ORDER BY s.id LIMIT 1`,
    );
    const interaction = await row<{ id: number }>(
      `SELECT id FROM interactions WHERE rep_id = ${dachRep.id} ORDER BY id LIMIT 1`,
    );
    const before = await dataState(t);
    expect((await get(`/interactions/logged/${interaction.id}`, cookies.trainer)).status).toBe(404);
    expect((await get(`/coaching/sessions/new?rep=${dachRep.id}`, cookies.trainer)).status).toBe(404);
    const logged = await t.postForm(
      '/interactions',
      {
        repId: String(dachRep.id),
        customerEmail: 'c@x.test',
        customerName: 'C',
        customerLocale: 'en',
        type: 'call',
        occurredAt: '2026-11-20T09:00',
      },
      { cookie: cookies.trainer },
    );
    expect(logged.status).toBe(404);
    const planned = await t.postForm(
      '/coaching/sessions',
      { rep: String(dachRep.id), skill: 'discovery', date: '2026-11-25', notes: 'x', cpi: 'fcr', action: 'plan' },
      { cookie: cookies.trainer },
    );
    expect(planned.status).toBe(404);
    for (const action of ['done', 'cancel']) {
      const res = await t.postForm(`/coaching/sessions/${session.id}/${action}`, {}, { cookie: cookies.trainer });
      expect(res.status, action).toBe(404);
      const htmx = await t.postForm(
        `/coaching/sessions/${session.id}/${action}`,
        {},
        { cookie: cookies.trainer, headers: { 'HX-Request': 'true' } },
      );
      expect(htmx.status, action).toBe(404);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a lead or trainer posting to admin forms (make themselves admin, widen their teams, create an admin) → 403, nothing changed', async () => {
    const trainerId = Number(
      (await row<{ id: number }>("SELECT id FROM staff_users WHERE email = 'trainer@demo.cpilens.test'")).id,
    );
    const leadId = Number(
      (await row<{ id: number }>("SELECT id FROM staff_users WHERE email = 'lead@demo.cpilens.test'")).id,
    );
    const before = await dataState(t);
    for (const [cookie, self] of [
      [cookies.lead, leadId],
      [cookies.trainer, trainerId],
    ] as const) {
      expect((await t.postForm(`/admin/users/${self}/role`, { role: 'admin' }, { cookie })).status).toBe(403);
      expect(
        (await t.postForm(`/admin/users/${self}/teams`, { teamId: [String(iberia), String(dach)] }, { cookie })).status,
      ).toBe(403);
      expect(
        (
          await t.postForm(
            '/admin/users',
            { name: 'Mole', email: 'mole@staff.test', role: 'admin', password: 'a long enough password' },
            { cookie },
          )
        ).status,
      ).toBe(403);
      expect((await t.postForm('/admin/api-keys', { name: 'exfil', scope: 'all' }, { cookie })).status).toBe(403);
    }
    expect((await t.postForm('/targets', { cpi: 'fcr', target: '90' }, { cookie: cookies.trainer })).status).toBe(403);
    expect(await dataState(t)).toEqual(before);
  });

  it('next=//evil.test after login → redirect to /', async () => {
    const demo = DEMO_LOGINS.find((l) => l.role === 'lead')!;
    const res = await t.postForm('/login', { email: demo.email, password: demo.password, next: '//evil.test' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const form = await t.request('/login?next=%2F%2Fevil.test');
    expect(form.status).toBe(200);
    expect(await form.text()).not.toContain('evil.test');
    const signedIn = await t.request('/login?next=//evil.test', { cookie: sessionCookieFrom(res)! });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe('/');
  });

  it('next=https://evil.test (and other off-site forms) after login → redirect to /', async () => {
    const demo = DEMO_LOGINS.find((l) => l.role === 'lead')!;
    for (const next of [
      'https://evil.test',
      'http://evil.test/admin',
      '/\\evil.test',
      '\\\\evil.test',
      '/\t/evil.test',
      ' //evil.test',
      'javascript:alert(1)',
      'https:evil.test',
      '//evil.test@cpi.test',
      '/%0d%0aSet-Cookie:x=y',
    ]) {
      const res = await t.postForm('/login', { email: demo.email, password: demo.password, next });
      expect(res.status, next).toBe(303);
      const location = res.headers.get('location')!;
      expect(
        location === '/' || (location.startsWith('/') && !location.startsWith('//') && !location.startsWith('/\\')),
        `${next} → ${location}`,
      ).toBe(true);
      expect(new URL(location, BASE_URL).origin, next).toBe(BASE_URL);
      expect(res.headers.get('set-cookie') ?? '', next).not.toMatch(/(^|,\s*)x=y/);
    }
    // A local path is kept.
    const local = await t.postForm('/login', { email: demo.email, password: demo.password, next: '/reps?team=1' });
    expect(local.headers.get('location')).toBe('/reps?team=1');
  });

  it('login CSRF: a cross-origin form post to /login → 403, no session, nothing written', async () => {
    const demo = DEMO_LOGINS.find((l) => l.role === 'admin')!;
    const before = await dataState(t, ['api_keys']);
    for (const headers of [
      { Origin: 'http://evil.test' },
      { Origin: 'null' },
      { Origin: 'http://cpi.test.evil.test' },
      { Origin: '' },
    ]) {
      const res = await t.postForm('/login', { email: demo.email, password: demo.password }, { headers });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    expect(await dataState(t, ['api_keys'])).toEqual(before);
  });

  it('a cross-origin POST to admin forms (rules, people, API keys, erase, send-now) → 403, nothing changed', async () => {
    const customer = await row<{ email: string }>(
      'SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1',
    );
    const before = await dataState(t);
    const posts: [string, Record<string, string | string[]>][] = [
      [
        '/admin/rules/call',
        {
          sendDelayMinutes: '0',
          fatigueDays: '0',
          expiryDays: '90',
          reminderAfterDays: '',
          questions: ['comment'],
          required: [],
        },
      ],
      ['/admin/users', { name: 'Mole', email: 'mole@evil.test', role: 'admin', password: 'a long enough password' }],
      ['/admin/api-keys', { name: 'exfil', scope: 'all' }],
      ['/admin/privacy/erase', { email: customer.email, confirm: 'yes' }],
      ['/admin/privacy/retention', { months: '1' }],
      ['/admin/outbox/send-now', {}],
      ['/account/password', { current: 'demo-admin-pass', password: 'attacker chosen password' }],
    ];
    for (const [path, fields] of posts) {
      for (const headers of [
        { Origin: 'http://evil.test' },
        { Origin: 'null' },
        { Origin: '' },
        { Origin: 'http://evil.test', 'Sec-Fetch-Site': 'cross-site' },
      ] as Record<string, string>[]) {
        const res = await t.postForm(path, fields, { cookie: cookies.admin, headers });
        expect(res.status, `${path} ${JSON.stringify(headers)}`).toBe(403);
      }
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a cross-origin POST with a non-form content type (JSON, XML, none) to admin and staff routes → 403, nothing changed', async () => {
    const before = await dataState(t);
    for (const path of [
      '/admin/outbox/send-now',
      '/admin/privacy/retention/apply',
      '/admin/users',
      '/logout',
      `/follow-ups/1/resolve`,
    ]) {
      for (const type of ['application/json', 'application/xml', 'image/png', undefined]) {
        const headers: Record<string, string> = { Origin: 'http://evil.test' };
        if (type) headers['Content-Type'] = type;
        const res = await t.request(path, { method: 'POST', cookie: cookies.admin, headers, body: '{}' });
        expect(res.status, `${path} ${type}`).toBe(403);
      }
      // No Origin at all (and no Sec-Fetch-Site): refused the same way.
      const bare = await t.request(path, {
        method: 'POST',
        cookie: cookies.admin,
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(bare.status, path).toBe(403);
    }
    expect(await dataState(t)).toEqual(before);
    expect((await t.request('/admin/users', { cookie: cookies.admin })).status).toBe(200); // the session survived the forged logout
  });

  it('SQL-looking input in search and filter params is harmless (exact statuses, nothing changed, tables intact)', async () => {
    const key = (await addApiKey(t, 'read')).key;
    const before = await dataState(t);
    const sqlish = "' OR 1=1 --";
    const cases: [string, string, number][] = [
      [cookies.lead, `/content?q=${encodeURIComponent(sqlish)}`, 200],
      [cookies.lead, `/content?q=${encodeURIComponent("'; DROP TABLE reps; --")}`, 200],
      [cookies.lead, `/content?q=${encodeURIComponent('%')}&sort=${encodeURIComponent('title; DROP TABLE reps')}`, 422],
      [
        cookies.lead,
        `/reps?sort=${encodeURIComponent('name; DROP TABLE reps')}&dir=${encodeURIComponent("asc' --")}`,
        200,
      ],
      [cookies.lead, `/overview?team=${encodeURIComponent('1 OR 1=1')}`, 404],
      [cookies.trainer, `/reps?team=${encodeURIComponent(`${iberia} OR team_id=${dach}`)}`, 404],
      [cookies.trainer, `/gaps?team=${encodeURIComponent(`${dach}) OR (1=1`)}`, 404],
      [cookies.lead, `/admin/outbox?status=${encodeURIComponent(sqlish)}`, 403],
      [
        cookies.admin,
        `/admin/outbox?status=${encodeURIComponent(sqlish)}&page=${encodeURIComponent('1; DELETE FROM outbox')}`,
        200,
      ],
      [cookies.admin, `/admin/suppressions?reason=${encodeURIComponent(sqlish)}`, 200],
      [
        cookies.lead,
        `/follow-ups?status=${encodeURIComponent(sqlish)}&page=${encodeURIComponent('0 UNION SELECT password_hash FROM staff_users')}`,
        200,
      ],
    ];
    for (const [cookie, path, status] of cases) {
      const res = await get(path, cookie);
      expect(res.status, path).toBe(status);
      const html = await res.text();
      expect(html, path).not.toMatch(/scrypt|\$argon2|SQLITE_|syntax error/i);
    }
    // The content search treats the text as text: it matches no title.
    const search = await (await get(`/content?q=${encodeURIComponent(sqlish)}`, cookies.lead)).text();
    const titles = (await t.db.readClient.execute('SELECT title FROM content_items')).rows.map((r) => String(r.title));
    for (const title of titles) expect(search).not.toContain(`>${title}<`);
    // The API's team filter is a name, compared as a value.
    const cpis = await api(t, key, 'GET', `/cpis?groupBy=team&team=${encodeURIComponent(sqlish)}`);
    expect(cpis.status).toBe(200);
    expect(cpis.json.groups).toEqual([]);
    expect(await dataState(t)).toEqual(before);
    expect(Number((await row<{ n: number }>('SELECT count(*) AS n FROM reps')).n)).toBe(36);
  });

  it('path traversal in asset names → 404, no file served', async () => {
    const before = await dataState(t);
    for (const path of [
      '/assets/..%2F..%2Fpackage.json',
      '/assets/..%2f..%2fsrc%2fconfig.ts',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/assets/..%5C..%5Cpackage.json',
      '/assets/....%2F%2Fpackage.json',
      '/assets/app.css%00.js',
      '/assets/%2Fetc%2Fpasswd',
      '/assets/..%252F..%252Fpackage.json',
      '/assets/.env',
      '/assets/app.css/..%2F..%2Fpackage.json',
    ]) {
      const res = await t.request(path);
      expect(res.status, path).toBe(404);
      const body = await res.text();
      expect(body, path).not.toContain('"dependencies"');
      expect(body, path).not.toContain('root:x:');
      expect(body, path).not.toContain('loadConfig');
    }
    expect((await t.request('/assets/app.css')).status).toBe(200);
    expect(await dataState(t)).toEqual(before);
  });

  it('a forged or tampered session cookie is treated as signed out (303 to /login, 401 for htmx), nothing written', async () => {
    const [name, value] = cookies.admin.split('=') as [string, string];
    const tampered = `${name}=${value.slice(0, 10)}${value[10] === 'A' ? 'B' : 'A'}${value.slice(11)}`;
    const before = await dataState(t);
    for (const cookie of [
      tampered,
      `${name}=${'A'.repeat(43)}`,
      `${name}=${value}%00`,
      `${name}=${'x'.repeat(5000)}`,
      `${name}=' OR 1=1 --`,
    ]) {
      const page = await t.request('/admin/users', { cookie });
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toMatch(/^\/login\?next=/);
      const fragment = await t.request('/reps', { cookie, headers: { 'HX-Request': 'true' } });
      expect(fragment.status).toBe(401);
      expect(fragment.headers.get('hx-redirect')).toMatch(/^\/login\?next=/);
      const post = await t.postForm(
        '/admin/users',
        { name: 'Mole', email: 'mole@staff.test', role: 'admin' },
        { cookie },
      );
      expect(post.status).toBe(303);
    }
    expect(await dataState(t)).toEqual(before);
  });

  it('a disabled account: its session stops working at once (303 to /login), and it cannot sign in again (401)', async () => {
    const user = await addUser(t, 'lead', { email: 'leaving@staff.test' });
    const cookie = await login(t, user.email, user.password);
    expect((await t.request('/', { cookie })).status).toBe(200);
    expect((await t.postForm(`/admin/users/${user.id}/disable`, {}, { cookie: cookies.admin })).status).toBe(303);
    const after = await t.request('/', { cookie });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
    const again = await t.postForm('/login', { email: user.email, password: user.password });
    expect(again.status).toBe(401);
    expect(again.headers.get('set-cookie') ?? '').not.toMatch(/cpil_session=[A-Za-z0-9_-]{43}/);
  });

  it('script in a comment is stored as typed and shown escaped to staff (rep page, follow-ups, coaching)', async () => {
    const message = await row<{ text_body: string; rep_id: number }>(
      `SELECT o.text_body, i.rep_id FROM outbox o JOIN invitations i ON i.id = o.invitation_id JOIN reps r ON r.id = i.rep_id
       WHERE o.status = 'pending' AND o.kind = 'invitation' AND r.team_id = ${iberia} AND i.status <> 'cancelled' ORDER BY o.id DESC LIMIT 1`,
    );
    const survey = /\/s\/[A-Za-z0-9_-]{43}/.exec(message.text_body)![0];
    const script = `<script>alert("owned")</script><img src=x onerror="alert(2)"> & "quotes" 'single'`;
    const res = await t.postForm(survey, {
      resolved_first_contact: 'no',
      content_useful: '1',
      decision_clearer: '1',
      added_value: '1',
      comment: script,
      contact_consent: 'yes',
      action: 'submit',
    });
    expect(res.status).toBe(303);
    const stored = await row<{ comment: string; status: string }>(
      `SELECT r.comment, r.status FROM responses r JOIN invitation_tokens k ON k.invitation_id = r.invitation_id WHERE r.comment LIKE '%owned%'`,
    );
    expect(stored).toMatchObject({ comment: script, status: 'submitted' });
    const escaped =
      '&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt; &amp; &quot;quotes&quot; &#39;single&#39;';
    for (const [cookie, path, mustShow] of [
      [cookies.admin, `/reps/${message.rep_id}`, true],
      [cookies.trainer, `/reps/${message.rep_id}`, true],
      [cookies.trainer, `/reps/${message.rep_id}?period=3m`, true],
      [cookies.lead, '/follow-ups', true],
      [cookies.trainer, '/coaching', false],
    ] as const) {
      const page = await get(path, cookie);
      expect(page.status, path).toBe(200);
      const html = await page.text();
      expect(html, path).not.toContain('<script>alert');
      expect(html, path).not.toContain('<img src=x');
      if (mustShow) expect(html.replace(/&#x27;/g, '&#39;'), path).toContain(escaped);
    }
  });
});
