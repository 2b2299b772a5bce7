import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, interaction } from '../helpers/app';
import { stageImport } from '../../src/domain/imports/run';
import { adminFixture, minutesAgo, unlabelledControls, type AdminFixture } from './setup';

describe('admin pages: admins only; log-an-interaction: every staff role', () => {
  let f: AdminFixture;
  let pages: string[];

  beforeAll(async () => {
    f = await adminFixture();
    const created = await api(
      f.t,
      f.key,
      'POST',
      '/interactions',
      interaction({ occurredAt: minutesAgo(f.clock, 30) }),
    );
    expect(created.status).toBe(201);
    const outboxId = Number((await f.t.db.readClient.execute('SELECT id FROM outbox')).rows[0]?.id);
    const staged = await stageImport(
      f.t.deps,
      'reps',
      Readable.from([Buffer.from('email,name,team\ncy@acme.test,Cy,Iberia\n')]),
      { filename: 'reps.csv', actor: 'test', actorId: null },
    );
    pages = [
      '/admin/outbox',
      `/admin/outbox/${outboxId}`,
      '/admin/outbox?status=dead&page=2',
      '/admin/rules',
      '/admin/suppressions',
      '/admin/suppressions?reason=fatigue',
      '/admin/imports',
      `/admin/imports/${staged.importId}`,
    ];
  });
  afterAll(async () => f.t.close());

  it('answers 200 to an admin, with labelled controls and no inline styles', async () => {
    for (const path of pages) {
      const res = await f.t.request(path, { cookie: f.cookies.admin });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const html = await res.text();
      expect(html, path).not.toMatch(/\sstyle="/);
      expect(unlabelledControls(html), path).toEqual([]);
      for (const href of [
        '/admin/outbox',
        '/admin/rules',
        '/admin/suppressions',
        '/admin/imports',
        '/admin/privacy',
        '/admin/audit',
      ])
        expect(html).toContain(`href="${href}"`);
    }
  });

  it('answers 403 to a lead and a trainer, pages and posts alike', async () => {
    for (const cookie of [f.cookies.lead, f.cookies.trainer]) {
      for (const path of pages) expect((await f.t.request(path, { cookie })).status, path).toBe(403);
      for (const path of [
        '/admin/rules/call',
        '/admin/outbox/send-now',
        '/admin/outbox/1/retry',
        '/admin/imports/1/publish',
        '/admin/imports/1/cancel',
      ]) {
        expect((await f.t.postForm(path, { sendDelayMinutes: '0' }, { cookie })).status, path).toBe(403);
      }
    }
    expect(
      await f.t.db.readClient.execute('SELECT count(*) AS n FROM survey_rules').then((r) => Number(r.rows[0]?.n)),
    ).toBe(0);
  });

  it('sends anonymous visitors to the login page', async () => {
    for (const path of [...pages, '/interactions/new']) {
      const res = await f.t.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/login\?next=/);
    }
  });

  it('refuses a cross-origin post', async () => {
    const res = await f.t.postForm(
      '/admin/outbox/send-now',
      {},
      { cookie: f.cookies.admin, headers: { Origin: 'http://evil.test' } },
    );
    expect(res.status).toBe(403);
  });

  it('shows the log-an-interaction form to every staff role', async () => {
    for (const cookie of Object.values(f.cookies)) {
      const res = await f.t.request('/interactions/new', { cookie });
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(unlabelledControls(html)).toEqual([]);
      expect(html).not.toMatch(/\sstyle="/);
    }
  });
});
