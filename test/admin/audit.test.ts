/**
 * Issue 13, finding 8 ("the audit log shows only the last 200 entries"): noise could push an
 * entry out of view. The page is now paged and filtered by actor, action and days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY, addUser, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { recordAudit } from '../../db/queries/audit';

const START = Date.parse('2026-11-20T12:00:00Z');

describe('finding 8: the audit log shows only the last 200 entries', () => {
  let t: TestApp;
  let cookie: string;
  const page = async (query = '') => {
    const res = await t.request(`/admin/audit${query}`, { cookie });
    return { status: res.status, html: await res.text() };
  };
  const entries = (html: string) => [...html.matchAll(/<td><code>([a-z.-]+)<\/code><\/td>/g)].length;

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(START));
    const admin = await addUser(t, 'admin', { email: 'root@staff.test' });
    cookie = await login(t, admin.email, admin.password);
    await t.db.write(async (tx) => {
      // The entry someone would want to find, ten days ago, then 300 of noise after it.
      await recordAudit(tx, START - 10 * DAY, {
        actor: 'mallory@staff.test',
        action: 'user.role',
        subject: 'mallory@staff.test',
        detail: { from: 'lead', to: 'admin' },
      });
      for (let i = 0; i < 300; i++)
        await recordAudit(tx, START - DAY + i * 1000, {
          actor: 'noise@staff.test',
          action: 'export.cpis',
          subject: `export ${i}`,
        });
    });
  });
  afterAll(async () => t.close());

  it('pages through every entry, newest first, 50 at a time', async () => {
    const first = await page();
    expect(first.status).toBe(200);
    expect(entries(first.html)).toBe(50);
    expect(first.html).toContain('export 299');
    expect(first.html).not.toContain('mallory');
    expect(first.html).toMatch(/Page 1 of 7/);
    const last = await page('?page=7');
    expect(last.html).toContain('mallory@staff.test');
  });

  it('filters by actor (any part, any case), action and days', async () => {
    const byActor = await page('?actor=MALLORY');
    expect(entries(byActor.html)).toBe(1);
    expect(byActor.html).toContain('&quot;to&quot;:&quot;admin&quot;');
    expect(entries((await page('?action=user.role')).html)).toBe(1);
    const days = await page('?from=2026-11-10&to=2026-11-10');
    expect(entries(days.html)).toBe(1);
    expect(days.html).toContain('mallory');
    expect(entries((await page('?from=2026-11-19&action=export.cpis')).html)).toBe(50);
    expect((await page('?from=2026-11-19&action=export.cpis')).html).toContain('300 entries');
  });

  it('names a bad filter field and answers 422', async () => {
    const bad = await page('?from=2026-02-30&action=drop.tables');
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('must be a date such as 2026-11-20');
    expect(bad.html).toContain('choose one of the listed actions');
  });
});
