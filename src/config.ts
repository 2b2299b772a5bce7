import { z } from 'zod';
import { trustedProxyList } from './lib/client-address';

/** Everything the app reads from its environment, parsed once. The only reader of process.env. */
export interface Config {
  readonly port: number;
  readonly databaseUrl: string;
  readonly databaseAuthToken: string | undefined;
  readonly baseUrl: string;
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly sendIntervalSeconds: number;
  /** Test clock start (ISO instant); undefined means the real clock. */
  readonly now: string | undefined;
  readonly loginFailureLimit: number;
  readonly tokenFailureLimit: number;
  readonly apiKeyFailureLimit: number;
  readonly rateLimitWindowSeconds: number;
  readonly writeDeadlineMs: number;
  /** A libSQL server: the deadline of each request to it (db/server-link.ts). */
  readonly databaseTimeoutMs: number;
  /** A libSQL server: requests that may wait at once (reads, and queued writes, each); beyond it, 503. */
  readonly databaseMaxPending: number;
  /** Rows a CLI history import publishes per round (src/domain/imports/history.ts). */
  readonly importRoundRows: number;
  readonly secureCookies: boolean;
  /** Benchmarks only: exposes POST /bench/noop-survey (parses and validates a survey form, touches no database). */
  readonly benchRoutes: boolean;
  /** Proxy addresses and CIDR ranges whose X-Forwarded-For is believed (src/lib/client-address.ts); empty: the socket's peer is the client. */
  readonly trustedProxies: readonly string[];
  /** Key for secrets stored in the database (src/lib/secrets.ts); undefined: a key file beside a database file. */
  readonly secretsKey: string | undefined;
  /** Webhooks may target `http:` and private, loopback or link-local addresses (tests, receivers on the same network). */
  readonly webhookAllowLocal: boolean;
}

const intFrom = (min: number, max: number) =>
  z.string().trim().regex(/^\d+$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const httpUrl = z
  .string()
  .trim()
  .url('must be a URL such as http://localhost:3000')
  .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
  .transform((v) => v.replace(/\/+$/, ''));

const databaseUrl = z
  .string()
  .trim()
  .refine(
    (v) => v === ':memory:' || /^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/.test(v),
    'must be file:…, :memory:, libsql://…, http(s)://… or ws(s)://…',
  );

const smtpUrl = z
  .string()
  .trim()
  .refine((v) => /^smtps?:\/\/[^/\s]+/.test(v), 'must look like smtp://user:pass@host:port');

const isoInstant = z
  .string()
  .trim()
  .refine(
    (v) => /^\d{4}-\d{2}-\d{2}T/.test(v) && !Number.isNaN(Date.parse(v)),
    'must be an ISO instant such as 2026-11-20T10:00:00Z',
  );

const mailbox = z
  .string()
  .trim()
  .refine((v) => !/[\r\n]/.test(v), 'must not contain line breaks')
  .refine((v) => /@/.test(v), 'must contain an email address');

const proxyList = z
  .string()
  .transform((v) =>
    v
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== ''),
  )
  .superRefine((entries, ctx) => {
    try {
      trustedProxyList(entries);
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `${(error as Error).message}; give addresses or CIDR ranges separated by commas`,
      });
    }
  });

const envSchema = z.object({
  PORT: intFrom(0, 65535).default(3000),
  DATABASE_URL: databaseUrl.default('file:data/cpi-lens.db'),
  DATABASE_AUTH_TOKEN: z.string().trim().min(1).optional(),
  BASE_URL: httpUrl.optional(),
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: mailbox.optional(),
  SEND_INTERVAL_SECONDS: intFrom(0, 86_400).default(30),
  NOW: isoInstant.optional(),
  LOGIN_FAILURE_LIMIT: intFrom(1, 100_000).default(10),
  TOKEN_FAILURE_LIMIT: intFrom(1, 100_000).default(50),
  API_KEY_FAILURE_LIMIT: intFrom(1, 100_000).default(20),
  RATE_LIMIT_WINDOW_SECONDS: intFrom(1, 86_400).default(900),
  WRITE_DEADLINE_MS: intFrom(0, 600_000).default(5000),
  DATABASE_TIMEOUT_MS: intFrom(100, 600_000).default(5000),
  DATABASE_MAX_PENDING: intFrom(1, 100_000).default(200),
  IMPORT_ROUND_ROWS: intFrom(1, 1_000_000).default(50_000),
  ENABLE_BENCH_ROUTES: z.enum(['0', '1']).default('0'),
  TRUSTED_PROXIES: proxyList.optional(),
  SECRETS_KEY: z
    .string()
    .trim()
    .refine(
      (v) => /^[0-9a-f]{64}$/i.test(v) || Buffer.from(v, 'base64').length === 32,
      'must be 32 bytes as 64 hex digits or base64 (openssl rand -base64 32)',
    )
    .optional(),
  WEBHOOK_ALLOW_LOCAL: z.enum(['0', '1']).default('0'),
});

/**
 * The sender when MAIL_FROM is unset: surveys@ the public host of BASE_URL (relays refuse a
 * non-FQDN sender such as surveys@localhost); localhost, IP addresses and single-label hosts keep localhost.
 */
function defaultMailFrom(baseUrl: string): string {
  const host = new URL(baseUrl).hostname;
  const isPublicName =
    host.includes('.') && !host.endsWith('.localhost') && !host.startsWith('[') && !/^[\d.]+$/.test(host);
  return `CPI Lens <surveys@${isPublicName ? host : 'localhost'}>`;
}

/** The names of every variable the app reads. */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(envSchema.shape);

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Variables whose value is a secret: an error names them without showing it (no secret in a log). */
const SECRET_VARIABLES = new Set(['DATABASE_AUTH_TOKEN', 'SECRETS_KEY']);

/** A value as an error may print it: secrets hidden, a password in a URL masked. */
function shownValue(name: string, value: string): string {
  if (SECRET_VARIABLES.has(name)) return '(hidden)';
  return value.replace(/(\/\/[^:/@\s]*:)[^@/\s]*@/, '$1***@');
}

/** Parses the environment (empty strings count as unset) into a frozen Config, or throws a ConfigError naming each bad variable. */
/** A CLI command is a batch job, not a request: it waits out another process's write lock for up to a minute unless WRITE_DEADLINE_MS says otherwise. */
export function loadCliConfig(): Config {
  return loadConfig({ WRITE_DEADLINE_MS: '60000', ...process.env });
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value.trim() === '' ? [] : [[key, value]];
    }),
  );
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      return `${name}=${JSON.stringify(shownValue(name, present[name] ?? ''))}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const e = parsed.data;
  const baseUrl = e.BASE_URL ?? `http://localhost:${e.PORT}`;
  return Object.freeze({
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseAuthToken: e.DATABASE_AUTH_TOKEN,
    baseUrl,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM ?? defaultMailFrom(baseUrl),
    sendIntervalSeconds: e.SEND_INTERVAL_SECONDS,
    now: e.NOW,
    loginFailureLimit: e.LOGIN_FAILURE_LIMIT,
    tokenFailureLimit: e.TOKEN_FAILURE_LIMIT,
    apiKeyFailureLimit: e.API_KEY_FAILURE_LIMIT,
    rateLimitWindowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
    writeDeadlineMs: e.WRITE_DEADLINE_MS,
    databaseTimeoutMs: e.DATABASE_TIMEOUT_MS,
    databaseMaxPending: e.DATABASE_MAX_PENDING,
    importRoundRows: e.IMPORT_ROUND_ROWS,
    secureCookies: baseUrl.startsWith('https://'),
    benchRoutes: e.ENABLE_BENCH_ROUTES === '1',
    trustedProxies: Object.freeze(e.TRUSTED_PROXIES ?? []),
    secretsKey: e.SECRETS_KEY,
    webhookAllowLocal: e.WEBHOOK_ALLOW_LOCAL === '1',
  });
}
