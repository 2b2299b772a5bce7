/** Builds the real app on a fresh libSQL database file in a temp folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config';
import { createDb, type Db } from '../../db/client';
import { migrate } from '../../db/migrate';
import { createClock, type Clock } from '../../src/lib/clock';
import { createApp } from '../../src/app';
import type { AppDeps } from '../../src/context';
import { loadSecretsKey } from '../../src/lib/secrets';
import { hashPassword } from '../../src/lib/passwords';
import { insertUser } from '../../db/queries/users';
import { createApiKey } from '../../src/domain/api-keys';
import type { ApiScope, Role } from '../../db/schema';
import { DAY_MS } from '../../src/lib/days';

export const BASE_URL = 'http://cpi.test';

export interface TestApp {
  dir: string;
  dbPath: string;
  db: Db;
  deps: AppDeps;
  config: Config;
  clock: Clock;
  app: ReturnType<typeof createApp>;
  request(path: string, init?: RequestInit & { cookie?: string }): Promise<Response>;
  postForm(
    path: string,
    fields: Record<string, string | string[]>,
    options?: { cookie?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function createTestApp(env: Record<string, string> = {}, clock?: Clock): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-lens-test-'));
  const dbPath = join(dir, 'test.db');
  const config = loadConfig({ BASE_URL, DATABASE_URL: `file:${dbPath}`, SEND_INTERVAL_SECONDS: '0', ...env });
  const db = await createDb({ url: config.databaseUrl, writeDeadlineMs: config.writeDeadlineMs });
  await migrate(db.adminClient);
  const theClock = clock ?? createClock(config.now);
  const secretsKey = loadSecretsKey(config, () => {});
  const deps: AppDeps = { config, db, clock: theClock, wakeSender: () => {}, secretsKey };
  const app = createApp(deps);
  const request = async (path: string, init: RequestInit & { cookie?: string } = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('Cookie', init.cookie);
    return await app.request(`${BASE_URL}${path}`, { ...init, headers });
  };
  const postForm = async (
    path: string,
    fields: Record<string, string | string[]>,
    options: { cookie?: string; headers?: Record<string, string> } = {},
  ) => {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
    return await request(path, {
      method: 'POST',
      body: body.toString(),
      cookie: options.cookie,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: BASE_URL, ...options.headers },
    });
  };
  return {
    dir,
    dbPath,
    db,
    deps,
    config,
    clock: theClock,
    app,
    request,
    postForm,
    async close() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addUser(
  t: TestApp,
  role: Role,
  options: { email?: string; password?: string; teamIds?: number[]; name?: string } = {},
) {
  const email = options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@staff.test`;
  const password = options.password ?? 'correct horse battery';
  const passwordHash = await hashPassword(password);
  const id = await t.db.write((tx) =>
    insertUser(
      tx,
      { email, name: options.name ?? `${role} user`, role, passwordHash, teamIds: options.teamIds ?? [] },
      t.clock.nowMs(),
    ),
  );
  return { id, email, password };
}

/** Signs in through POST /login and returns the session cookie ("name=value"). */
export async function login(t: TestApp, email: string, password: string): Promise<string> {
  const res = await t.postForm('/login', { email, password });
  if (res.status !== 303) throw new Error(`login failed with ${res.status}`);
  const cookie = sessionCookieFrom(res);
  if (!cookie) throw new Error('login set no cookie');
  return cookie;
}

export function sessionCookieFrom(res: Response): string | undefined {
  const header = res.headers.get('set-cookie') ?? '';
  const match = /((?:__Host-)?cpil_session)=([^;]+)/.exec(header);
  return match ? `${match[1]}=${match[2]}` : undefined;
}

export async function addApiKey(t: TestApp, scope: ApiScope = 'all') {
  const created = await createApiKey(t.deps, { name: `test-${scope}`, scope, actor: 'test', actorId: null });
  return created;
}

export async function countRows(db: Db, table: string, where = '1=1'): Promise<number> {
  const result = await db.readClient.execute(`SELECT count(*) AS n FROM ${table} WHERE ${where}`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Calls the JSON API with a Bearer key. */
export async function api(
  t: TestApp,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: any; headers: Headers }> {
  const res = await t.request(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: res.status, json, headers: res.headers };
}

export interface ManualClock {
  nowMs(): number;
  now(): Date;
  advance(ms: number): void;
  set(ms: number): void;
}

export function manualClock(start: number | string): ManualClock {
  let now = typeof start === 'string' ? Date.parse(start) : start;
  return {
    nowMs: () => now,
    now: () => new Date(now),
    advance: (ms) => void (now += ms),
    set: (ms) => void (now = ms),
  };
}

export const HOUR = 3_600_000;
/** A day in ms, for tests (src/lib/days.ts). */
export const DAY = DAY_MS;

/** A rep and an interaction payload with sensible defaults. */
export function interaction(over: Record<string, unknown> = {}) {
  return {
    externalId: `crm-${Math.random().toString(36).slice(2, 10)}`,
    repEmail: 'ana@acme.test',
    customer: {
      email: `c-${Math.random().toString(36).slice(2, 8)}@x.test`,
      name: 'Carla',
      locale: 'es',
      company: 'X',
    },
    type: 'call',
    occurredAt: new Date(Date.parse('2026-11-20T10:00:00Z')).toISOString(),
    quoteRequestedAt: null,
    quoteDeliveredAt: null,
    contentIds: ['deck-q4'],
    ...over,
  };
}
