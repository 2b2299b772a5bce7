/**
 * `npm run cli -- <command>`: the shell side of CPI Lens (README.md, "Commands"); the
 * command line is read by src/cli-args.ts (`--help` prints the usage).
 * Exit codes: 0 done, 1 the input was refused (messages on stderr), 2 usage or config error.
 */
import { loadCliConfig, ConfigError } from './config';
import { openDeps } from './deps';
import type { AppDeps } from './context';
import { createApiKey } from './domain/api-keys';
import { createStaffUser } from './domain/staff';
import { passwordProblem } from './lib/passwords';
import { ensureTeams } from '../db/queries/teams';
import { AppError } from './lib/errors';
import { DatabaseUnavailableError } from '../db/errors';
import { sendDue } from './mail/sender';
import { queueDigests } from './domain/digest';
import { stopAnalyses } from './domain/analysis/cache';
import { createSettingsTransport } from './mail/transport';
import { getEffectiveMail } from './domain/mail-settings';
import { countDueMessages } from '../db/queries/outbox';
import { importFile, MAX_ERRORS } from './domain/imports/run';
import { sweepImports } from './domain/imports/sweep';
import { rejectedCsvHeader, rejectedCsvPages } from './domain/imports/rejected-csv';
import type { ImportProgress } from './domain/imports/progress';
import { progressLine } from './lib/progress-line';
import { writeCsvFile } from './lib/csv';
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { eraseCustomer, applyRetention } from './domain/privacy';
import { getSettings } from './domain/settings';
import { email } from './domain/inputs';
import { type CliCommand, parseCliArgs, USAGE, UsageError } from './cli-args';

/** The first line of stdin (without its newline): read up to the newline or the end, whichever comes first. */
async function readStdinLine(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if ((chunk as Buffer).includes(0x0a)) break;
  }
  process.stdin.pause();
  const text = Buffer.concat(chunks).toString('utf8');
  return text.split(/\r?\n/, 1)[0] ?? '';
}

async function userAdd(deps: AppDeps, { email, name, role, teams }: Extract<CliCommand, { command: 'user add' }>) {
  const password = await readStdinLine();
  const problem = passwordProblem(password);
  if (problem) throw new UsageError(`the password on stdin ${problem}`);
  const teamIds = [...(await deps.db.write((tx) => ensureTeams(tx, teams, deps.clock.nowMs()))).values()];
  const created = await createStaffUser(deps, 'cli', { email, name, role, password, teamIds });
  console.log(`Created ${role} ${email} (id ${created.id})${teams.length ? ` coaching ${teams.join(', ')}` : ''}.`);
  return 0;
}

async function apikeyCreate(deps: AppDeps, { name, scope }: Extract<CliCommand, { command: 'apikey create' }>) {
  const created = await createApiKey(deps, { name, scope, actor: 'cli', actorId: null });
  console.log(`API key "${name}" (scope ${scope}) created. It is shown once; store it now:`);
  console.log(created.key);
  return 0;
}

async function sendDueCommand(deps: AppDeps): Promise<number> {
  const transport = createSettingsTransport();
  try {
    const report = await sendDue(deps, transport);
    const { webhooks } = report;
    const hooks = `Webhooks: delivered ${webhooks.delivered}, retrying later ${webhooks.retried}, dead letters ${webhooks.dead}.`;
    if ((await getEffectiveMail(deps)).smtpUrl === undefined) {
      const waiting = await countDueMessages(deps.db.read, deps.clock.nowMs());
      console.log(
        `SMTP_URL is not set (nor mail settings at /admin/mail): ${waiting} due message(s) wait in the outbox (/admin/outbox). ${report.reminders} reminder(s) queued. ${hooks}`,
      );
      return 0;
    }
    console.log(
      `Sent ${report.sent}, retrying later ${report.retried}, dead letters ${report.dead}, reminders queued ${report.reminders}. ${hooks}`,
    );
    return 0;
  } finally {
    transport?.close();
  }
}

/**
 * `import KIND FILE [--skip-invalid]`: every row validated, then written in one step; errors
 * go to stderr. Skipping, the valid rows are written (still in one step) and the rejected
 * ones go to FILE.rejected.csv with their line and reason. Progress on stderr at a terminal.
 */
async function importCommand(
  deps: AppDeps,
  { kind, file, skipInvalid }: Extract<CliCommand, { command: 'import' }>,
): Promise<number> {
  if (!existsSync(file)) {
    console.error(`error: no such file: ${file}`);
    return 1;
  }
  await sweepImports(deps);
  // About 100 bytes a row: a guess only used to choose how the interactions indexes are kept.
  const expectedRows = Math.round(statSync(file).size / 100);
  const line = progressLine(process.stderr);
  const done: Required<ImportProgress> = { checked: 0, written: 0 };
  const onProgress = (progress: ImportProgress) => {
    Object.assign(done, progress);
    line.show(`${basename(file)}: ${done.checked} rows checked, ${done.written} written`);
  };
  const result = await importFile(deps, kind, file, {
    filename: basename(file),
    actor: 'cli',
    actorId: null,
    expectedRows,
    skipInvalid,
    onProgress,
  });
  line.end();
  // Skipping, the rejected rows are named in a file (an empty one when none were), so no earlier run's is left to mislead.
  const rejectedFile = `${file}.rejected.csv`;
  const writesRejected = skipInvalid && (result.status === 'published' || result.rejected > 0);
  if (writesRejected)
    await writeCsvFile(rejectedFile, rejectedCsvHeader(kind), rejectedCsvPages(deps.db.read, kind, result.importId));
  const { errors } = result;
  if (result.status === 'failed') {
    for (const e of errors)
      console.error(
        `line ${e.line}, column ${e.column || '*'}: ${e.message}${e.value ? ` (value: ${JSON.stringify(e.value)})` : ''}`,
      );
    if (skipInvalid && result.rejected > 0)
      console.log(`Nothing was imported: all ${result.rejected} row(s) were rejected; rejected rows: ${rejectedFile}`);
    else console.log(`Nothing was imported (${errors.length}${errors.length >= MAX_ERRORS ? '+' : ''} error(s)).`);
    return 1;
  }
  if (skipInvalid) {
    console.log(`Imported ${result.rows} rows, skipped ${result.rejected}; rejected rows: ${rejectedFile}`);
    console.log(`${kind} from ${basename(file)}: ${result.created} new, ${result.duplicates} already known.`);
    return 0;
  }
  console.log(
    `Imported ${result.rows} ${kind} row(s) from ${basename(file)}: ${result.created} new, ${result.duplicates} already known.`,
  );
  return 0;
}

/** `erase-customer --email E`: erases a customer (docs/reliability.md, "Privacy: erasure and retention"). */
async function eraseCommand(deps: AppDeps, given: string): Promise<number> {
  const address = email.safeParse(given);
  if (!address.success) throw new UsageError('--email must be an email address');
  const report = await deps.db.write((tx) => eraseCustomer(tx, address.data, 'cli', deps.clock.nowMs()));
  console.log(
    report.found
      ? `Erased ${address.data}: ${report.responses} response(s), ${report.invitations} invitation(s), ${report.outbox} message(s), ${report.comments} other comment(s) cleared, ${report.interactions} interaction(s) detached.`
      : `No customer ${address.data}; ${report.outbox} message(s) and ${report.comments} comment(s) mentioning the address were removed.`,
  );
  return 0;
}

/**
 * `digest send [--dry-run]`: this week's digests now, whatever the day and hour, to everyone
 * opted in who has not had one this ISO week; then the outbox is sent as `send-due` does.
 */
async function digestCommand(deps: AppDeps, dryRun: boolean): Promise<number> {
  // The analyses a digest reports are computed on a worker thread, which must end before the command can.
  const run = await queueDigests(deps, { force: true, dryRun }).finally(() => stopAnalyses(deps));
  if (dryRun) {
    console.log(
      `Dry run, ISO week ${run.week} (${run.timeZone}): ${run.queued.length} digest(s) would be sent; nothing was sent.`,
    );
    for (const d of run.queued) console.log(`\n== to ${d.email} (${d.role}): ${d.subject}\n${d.text}`);
    return 0;
  }
  console.log(
    `ISO week ${run.week} (${run.timeZone}): ${run.queued.length} digest(s) queued${run.claimedElsewhere ? `, ${run.claimedElsewhere} already claimed by another sender` : ''}.`,
  );
  for (const d of run.queued) console.log(`  ${d.email} (${d.role})`);
  return sendDueCommand(deps);
}

/** `retention`: applies the retention setting now (also run daily by the server). */
async function retentionCommand(deps: AppDeps): Promise<number> {
  const { retentionMonths } = await getSettings(deps.db.read);
  if (retentionMonths === null) {
    console.log('Retention is off (set it at /admin/privacy); nothing was changed.');
    return 0;
  }
  const r = await deps.db.write((tx) => applyRetention(tx, retentionMonths, 'cli', deps.clock.nowMs()));
  console.log(
    `Retention (${retentionMonths} months): ${r.anonymisedResponses} response(s) anonymised, ${r.detachedInteractions} interaction(s) detached, ${r.deletedCustomers} customer(s) deleted.`,
  );
  return 0;
}

function runCommand(deps: AppDeps, cli: Exclude<CliCommand, { command: 'help' }>): Promise<number> {
  switch (cli.command) {
    case 'user add':
      return userAdd(deps, cli);
    case 'apikey create':
      return apikeyCreate(deps, cli);
    case 'send-due':
      return sendDueCommand(deps);
    case 'import':
      return importCommand(deps, cli);
    case 'erase-customer':
      return eraseCommand(deps, cli.email);
    case 'retention':
      return retentionCommand(deps);
    case 'digest send':
      return digestCommand(deps, cli.dryRun);
  }
}

async function run(argv: string[]): Promise<number> {
  const cli = parseCliArgs(argv);
  if (cli.command === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadCliConfig();
  const { db, deps } = await openDeps(config);
  try {
    return await runCommand(deps, cli);
  } finally {
    await db.close();
  }
}

async function main() {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`error: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ConfigError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (error instanceof AppError || error instanceof DatabaseUnavailableError) {
      console.error(`error: ${error.message}`);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  }
}

await main();
