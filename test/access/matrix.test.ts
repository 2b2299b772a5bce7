/**
 * Drives the access matrix (./matrix.ts) through the real app with the demo workspace:
 * every row × every caller → the exact status. Writes the table as Markdown to
 * test-output/access-matrix.md for the README.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, addApiKey, addUser, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { DEMO_LOGINS, loadDemoWorkspace } from '../../db/demo';
import { newToken } from '../../src/lib/tokens';
import { cancelSession } from '../../src/domain/coaching-sessions';
import { stageImport } from '../../src/domain/imports/run';
import { seededShuffle } from '../../src/stats';
import { Readable } from 'node:stream';
import {
  API_PRINCIPALS,
  MATRIX,
  PRINCIPALS,
  STAFF_PRINCIPALS,
  fill,
  fillDeep,
  matrixMarkdown,
  rowName,
  type MatrixRow,
  type Principal,
} from './matrix';

const NOW = '2026-11-20T10:00:00Z';
/** Rows (and the callers within a row) run in a shuffled order: no row may depend on another. MATRIX_SEED=… replays an order. */
const SEED = Number(process.env.MATRIX_SEED ?? Math.floor(Math.random() * 1_000_000));

/** Seed 0 read as 1, as before, so an old MATRIX_SEED replays the same order. */
const shuffled = <T>(list: readonly T[], seed: number): T[] => seededShuffle(list, seed >>> 0 || 1);
const OUTPUT = fileURLToPath(new URL('../../test-output/access-matrix.md', import.meta.url));

type Credentials = { email: string; password: string };

describe(`access matrix: every route and fragment × every caller (shuffled, MATRIX_SEED=${SEED})`, () => {
  let t: TestApp;
  const values: Record<string, string> = {};
  const keys: Partial<Record<Principal, string>> = {};
  const cookies: Partial<Record<Principal, string>> = {};
  const credentials: Partial<Record<Principal, Credentials>> = {};

  const one = async <T = Record<string, unknown>>(sql: string): Promise<T> => {
    const row = (await t.db.readClient.execute(sql)).rows[0];
    if (!row) throw new Error(`no row for: ${sql}`);
    return row as unknown as T;
  };

  beforeAll(async () => {
    // Failure limits out of the way: the matrix sends many unknown tokens and wrong passwords from one address.
    t = await createTestApp(
      { TOKEN_FAILURE_LIMIT: '100000', LOGIN_FAILURE_LIMIT: '100000', API_KEY_FAILURE_LIMIT: '100000' },
      manualClock(NOW),
    );
    await loadDemoWorkspace(t.deps);

    const team = await one<{ id: number; name: string }>("SELECT id, name FROM teams WHERE name = 'Iberia'");
    const otherTeam = await one<{ id: number }>("SELECT id FROM teams WHERE name = 'North America'");
    const dach = await one<{ id: number }>("SELECT id FROM teams WHERE name = 'DACH'");
    const rep = await one<{ id: number; email: string; name: string }>(
      `SELECT r.id, r.email, r.name FROM reps r WHERE r.team_id = ${team.id} AND r.active = 1 AND r.excluded_from_surveys = 0
       AND EXISTS (SELECT 1 FROM interactions i WHERE i.rep_id = r.id) ORDER BY r.id LIMIT 1`,
    );
    const spareRep = await one<{ id: number }>(
      `SELECT id FROM reps WHERE team_id = ${otherTeam.id} ORDER BY id DESC LIMIT 1`,
    );
    const interaction = await one<{ id: number }>(
      `SELECT id FROM interactions WHERE rep_id = ${rep.id} ORDER BY id DESC LIMIT 1`,
    );
    const iberiaSession = (status: string) =>
      `SELECT s.id FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id WHERE r.team_id = ${team.id} AND s.status = '${status}' ORDER BY s.id LIMIT 1`;
    const done = await one<{ id: number }>(iberiaSession('done'));
    let cancelled = (await t.db.readClient.execute(iberiaSession('cancelled'))).rows[0] as unknown as
      | { id: number }
      | undefined;
    if (!cancelled) {
      const planned = await one<{ id: number }>(iberiaSession('planned'));
      const actor = {
        id: 0,
        email: 'matrix@test',
        name: 'matrix',
        role: 'admin' as const,
        locale: 'en' as const,
        teamIds: [],
      };
      await cancelSession(t.db, { sessionId: Number(planned.id), user: actor, now: t.clock.nowMs() });
      cancelled = planned;
    }
    const followUp = await one<{ id: number }>('SELECT id FROM follow_ups ORDER BY id LIMIT 1');
    const outbox = await one<{ id: number; text_body: string; to_address: string }>(
      "SELECT id, text_body, to_address FROM outbox WHERE status = 'pending' AND kind = 'invitation' ORDER BY id DESC LIMIT 1",
    );
    // Another customer's unsubscribe link: opting out cancels that customer's open invitations (and so their survey link).
    const otherMail = await one<{ text_body: string }>(
      `SELECT text_body FROM outbox WHERE status = 'pending' AND to_address <> '${outbox.to_address.replace(/'/g, "''")}' AND text_body LIKE '%/u/%' ORDER BY id LIMIT 1`,
    );
    const content = await one<{ id: string; title: string; url: string; stage: string; topic: string }>(
      'SELECT id, title, url, stage, topic FROM content_items WHERE url IS NOT NULL AND stage IS NOT NULL AND topic IS NOT NULL ORDER BY id LIMIT 1',
    );
    const failedImport = await stageImport(
      t.deps,
      'reps',
      Readable.from([Buffer.from('email;name;team\na@b.test;A;T\n')]),
      { filename: 'matrix.csv', actor: 'test', actorId: null },
    );
    expect(failedImport.errors.length).toBeGreaterThan(0);
    const skill = await one<{ id: number }>('SELECT id FROM skills ORDER BY id LIMIT 1');
    const victim = await addUser(t, 'trainer', { email: 'victim@staff.test', teamIds: [otherTeam.id] });
    const spareKey = await addApiKey(t, 'read');

    Object.assign(values, {
      repId: String(rep.id),
      repEmail: rep.email,
      repName: rep.name,
      teamId: String(team.id),
      teamName: team.name,
      interactionId: String(interaction.id),
      doneSessionId: String(done.id),
      cancelledSessionId: String(cancelled.id),
      followUpId: String(followUp.id),
      outboxId: String(outbox.id),
      importId: String(failedImport.importId),
      victimId: String(victim.id),
      otherTeamId: String(otherTeam.id),
      spareRepId: String(spareRep.id),
      spareKeyId: String(spareKey.id),
      contentId: content.id,
      skillId: String(skill.id),
      contentTitle: content.title,
      contentUrl: content.url,
      contentStage: content.stage,
      contentTopic: content.topic,
      surveyToken: /\/s\/([A-Za-z0-9_-]{43})/.exec(outbox.text_body)![1]!,
      unsubToken: /\/u\/([A-Za-z0-9_-]{43})/.exec(otherMail.text_body)![1]!,
      unknownToken: newToken(),
    });

    keys.apiIngest = (await addApiKey(t, 'ingest')).key;
    keys.apiRead = (await addApiKey(t, 'read')).key;
    keys.apiAll = (await addApiKey(t, 'all')).key;
    const demo = (role: string) => DEMO_LOGINS.find((l) => l.role === role)!;
    credentials.admin = demo('admin');
    credentials.lead = demo('lead');
    credentials.trainerOwn = demo('trainer');
    const other = await addUser(t, 'trainer', { email: 'trainer.other@staff.test', teamIds: [dach.id] });
    credentials.trainerOther = other;
    for (const p of STAFF_PRINCIPALS) cookies[p] = await login(t, credentials[p]!.email, credentials[p]!.password);
  }, 120_000);

  afterAll(async () => {
    mkdirSync(fileURLToPath(new URL('../../test-output/', import.meta.url)), { recursive: true });
    writeFileSync(OUTPUT, matrixMarkdown());
    console.log(`access matrix written to ${OUTPUT}`);
    await t?.close();
  });

  async function send(row: MatrixRow, principal: Principal): Promise<Response> {
    const headers = new Headers(row.headers);
    if (row.fragment) headers.set('HX-Request', 'true');
    let cookie: string | undefined;
    if (API_PRINCIPALS.includes(principal)) headers.set('Authorization', `Bearer ${keys[principal]}`);
    if (STAFF_PRINCIPALS.includes(principal)) {
      cookie = row.freshSession
        ? await login(t, credentials[principal]!.email, credentials[principal]!.password)
        : cookies[principal];
    }
    let body: string | undefined;
    if (row.method === 'POST') {
      headers.set('Origin', BASE_URL);
      if (row.json !== undefined) {
        headers.set('Content-Type', 'application/json');
        body = JSON.stringify(fillDeep(row.json, values));
      } else {
        headers.set('Content-Type', 'application/x-www-form-urlencoded');
        body = new URLSearchParams(
          Object.entries(row.form ?? {}).map(([k, v]): [string, string] => [k, fill(v, values)]),
        ).toString();
      }
    }
    return t.request(fill(row.path, values), { method: row.method, headers, body, cookie });
  }

  it('has a row for every route the app registers (a new route without a row fails here)', () => {
    /** A Hono route pattern (`/reps/:id{[0-9]+}`, `/s/:token`, `*`) as a regular expression. */
    const patternOf = (path: string) =>
      new RegExp(
        `^${path
          .split('/')
          .map((segment) =>
            segment === '*'
              ? '.*'
              : segment.startsWith(':')
                ? (/\{(.+)\}$/.exec(segment)?.[1] ?? '[^/]+')
                : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      );
    const routes = new Set(
      t.app.routes
        .filter((r) => r.method === 'GET' || r.method === 'POST' || r.method === 'DELETE')
        .map((r) => `${r.method} ${r.path}`),
    );
    const uncovered = [...routes].filter((route) => {
      const [method, path] = route.split(' ') as [string, string];
      const pattern = patternOf(path);
      return !MATRIX.some((row) => row.method === method && pattern.test(fill(row.path, values).replace(/\?.*$/, '')));
    });
    expect(routes.size).toBeGreaterThanOrEqual(80);
    expect(uncovered).toEqual([]);
    expect(MATRIX.filter((r) => r.fragment).length).toBeGreaterThanOrEqual(20);
  });

  for (const [index, row] of shuffled(MATRIX, SEED).entries()) {
    it(rowName(row), async () => {
      const wrong: string[] = [];
      for (const principal of shuffled(PRINCIPALS, SEED + index)) {
        const res = await send(row, principal);
        const expected = row.expected[principal];
        const anonymousHere = !STAFF_PRINCIPALS.includes(principal);
        if (res.status !== expected) {
          const text = res.headers.get('location') ? '' : await res.text();
          const detail =
            res.headers.get('location') ??
            /<title>([^<]*)<\/title>/.exec(text)?.[1] ??
            text.replace(/\s+/g, ' ').slice(0, 160);
          wrong.push(`${principal}: expected ${expected}, got ${res.status} (${detail})`);
          continue;
        }
        // Turned away for want of a session: to the login page, or (htmx) told where it is.
        if ((row.area === 'staff' || row.area === 'admin') && anonymousHere) {
          if (expected === 303 && !(res.headers.get('location') ?? '').startsWith('/login?next='))
            wrong.push(`${principal}: redirected to ${res.headers.get('location')}, not to /login`);
          if (expected === 401 && !(res.headers.get('hx-redirect') ?? '').startsWith('/login?next='))
            wrong.push(`${principal}: 401 without HX-Redirect to /login`);
        }
        if (row.area === 'api' && (expected === 401 || expected === 403)) {
          const json = (await res.json()) as { error?: { code?: string } };
          if (json.error?.code !== (expected === 401 ? 'unauthorized' : 'forbidden'))
            wrong.push(`${principal}: error body ${JSON.stringify(json)}`);
        }
        await res.body?.cancel().catch(() => {});
      }
      expect(wrong, rowName(row)).toEqual([]);
    });
  }
});
