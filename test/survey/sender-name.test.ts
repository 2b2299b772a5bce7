/**
 * Mail queued before MAIL_FROM was set (or changed) signs with the sender it is sent under
 * (issue 18: "el equipo de CPI Lens" under a From of "Acme Sales"): the sender's name is filled
 * into the stored bodies at send time, and the admin's view of a pending message shows it the same way.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, HOUR, interaction, manualClock, type TestApp } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { sendDue } from '../../src/mail/sender';
import { createSmtpTransport, type MailTransport } from '../../src/mail/transport';
import type { AppDeps } from '../../src/context';
import { adminFixture } from '../admin/setup';

describe('the sender name in queued mail', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let key: string;
  const clock = manualClock('2026-11-20T12:00:00Z');

  beforeEach(async () => {
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url }, clock); // MAIL_FROM unset: the default sender
    transport = createSmtpTransport(smtp.url);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
    const item = interaction({ occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString() });
    expect((await api(t, key, 'POST', '/interactions', item)).status).toBe(201);
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
    await t.close();
  });

  /** The same database, restarted with another MAIL_FROM. */
  const withMailFrom = (mailFrom: string): AppDeps => ({ ...t.deps, config: { ...t.deps.config, mailFrom } });

  it('signs with the name the message is sent under, in both parts', async () => {
    expect((await sendDue(withMailFrom('Acme Sales <ventas@acme.test>'), transport)).sent).toBe(1);
    const mail = smtp.received[0]!;
    expect(mail.parsed.from?.text).toContain('Acme Sales');
    expect(mail.parsed.text).toContain('El equipo de Acme Sales');
    expect(mail.parsed.text).toContain('con Acme Sales hace poco');
    expect(mail.parsed.html).toContain('El equipo de Acme Sales');
    for (const body of [mail.parsed.text ?? '', String(mail.parsed.html)]) {
      expect(body).not.toContain('CPI Lens');
      expect(body).not.toMatch(/\{\{|\}\}/);
    }
  });

  it('escapes the name in the HTML part only', async () => {
    await sendDue(withMailFrom('"Müller & <Söhne>" <info@mueller.test>'), transport);
    const mail = smtp.received[0]!;
    expect(mail.parsed.text).toContain('El equipo de Müller &');
    expect(String(mail.parsed.html)).not.toMatch(/Müller & </);
  });
});

describe("the admin's view of a pending message", () => {
  it('shows the signature with the current sender name', async () => {
    const f = await adminFixture();
    try {
      const item = interaction({ occurredAt: new Date(f.clock.nowMs() - 30 * 60_000).toISOString() });
      expect((await api(f.t, f.key, 'POST', '/interactions', item)).status).toBe(201);
      const id = Number((await f.t.db.readClient.execute('SELECT id FROM outbox LIMIT 1')).rows[0]?.id);
      const html = await (await f.t.request(`/admin/outbox/${id}`, { cookie: f.cookies.admin })).text();
      expect(html).toContain('El equipo de CPI Lens');
      expect(html).not.toMatch(/\{\{|\}\}/);
    } finally {
      await f.t.close();
    }
  });
});
