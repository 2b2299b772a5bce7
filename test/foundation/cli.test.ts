/**
 * The staff and key commands of README.md ("Commands"), run as a person would (`src/cli.ts` in its own
 * process on the test's database file): `user add` with the password on stdin, and
 * `apikey create` printing the key once on its last line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createTestApp, login, type TestApp } from '../helpers/app';
import { envWithoutConfig } from '../helpers/server';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.db.write((tx) => tx.run("INSERT INTO teams (name, created_at) VALUES ('Iberia', 0)"));
});
afterAll(async () => t.close());

/** Runs the CLI; `stdin` is written but the pipe is left open unless `closeStdin`. */
function cli(
  args: string[],
  stdin = '',
  closeStdin = true,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
    env: {
      ...envWithoutConfig(),
      DATABASE_URL: `file:${t.dbPath}`,
      BASE_URL: 'http://cpi.test',
      SEND_INTERVAL_SECONDS: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin.write(stdin);
  if (closeStdin) child.stdin.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code, stdout, stderr });
    }),
  );
}

describe('npm run cli -- user add', () => {
  it('creates a trainer with their team from a password line on stdin (left open), who can then sign in', {
    timeout: 60_000,
  }, async () => {
    const run = await cli(
      ['user', 'add', '--email', 'Tina@Staff.test', '--name', 'Tina', '--role', 'trainer', '--team', 'Iberia'],
      'a long passphrase\n',
      false,
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = await t.db.readClient.execute(
      "SELECT u.role, u.password_hash, t.name AS team FROM staff_users u JOIN trainer_teams ut ON ut.user_id = u.id JOIN teams t ON t.id = ut.team_id WHERE u.email = 'tina@staff.test'",
    );
    expect(rows.rows.map((r) => [r.role, r.team])).toEqual([['trainer', 'Iberia']]);
    expect(String(rows.rows[0]!.password_hash)).not.toContain('a long passphrase');
    expect(await login(t, 'tina@staff.test', 'a long passphrase')).toMatch(/cpil_session=/);
  });

  it('refuses a short password, an unknown role and a malformed email with exit 2, naming the problem, and creates no one', {
    timeout: 60_000,
  }, async () => {
    const before = Number((await t.db.readClient.execute('SELECT count(*) AS n FROM staff_users')).rows[0]!.n);
    const short = await cli(['user', 'add', '--email', 'a@staff.test', '--name', 'A', '--role', 'lead'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/password.*at least 8/);
    const role = await cli(
      ['user', 'add', '--email', 'b@staff.test', '--name', 'B', '--role', 'owner'],
      'a long passphrase\n',
    );
    expect(role.code).toBe(2);
    expect(role.stderr).toMatch(/--role/);
    const mail = await cli(
      ['user', 'add', '--email', 'not-an-address', '--name', 'C', '--role', 'lead'],
      'a long passphrase\n',
    );
    expect(mail.code).toBe(2);
    expect(mail.stderr).toMatch(/--email/);
    expect(Number((await t.db.readClient.execute('SELECT count(*) AS n FROM staff_users')).rows[0]!.n)).toBe(before);
  });
});

describe('npm run cli -- apikey create', () => {
  it('prints the key once on the last line, stores only its hash, and the key reads the API with its scope', {
    timeout: 60_000,
  }, async () => {
    const run = await cli(['apikey', 'create', '--name', 'warehouse', '--scope', 'read']);
    expect(run.code, run.stderr).toBe(0);
    const key = run.stdout.trim().split('\n').pop()!;
    expect(key.length).toBeGreaterThanOrEqual(20);
    const stored = await t.db.readClient.execute("SELECT scope, key_hash FROM api_keys WHERE name = 'warehouse'");
    expect(stored.rows.map((r) => r.scope)).toEqual(['read']);
    expect(JSON.stringify(stored.rows)).not.toContain(key);
    expect((await api(t, key, 'GET', '/cpis?groupBy=team')).status).toBe(200);
    expect((await api(t, key, 'POST', '/reps', [{ email: 'x@acme.test', name: 'X', team: 'Iberia' }])).status).toBe(
      403,
    );
  });
});

describe('npm run cli -- import at a terminal', () => {
  // `script` runs the command on a pseudo-terminal, as a person at a shell would.
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)(
    'prints its progress to stderr, rewritten in place (through a pipe it prints none: test/survey/import-skip.test.ts)',
    { timeout: 60_000 },
    async () => {
      const file = join(t.dir, 'tty-reps.csv');
      writeFileSync(file, 'email,name,team\ntty@acme.test,Tty,Iberia\n');
      const command = `${JSON.stringify(process.execPath)} --import tsx src/cli.ts import reps ${JSON.stringify(file)} --skip-invalid`;
      const child = spawnSync('script', ['-qec', command, '/dev/null'], {
        env: {
          ...envWithoutConfig(),
          DATABASE_URL: `file:${t.dbPath}`,
          BASE_URL: 'http://cpi.test',
          SEND_INTERVAL_SECONDS: '0',
        },
        encoding: 'utf8',
        timeout: 50_000,
      });
      expect(child.status, child.stdout).toBe(0);
      // (The terminal shows each line feed as CR LF.)
      expect(child.stdout).toContain('\r\x1b[Ktty-reps.csv: 1 rows checked, 1 written\r\n');
      expect(child.stdout).toContain(`Imported 1 rows, skipped 0; rejected rows: ${file}.rejected.csv`);
    },
  );
});
