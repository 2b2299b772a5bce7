import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, countRows, interaction } from '../helpers/app';
import { sendDue } from '../../src/mail/sender';
import type { MailTransport } from '../../src/mail/transport';
import { mailLinks } from '../../src/mail/links';
import { adminFixture, minutesAgo, setLocale, type AdminFixture } from './setup';

/** An SMTP server that answers every message with a permanent 550. */
const refusingTransport: MailTransport = {
  send: async () => {
    throw Object.assign(new Error('550 5.1.1 mailbox unavailable'), { responseCode: 550 });
  },
  close: () => {},
};

const hrefsOf = (html: string, testId: string) =>
  [...html.matchAll(new RegExp(`<a href="([^"]+)" data-testid="${testId}"`, 'g'))].map((m) =>
    m[1]!.replace(/&amp;/g, '&'),
  );

describe('/admin/outbox', () => {
  let f: AdminFixture;
  let pendingEmail: string;

  beforeAll(async () => {
    f = await adminFixture();
    const item = interaction({ occurredAt: minutesAgo(f.clock, 30) });
    pendingEmail = item.customer.email;
    expect((await api(f.t, f.key, 'POST', '/interactions', item)).status).toBe(201);
  });
  afterAll(async () => f.t.close());

  it('shows a pending message with a clickable survey link into this app, which opens the survey', async () => {
    const res = await f.t.request('/admin/outbox?status=pending', { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain(pendingEmail);
    expect(html).toContain('SMTP_URL is not set');
    const [link] = hrefsOf(html, 'survey-link');
    expect(link).toMatch(/^http:\/\/cpi\.test\/s\/[A-Za-z0-9_-]{43}$/);
    expect(html).toMatch(/href="http:\/\/cpi\.test\/u\/[A-Za-z0-9_-]{43}"/);
    const survey = await f.t.request(new URL(link!).pathname);
    expect(survey.status).toBe(200);
    expect(await survey.text()).toContain('¿Se resolvió tu solicitud en el primer contacto?');
    expect(await countRows(f.t.db, 'responses')).toBe(0);
  });

  it('filters by status in the URL and counts each status', async () => {
    const sent = await (await f.t.request('/admin/outbox?status=sent', { cookie: f.cookies.admin })).text();
    expect(sent).not.toContain(pendingEmail);
    expect(sent).toContain('No messages here.');
    const all = await (await f.t.request('/admin/outbox', { cookie: f.cookies.admin })).text();
    expect(all).toMatch(/href="\/admin\/outbox\?status=pending">Pending<span class="tab-count">1<\/span>/);
    expect(all).toMatch(/aria-current="page">All<span class="tab-count">1<\/span>/);
    expect(all).toContain('href="/interactions/new"');
  });

  it('shows one message with its headers and escaped text part', async () => {
    const id = Number((await f.t.db.readClient.execute('SELECT id FROM outbox ORDER BY id LIMIT 1')).rows[0]?.id);
    const res = await f.t.request(`/admin/outbox/${id}`, { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('List-Unsubscribe-Post');
    expect(html).toMatch(/<pre class="mail-text">[^<]*http:\/\/cpi\.test\/s\//);
    expect(hrefsOf(html, 'survey-link')).toHaveLength(1);
    expect((await f.t.request('/admin/outbox/999999', { cookie: f.cookies.admin })).status).toBe(404);
    expect((await f.t.request('/admin/outbox/abc', { cookie: f.cookies.admin })).status).toBe(404);
  });

  it('retries a dead letter: pending again, due now, audited; a second retry changes nothing', async () => {
    // Due at once: it happened longer ago than the send delay.
    expect(
      (await api(f.t, f.key, 'POST', '/interactions', interaction({ occurredAt: minutesAgo(f.clock, 180) }))).status,
    ).toBe(201);
    const report = await sendDue(f.t.deps, refusingTransport);
    expect(report.dead).toBe(1);
    const id = Number((await f.t.db.readClient.execute("SELECT id FROM outbox WHERE status = 'dead'")).rows[0]?.id);
    const dead = await (await f.t.request('/admin/outbox?status=dead', { cookie: f.cookies.admin })).text();
    expect(dead).toContain(`action="/admin/outbox/${id}/retry"`);
    expect(dead).toContain('550 5.1.1 mailbox unavailable');

    const retry = await f.t.postForm(`/admin/outbox/${id}/retry`, {}, { cookie: f.cookies.admin });
    expect(retry.status).toBe(303);
    expect(retry.headers.get('location')).toBe(`/admin/outbox/${id}?retried=1`);
    const row = (await f.t.db.readClient.execute(`SELECT status, attempts, send_after FROM outbox WHERE id = ${id}`))
      .rows[0];
    expect(row).toMatchObject({ status: 'pending', attempts: 0, send_after: f.clock.nowMs() });
    expect(await countRows(f.t.db, 'audit_log', `action = 'outbox.retry' AND subject = '${id}'`)).toBe(1);
    const page = await (await f.t.request(retry.headers.get('location')!, { cookie: f.cookies.admin })).text();
    expect(page).toContain('pending again');

    const again = await f.t.postForm(`/admin/outbox/${id}/retry`, {}, { cookie: f.cookies.admin });
    expect(again.headers.get('location')).toBe(`/admin/outbox/${id}?retried=0`);
    expect(await countRows(f.t.db, 'audit_log', "action = 'outbox.retry'")).toBe(1);
    expect((await f.t.postForm('/admin/outbox/424242/retry', {}, { cookie: f.cookies.admin })).status).toBe(404);
  });

  it('"send due mail now" wakes the sender and comes back to the outbox', async () => {
    let woken = 0;
    const app = (await import('../../src/app')).createApp({ ...f.t.deps, wakeSender: () => void woken++ });
    const res = await app.request('http://cpi.test/admin/outbox/send-now', {
      method: 'POST',
      headers: {
        Cookie: f.cookies.admin,
        Origin: 'http://cpi.test',
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: '',
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/admin/outbox?woke=1');
    expect(woken).toBe(1);
    expect(await countRows(f.t.db, 'audit_log', "action = 'outbox.send-now'")).toBe(1);
    expect(await (await f.t.request('/admin/outbox?woke=1', { cookie: f.cookies.admin })).text()).toContain(
      'The sender was asked',
    );
  });

  it('pages through many messages, newest first, keeping the filter', async () => {
    const batch = Array.from({ length: 55 }, () => interaction({ occurredAt: minutesAgo(f.clock, 10) }));
    expect((await api(f.t, f.key, 'POST', '/interactions', batch)).status).toBe(201);
    const first = await (await f.t.request('/admin/outbox?status=pending', { cookie: f.cookies.admin })).text();
    // 20 a page: the rows run tall on a phone.
    expect(first).toContain('Page 1 of 3');
    expect(first).toContain('href="/admin/outbox?status=pending&amp;page=2"');
    expect(first).toContain(batch[54]!.customer.email);
    expect(first).not.toContain(pendingEmail);
    const last = await (await f.t.request('/admin/outbox?status=pending&page=3', { cookie: f.cookies.admin })).text();
    expect(last).toContain('Page 3 of 3');
    expect(last).toContain(pendingEmail);
    expect(last).not.toContain(batch[54]!.customer.email);
    // Out-of-range and junk pages fall back into range.
    expect(
      await (await f.t.request('/admin/outbox?status=pending&page=99', { cookie: f.cookies.admin })).text(),
    ).toContain('Page 3 of 3');
    expect((await f.t.request('/admin/outbox?status=bogus&page=-1', { cookie: f.cookies.admin })).status).toBe(200);
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.admin.id, 'es');
    const html = await (await f.t.request('/admin/outbox?status=pending', { cookie: f.cookies.admin })).text();
    await setLocale(f.t, f.users.admin.id, 'en');
    expect(html).toContain('<h1>Bandeja de salida</h1>');
    expect(html).toContain('Enviar ahora el correo pendiente');
    expect(html).toContain('Abrir la encuesta');
    expect(html).toContain('Registrar una interacción');
  });

  it('takes only http(s) links into BASE_URL from a message', () => {
    const text =
      'Yes: http://cpi.test/s/abc?first=yes\nEvil: https://evil.test/s/zzz\nOpen: http://cpi.test/s/abc\njs: javascript:alert(1)\nBye: http://cpi.test/u/def';
    expect(mailLinks(text, 'http://cpi.test')).toEqual({
      survey: 'http://cpi.test/s/abc',
      unsubscribe: 'http://cpi.test/u/def',
    });
    expect(mailLinks('http://cpi.test.evil.test/s/abc http://user@cpi.test/s/abc', 'http://cpi.test')).toEqual({});
    expect(mailLinks('https://cpi.example/app/s/abc', 'https://cpi.example/app')).toEqual({
      survey: 'https://cpi.example/app/s/abc',
    });
    expect(mailLinks(null, 'http://cpi.test')).toEqual({});
  });
});
