/**
 * Mail settings in the app (issue 18): stored in `settings` with the SMTP password sealed
 * (AES-GCM), never shown back, used by the next send without a restart, and a test e-mail that
 * reports the SMTP server's answer. Real parts: a database file, smtp-server on loopback.
 */
import { statSync, existsSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminFixture, setLocale, unlabelledControls, type AdminFixture } from './setup';
import { api, HOUR, interaction } from '../helpers/app';
import { startSmtp, type TestSmtp } from '../helpers/smtp';
import { sendDue } from '../../src/mail/sender';
import { createSettingsTransport } from '../../src/mail/transport';
import { loadSecretsKey, secretsKeyPath } from '../../src/lib/secrets';
import { loadSetupChecklist } from '../../src/domain/setup-checklist';

const PASSWORD = 'hunter2-very-secret';

describe('mail settings', () => {
  let f: AdminFixture;
  let smtp: TestSmtp;
  beforeEach(async () => {
    f = await adminFixture();
    smtp = await startSmtp(0, { auth: { user: 'mailer', pass: PASSWORD } });
  });
  afterEach(async () => {
    await smtp.close();
    await f.t.close();
  });

  const save = (fields: Record<string, string>) =>
    f.t.postForm(
      '/admin/mail',
      { smtpUrl: '', smtpPassword: '', senderName: '', senderAddress: '', replyTo: '', logoUrl: '', ...fields },
      { cookie: f.cookies.admin },
    );
  const storedValue = async () =>
    String((await f.t.db.readClient.execute("SELECT value FROM settings WHERE key = 'mail'")).rows[0]?.value ?? '');

  it('creates the key file beside the database with mode 0600', () => {
    const path = secretsKeyPath(f.t.config.databaseUrl)!;
    expect(path).toBe(`${f.t.dbPath}.secrets-key`);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const lines: string[] = [];
    // A second start reads the same key and says nothing.
    expect(loadSecretsKey(f.t.config, (line) => lines.push(line))?.equals(f.t.deps.secretsKey!)).toBe(true);
    expect(lines).toEqual([]);
    expect(readFileSync(path, 'utf8')).not.toContain(PASSWORD);
  });

  it('seals the password, never shows it back, and the next send uses the new settings without a restart', async () => {
    const url = `smtp://mailer:${PASSWORD}@127.0.0.1:${smtp.port}`;
    const res = await save({ smtpUrl: url, senderName: 'Acme Sales', senderAddress: 'ventas@acme.test' });
    expect(res.status).toBe(303);
    const stored = await storedValue();
    expect(stored).not.toContain(PASSWORD);
    expect(stored).toContain('"smtpPassword":{"v":1');
    const page = await (await f.t.request('/admin/mail', { cookie: f.cookies.admin })).text();
    expect(page).not.toContain(PASSWORD);
    expect(page).toContain('A password is set');
    expect(page).toContain(`smtp://mailer@127.0.0.1:${smtp.port}`);

    // Queue an invitation, then send with the transport the server uses (it follows the settings).
    const item = interaction({ occurredAt: new Date(f.clock.nowMs() - 3 * HOUR).toISOString() });
    expect((await api(f.t, f.key, 'POST', '/interactions', item)).status).toBe(201);
    const transport = createSettingsTransport();
    try {
      expect((await sendDue(f.t.deps, transport)).sent).toBe(1);
      const mail = smtp.received[0]!;
      expect(mail.parsed.from?.text).toContain('ventas@acme.test');
      expect(mail.parsed.text).toContain('El equipo de Acme Sales');

      // Change the sender and reply-to: the next message goes out under them, same process.
      expect(
        (
          await save({
            smtpUrl: `smtp://mailer@127.0.0.1:${smtp.port}`,
            senderName: 'Acme Iberia',
            senderAddress: 'iberia@acme.test',
            replyTo: 'help@acme.test',
            logoUrl: '/assets/favicon.svg',
          })
        ).status,
      ).toBe(303);
      const second = interaction({ occurredAt: new Date(f.clock.nowMs() - 3 * HOUR).toISOString() });
      expect((await api(f.t, f.key, 'POST', '/interactions', second)).status).toBe(201);
      expect((await sendDue(f.t.deps, transport)).sent).toBe(1);
      const next = smtp.received[1]!;
      expect(next.parsed.from?.text).toContain('iberia@acme.test');
      expect(next.parsed.replyTo?.text).toContain('help@acme.test');
      expect(next.parsed.text).toContain('El equipo de Acme Iberia');
      expect(String(next.parsed.html)).toContain('<img src="http://cpi.test/assets/favicon.svg" alt="Acme Iberia"');
      expect(String(mail.parsed.html)).not.toContain('<img');
    } finally {
      transport.close();
    }
    expect(await loadSetupChecklist(f.t.deps)).toMatchObject({
      steps: expect.arrayContaining([expect.objectContaining({ key: 'mail', done: true, href: '/admin/mail' })]),
    });
    const audit = await f.t.db.readClient.execute("SELECT detail FROM audit_log WHERE action = 'settings.mail'");
    expect(audit.rows.length).toBe(2);
    for (const row of audit.rows) expect(String(row.detail)).not.toContain(PASSWORD);
  });

  it('sends a test e-mail to the admin and reports the answer, or the error', async () => {
    await save({ smtpUrl: `smtp://mailer:${PASSWORD}@127.0.0.1:${smtp.port}`, senderAddress: 'ventas@acme.test' });
    const ok = await f.t.postForm('/admin/mail/test', {}, { cookie: f.cookies.admin });
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toMatch(/data-mail-notice="ok">The SMTP server answered: 250/);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to).toBe(f.users.admin.email);

    await save({ smtpUrl: `smtp://mailer@127.0.0.1:${smtp.port}`, smtpPassword: 'wrong' });
    const failed = await (await f.t.postForm('/admin/mail/test', {}, { cookie: f.cookies.admin })).text();
    expect(failed).toMatch(/data-mail-notice="error">The test e-mail was not sent: .*535/);
    const audit = await f.t.db.readClient.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'mail.test'");
    expect(Number(audit.rows[0]?.n)).toBe(2);
  });

  it('answers 422 naming the field and keeps the values (not the password)', async () => {
    const res = await save({
      smtpUrl: `smtp://mailer:${PASSWORD}@127.0.0.1:25`,
      senderName: 'Acme Sales',
      senderAddress: 'not-an-address',
      logoUrl: 'https://elsewhere.test/logo.png',
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toMatch(/id="f-senderAddress-error"/);
    expect(html).toMatch(/id="f-logoUrl-error"/);
    expect(html).toContain('value="Acme Sales"');
    expect(html).toContain('value="not-an-address"');
    expect(html).not.toContain(PASSWORD);
    expect(await storedValue()).toBe('');
  });

  it('labels every control, in English and Spanish', async () => {
    const en = await (await f.t.request('/admin/mail', { cookie: f.cookies.admin })).text();
    expect(unlabelledControls(en)).toEqual([]);
    expect(en).toContain('Default: CPI Lens');
    await setLocale(f.t, f.users.admin.id, 'es');
    const es = await (await f.t.request('/admin/mail', { cookie: f.cookies.admin })).text();
    expect(es).toContain('Ajustes de correo');
    expect(es).toContain('Enviar un correo de prueba');
  });

  it('is for admins only', async () => {
    for (const cookie of [f.cookies.lead, f.cookies.trainer]) {
      expect((await f.t.request('/admin/mail', { cookie })).status).toBe(403);
      expect((await f.t.postForm('/admin/mail', { smtpUrl: '' }, { cookie })).status).toBe(403);
    }
  });
});

describe('the secrets key', () => {
  it('is created once beside a new database file, said in the log by its path, never its value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpi-secrets-'));
    try {
      const config = { secretsKey: undefined, databaseUrl: `file:${join(dir, 'data', 'x.db')}` };
      const lines: string[] = [];
      const key = loadSecretsKey(config, (line) => lines.push(line))!;
      expect(key.length).toBe(32);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(join(dir, 'data', 'x.db.secrets-key'));
      expect(lines[0]).toContain('0600');
      expect(lines[0]).not.toContain(key.toString('base64'));
      expect(statSync(join(dir, 'data', 'x.db.secrets-key')).mode & 0o777).toBe(0o600);
      expect(loadSecretsKey(config, (line) => lines.push(line))!.equals(key)).toBe(true);
      expect(lines).toHaveLength(1);
      // SECRETS_KEY wins over the file, and nothing is written.
      const fromEnv = loadSecretsKey({ ...config, secretsKey: 'a'.repeat(64) }, (line) => lines.push(line))!;
      expect(fromEnv.equals(Buffer.alloc(32, 0xaa))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('on a libSQL server without SECRETS_KEY', () => {
  it('has no key file and refuses to save a password, saying so on the form', async () => {
    const f = await adminFixture();
    try {
      expect(loadSecretsKey({ secretsKey: undefined, databaseUrl: 'libsql://db.example.test' })).toBeUndefined();
      const deps = { ...f.t.deps, secretsKey: undefined };
      const app = (await import('../../src/app')).createApp(deps);
      const body = new URLSearchParams({ smtpUrl: 'smtp://u:secret@127.0.0.1:25', senderName: 'X' });
      const res = await app.request('http://cpi.test/admin/mail', {
        method: 'POST',
        body: body.toString(),
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'http://cpi.test',
          Cookie: f.cookies.admin,
        },
      });
      expect(res.status).toBe(422);
      const html = await res.text();
      expect(html).toContain('SECRETS_KEY');
      expect(html).toMatch(/id="f-smtpPassword-error"/);
      expect(existsSync(secretsKeyPath('libsql://db.example.test') ?? '/nonexistent')).toBe(false);
    } finally {
      await f.t.close();
    }
  });
});
