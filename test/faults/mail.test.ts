/**
 * Fault 3: mail delivery against a misbehaving SMTP server (smtp-server on loopback).
 * - 30% of messages answered 451, 5% of connections dropped before the data is accepted:
 *   all 1,000 invitations are delivered after retries, each Message-ID exactly once.
 * - 550: a dead letter, with its error, on the admin outbox page; never sent again.
 * - The sender process (`npm run cli -- send-due`) SIGKILLed right after the server's 250
 *   and before the outbox update: within the lease nobody sends the message again; after
 *   the lease expires the next send-due repeats it once, with the same Message-ID and the
 *   same survey link; nothing else is repeated.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '@libsql/client';
import { openInProcess, scalar, integrityCheck, type InProcess } from './helpers/db';
import { startFaultySmtp, type FaultySmtp, type AcceptedMail } from './helpers/smtp';
import { spawnCli } from './helpers/procs';
import { note, rng } from './helpers/knobs';
import { manualClock, sessionCookieFrom, type ManualClock } from '../helpers/app';
import { createApiKey } from '../../src/domain/api-keys';
import { hashPassword } from '../../src/lib/passwords';
import { insertUser } from '../../db/queries/users';
import { sendDue } from '../../src/mail/sender';
import { createSmtpTransport, type MailTransport } from '../../src/mail/transport';

const T0 = '2026-11-20T12:00:00Z';
const HOUR = 3_600_000;
const bare = (id: string) => id.replace(/^<|>$/g, '');

/** A rep and `count` interactions that happened 3 hours ago: their invitations are due now. */
async function seedInvitations(app: InProcess, clock: ManualClock, count: number, emailOf: (i: number) => string) {
  const { key } = await createApiKey(app.deps, { name: 'faults', scope: 'all', actor: 'test', actorId: null });
  const call = async (path: string, body: unknown) => {
    const res = await app.app.request(`http://cpi.test/api/v1${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, json: (await res.json()) as any };
  };
  expect((await call('/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }])).status).toBe(200);
  const occurredAt = new Date(clock.nowMs() - 3 * HOUR).toISOString();
  for (let start = 0; start < count; start += 1000) {
    const items = Array.from({ length: Math.min(1000, count - start) }, (_, k) => ({
      externalId: `mail-${start + k}`,
      repEmail: 'ana@acme.test',
      customer: { email: emailOf(start + k), name: `Customer ${start + k}`, locale: 'en' },
      type: 'call',
      occurredAt,
      quoteRequestedAt: null,
      quoteDeliveredAt: null,
      contentIds: [],
    }));
    const res = await call('/interactions', items);
    expect(res.status).toBe(201);
    expect(res.json.filter((r: { survey: string }) => r.survey === 'scheduled')).toHaveLength(items.length);
  }
}

describe('mail through a failing SMTP server', () => {
  let dir: string;
  let smtp: FaultySmtp;
  let app: InProcess;
  let clock: ManualClock;
  let transport: MailTransport;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-faults-mail-'));
    smtp = await startFaultySmtp();
    clock = manualClock(T0);
    app = await openInProcess(join(dir, 'mail.db'), { SMTP_URL: smtp.url }, clock);
    transport = createSmtpTransport(smtp.url);
  });
  afterEach(async () => {
    expect(smtp.errors).toEqual([]);
    transport.close();
    await smtp.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('delivers all 1,000 invitations despite 30% 451s and 5% dropped connections, each Message-ID exactly once', async () => {
    await seedInvitations(app, clock, 1000, (i) => `customer${i}@x.test`);
    const random = rng('mail');
    smtp.decide = () => {
      const r = random.next();
      return r < 0.05 ? 'drop' : r < 0.35 ? 451 : 'accept';
    };
    const started = Date.now();
    const totals = { sent: 0, retried: 0, dead: 0 };
    let passes = 0;
    for (; passes < 40; passes++) {
      const report = await sendDue(app.deps, transport, { retryBaseMs: 1000 });
      totals.sent += report.sent;
      totals.retried += report.retried;
      totals.dead += report.dead;
      if ((await scalar(app.deps.db.readClient, "SELECT count(*) FROM outbox WHERE status = 'pending'")) === 0) break;
      clock.advance(HOUR); // past every backoff (1 s doubling, at most ~41 min by the 12th attempt)
    }
    note(
      `mail: ${smtp.attempts} deliveries tried in ${passes + 1} passes, ${smtp.refused.get(451) ?? 0} answered 451, ${smtp.drops} connections dropped, ` +
        `${smtp.accepted.length} accepted, ${Date.now() - started} ms`,
    );

    const rows = await app.deps.db.readClient.execute('SELECT message_id, status, attempts, to_address FROM outbox');
    expect(rows.rows).toHaveLength(1000);
    expect(rows.rows.filter((r) => r.status !== 'sent')).toEqual([]);
    expect(totals).toMatchObject({ sent: 1000, dead: 0 });
    // Every failure was retried; a claim ends sent or retried, and each claim counts an attempt.
    expect(totals.retried).toBeGreaterThanOrEqual(smtp.attempts - 1000);
    expect(smtp.refused.get(451)).toBeGreaterThan(200);
    expect(smtp.drops).toBeGreaterThan(20);
    // Each Message-ID arrived exactly once, and it is the one its outbox row holds.
    const received = new Map<string, number>();
    for (const mail of smtp.accepted) received.set(bare(mail.messageId), (received.get(bare(mail.messageId)) ?? 0) + 1);
    expect([...received.values()].filter((n) => n !== 1)).toEqual([]);
    expect(new Set(received.keys())).toEqual(new Set(rows.rows.map((r) => bare(String(r.message_id)))));
    expect(rows.rows.reduce((sum, r) => sum + Number(r.attempts), 0)).toBe(1000 + totals.retried);
    // Every message carries its own working survey link.
    const links = new Set(smtp.accepted.map((m) => m.link));
    expect(links.size).toBe(1000);
    const sample = smtp.accepted[Math.floor(random.next() * 1000)]!;
    const page = await app.app.request(`http://cpi.test${new URL(sample.link!).pathname}`);
    expect(page.status).toBe(200);
    // Nothing more to send.
    clock.advance(HOUR);
    expect(await sendDue(app.deps, transport, { retryBaseMs: 1000 })).toMatchObject({ sent: 0, retried: 0, dead: 0 });
    expect(smtp.accepted).toHaveLength(1000);
  });

  it('turns a 550 into a dead letter that the admin outbox shows with its error, and never sends it again', async () => {
    await seedInvitations(app, clock, 3, (i) => (i === 1 ? 'no-such-user@x.test' : `fine${i}@x.test`));
    smtp.decide = (_raw, to) => (to === 'no-such-user@x.test' ? 550 : 'accept');
    expect(await sendDue(app.deps, transport, { retryBaseMs: 1000 })).toMatchObject({ sent: 2, dead: 1, retried: 0 });
    const dead = await app.deps.db.readClient.execute(
      "SELECT to_address, last_error, attempts FROM outbox WHERE status = 'dead'",
    );
    expect(dead.rows.map((r) => ({ ...r }))).toEqual([
      { to_address: 'no-such-user@x.test', last_error: expect.stringMatching(/550.*Mailbox unavailable/), attempts: 1 },
    ]);

    // The admin sees it, with the server's answer.
    const now = clock.nowMs();
    await app.deps.db.write(async (tx) =>
      insertUser(
        tx,
        {
          email: 'admin@staff.test',
          name: 'Admin',
          role: 'admin',
          passwordHash: await hashPassword('correct horse battery'),
        },
        now,
      ),
    );
    const login = await app.app.request('http://cpi.test/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://cpi.test' },
      body: new URLSearchParams({ email: 'admin@staff.test', password: 'correct horse battery' }).toString(),
    });
    expect(login.status).toBe(303);
    const cookie = sessionCookieFrom(login)!;
    const page = await app.app.request('http://cpi.test/admin/outbox?status=dead', { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('no-such-user@x.test');
    expect(html).toMatch(/550[^<]*Mailbox unavailable \(fault test\)/);
    expect(html).toContain('badge-mail-dead');

    for (let i = 0; i < 3; i++) {
      clock.advance(HOUR);
      expect(await sendDue(app.deps, transport, { retryBaseMs: 1000 })).toMatchObject({ sent: 0, dead: 0, retried: 0 });
    }
    expect(smtp.refused.get(550)).toBe(1);
    expect(smtp.accepted.map((m) => m.to).sort()).toEqual(['fine0@x.test', 'fine2@x.test']);
  });
});

describe('the sender killed between the SMTP 250 and the outbox update', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-faults-sender-'));
  const dbPath = join(dir, 'sender.db');
  let smtp: FaultySmtp | undefined;
  afterAll(async () => {
    await smtp?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('repeats only the messages caught in that window, once each, with the same Message-ID and link, after the lease expires', async () => {
    const COUNT = 20;
    const clock = manualClock(T0);
    const seeded = await openInProcess(dbPath, {}, clock);
    await seedInvitations(seeded, clock, COUNT, (i) => `window${i}@x.test`);
    await seeded.close();

    smtp = await startFaultySmtp();
    const env = { DATABASE_URL: `file:${dbPath}`, SMTP_URL: smtp.url };
    const first = spawnCli(['send-due'], { ...env, NOW: T0 });
    const KILL_ON = 3;
    smtp.afterAccept = () => {
      // The 250 has been written; the sender has not had a moment to record it.
      if (smtp!.accepted.length === KILL_ON) first.child.kill('SIGKILL');
    };
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    smtp.afterAccept = () => {};
    const killedMail = smtp.accepted[KILL_ON - 1]!;
    const acceptedBeforeKill = smtp.accepted.map((m) => bare(m.messageId));

    const raw = createClient({ url: `file:${dbPath}` });
    try {
      const rowsAfterKill = await raw.execute('SELECT message_id, status, lease_owner FROM outbox');
      const state = new Map(
        rowsAfterKill.rows.map((r) => [
          bare(String(r.message_id)),
          { status: String(r.status), leased: r.lease_owner !== null },
        ]),
      );
      // The killed message was accepted by the server but is still pending, under the dead sender's lease.
      expect(state.get(bare(killedMail.messageId))).toEqual({ status: 'pending', leased: true });
      const markedSent = [...state].filter(([, s]) => s.status === 'sent').map(([id]) => id);
      expect(markedSent.filter((id) => !acceptedBeforeKill.includes(id))).toEqual([]);
      const inWindow = acceptedBeforeKill.filter((id) => !markedSent.includes(id));
      note(
        `sender-kill: killed after ${acceptedBeforeKill.length} accepted, ${markedSent.length} marked sent, ${inWindow.length} in the 250→update window`,
      );

      // Within the lease (120 s), another sender leaves the dead sender's messages alone.
      const withinLease = spawnCli(['send-due'], { ...env, NOW: new Date(Date.parse(T0) + 30_000).toISOString() });
      const within = await withinLease.exited;
      expect(within.code, withinLease.output()).toBe(0);
      expect(withinLease.stdout()).toMatch(/^Sent 0, retrying later 0, dead letters 0/m);
      expect(smtp.accepted).toHaveLength(acceptedBeforeKill.length);

      // After the lease: everything left is sent, the window's messages for the second time.
      const after = spawnCli(['send-due'], { ...env, NOW: new Date(Date.parse(T0) + 5 * 60_000).toISOString() });
      expect((await after.exited).code, after.output()).toBe(0);
      expect(after.stdout()).toMatch(
        new RegExp(`^Sent ${COUNT - markedSent.length}, retrying later 0, dead letters 0`, 'm'),
      );

      const byId = new Map<string, AcceptedMail[]>();
      for (const mail of smtp.accepted)
        byId.set(bare(mail.messageId), [...(byId.get(bare(mail.messageId)) ?? []), mail]);
      expect(byId.size).toBe(COUNT);
      const repeated = [...byId].filter(([, mails]) => mails.length > 1).map(([id]) => id);
      expect(repeated.sort()).toEqual([...inWindow].sort());
      expect(repeated).toContain(bare(killedMail.messageId));
      for (const id of repeated) {
        const [a, b, ...more] = byId.get(id)!;
        expect(more).toEqual([]); // at most once more
        expect({ to: b!.to, subject: b!.parsed.subject, link: b!.link }).toEqual({
          to: a!.to,
          subject: a!.parsed.subject,
          link: a!.link,
        });
        expect(a!.link).toMatch(/\/s\/[A-Za-z0-9_-]{43}$/);
      }
      expect(await scalar(raw, "SELECT count(*) FROM outbox WHERE status = 'sent'")).toBe(COUNT);
      expect(await scalar(raw, 'SELECT count(*) FROM outbox WHERE lease_owner IS NOT NULL')).toBe(0);
    } finally {
      raw.close();
    }
    expect(await integrityCheck(dbPath)).toBe('ok');
    expect(smtp.errors).toEqual([]);
  });
});
