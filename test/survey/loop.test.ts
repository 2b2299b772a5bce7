import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  addApiKey,
  api,
  countRows,
  manualClock,
  interaction,
  HOUR,
  DAY,
  type TestApp,
} from '../helpers/app';
import { startSmtp, surveyLinkOf, type TestSmtp } from '../helpers/smtp';
import { sendDue } from '../../src/mail/sender';
import { createSmtpTransport, type MailTransport } from '../../src/mail/transport';

const START = '2026-11-20T12:00:00Z';
const link0 = (mail: Parameters<typeof surveyLinkOf>[0]) => surveyLinkOf(mail);

describe('survey loop: interaction in, email out, answers stored once', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let key: string;
  const clock = manualClock(START);

  beforeAll(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url }, clock);
    transport = createSmtpTransport(smtp.url);
    key = (await addApiKey(t, 'all')).key;
    const reps = await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
    expect(reps.status).toBe(200);
    expect(reps.json).toEqual({ upserted: 1 });
  });
  afterAll(async () => {
    transport.close();
    await smtp.close();
    await t.close();
  });

  it('invites by email in the customer language and records the answers exactly once', async () => {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - HOUR).toISOString() });
    const created = await api(t, key, 'POST', '/interactions', item);
    expect(created.status).toBe(201);
    expect(created.json).toEqual([
      { externalId: item.externalId, id: expect.any(Number), status: 'created', survey: 'scheduled' },
    ]);

    // Not due yet: the send delay is 2 hours after the interaction.
    await sendDue(t.deps, transport);
    expect(smtp.received).toHaveLength(0);
    clock.advance(HOUR + 60_000);
    const report = await sendDue(t.deps, transport);
    expect(report.sent).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail.to).toContain(item.customer.email);
    expect(mail.parsed.subject).toMatch(/30 segundos/);
    expect(mail.parsed.html).toContain('/s/');
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    expect(headers).toMatch(/^List-Unsubscribe: <http:\/\/cpi\.test\/u\/[A-Za-z0-9_-]{43}>\r?$/m);
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail.parsed.text).toContain(`${link0(mail)}?first=yes`);
    // The body that carried the link is dropped once delivered.
    expect(await countRows(t.db, 'outbox', "status = 'sent' AND text_body IS NULL AND html_body IS NULL")).toBe(1);

    const link = new URL(surveyLinkOf(mail));
    const page = await t.request(link.pathname);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('¿Se resolvió tu solicitud en el primer contacto?');
    expect(html).toContain('lang="es"');
    expect(await countRows(t.db, 'responses')).toBe(0); // GET changes nothing

    const saved = await t.postForm(link.pathname, { resolved_first_contact: 'yes', content_useful: '4' });
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('data-outcome="saved"');
    expect(
      await countRows(t.db, 'responses', "status = 'partial' AND resolved_first_contact = 1 AND content_useful = 4"),
    ).toBe(1);

    // A field absent from a post leaves its saved answer; submit ends the survey.
    const submitted = await t.postForm(link.pathname, {
      decision_clearer: '5',
      added_value: '3',
      comment: '<script>alert(1)</script> más rápido',
      action: 'submit',
    });
    expect(submitted.status).toBe(303);
    const thanks = await t.request(submitted.headers.get('location')!);
    expect(thanks.status).toBe(200);
    expect(await thanks.text()).toContain('data-outcome="submitted"');
    const rows = await t.db.readClient.execute('SELECT * FROM responses');
    expect(rows.rows).toHaveLength(1);
    expect(rows.rows[0]).toMatchObject({
      status: 'submitted',
      resolved_first_contact: 1,
      content_useful: 4,
      decision_clearer: 5,
      added_value: 3,
      comment: '<script>alert(1)</script> más rápido',
    });

    const again = await t.postForm(link.pathname, { resolved_first_contact: 'no', action: 'submit' });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('data-outcome="already-submitted"');
    const visit = await t.request(link.pathname);
    expect(visit.status).toBe(200);
    expect(await visit.text()).toContain('data-outcome="already-submitted"');
    expect(await countRows(t.db, 'responses', 'resolved_first_contact = 1')).toBe(1);
    const rollup = await t.db.readClient.execute(
      'SELECT sum(responses) r, sum(invitations) i, sum(fcr_yes) y FROM cpi_cumulative c WHERE day = (SELECT max(day) FROM cpi_cumulative x WHERE x.rep_id = c.rep_id AND x.interaction_type = c.interaction_type)',
    );
    expect(rollup.rows[0]).toMatchObject({ r: 1, i: 1, y: 1 });
  });

  it('records one response when twenty tabs submit the same token at once', async () => {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString() });
    await api(t, key, 'POST', '/interactions', item);
    const before = smtp.received.length;
    await sendDue(t.deps, transport);
    const link = new URL(surveyLinkOf(smtp.received[before]!));
    const posts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        t.postForm(link.pathname, {
          resolved_first_contact: i % 2 ? 'yes' : 'no',
          added_value: String((i % 5) + 1),
          action: 'submit',
        }),
      ),
    );
    const statuses = posts.map((p) => p.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const id = (await api(t, key, 'POST', '/interactions', item)).json[0].id;
    expect(await countRows(t.db, 'responses', `interaction_id = ${id}`)).toBe(1);
  });

  it('shows a uniform 404 for unknown, tampered, malformed and huge tokens', async () => {
    const pages = await Promise.all(
      ['A'.repeat(43), 'short', 'x'.repeat(5000), `${'A'.repeat(42)}%00`, '..%2F..%2Fetc'].map((token) =>
        t.request(`/s/${token}`),
      ),
    );
    const bodies = await Promise.all(pages.map((p) => p.text()));
    for (const [i, p] of pages.entries()) {
      expect(p.status).toBe(404);
      expect(bodies[i]).toContain('data-outcome="not-found"');
    }
  });

  it('answers an expired link with 410 naming the date', async () => {
    const item = interaction({
      occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      customer: { email: 'late@x.test', locale: 'en' },
    });
    await api(t, key, 'POST', '/interactions', item);
    const before = smtp.received.length;
    await sendDue(t.deps, transport);
    const link = new URL(surveyLinkOf(smtp.received[before]!));
    clock.advance(15 * DAY);
    const res = await t.request(link.pathname);
    expect(res.status).toBe(410);
    const html = await res.text();
    expect(html).toContain('data-outcome="expired"');
    expect(html).toMatch(/expired on \d{1,2} \w+ 2026/);
    const post = await t.postForm(link.pathname, { resolved_first_contact: 'yes', action: 'submit' });
    expect(post.status).toBe(410);
  });
});
