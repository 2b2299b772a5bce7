/**
 * The weekly digest (issue 17) on the demo workspace, delivered to a real SMTP server on
 * loopback: staff opt in on their account page; nothing goes before Monday 07:00 in the
 * organisation's time zone (an admin setting); then a lead gets CPIs against target with
 * their change, the clear links and the training results, and a trainer (in Spanish) their
 * week's sessions, reps to coach and follow-ups due; two instances sending at once send one
 * digest per person; the unsubscribe link (stored hashed) works without signing in; the
 * next week only those still opted in get one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client';
import type { AppDeps } from '../../src/context';
import { sendDue } from '../../src/mail/sender';
import { queueDigests } from '../../src/domain/digest';
import { createSmtpTransport, type MailTransport } from '../../src/mail/transport';
import { latestJudgedQuarter } from '../../src/domain/analysis/training-filters';
import { startSmtp, type TestSmtp, type ReceivedMail } from '../helpers/smtp';
import { demoFixture, setLocale, type DemoFixture } from '../analysis-pages/setup';
import { addUser, createTestApp, login, manualClock } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { subscribeDigest } from '../../db/queries/digest';
import { rmSync } from 'node:fs';

const MONDAY_0559_UTC = Date.parse('2026-11-23T05:59:00Z');
const MONDAY_0701_MADRID = Date.parse('2026-11-23T06:01:00Z');

describe('weekly digest (demo workspace, real SMTP)', () => {
  let f: DemoFixture;
  let smtp: TestSmtp;
  let transport: MailTransport;
  let second: { deps: AppDeps; close: () => Promise<void> };
  const digests = () => smtp.received.filter((m) => /CPI Lens/.test(m.parsed.subject ?? ''));
  const to = (mails: ReceivedMail[], address: string) => mails.filter((m) => m.to.includes(address));

  beforeAll(async () => {
    f = await demoFixture();
    smtp = await startSmtp();
    transport = createSmtpTransport(smtp.url);
    // A second instance: its own connection and write queue on the same database file.
    const db = await createDb({ url: f.t.config.databaseUrl, writeDeadlineMs: f.t.config.writeDeadlineMs });
    second = { deps: { ...f.t.deps, db }, close: () => db.close() };
  }, 120_000);
  afterAll(async () => {
    transport?.close();
    await smtp?.close();
    await second?.close();
    await f?.t.close();
  });

  it('lets staff opt in on the account page, and an admin set the time zone', async () => {
    for (const cookie of [f.cookies.lead, f.cookies.trainer]) {
      const res = await f.t.postForm('/account/digest', { digest: 'on' }, { cookie });
      expect(res.status).toBe(303);
      expect(res.headers.get('location')).toBe('/account?saved=digest-on');
    }
    const account = await (await f.t.request('/account', { cookie: f.cookies.lead })).text();
    expect(account).toMatch(/<input type="checkbox" name="digest" value="on" checked=""/);
    expect(account).toContain('every Monday at 07:00 (UTC)');
    await setLocale(f.t, f.users.trainer, 'es');
    const bad = await f.t.postForm('/admin/digest', { timeZone: 'Mars/Olympus' }, { cookie: f.cookies.admin });
    expect(bad.status).toBe(422);
    const ok = await f.t.postForm('/admin/digest', { timeZone: 'Europe/Madrid' }, { cookie: f.cookies.admin });
    expect(ok.status).toBe(303);
    const page = await (await f.t.request('/admin/digest', { cookie: f.cookies.admin })).text();
    expect(page).toContain('value="Europe/Madrid"');
    expect(page).toContain('2 people get the weekly digest.');
    expect((await f.t.request('/admin/digest', { cookie: f.cookies.lead })).status).toBe(403);
  });

  it('sends nothing before Monday 07:00 in the organisation’s time zone', async () => {
    f.clock.set(MONDAY_0559_UTC);
    const report = await sendDue(f.t.deps, transport);
    expect(report.digests).toBe(0);
    expect(digests()).toHaveLength(0);
  });

  it('from 07:00 there, two instances at once send one digest per person, with the content of each role', {
    timeout: 240_000,
  }, async () => {
    f.clock.set(MONDAY_0701_MADRID);
    const lead = await login(f.t, 'lead@demo.cpilens.test', 'demo-lead-pass');
    // The analyses the digest reads as cached (it never waits): computed once, as the pages would.
    for (const path of [
      '/exports/gaps.csv',
      `/exports/training-effects.csv?period=${latestJudgedQuarter(MONDAY_0701_MADRID)}`,
      '/exports/coaching-plan.csv?period=3m',
    ])
      expect((await f.t.request(path, { cookie: lead })).status, path).toBe(200);
    const [a, b] = await Promise.all([
      sendDue(f.t.deps, transport, { owner: 'instance-a' }),
      sendDue(second.deps, transport, { owner: 'instance-b' }),
    ]);
    expect(a.digests + b.digests).toBe(2);
    // Due invitations of the demo go out too; the digests are one per person.
    expect(a.sent + b.sent).toBeGreaterThanOrEqual(2);
    expect(digests()).toHaveLength(2);
    const claims = await f.t.db.readClient.execute('SELECT user_id, week FROM digest_sends ORDER BY user_id');
    expect(claims.rows.map((r) => String(r.week))).toEqual(['2026-W48', '2026-W48']);

    const [leadMail] = to(digests(), 'lead@demo.cpilens.test');
    expect(leadMail?.parsed.subject).toBe('Your CPI Lens week 2026-W48');
    const leadText = leadMail!.parsed.text ?? '';
    expect(leadText).toContain('CPIs against target');
    expect(leadText).toMatch(
      /First-contact resolution: \d+(\.\d)?% \((target \d+(\.\d)?%, (met|not met yet)|no target set); change since baseline [+−-]/,
    );
    expect(leadText).toMatch(/Quote turnaround: [\d.]+ h/);
    expect(leadText).toContain('Clear links between skills and CPIs');
    expect(leadText).toContain('- Product knowledge → First-contact resolution\n');
    // The first digest has nothing to compare with: nothing is marked new.
    expect(leadText).not.toContain('new since your last digest');
    expect(leadText).toContain(`Training results, ${latestJudgedQuarter(MONDAY_0701_MADRID)}`);
    expect(leadText).not.toContain('Still being computed');
    expect(String(leadMail!.parsed.html)).toContain('<h2');
    const unsubscribe = /\/digest\/unsubscribe\/([A-Za-z0-9_-]{22,})/.exec(leadText)?.[1];
    expect(unsubscribe).toBeDefined();
    expect(String(leadMail!.parsed.html)).toContain(`/digest/unsubscribe/${unsubscribe}`);
    expect(leadMail!.raw).toMatch(
      new RegExp(`^List-Unsubscribe:\\s+<http://[^>]+/digest/unsubscribe/${unsubscribe}>`, 'mi'),
    );

    const [trainer] = to(digests(), 'trainer@demo.cpilens.test');
    expect(trainer?.parsed.subject).toBe('Tu semana en CPI Lens 2026-W48');
    const trainerText = trainer!.parsed.text ?? '';
    expect(trainerText).toContain('Tu semana de coaching desde el lunes 2026-11-23.');
    expect(trainerText).toContain('Sesiones de esta semana');
    expect(trainerText).toContain('Comerciales a entrenar ahora');
    expect(trainerText.match(/^- .+ \(para .+\)$/gm)).toHaveLength(3);
    expect(trainerText).toContain('Seguimientos pendientes');
    expect(trainerText).not.toContain('CPIs against target');

    // Later the same week, and the CLI: nothing more for anyone.
    f.clock.set(MONDAY_0701_MADRID + 2 * 86_400_000);
    expect((await sendDue(f.t.deps, transport)).digests).toBe(0);
    expect(digests()).toHaveLength(2);
  });

  it('says which clear links are new since the person’s previous digest', { timeout: 240_000 }, async () => {
    // As if last week's digest had reported only one of this week's clear links.
    await f.t.db.write((tx) =>
      tx.run(
        `UPDATE digest_sends SET findings = '["product-knowledge|fcr"]' WHERE user_id = ${f.users.lead} AND week = '2026-W48'`,
      ),
    );
    f.clock.set(MONDAY_0701_MADRID + 7 * 86_400_000);
    const run = await queueDigests(f.t.deps, { force: true, dryRun: true });
    const text = run.queued.find((d) => d.email === 'lead@demo.cpilens.test')!.text;
    expect(text).toContain('- Product knowledge → First-contact resolution\n');
    expect(text).toContain('- Content usage → Content usefulness (new since your last digest)');
    const lines = text.split('\n').filter((l) => l.includes(' → ') && !l.includes('Course') && !l.includes('Coaching'));
    // New ones first.
    expect(lines.at(-1)).toBe('- Product knowledge → First-contact resolution');
    f.clock.set(MONDAY_0701_MADRID + 2 * 86_400_000);
  });

  it('unsubscribes by the link without signing in; the token is stored only as a hash', async () => {
    const leadText = to(digests(), 'lead@demo.cpilens.test')[0]!.parsed.text ?? '';
    const token = /\/digest\/unsubscribe\/([A-Za-z0-9_-]{22,})/.exec(leadText)![1]!;
    const stored = await f.t.db.readClient.execute('SELECT unsubscribe_hash FROM digest_sends');
    expect(stored.rows.map((r) => String(r.unsubscribe_hash))).not.toContain(token);
    const ask = await f.t.request(`/digest/unsubscribe/${token}`);
    expect(ask.status).toBe(200);
    expect(await ask.text()).toContain('Stop the weekly digest for lead@demo.cpilens.test?');
    expect(
      await f.t.db.readClient
        .execute('SELECT count(*) AS n FROM digest_subscriptions')
        .then((r) => Number(r.rows[0]!.n)),
    ).toBe(2);
    const done = await f.t.postForm(`/digest/unsubscribe/${token}`, {});
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You will not get the weekly digest any more.');
    expect((await f.t.request('/digest/unsubscribe/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);

    // The next week: only the trainer, still opted in.
    f.clock.set(MONDAY_0701_MADRID + 7 * 86_400_000);
    const report = await sendDue(f.t.deps, transport);
    expect(report.digests).toBe(1);
    expect(to(digests(), 'trainer@demo.cpilens.test').map((m) => m.parsed.subject)).toEqual([
      'Tu semana en CPI Lens 2026-W48',
      'Tu semana en CPI Lens 2026-W49',
    ]);
    expect(to(digests(), 'lead@demo.cpilens.test')).toHaveLength(1);
  });
});

describe('npm run cli -- digest send', () => {
  it('prints what would go to whom with --dry-run; two processes sending at once send once per person and week', {
    timeout: 240_000,
  }, async () => {
    const t = await createTestApp({}, manualClock('2026-11-25T12:00:00Z'));
    const smtp = await startSmtp();
    try {
      const lead = await addUser(t, 'lead', { email: 'lena@staff.test', name: 'Lena Lead' });
      await t.db.write((tx) => subscribeDigest(tx, lead.id, Date.parse('2026-11-25T12:00:00Z')));
      await t.db.close(); // the CLI opens the file on its own
      const env = { DATABASE_URL: `file:${t.dbPath}`, NOW: '2026-11-25T12:00:00Z', SMTP_URL: smtp.url };
      const dry = await runCli(['digest', 'send', '--dry-run'], env);
      expect(dry.code, dry.stderr).toBe(0);
      expect(dry.stdout).toContain('Dry run, ISO week 2026-W48 (UTC): 1 digest(s) would be sent; nothing was sent.');
      expect(dry.stdout).toContain('== to lena@staff.test (lead): Your CPI Lens week 2026-W48');
      expect(dry.stdout).toContain('CPIs against target');
      expect(smtp.received).toHaveLength(0);
      // Two processes at once, as two instances would: one claim wins, one message goes out.
      const both = await Promise.all([runCli(['digest', 'send'], env), runCli(['digest', 'send'], env)]);
      for (const run of both) expect(run.code, run.stderr).toBe(0);
      const outputs = both.map((run) => run.stdout).join('\n');
      expect(outputs).toContain('ISO week 2026-W48 (UTC): 1 digest(s) queued.');
      expect(outputs).toMatch(/0 digest\(s\) queued(, 1 already claimed by another sender)?\./);
      expect(smtp.received.map((m) => m.to)).toEqual(['lena@staff.test']);
      const again = await runCli(['digest', 'send'], env);
      expect(again.stdout).toContain('0 digest(s) queued.');
      expect(smtp.received).toHaveLength(1);
    } finally {
      await smtp.close();
      rmSync(t.dir, { recursive: true, force: true });
    }
  });
});
