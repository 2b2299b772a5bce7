import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { envWithoutConfig } from '../helpers/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { rollupTriggerSql } from '../../db/rollup-triggers';
import { dataVersionTriggerSql } from '../../db/data-version-triggers';
import { createTestApp, addUser, login, type TestApp } from '../helpers/app';

describe('configuration', () => {
  it('has defaults for every variable and names each bad one', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: 'file:data/cpi-lens.db',
      baseUrl: 'http://localhost:3000',
      sendIntervalSeconds: 30,
      mailFrom: 'CPI Lens <surveys@localhost>',
    });
    expect(loadConfig({ PORT: '8080' }).baseUrl).toBe('http://localhost:8080');
    expect(() =>
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'mail.example.com',
        NOW: 'yesterday',
        BASE_URL: 'ftp://x',
      }),
    ).toThrow(ConfigError);
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'mail.example.com',
        NOW: 'yesterday',
        BASE_URL: 'ftp://x',
      });
    } catch (error) {
      const message = (error as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'NOW', 'BASE_URL']) expect(message).toContain(`${name}=`);
    }
    expect(() => loadConfig({ MAIL_FROM: 'a@b.test\r\nBcc: x@y.test' })).toThrow(/MAIL_FROM/);
  });

  it('refuses to start with a bad variable, naming it', { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, BASE_URL: 'http://x.test', PORT: '99999' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT="99999"/);
  });

  it('says so plainly when PORT is taken, and exits 1 without a stack trace', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpi-port-'));
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const port = (holder.address() as AddressInfo).port;
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
        env: { ...envWithoutConfig(), PORT: String(port), DATABASE_URL: `file:${join(dir, 'port.db')}` },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      expect(code).toBe(1);
      expect(stderr).toContain(`PORT ${port} is already in use by another process`);
      expect(stderr).not.toMatch(/\n\s+at /);
    } finally {
      holder.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('migrations', () => {
  const MIGRATIONS = (
    JSON.parse(readFileSync(new URL('../../db/migrations/meta/_journal.json', import.meta.url), 'utf8')) as {
      entries: unknown[];
    }
  ).entries.length;
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-migrate-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('apply on a fresh database once, and the trigger migration matches its generator', async () => {
    const db = await createDb({ url: `file:${join(dir, 'a.db')}` });
    expect((await migrate(db.adminClient)).applied).toBe(MIGRATIONS);
    expect((await migrate(db.adminClient)).applied).toBe(0);
    // synchronous=NORMAL with no automatic checkpoint: the write queue fsyncs the WAL on the thread pool before it
    // acknowledges, and checkpoints run on a worker thread (db/client.ts, db/checkpointer.ts).
    const pragmas = await Promise.all(
      ['journal_mode', 'foreign_keys', 'synchronous', 'wal_autocheckpoint'].map((p) =>
        db.adminClient.execute(`PRAGMA ${p}`),
      ),
    );
    expect(pragmas.map((r) => Object.values(r.rows[0]!)[0])).toEqual(['wal', 1, 1, 0]);
    await db.close();
    expect(readFileSync(new URL('../../db/migrations/0001_rollup_triggers.sql', import.meta.url), 'utf8')).toBe(
      rollupTriggerSql(),
    );
    expect(readFileSync(new URL('../../db/migrations/0003_data_version_triggers.sql', import.meta.url), 'utf8')).toBe(
      dataVersionTriggerSql(),
    );
  });

  it('lets two processes migrate the same file at once: one applies, both end up current', {
    timeout: 120_000,
  }, async () => {
    const file = join(dir, 'race.db');
    const script = `import { createDb } from './db/client'; import { migrate } from './db/migrate';
      const db = await createDb({ url: 'file:${file}' }); const r = await migrate(db.adminClient); console.log(JSON.stringify(r)); await db.close();`;
    const run = () =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
          cwd: new URL('../..', import.meta.url).pathname,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.stderr.on('data', (d: Buffer) => (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const applied = [a.out, b.out].map((o) => JSON.parse(o.trim().split('\n').pop()!).applied).sort();
    expect(applied).toEqual([0, MIGRATIONS]);
    const db = await createDb({ url: `file:${file}` });
    expect((await db.readClient.execute('SELECT count(*) AS n FROM _migrations')).rows[0]!.n).toBe(MIGRATIONS);
    await db.close();
  });
});

describe('security baseline', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('sends CSP without inline script, security headers and no-store on every page', async () => {
    for (const path of ['/login', '/s/not-a-token', '/healthz', '/nowhere']) {
      const res = await t.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cache-control')).toBe('no-store');
    }
    const asset = await t.request('/assets/htmx.min.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toContain('htmx');
    const page = await (await t.request('/login')).text();
    expect(page).toMatch(/<meta name="htmx-config" content="[^"]*allowEval&quot;:false/);
    expect(page).not.toMatch(/<script>|<script [^>]*>[^<]/);
    expect(page).not.toMatch(/ style="/);
  });

  it('answers /healthz with 200 while the database is reachable and 503 when not', async () => {
    expect((await t.request('/healthz')).status).toBe(200);
    const broken = await createTestApp();
    await broken.db.close();
    expect((await broken.request('/healthz')).status).toBe(503);
  });

  it('keeps the admin area to admins and sends the anonymous to the login page', async () => {
    const lead = await addUser(t, 'lead');
    const cookie = await login(t, lead.email, lead.password);
    expect((await t.request('/admin/users', { cookie })).status).toBe(403);
    const anonymous = await t.request('/admin/users');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/login?next=%2Fadmin%2Fusers');
    const fragment = await t.request('/admin/users', { headers: { 'HX-Request': 'true' } });
    expect(fragment.status).toBe(401);
    expect(fragment.headers.get('hx-redirect')).toMatch(/^\/login/);
  });
});
