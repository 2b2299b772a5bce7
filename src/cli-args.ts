/**
 * The CLI's command line (README.md, "Commands"), read with `node:util` parseArgs into one
 * typed command before anything is opened. Anything it cannot read is a UsageError naming
 * the argument: src/cli.ts prints it with the usage and exits 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { API_SCOPES, type ApiScope, IMPORT_KINDS, type ImportKind, ROLES, type Role } from '../db/schema';

export class UsageError extends Error {}

export const USAGE = `Usage: npm run cli -- <command> [flags]

Commands:
  user add --email E --name N --role admin|lead|trainer [--team T]...
      creates a staff user (a trainer with the teams they coach); the password is read from stdin (one line)
  apikey create --name N [--scope ingest|read|all]
      prints a new API key once, on the last line (default scope all)
  send-due
      sends every invitation and reminder that is due and delivers due webhooks, then exits
  digest send [--dry-run]
      sends this week's digest now to every staff member who opted in and has not had it this
      ISO week (once per person and week); --dry-run prints what would go to whom, sends nothing
  import interactions|reps|training|content|responses FILE.csv [--skip-invalid]
      checks every row, then writes them in one step, or nothing (errors on stderr, exit 1);
      --skip-invalid writes the valid rows and lists the others in FILE.csv.rejected.csv
  erase-customer --email E
      erases a customer (answers, invitations, mail, comments quoting the address)
  retention
      applies the retention setting now (the server also does it daily)

  --help, -h   this text

Exit codes: 0 done, 1 the input was refused (messages on stderr), 2 usage or configuration error.`;

export type CliCommand =
  | { command: 'help' }
  | { command: 'user add'; email: string; name: string; role: Role; teams: string[] }
  | { command: 'apikey create'; name: string; scope: ApiScope }
  | { command: 'send-due' }
  | { command: 'digest send'; dryRun: boolean }
  | { command: 'import'; kind: ImportKind; file: string; skipInvalid: boolean }
  | { command: 'erase-customer'; email: string }
  | { command: 'retention' };

type Options = NonNullable<ParseArgsConfig['options']>;

const FLAGS = {
  'user add': {
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string' },
    team: { type: 'string', multiple: true },
  },
  'apikey create': { name: { type: 'string' }, scope: { type: 'string' } },
  'send-due': {},
  'digest send': { 'dry-run': { type: 'boolean' } },
  import: { 'skip-invalid': { type: 'boolean' } },
  'erase-customer': { email: { type: 'string' } },
  retention: {},
} satisfies Record<Exclude<CliCommand['command'], 'help'>, Options>;

type CommandName = keyof typeof FLAGS;

const EMAIL_SHAPE = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);
const flagList = (options: Options) =>
  Object.keys(options)
    .map((name) => `--${name}`)
    .join(', ');

/**
 * The flags and positionals of one command. Unknown flags are found first (from the tokens
 * of a lenient pass), so the message names the flag and what the command takes; the strict
 * pass then reports a flag without its value, a value on a switch, or a stray argument.
 */
function read(command: CommandName, args: string[], positionals: boolean) {
  const options: Options = FLAGS[command];
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'option' && !Object.hasOwn(options, token.name)) {
      const takes = Object.keys(options).length ? `it takes ${flagList(options)}` : 'it takes no flags';
      throw new UsageError(`unknown flag ${token.rawName} for "${command}" (${takes})`);
    }
    if (token.kind === 'positional' && !positionals)
      throw new UsageError(`unexpected argument "${token.value}" for "${command}"`);
  }
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: positionals });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const flag = /'(--?[\w-]+)/.exec(message)?.[1];
    if (flag && /argument missing/.test(message)) throw new UsageError(`${flag} needs a value`);
    if (flag && /does not take an argument/.test(message)) throw new UsageError(`${flag} takes no value`);
    throw new UsageError(message.split('. ')[0] ?? message);
  }
}

function required(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string') throw new UsageError(`--${name} is required`);
  return value;
}

/** Reads argv (after `npm run cli --`) into one command, or throws a UsageError. */
export function parseCliArgs(argv: string[]): CliCommand {
  if (argv.length === 0) throw new UsageError('no command given');
  // Help wins wherever it is asked for, before anything after `--`.
  const end = argv.indexOf('--');
  if ((end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h')) return { command: 'help' };
  const [first = '', second, ...rest] = argv;
  const pair = `${first} ${second ?? ''}`.trim();
  if (pair === 'user add') {
    const { values } = read('user add', rest, false);
    const email = required(values, 'email');
    const name = required(values, 'name');
    const role = required(values, 'role');
    if (!isOneOf(ROLES, role)) throw new UsageError('--role must be admin, lead or trainer');
    if (!EMAIL_SHAPE.test(email)) throw new UsageError('--email must be an email address');
    return { command: 'user add', email, name, role, teams: (values.team as string[] | undefined) ?? [] };
  }
  if (pair === 'apikey create') {
    const { values } = read('apikey create', rest, false);
    const name = required(values, 'name');
    const scope = (values.scope as string | undefined) ?? 'all';
    if (!isOneOf(API_SCOPES, scope)) throw new UsageError('--scope must be ingest, read or all');
    return { command: 'apikey create', name, scope };
  }
  if (pair === 'digest send') {
    const { values } = read('digest send', rest, false);
    return { command: 'digest send', dryRun: values['dry-run'] === true };
  }
  const args = second === undefined ? [] : [second, ...rest];
  if (first === 'send-due' || first === 'retention') {
    read(first, args, false);
    return { command: first };
  }
  if (first === 'erase-customer') {
    const { values } = read('erase-customer', args, false);
    return { command: 'erase-customer', email: required(values, 'email') };
  }
  if (first === 'import') {
    const { values, positionals } = read('import', args, true);
    const [kind, file, ...extra] = positionals;
    if (!kind || !isOneOf(IMPORT_KINDS, kind) || !file || extra.length > 0)
      throw new UsageError('import needs a kind (interactions, reps, training, content or responses) and a file');
    return { command: 'import', kind, file, skipInvalid: values['skip-invalid'] === true };
  }
  if (first === 'user' || first === 'apikey' || first === 'digest' || !first.startsWith('-'))
    throw new UsageError(`unknown command "${pair}"`);
  throw new UsageError(`unknown flag ${first}: a command comes first`);
}
