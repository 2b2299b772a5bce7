/**
 * Issue 7: CPI Lens on a libSQL server. Two app instances (each its own client, as two
 * processes would have) share one sqld: the survey loop end to end, each email once with
 * both senders running, one response from 20 parallel submits spread over both, an
 * import on one while the other serves surveys.
 */
import { Readable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeSqld, startSqld, type Sqld } from '../helpers/sqld';
import { createTestApp, addApiKey, api, countRows, interaction, manualClock, HOUR, type TestApp } from '../helpers/app';
import { startSmtp, surveyLinkOf, type TestSmtp } from '../helpers/smtp';
import { sendDue } from '../../src/mail/sender';
import { createSmtpTransport } from '../../src/mail/transport';
import { stageImport, publishImport } from '../../src/domain/imports/run';

describeSqld('two instances on one libSQL server', () => {
  let sqld: Sqld;
  let smtp: TestSmtp;
  let a: TestApp;
  let b: TestApp;
  let key: string;
  const clock = manualClock('2026-11-20T12:00:00Z');

  beforeAll(async () => {
    sqld = await startSqld();
    smtp = await startSmtp();
    // One instance speaks hrana over WebSockets (libsql://…?tls=0), the other over HTTP.
    a = await createTestApp(
      { DATABASE_URL: `${sqld.url.replace('http://', 'libsql://')}?tls=0`, SMTP_URL: smtp.url },
      clock,
    );
    b = await createTestApp({ DATABASE_URL: sqld.url, SMTP_URL: smtp.url }, clock);
    expect(a.db.kind).toBe('remote');
    key = (await addApiKey(a, 'all')).key;
    await api(a, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
  }, 60_000);
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await smtp?.close();
    await sqld?.stop();
  });

  it('runs the survey loop end to end: API on one instance, mail, survey on the other, stored once', async () => {
    const item = interaction({ occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString() });
    expect((await api(a, key, 'POST', '/interactions', item)).status).toBe(201);
    const transport = createSmtpTransport(smtp.url);
    expect((await sendDue(b.deps, transport)).sent).toBe(1);
    transport.close();
    const link = new URL(surveyLinkOf(smtp.received[0]!));
    const page = await b.request(link.pathname);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('¿Se resolvió tu solicitud en el primer contacto?');
    expect(
      (await a.postForm(link.pathname, { resolved_first_contact: 'yes', content_useful: '5', action: 'submit' }))
        .status,
    ).toBe(303);
    expect((await b.postForm(link.pathname, { resolved_first_contact: 'no', action: 'submit' })).status).toBe(200);
    expect(await countRows(a.db, 'responses', "status = 'submitted'")).toBe(1);
    const cpis = await api(b, key, 'GET', '/cpis?groupBy=org&from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z');
    expect(cpis.json.groups[0]).toEqual({ key: 'org', n: 1, suppressed: true });
  });

  it('sends each of 500 invitations once with both instances sending at the same time', {
    timeout: 400_000,
  }, async () => {
    // Its own SMTP server that does not parse: only Message-IDs matter here, and parsing 500 messages costs CPU the senders need.
    const sink = await startSmtp(0, { parse: false });
    const before = 0;
    const items = Array.from({ length: 500 }, (_, i) =>
      interaction({
        customer: { email: `bulk${i}@x.test`, locale: 'en' },
        occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      }),
    );
    expect((await api(a, key, 'POST', '/interactions', items)).status).toBe(201);
    const ta = createSmtpTransport(sink.url);
    const tb = createSmtpTransport(sink.url);
    const [ra, rb] = await Promise.all([
      sendDue(a.deps, ta, { batchSize: 25 }),
      sendDue(b.deps, tb, { batchSize: 25 }),
    ]);
    ta.close();
    tb.close();
    expect(ra.sent + rb.sent).toBe(500);
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    const ids = sink.received.slice(before).map((m) => m.messageId);
    await sink.close();
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
  });

  it('records one response from 20 parallel submits of one token spread over both instances', async () => {
    const before = smtp.received.length;
    await api(
      b,
      key,
      'POST',
      '/interactions',
      interaction({
        customer: { email: 'tabs@x.test', locale: 'de' },
        occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      }),
    );
    const transport = createSmtpTransport(smtp.url);
    await sendDue(a.deps, transport);
    transport.close();
    const link = new URL(surveyLinkOf(smtp.received[before]!));
    const posts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).postForm(link.pathname, {
          resolved_first_contact: 'yes',
          added_value: String((i % 5) + 1),
          action: 'submit',
        }),
      ),
    );
    expect(posts.filter((p) => p.status === 303)).toHaveLength(1);
    expect(posts.filter((p) => p.status === 200)).toHaveLength(19);
    expect(await countRows(a.db, 'responses', "status = 'submitted'")).toBe(2);
  }, 300_000);

  it('publishes an import on one instance while the other serves surveys', async () => {
    const csv = [
      'externalId,repEmail,customerEmail,type,occurredAt',
      ...Array.from(
        { length: 2000 },
        (_, i) => `imp-${i},ana@acme.test,imp${i}@x.test,call,2025-03-0${1 + (i % 9)}T10:00:00Z`,
      ),
    ].join('\n');
    const staged = await stageImport(a.deps, 'interactions', Readable.from([Buffer.from(csv)]), {
      filename: 'hist.csv',
      actor: 'test',
      actorId: null,
    });
    expect(staged.errors).toEqual([]);
    const before = smtp.received.length;
    await api(
      b,
      key,
      'POST',
      '/interactions',
      interaction({
        customer: { email: 'during@x.test', locale: 'en' },
        occurredAt: new Date(clock.nowMs() - 3 * HOUR).toISOString(),
      }),
    );
    const transport = createSmtpTransport(smtp.url);
    await sendDue(b.deps, transport);
    transport.close();
    const link = new URL(surveyLinkOf(smtp.received[before]!));
    const [published, ...answers] = await Promise.all([
      publishImport(a.deps, staged.importId, 'test', { web: true }),
      b.request(link.pathname),
      b.postForm(link.pathname, { decision_clearer: '4', action: 'submit' }),
    ]);
    expect(published).toMatchObject({ created: 2000, duplicates: 0, errors: [], status: 'published' });
    expect(answers.map((r) => r.status)).toEqual([200, 303]);
    expect(await countRows(a.db, 'interactions', "external_id LIKE 'imp-%'")).toBe(2000);
  }, 300_000);
});
