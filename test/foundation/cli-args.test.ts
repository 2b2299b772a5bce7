/**
 * The CLI's command line (src/cli-args.ts): every command and flag of README.md ("Commands")
 * read into one command; `--help`; anything else a usage error naming the argument — and,
 * run as a person would, exit 2 with the usage before any database is opened.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCliArgs, UsageError } from '../../src/cli-args';
import { envWithoutConfig } from '../helpers/server';

const usageError = (argv: string[]): string => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${JSON.stringify(argv)}`);
};

describe('reading the command line', () => {
  it('reads every documented command and flag', () => {
    expect(
      parseCliArgs([
        'user',
        'add',
        '--email',
        'tina@staff.test',
        '--name',
        'Tina T',
        '--role',
        'trainer',
        '--team',
        'Iberia',
        '--team=Nordics',
      ]),
    ).toEqual({
      command: 'user add',
      email: 'tina@staff.test',
      name: 'Tina T',
      role: 'trainer',
      teams: ['Iberia', 'Nordics'],
    });
    expect(parseCliArgs(['user', 'add', '--email', 'a@b.co', '--name', 'A', '--role', 'admin'])).toMatchObject({
      teams: [],
    });
    expect(parseCliArgs(['apikey', 'create', '--name', 'warehouse', '--scope', 'read'])).toEqual({
      command: 'apikey create',
      name: 'warehouse',
      scope: 'read',
    });
    expect(parseCliArgs(['apikey', 'create', '--name', 'w'])).toEqual({
      command: 'apikey create',
      name: 'w',
      scope: 'all',
    });
    expect(parseCliArgs(['send-due'])).toEqual({ command: 'send-due' });
    expect(parseCliArgs(['retention'])).toEqual({ command: 'retention' });
    expect(parseCliArgs(['digest', 'send'])).toEqual({ command: 'digest send', dryRun: false });
    expect(parseCliArgs(['digest', 'send', '--dry-run'])).toEqual({ command: 'digest send', dryRun: true });
    expect(parseCliArgs(['erase-customer', '--email', 'c@acme.test'])).toEqual({
      command: 'erase-customer',
      email: 'c@acme.test',
    });
    for (const kind of ['interactions', 'reps', 'training', 'content', 'responses'])
      expect(parseCliArgs(['import', kind, 'in.csv'])).toEqual({
        command: 'import',
        kind,
        file: 'in.csv',
        skipInvalid: false,
      });
    expect(parseCliArgs(['import', 'reps', '--skip-invalid', 'in.csv'])).toMatchObject({ skipInvalid: true });
    expect(parseCliArgs(['import', 'reps', 'in.csv', '--skip-invalid'])).toMatchObject({ skipInvalid: true });
    // The last of a repeated flag counts, as before.
    expect(parseCliArgs(['apikey', 'create', '--name', 'a', '--name', 'b'])).toMatchObject({ name: 'b' });
  });

  it('answers --help (or -h) anywhere with the usage', () => {
    for (const argv of [['--help'], ['-h'], ['import', '--help'], ['user', 'add', '--email', 'x', '-h']])
      expect(parseCliArgs(argv)).toEqual({ command: 'help' });
  });

  it('names what it cannot read', () => {
    expect(usageError([])).toBe('no command given');
    expect(usageError(['frobnicate'])).toBe('unknown command "frobnicate"');
    expect(usageError(['user', 'remove'])).toBe('unknown command "user remove"');
    expect(usageError(['user', 'add', '--email', 'a@b.co', '--name', 'A', '--role', 'lead', '--admin'])).toBe(
      'unknown flag --admin for "user add" (it takes --email, --name, --role, --team)',
    );
    expect(usageError(['send-due', '--dry-run'])).toBe('unknown flag --dry-run for "send-due" (it takes no flags)');
    expect(usageError(['import', 'reps', 'in.csv', '--skip'])).toBe(
      'unknown flag --skip for "import" (it takes --skip-invalid)',
    );
    expect(usageError(['import', 'reps', 'in.csv', '-s'])).toBe(
      'unknown flag -s for "import" (it takes --skip-invalid)',
    );
    expect(usageError(['--verbose', 'send-due'])).toBe('unknown flag --verbose: a command comes first');
    expect(usageError(['user', 'add', '--email'])).toBe('--email needs a value');
    expect(usageError(['user', 'add', '--name', 'A', '--role', 'lead'])).toBe('--email is required');
    expect(usageError(['user', 'add', '--email', 'a@b.co', '--name', 'A', '--role', 'owner'])).toBe(
      '--role must be admin, lead or trainer',
    );
    expect(usageError(['user', 'add', '--email', 'nope', '--name', 'A', '--role', 'lead'])).toBe(
      '--email must be an email address',
    );
    expect(usageError(['user', 'add', 'stray', '--email', 'a@b.co'])).toBe(
      'unexpected argument "stray" for "user add"',
    );
    expect(usageError(['apikey', 'create', '--name', 'k', '--scope', 'write'])).toBe(
      '--scope must be ingest, read or all',
    );
    expect(usageError(['retention', 'now'])).toBe('unexpected argument "now" for "retention"');
    expect(usageError(['digest', 'send', '--force'])).toBe(
      'unknown flag --force for "digest send" (it takes --dry-run)',
    );
    expect(usageError(['digest', 'stop'])).toBe('unknown command "digest stop"');
    expect(usageError(['erase-customer'])).toBe('--email is required');
    expect(usageError(['import', 'reps', 'in.csv', '--skip-invalid=yes'])).toBe('--skip-invalid takes no value');
    expect(usageError(['import', 'people', 'in.csv'])).toMatch(/^import needs a kind/);
    expect(usageError(['import', 'reps', 'a.csv', 'b.csv'])).toMatch(/^import needs a kind/);
  });
});

describe('npm run cli, from the shell', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-cli-args-'));
  const dbPath = join(dir, 'untouched.db');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...envWithoutConfig(), DATABASE_URL: `file:${dbPath}`, BASE_URL: 'http://cpi.test' },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('prints the usage for --help on stdout and exits 0', { timeout: 40_000 }, () => {
    const run = cli(['--help']);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run cli -- <command>/);
    for (const command of [
      'user add',
      'apikey create',
      'send-due',
      'digest send',
      'import',
      'erase-customer',
      'retention',
    ])
      expect(run.stdout).toContain(`  ${command}`);
    expect(run.stderr).toBe('');
  });

  it('exits 2 on an unknown flag, naming it, with the usage, and opens no database', { timeout: 40_000 }, () => {
    const run = cli(['apikey', 'create', '--name', 'k', '--expires', '30d']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: unknown flag --expires for "apikey create" (it takes --name, --scope)');
    expect(run.stderr).toContain('Usage: npm run cli -- <command>');
    expect(run.stdout).toBe('');
    expect(existsSync(dbPath)).toBe(false);
  });
});
