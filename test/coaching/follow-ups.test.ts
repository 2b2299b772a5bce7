/**
 * The closed loop at /follow-ups on the demo workspace: leads and admins only (trainers
 * 403 on every page and post), the status filter and pages in the URL, page and fragment,
 * assign / note / resolve / reopen (audited; htmx swaps the item; 422 names the field).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addResponse,
  coachingFixture,
  count,
  DEMO_TIMEOUT,
  HX,
  rows,
  unlabelledControls,
  type CoachingFixture,
} from './setup';

let f: CoachingFixture;
let openId: number;

beforeAll(async () => {
  f = await coachingFixture();
  openId = Number(
    (
      await rows<{ id: number }>(
        f.t,
        "SELECT id FROM follow_ups WHERE status = 'open' ORDER BY created_at DESC, id DESC LIMIT 1",
      )
    )[0]!.id,
  );
}, DEMO_TIMEOUT);
afterAll(async () => f?.t.close());

const itemIds = (html: string) =>
  [...html.matchAll(/<article class="follow-up [^"]*" id="follow-up-(\d+)"/g)].map((m) => Number(m[1]));
const item = (id: number) =>
  rows<{ status: string; assignee_id: number | null; note: string }>(
    f.t,
    `SELECT status, assignee_id, note FROM follow_ups WHERE id = ${id}`,
  ).then((r) => r[0]!);
const audits = (action: string, id: number) =>
  count(f.t, `SELECT count(*) AS n FROM audit_log WHERE action = '${action}' AND subject = 'follow-up:${id}'`);

describe('follow-ups: who may see them', () => {
  it('answers 403 to a trainer on the page, the fragment and every post', async () => {
    for (const headers of [{}, HX])
      expect((await f.t.request('/follow-ups', { cookie: f.cookies.trainer, headers })).status).toBe(403);
    for (const action of ['assign', 'note', 'resolve', 'reopen']) {
      expect(
        (
          await f.t.postForm(
            `/follow-ups/${openId}/${action}`,
            { assignee: String(f.users.trainer), note: 'x' },
            { cookie: f.cookies.trainer },
          )
        ).status,
        action,
      ).toBe(403);
    }
    expect(await item(openId)).toMatchObject({ status: 'open', assignee_id: null, note: '' });
  });

  it('lists open items for a lead with the answers, comment, consenting customer, rep and date', async () => {
    const res = await f.t.request('/follow-ups', { cookie: f.cookies.lead });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    const openCount = await count(f.t, "SELECT count(*) AS n FROM follow_ups WHERE status = 'open'");
    expect(html).toContain(`<span class="tab-count">${openCount}</span>`);
    const ids = itemIds(html);
    expect(ids.length).toBe(Math.min(6, openCount));
    const [first] = await rows<{ email: string; rep: string }>(
      f.t,
      `SELECT c.email, rp.name AS rep FROM follow_ups fu JOIN responses r ON r.id = fu.response_id JOIN interactions i ON i.id = r.interaction_id
       JOIN customers c ON c.id = i.customer_id JOIN reps rp ON rp.id = r.rep_id WHERE fu.id = ${ids[0]}`,
    );
    expect(html).toContain(`href="mailto:${first!.email}"`);
    expect(html).toContain(first!.rep);
    expect(html).toContain('Resolved at first contact');
    expect(html).toMatch(/<time datetime="\d{4}-\d{2}-\d{2}T/);
    expect(unlabelledControls(html)).toEqual([]);
    expect(html).not.toMatch(/\sstyle="/);
    expect((await f.t.request('/follow-ups', { cookie: f.cookies.admin })).status).toBe(200);
  });

  it('filters by status and pages through the URL, as a page or an htmx fragment', async () => {
    const resolved = await (await f.t.request('/follow-ups?status=resolved', { cookie: f.cookies.lead })).text();
    const resolvedIds = itemIds(resolved);
    expect(resolvedIds).toHaveLength(6);
    for (const id of resolvedIds.slice(0, 5)) expect((await item(id)).status).toBe('resolved');
    expect(resolved).toContain('href="/follow-ups?status=resolved&amp;page=2"');
    const page2 = await f.t.request('/follow-ups?status=resolved&page=2', { cookie: f.cookies.lead, headers: HX });
    expect(page2.status).toBe(200);
    const part = await page2.text();
    expect(part.startsWith('<div id="follow-up-list"')).toBe(true);
    expect(part).not.toContain('<html');
    expect(itemIds(part).some((id) => resolvedIds.includes(id))).toBe(false);
    // An unknown status or page falls back to the first page of open items.
    expect(
      itemIds(await (await f.t.request('/follow-ups?status=bogus&page=zzz', { cookie: f.cookies.lead })).text())[0],
    ).toBe(openId);
  });
});

describe('follow-ups: acting on an item', () => {
  it('assigns to a staff user (and back to nobody), audited; htmx swaps the item', async () => {
    const res = await f.t.postForm(
      `/follow-ups/${openId}/assign`,
      { assignee: String(f.users.trainer), back: '/follow-ups' },
      { cookie: f.cookies.lead },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/follow-ups#follow-up-${openId}`);
    expect((await item(openId)).assignee_id).toBe(f.users.trainer);
    expect(await audits('follow-up.assigned', openId)).toBe(1);
    const htmx = await f.t.postForm(
      `/follow-ups/${openId}/assign`,
      { assignee: '', back: '/follow-ups' },
      { cookie: f.cookies.lead, headers: HX },
    );
    expect(htmx.status).toBe(200);
    const html = await htmx.text();
    expect(html.startsWith(`<article class="follow-up follow-up-open" id="follow-up-${openId}"`)).toBe(true);
    expect(html).toContain('Saved.');
    expect((await item(openId)).assignee_id).toBeNull();
  });

  it('refuses an unknown assignee with 422 naming the field, inline', async () => {
    for (const assignee of ['999999', 'abc']) {
      const res = await f.t.postForm(
        `/follow-ups/${openId}/assign`,
        { assignee, back: '/follow-ups' },
        { cookie: f.cookies.lead },
      );
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('Choose a person from the list.');
      expect(html).toMatch(new RegExp(`id="follow-up-${openId}-assignee"[^>]*aria-invalid="true"`));
    }
    const htmx = await f.t.postForm(
      `/follow-ups/${openId}/assign`,
      { assignee: '999999' },
      { cookie: f.cookies.lead, headers: HX },
    );
    expect(htmx.status).toBe(422);
    expect((await htmx.text()).startsWith('<article')).toBe(true);
    expect((await item(openId)).assignee_id).toBeNull();
  });

  it('appends dated, signed notes; refuses an empty or too long one', async () => {
    expect(
      (
        await f.t.postForm(
          `/follow-ups/${openId}/note`,
          { note: 'Called, left a voicemail.', back: '/follow-ups' },
          { cookie: f.cookies.lead },
        )
      ).status,
    ).toBe(303);
    const second = await f.t.postForm(
      `/follow-ups/${openId}/note`,
      { note: '<b>Spoke</b> with them.' },
      { cookie: f.cookies.lead, headers: HX },
    );
    expect(second.status).toBe(200);
    const html = await second.text();
    expect(html).toContain('&lt;b&gt;Spoke&lt;/b&gt; with them.');
    expect(html).not.toContain('<b>Spoke</b>');
    const day = new Date(f.clock.nowMs()).toISOString().slice(0, 10);
    expect((await item(openId)).note).toBe(
      `${day} Nora Lindqvist: Called, left a voicemail.\n${day} Nora Lindqvist: <b>Spoke</b> with them.`,
    );
    expect(await audits('follow-up.note', openId)).toBe(2);
    const empty = await f.t.postForm(`/follow-ups/${openId}/note`, { note: '   ' }, { cookie: f.cookies.lead });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('Write the note first.');
    const long = await f.t.postForm(
      `/follow-ups/${openId}/note`,
      { note: 'y'.repeat(2001) },
      { cookie: f.cookies.lead, headers: HX },
    );
    expect(long.status).toBe(422);
    expect(await long.text()).toContain('at most 2,000 characters');
    expect(await audits('follow-up.note', openId)).toBe(2);
  });

  it('resolves and reopens, audited, keeping the list filter', async () => {
    const res = await f.t.postForm(
      `/follow-ups/${openId}/resolve`,
      { back: '/follow-ups?status=open&page=1' },
      { cookie: f.cookies.lead },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/follow-ups?status=open&page=1#follow-up-${openId}`);
    expect((await item(openId)).status).toBe('resolved');
    const reopened = await f.t.postForm(
      `/follow-ups/${openId}/reopen`,
      { back: 'https://evil.test/' },
      { cookie: f.cookies.admin, headers: HX },
    );
    expect(reopened.status).toBe(200);
    expect(await reopened.text()).toContain(`action="/follow-ups/${openId}/resolve"`);
    expect((await item(openId)).status).toBe('open');
    expect(await audits('follow-up.resolved', openId)).toBe(1);
    expect(await audits('follow-up.reopened', openId)).toBe(1);
    expect(
      (
        await f.t.postForm(`/follow-ups/${openId}/reopen`, { back: 'https://evil.test/' }, { cookie: f.cookies.lead })
      ).headers.get('location'),
    ).toBe(`/follow-ups#follow-up-${openId}`);
  });

  it('answers 404 for an unknown item', async () => {
    for (const action of ['assign', 'note', 'resolve', 'reopen'])
      expect(
        (await f.t.postForm(`/follow-ups/999999/${action}`, { note: 'x' }, { cookie: f.cookies.lead })).status,
      ).toBe(404);
  });

  it('is in Spanish for a Spanish-speaking lead', async () => {
    await f.t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = 'es' WHERE id = ${f.users.lead}`));
    try {
      const html = await (await f.t.request('/follow-ups', { cookie: f.cookies.lead })).text();
      expect(html).toContain('<html lang="es">');
      for (const text of [
        'Seguimientos',
        'Abiertos',
        'Resueltos',
        'Asignar a',
        'Añadir nota',
        'Resolver',
        'Resuelto al primer contacto',
      ])
        expect(html, text).toContain(text);
    } finally {
      await f.t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = 'en' WHERE id = ${f.users.lead}`));
    }
  });

  it('escapes what customers wrote', async () => {
    const responseId = await addResponse(f.t, {
      repId: f.reps.dach,
      occurredAt: f.clock.nowMs() - 1000,
      comment: '<script>alert(1)</script>',
      consent: true,
      fcr: 0,
      customer: { email: 'xss@follow.test', name: '<img src=x>', company: 'Co' },
    });
    const now = f.clock.nowMs();
    await f.t.db.write((tx) =>
      tx.run(
        `INSERT INTO follow_ups (response_id, status, created_at, updated_at) VALUES (${responseId}, 'open', ${now}, ${now})`,
      ),
    );
    const html = await (await f.t.request('/follow-ups', { cookie: f.cookies.lead })).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toContain('<img src=x>');
  });
});
