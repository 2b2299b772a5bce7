/**
 * Issue 13, findings 2 and 3:
 * 2. "a trainer can tie a customer who did not consent to their words": the logged-interaction
 *    page showed the customer's address and the CRM id of any interaction of the trainer's
 *    teams, and the responses export listed the CRM id beside each comment. One predicate
 *    (src/domain/customer-identity.ts) now decides, for every page and export.
 * 3. "the minimum-n rule can be bypassed": (a) the responses export listed every answer of reps
 *    the pages call "not enough responses"; (b) two custom ranges a day apart isolated one answer.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, addUser, api, createTestApp, login, manualClock, type TestApp } from '../helpers/app';

const NOW = '2026-11-20T10:00:00Z';
const csv = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

describe('findings 2 and 3: customer identity and the minimum-n rule in pages and exports', () => {
  let t: TestApp;
  let key: string;
  const cookies: Record<'admin' | 'lead' | 'trainer', string> = { admin: '', lead: '', trainer: '' };
  const clock = manualClock(NOW);

  /** A call of `rep` on `day` (YYYY-MM-DD, 10:17 UTC) answered an hour later; returns the interaction id. */
  async function answered(
    rep: string,
    day: string,
    externalId: string,
    answers: Record<string, unknown>,
    consent = false,
  ): Promise<number> {
    const res = await api(t, key, 'POST', '/interactions', {
      externalId,
      repEmail: rep,
      customer: { email: `${externalId}@customer.test`, name: `Name ${externalId}`, locale: 'en', company: 'Acme' },
      type: 'call',
      occurredAt: `${day}T10:17:00Z`,
    });
    expect(res.status).toBeLessThan(300);
    const imported = await api(t, key, 'POST', '/responses/import', [
      { interactionExternalId: externalId, answeredAt: `${day}T11:17:00Z`, answers },
    ]);
    expect(imported.status).toBe(201);
    if (consent)
      await t.db.write((tx) =>
        tx.run(`UPDATE responses SET contact_consent = 1 WHERE interaction_id = ${Number(res.json[0].id)}`),
      );
    return Number(res.json[0].id);
  }

  let privateId: number;
  let consentedId: number;

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [
      { email: 'busy@acme.test', name: 'Busy Rep', team: 'Iberia' },
      { email: 'quiet@acme.test', name: 'Quiet Rep', team: 'Iberia' },
      { email: 'mid@acme.test', name: 'Mid Rep', team: 'Iberia' },
    ]);
    // Busy: 12 answers in November, two with comments, one of them from a customer who consented.
    for (let i = 0; i < 12; i++) {
      await answered(
        'busy@acme.test',
        `2026-11-${String(i + 1).padStart(2, '0')}`,
        `busy-${i}`,
        { resolved_first_contact: 'yes', comment: i < 2 ? `words ${i}` : null },
        i === 1,
      );
    }
    privateId = Number(
      (await t.db.readClient.execute("SELECT id FROM interactions WHERE external_id = 'busy-0'")).rows[0]!.id,
    );
    consentedId = Number(
      (await t.db.readClient.execute("SELECT id FROM interactions WHERE external_id = 'busy-1'")).rows[0]!.id,
    );
    // Quiet: 3 answers (below the minimum of 5), one with a comment.
    for (let i = 0; i < 3; i++)
      await answered('quiet@acme.test', `2026-11-0${i + 1}`, `quiet-${i}`, {
        resolved_first_contact: 'no',
        comment: i === 0 ? 'quiet words' : null,
      });
    // Mid: 6 answers (enough for figures, not for comments), one with a comment.
    for (let i = 0; i < 6; i++)
      await answered('mid@acme.test', `2026-11-0${i + 1}`, `mid-${i}`, {
        resolved_first_contact: 'yes',
        comment: i === 0 ? 'mid words' : null,
      });
    const iberia = Number((await t.db.readClient.execute("SELECT id FROM teams WHERE name = 'Iberia'")).rows[0]!.id);
    for (const role of ['admin', 'lead', 'trainer'] as const) {
      const user = await addUser(t, role, role === 'trainer' ? { teamIds: [iberia] } : {});
      cookies[role] = await login(t, user.email, user.password);
    }
  });
  afterAll(async () => t.close());

  it('finding 2: the logged-interaction page hides a non-consenting customer from trainers and leads', async () => {
    for (const role of ['trainer', 'lead'] as const) {
      const html = await (await t.request(`/interactions/logged/${privateId}`, { cookie: cookies[role] })).text();
      expect(html, role).not.toContain('busy-0@customer.test');
      expect(html, role).not.toContain('>busy-0<');
      expect(html, role).not.toContain('10:17');
      expect(html, role).toContain('2026-11-01');
      expect(html, role).toContain('data-identity="hidden"');
    }
    const consented = await (
      await t.request(`/interactions/logged/${consentedId}`, { cookie: cookies.trainer })
    ).text();
    expect(consented).toContain('busy-1@customer.test');
    expect(consented).toContain('2026-11-02 10:17 UTC');
    const admin = await (await t.request(`/interactions/logged/${privateId}`, { cookie: cookies.admin })).text();
    expect(admin).toContain('busy-0@customer.test');
    expect(admin).toContain('busy-0');
  });

  it('finding 2: the staff responses export gives a trainer no CRM id or exact time without consent', async () => {
    const res = await t.request('/exports/responses.csv?from=2026-11-01&to=2026-11-20&format=raw', {
      cookie: cookies.trainer,
    });
    expect(res.status).toBe(200);
    const rows = csv(await res.text());
    const privateRow = rows.find((r) => r.comment === 'words 0');
    const consentedRow = rows.find((r) => r.comment === 'words 1');
    expect(privateRow).toMatchObject({
      interactionExternalId: '',
      occurredAt: '2026-11-01',
      answeredAt: '2026-11-01',
      contactConsent: 'no',
    });
    expect(consentedRow).toMatchObject({
      interactionExternalId: 'busy-1',
      occurredAt: '2026-11-02T10:17:00.000Z',
      contactConsent: 'yes',
    });
    for (const row of rows) if (row.contactConsent === 'no') expect(row.interactionExternalId).toBe('');
    const admin = csv(
      await (
        await t.request('/exports/responses.csv?from=2026-11-01&to=2026-11-20&format=raw', { cookie: cookies.admin })
      ).text(),
    );
    expect(admin.find((r) => r.comment === 'words 0')).toMatchObject({
      interactionExternalId: 'busy-0',
      occurredAt: '2026-11-01T10:17:00.000Z',
    });
  });

  it('finding 3a: the responses export follows the minimum-n rules for non-admins', async () => {
    for (const role of ['trainer', 'lead'] as const) {
      const rows = csv(
        await (
          await t.request('/exports/responses.csv?from=2026-11-01&to=2026-11-20&format=raw', { cookie: cookies[role] })
        ).text(),
      );
      expect(
        rows.filter((r) => r.repEmail === 'quiet@acme.test'),
        role,
      ).toHaveLength(0);
      const mid = rows.filter((r) => r.repEmail === 'mid@acme.test');
      expect(mid, role).toHaveLength(6);
      expect(
        mid.every((r) => r.comment === ''),
        role,
      ).toBe(true);
      expect(
        rows.filter((r) => r.repEmail === 'busy@acme.test' && r.comment !== ''),
        role,
      ).toHaveLength(2);
    }
    const admin = csv(
      await (
        await t.request('/exports/responses.csv?from=2026-11-01&to=2026-11-20&format=raw', { cookie: cookies.admin })
      ).text(),
    );
    expect(admin.filter((r) => r.repEmail === 'quiet@acme.test')).toHaveLength(3);
    expect(admin.find((r) => r.comment === 'mid words')).toBeDefined();
  });

  it('finding 2: rep comments name a non-consenting customer to admins only', async () => {
    const busy = Number(
      (await t.db.readClient.execute("SELECT id FROM reps WHERE email = 'busy@acme.test'")).rows[0]!.id,
    );
    const path = `/reps/${busy}?period=custom&from=2026-11-01&to=2026-11-30`;
    const lead = await (await t.request(path, { cookie: cookies.lead })).text();
    expect(lead).toContain('words 0');
    expect(lead).not.toContain('Name busy-0');
    expect(lead).toContain('Name busy-1');
    expect(await (await t.request(path, { cookie: cookies.admin })).text()).toContain('Name busy-0');
  });
});

describe('finding 3b: custom ranges cannot isolate answers by difference', () => {
  let t: TestApp;
  let key: string;
  const cookies: Record<'admin' | 'lead', string> = { admin: '', lead: '' };

  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
    // 6 answers in August, 6 in September, 2 in October.
    const days = [
      ...Array.from({ length: 6 }, (_, i) => `2026-08-0${i + 1}`),
      ...Array.from({ length: 6 }, (_, i) => `2026-09-0${i + 1}`),
      '2026-10-01',
      '2026-10-02',
    ];
    for (const [i, day] of days.entries()) {
      const externalId = `ana-${i}`;
      await api(t, key, 'POST', '/interactions', {
        externalId,
        repEmail: 'ana@acme.test',
        customer: { email: `${externalId}@c.test` },
        type: 'call',
        occurredAt: `${day}T10:00:00Z`,
      });
      await api(t, key, 'POST', '/responses/import', [
        {
          interactionExternalId: externalId,
          answeredAt: `${day}T11:00:00Z`,
          answers: { resolved_first_contact: i % 3 === 0 ? 'no' : 'yes' },
        },
      ]);
    }
    for (const role of ['admin', 'lead'] as const) {
      const user = await addUser(t, role);
      cookies[role] = await login(t, user.email, user.password);
    }
  });
  afterAll(async () => t.close());

  const anaRow = async (cookie: string, from: string, to: string) => {
    const res = await t.request(`/exports/cpis.csv?groupBy=rep&period=custom&from=${from}&to=${to}&format=raw`, {
      cookie,
    });
    return {
      status: res.status,
      row: res.status === 200 ? csv(await res.text()).find((r) => r.repEmail === 'ana@acme.test') : undefined,
    };
  };

  it('refuses a lead custom ranges that are not whole months, naming the field', async () => {
    const res = await t.request(
      '/exports/cpis.csv?groupBy=rep&period=custom&from=2026-08-01&to=2026-10-01&format=raw',
      {
        cookie: cookies.lead,
      },
    );
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/whole months/);
    expect((await anaRow(cookies.lead, '2026-08-02', '2026-09-30')).status).toBe(422);
  });

  it('hides the longer of two nested whole-month ranges whose difference holds fewer than 5 answers', async () => {
    const short = await anaRow(cookies.lead, '2026-08-01', '2026-09-30');
    expect(short.row).toMatchObject({ responses: '12', status: 'shown' });
    expect(short.row?.fcr).not.toBe('');
    const long = await anaRow(cookies.lead, '2026-08-01', '2026-10-31');
    expect(long.row?.status).toBe('suppressed');
    expect(long.row?.fcr).toBe('');
    // Admins choose any range and see every figure.
    const admin = await anaRow(cookies.admin, '2026-08-01', '2026-10-31');
    expect(admin.row).toMatchObject({ responses: '14', status: 'shown' });
    expect((await anaRow(cookies.admin, '2026-08-01', '2026-10-01')).row?.status).toBe('shown');
  });
});
