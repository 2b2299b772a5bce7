import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, interaction, DAY } from '../helpers/app';
import { mailLinks } from '../../src/mail/links';
import { adminFixture, minutesAgo, setLocale, type AdminFixture } from './setup';

describe('/admin/suppressions', () => {
  let f: AdminFixture;
  const customer = (email: string) => ({ email, name: 'C', locale: 'en', company: 'X' });
  const post = async (over: Record<string, unknown>) => {
    const res = await api(f.t, f.key, 'POST', '/interactions', interaction(over));
    expect(res.status).toBe(201);
    return res.json[0] as { externalId: string; survey: string; reason?: string };
  };

  beforeAll(async () => {
    f = await adminFixture();
    // too old: it happened before the link expiry
    expect(
      (await post({ customer: customer('old@x.test'), occurredAt: new Date(f.clock.nowMs() - 30 * DAY).toISOString() }))
        .reason,
    ).toBe('too-old');
    // fatigue: the same customer again within the window
    expect((await post({ customer: customer('tired@x.test'), occurredAt: minutesAgo(f.clock, 20) })).survey).toBe(
      'scheduled',
    );
    expect((await post({ customer: customer('tired@x.test'), occurredAt: minutesAgo(f.clock, 10) })).reason).toBe(
      'fatigue',
    );
    // rep excluded by an admin
    expect((await f.t.postForm(`/admin/reps/${f.reps.ben}/exclude`, {}, { cookie: f.cookies.admin })).status).toBe(303);
    expect(
      (await post({ repEmail: 'ben@acme.test', customer: customer('bens@x.test'), occurredAt: minutesAgo(f.clock, 5) }))
        .reason,
    ).toBe('rep-excluded');
    // opted out through the unsubscribe link of their invitation
    await post({ customer: customer('gone@x.test'), occurredAt: minutesAgo(f.clock, 5) });
    const text = (await f.t.db.readClient.execute("SELECT text_body FROM outbox WHERE to_address = 'gone@x.test'"))
      .rows[0]?.text_body;
    const unsubscribe = mailLinks(String(text), f.t.config.baseUrl).unsubscribe!;
    expect((await f.t.postForm(new URL(unsubscribe).pathname, {})).status).toBeLessThan(400);
    f.clock.advance(60_000);
    expect(
      (await post({ customer: customer('gone@x.test'), occurredAt: minutesAgo(f.clock, 1), type: 'demo' })).reason,
    ).toBe('opted-out');
  });
  afterAll(async () => f.t.close());

  it('lists every suppressed interaction with its reason, rep, customer and type, newest first, with counts', async () => {
    const res = await f.t.request('/admin/suppressions', { cookie: f.cookies.admin });
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const label of ['Too old', 'Fatigue (surveyed recently)', 'Rep excluded', 'Opted out'])
      expect(html).toContain(label);
    expect(html).toMatch(/aria-current="page">All<span class="tab-count">4<\/span>/);
    expect(html).toMatch(
      /href="\/admin\/suppressions\?reason=fatigue">Fatigue \(surveyed recently\)<span class="tab-count">1<\/span>/,
    );
    const order = ['gone@x.test', 'bens@x.test', 'tired@x.test', 'old@x.test'].map((email) =>
      html.indexOf(`<td>${email}</td>`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html).toContain('Ben Ng');
    expect(html).toContain('Demo');
  });

  it('filters by reason in the URL', async () => {
    const html = await (
      await f.t.request('/admin/suppressions?reason=rep-excluded', { cookie: f.cookies.admin })
    ).text();
    expect(html).toContain('<td>bens@x.test</td>');
    expect(html).not.toContain('<td>old@x.test</td>');
    expect(html).toMatch(/aria-current="page">Rep excluded/);
  });

  it('lists opted-out customers with the time they opted out', async () => {
    const html = await (await f.t.request('/admin/suppressions', { cookie: f.cookies.admin })).text();
    const section = html.slice(html.indexOf('id="opted-out"'));
    expect(section).toContain('<td>gone@x.test</td>');
    expect(section).toContain('Customers who opted out of all surveys: 1.');
    expect(section).not.toContain('tired@x.test');
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.admin.id, 'es');
    const html = await (await f.t.request('/admin/suppressions', { cookie: f.cookies.admin })).text();
    await setLocale(f.t, f.users.admin.id, 'en');
    expect(html).toContain('lang="es"');
    expect(html).toContain('Encuestas suprimidas');
    expect(html).toContain('Fatiga (encuestado hace poco)');
    expect(html).toContain('Clientes dados de baja');
  });
});
