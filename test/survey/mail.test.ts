import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
  type ManualClock,
} from '../helpers/app';
import { startSmtp, surveyLinkOf, type TestSmtp } from '../helpers/smtp';
import { sendDue } from '../../src/mail/sender';
import { runCli } from '../helpers/cli';
import { createSmtpTransport, type MailTransport } from '../../src/mail/transport';

describe('outbox delivery, reminders and opt-out', () => {
  let t: TestApp;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let key: string;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = manualClock('2026-11-20T12:00:00Z');
    smtp = await startSmtp();
    t = await createTestApp({ SMTP_URL: smtp.url }, clock);
    transport = createSmtpTransport(smtp.url);
    key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
  });
  afterEach(async () => {
    transport.close();
    await smtp.close();
    await t.close();
  });

  const invite = async (over: Record<string, unknown> = {}) => {
    const res = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(), ...over }),
    );
    expect(res.json[0].survey).toBe('scheduled');
    return res.json[0].id as number;
  };

  it('retries while the SMTP server is down and delivers once when it is back', async () => {
    await invite();
    await smtp.close();
    const down = await sendDue(t.deps, transport, { retryBaseMs: 60_000 });
    expect(down).toMatchObject({ sent: 0, retried: 1 });
    const row = await t.db.readClient.execute('SELECT status, attempts, last_error, send_after FROM outbox');
    expect(row.rows[0]).toMatchObject({ status: 'pending', attempts: 1 });
    expect(String(row.rows[0]!.last_error)).toMatch(/ECONNREFUSED|connect/i);
    // Restart the server on the same port; before the backoff nothing is sent.
    smtp = await startSmtp(smtp.port);
    transport.close();
    transport = createSmtpTransport(smtp.url);
    expect((await sendDue(t.deps, transport)).sent).toBe(0);
    clock.advance(5 * 60_000);
    expect((await sendDue(t.deps, transport)).sent).toBe(1);
    expect((await sendDue(t.deps, transport)).sent).toBe(0);
    expect(smtp.received).toHaveLength(1);
  });

  it('turns a permanent 550 into a dead letter an admin can retry', async () => {
    await invite();
    smtp.respond = () => 550;
    const report = await sendDue(t.deps, transport);
    expect(report).toMatchObject({ sent: 0, dead: 1 });
    expect(await countRows(t.db, 'outbox', "status = 'dead' AND last_error LIKE '%550%'")).toBe(1);
    smtp.respond = () => undefined;
    expect((await sendDue(t.deps, transport)).sent).toBe(0);
    await t.db.write((tx) => tx.run("UPDATE outbox SET status = 'pending', attempts = 0 WHERE status = 'dead'"));
    expect((await sendDue(t.deps, transport)).sent).toBe(1);
  });

  it('sends one reminder after 3 days to a non-responder, none after a response', async () => {
    await invite({ customer: { email: 'quiet@x.test', locale: 'en' } });
    await invite({ customer: { email: 'answers@x.test', locale: 'en' } });
    await sendDue(t.deps, transport);
    expect(smtp.received).toHaveLength(2);
    const answering = smtp.received.find((m) => m.to.includes('answers@'))!;
    const link = new URL(surveyLinkOf(answering));
    expect((await t.postForm(link.pathname, { resolved_first_contact: 'yes', action: 'submit' })).status).toBe(303);
    clock.advance(2 * DAY);
    expect((await sendDue(t.deps, transport)).sent).toBe(0);
    clock.advance(DAY + HOUR);
    const report = await sendDue(t.deps, transport);
    expect(report).toMatchObject({ sent: 1, reminders: 1 });
    const reminder = smtp.received[2]!;
    expect(reminder.to).toContain('quiet@');
    expect(reminder.parsed.subject).toMatch(/^Reminder/);
    // The reminder carries a fresh link; the first one stays valid until expiry.
    const first = smtp.received.find((m) => m.to.includes('quiet@'))!;
    expect(surveyLinkOf(reminder)).not.toBe(surveyLinkOf(first));
    expect((await t.request(new URL(surveyLinkOf(first)).pathname)).status).toBe(200);
    expect((await t.request(new URL(surveyLinkOf(reminder)).pathname)).status).toBe(200);
    clock.advance(3 * DAY);
    expect((await sendDue(t.deps, transport)).sent).toBe(0);
  });

  it('opts a customer out with a confirming POST (and RFC 8058 one-click), after which they are not surveyed', async () => {
    await invite({ customer: { email: 'leave@x.test', locale: 'de' } });
    await sendDue(t.deps, transport);
    const raw = smtp.received[0]!.raw.replace(/\r?\n[ \t]+/g, ' ');
    const unsub = new URL(/List-Unsubscribe: <([^>]+)>/.exec(raw)![1]!);
    const page = await t.request(unsub.pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Abmelden');
    expect(await countRows(t.db, 'customers', 'opted_out_at IS NOT NULL')).toBe(0); // GET changes nothing
    const oneClick = await t.request(unsub.pathname, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await countRows(t.db, 'customers', 'opted_out_at IS NOT NULL')).toBe(1);
    expect(await countRows(t.db, 'suppression_list')).toBe(1);
    clock.advance(20 * DAY);
    const later = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ customer: { email: 'leave@x.test' }, occurredAt: new Date(clock.nowMs()).toISOString() }),
    );
    expect(later.json[0]).toMatchObject({ survey: 'suppressed', reason: 'opted-out' });
  });

  it('lets two senders work the same outbox without sending any message twice', async () => {
    for (let i = 0; i < 30; i++) await invite({ customer: { email: `many${i}@x.test`, locale: 'en' } });
    const other = createSmtpTransport(smtp.url);
    const [a, b] = await Promise.all([
      sendDue(t.deps, transport, { batchSize: 4 }),
      sendDue(t.deps, other, { batchSize: 4 }),
    ]);
    other.close();
    expect(a.sent + b.sent).toBe(30);
    const ids = smtp.received.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(30);
  });
});

describe('two sender processes', () => {
  it('send each message once when two `npm run cli -- send-due` run against one database file at the same time', {
    timeout: 180_000,
  }, async () => {
    const clock = manualClock('2026-11-20T12:00:00Z');
    const smtp = await startSmtp();
    const t = await createTestApp({}, clock);
    try {
      const key = (await addApiKey(t, 'all')).key;
      await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }]);
      const items = Array.from({ length: 120 }, (_, i) =>
        interaction({
          customer: { email: `two${i}@x.test`, locale: 'en' },
          occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
        }),
      );
      expect((await api(t, key, 'POST', '/interactions', items)).status).toBe(201);
      const env = { DATABASE_URL: `file:${t.dbPath}`, SMTP_URL: smtp.url, NOW: '2026-11-20T12:00:00Z' };
      const [a, b] = await Promise.all([runCli(['send-due'], env), runCli(['send-due'], env)]);
      expect([a.code, b.code], `stderr: ${a.stderr}\n${b.stderr}`).toEqual([0, 0]);
      const ids = smtp.received.map((m) => m.messageId);
      expect(ids).toHaveLength(120);
      expect(new Set(ids).size).toBe(120);
      expect(await countRows(t.db, 'outbox', "status = 'sent'")).toBe(120);
    } finally {
      await t.close();
      await smtp.close();
    }
  });
});
