import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, addUser, login, sessionCookieFrom, type TestApp } from '../helpers/app';
import { issueSetupLink } from '../../src/domain/staff';
import type { Clock } from '../../src/lib/clock';

function manualClock(start: number): Clock & { advance(ms: number): void } {
  let now = start;
  return { nowMs: () => now, now: () => new Date(now), advance: (ms) => void (now += ms) };
}

describe('staff sign-in', () => {
  let t: TestApp;
  const clock = manualClock(Date.parse('2026-11-20T10:00:00Z'));
  beforeEach(async () => {
    t = await createTestApp({}, clock);
  });
  afterEach(async () => t.close());

  it('signs in with the right password and reaches the home page', async () => {
    const { email, password } = await addUser(t, 'lead');
    const res = await t.postForm('/login', { email, password });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const home = await t.request('/', { cookie: sessionCookieFrom(res) });
    expect(home.status).toBe(200);
    expect(home.headers.get('cache-control')).toBe('no-store');
    expect(await home.text()).toContain('data-testid="home-title"');
  });

  it('answers a wrong password and an unknown user with the same message, after the same work', async () => {
    const { email } = await addUser(t, 'lead');
    const started1 = performance.now();
    const wrong = await t.postForm('/login', { email, password: 'wrong password!!' });
    const wrongMs = performance.now() - started1;
    const started2 = performance.now();
    const unknown = await t.postForm('/login', { email: 'nobody@staff.test', password: 'wrong password!!' });
    const unknownMs = performance.now() - started2;
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = await wrong.text();
    const b = await unknown.text();
    expect(a).toContain('Email or password is incorrect.');
    expect(b).toContain('Email or password is incorrect.');
    expect(sessionCookieFrom(wrong)).toBeUndefined();
    // A dummy scrypt hash is verified for unknown users: the cost is of the same order.
    expect(unknownMs).toBeGreaterThan(wrongMs * 0.3);
  });

  it('refuses a disabled user and ends their sessions', async () => {
    const admin = await addUser(t, 'admin');
    const lead = await addUser(t, 'lead');
    const adminCookie = await login(t, admin.email, admin.password);
    const leadCookie = await login(t, lead.email, lead.password);
    const disable = await t.postForm(`/admin/users/${lead.id}/disable`, {}, { cookie: adminCookie });
    expect(disable.status).toBe(303);
    const after = await t.request('/', { cookie: leadCookie });
    expect(after.status).toBe(303);
    expect(after.headers.get('location')).toMatch(/^\/login/);
    const again = await t.postForm('/login', { email: lead.email, password: lead.password });
    expect(again.status).toBe(401);
  });

  it('expires sessions after 30 idle minutes and after 12 hours in all', async () => {
    const { email, password } = await addUser(t, 'lead');
    const cookie = await login(t, email, password);
    clock.advance(29 * 60_000);
    expect((await t.request('/', { cookie })).status).toBe(200);
    clock.advance(29 * 60_000); // still active: the last request refreshed it
    expect((await t.request('/', { cookie })).status).toBe(200);
    clock.advance(31 * 60_000);
    expect((await t.request('/', { cookie })).status).toBe(303);

    const cookie2 = await login(t, email, password);
    for (let i = 0; i < 26; i++) {
      clock.advance(28 * 60_000);
      const res = await t.request('/', { cookie: cookie2 });
      if (i < 25)
        expect(res.status).toBe(200); // 25 × 28 min = 11 h 40 min
      else expect(res.status).toBe(303); // past 12 h
    }
  });

  it('logs out and rotates the session id at login', async () => {
    const { email, password } = await addUser(t, 'trainer');
    const first = await login(t, email, password);
    const res = await t.postForm('/login', { email, password }, { cookie: first });
    const second = sessionCookieFrom(res);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect((await t.request('/', { cookie: first })).status).toBe(303);
    const out = await t.postForm('/logout', {}, { cookie: second });
    expect(out.status).toBe(303);
    expect((await t.request('/', { cookie: second })).status).toBe(303);
  });

  it('follows only local next= paths after login', async () => {
    const { email, password } = await addUser(t, 'lead');
    for (const [next, expected] of [
      ['//evil.test', '/'],
      ['https://evil.test/x', '/'],
      ['/\\evil.test', '/'],
      ['/reps?team=1', '/reps?team=1'],
    ] as const) {
      const res = await t.postForm('/login', { email, password, next });
      expect(res.headers.get('location')).toBe(expected);
    }
  });

  it('limits failed logins per account with 429 and Retry-After, counting failures only', async () => {
    const { email, password } = await addUser(t, 'lead');
    for (let i = 0; i < 3; i++) expect((await t.postForm('/login', { email, password })).status).toBe(303);
    for (let i = 0; i < t.config.loginFailureLimit; i++)
      expect((await t.postForm('/login', { email, password: 'nope nope nope' })).status).toBe(401);
    const limited = await t.postForm('/login', { email, password });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a cross-origin form post (CSRF)', async () => {
    const { email, password } = await addUser(t, 'lead');
    const res = await t.postForm('/login', { email, password }, { headers: { Origin: 'http://evil.test' } });
    expect(res.status).toBe(403);
    expect(sessionCookieFrom(res)).toBeUndefined();
  });

  it('creates the first admin through a single-use setup link', async () => {
    const link = await issueSetupLink(t.deps);
    expect(link).toMatch(/\/setup\?token=[A-Za-z0-9_-]{43}$/);
    const path = new URL(link ?? '').pathname + new URL(link ?? '').search;
    const form = await t.request(path);
    expect(form.status).toBe(200);
    const html = await form.text();
    for (const name of ['name', 'email', 'password']) expect(html).toContain(`name="${name}"`);
    // Its own title, not the setup checklist's (the two once shared a string key).
    expect(html).toContain('Create the first admin');
    expect(html).not.toContain('Set up CPI Lens');
    const bad = await t.postForm(path, { name: 'Ada', email: 'not-an-email', password: 'short' });
    expect(bad.status).toBe(422);
    const res = await t.postForm(path, { name: 'Ada', email: 'ada@staff.test', password: 'a long enough password' });
    expect(res.status).toBe(303);
    const cookie = sessionCookieFrom(res);
    expect((await t.request('/admin/users', { cookie })).status).toBe(200);
    expect([404, 410]).toContain((await t.request(path)).status);
    expect([404, 410]).toContain(
      (await t.postForm(path, { name: 'Eve', email: 'eve@staff.test', password: 'a long enough password' })).status,
    );
    expect(await issueSetupLink(t.deps)).toBeUndefined();
  });

  it('lets a user change their own password', async () => {
    const { email, password } = await addUser(t, 'trainer');
    const cookie = await login(t, email, password);
    const wrong = await t.postForm(
      '/account/password',
      { current: 'not it at all', password: 'a brand new password' },
      { cookie },
    );
    expect(wrong.status).toBe(422);
    const ok = await t.postForm(
      '/account/password',
      { current: password, password: 'a brand new password' },
      { cookie },
    );
    expect(ok.status).toBe(303);
    expect((await t.postForm('/login', { email, password: 'a brand new password' })).status).toBe(303);
  });
});
