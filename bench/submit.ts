/**
 * Issue 6 benchmark: survey submit throughput. autocannon at 50 connections against
 * POST /s/<token> with a unique token per request (synchronous=FULL, group commit), versus
 * the same server's no-op route that parses and validates the same form without the
 * database. Then every 303 is checked against the database: zero lost, none doubled.
 */
import { mkdirSync, rmSync } from 'node:fs';
import autocannon from 'autocannon';
import { createClient } from '@libsql/client';
import { createOpenInvitations } from './survey-fixture';
import { median, startServerProcess } from './lib';

const FORM =
  'resolved_first_contact=yes&content_useful=4&decision_clearer=5&added_value=4&comment=Quick+and+clear&contact_consent=no&action=submit';

interface Run {
  rps: number;
  p99: number;
  ok: number;
  other: number;
}

export function cannon(url: string, paths: () => string, seconds: number, connections = 50): Promise<Run> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: FORM,
        requests: [{ setupRequest: (req) => ({ ...req, path: paths() }) }],
      },
      (error, result) => {
        if (error) return reject(error);
        const codes = result.statusCodeStats as Record<string, { count: number }>;
        const ok = codes['303']?.count ?? 0;
        const total = Object.values(codes).reduce((s, c) => s + c.count, 0);
        resolve({
          rps: result.requests.average,
          p99: result.latency.p99,
          ok,
          other: total - ok + result.errors + result.timeouts,
        });
      },
    );
    void instance;
  });
}

export async function benchSubmit(
  runs = Number(process.env.BENCH_RUNS ?? 5),
  seconds = Number(process.env.BENCH_SECONDS ?? 8),
) {
  console.log(`Survey submit throughput (issue 6): ${runs} runs × ${seconds} s each route, 50 connections`);
  const now = Date.now();
  mkdirSync('test-output/bench', { recursive: true });
  const results: { noop: Run; submit: Run; lost: number; doubled: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const path = `test-output/bench/submit-${run}.db`;
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    const tokens = await createOpenInvitations(path, 120_000, now);
    const server = await startServerProcess({ DATABASE_URL: `file:${path}`, ENABLE_BENCH_ROUTES: '1' });
    try {
      let n = 0;
      const noop = await cannon(server.url, () => `/bench/noop-survey/${tokens[n++ % tokens.length]}`, seconds);
      let next = 0;
      const submit = await cannon(server.url, () => `/s/${tokens[next++]}`, seconds);
      if (next > tokens.length) throw new Error('ran out of tokens: raise the fixture size');
      const client = createClient({ url: `file:${path}` });
      const stored = await client.execute(
        "SELECT count(*) AS n, count(DISTINCT invitation_id) AS d FROM responses WHERE status = 'submitted'",
      );
      client.close();
      const n303 = submit.ok;
      const rows = Number(stored.rows[0]!.n);
      results.push({ noop, submit, lost: Math.max(0, n303 - rows), doubled: rows - Number(stored.rows[0]!.d) });
      console.log(
        `  run ${run + 1}: no-op ${noop.rps.toFixed(0)} req/s (p99 ${noop.p99} ms); submit ${submit.rps.toFixed(0)} req/s (p99 ${submit.p99} ms), ` +
          `${n303} acknowledged, ${rows} stored, non-303 ${submit.other} → ratio ${(submit.rps / noop.rps).toFixed(2)}`,
      );
    } finally {
      await server.stop();
    }
  }
  const ratios = results.map((r) => r.submit.rps / r.noop.rps);
  console.log('RESULT submit:');
  console.log(
    `  submit / no-op throughput: median ${median(ratios).toFixed(2)} (min ${Math.min(...ratios).toFixed(2)}, max ${Math.max(...ratios).toFixed(2)}) (target ≥ 0.4)`,
  );
  console.log(
    `  submit: median ${median(results.map((r) => r.submit.rps)).toFixed(0)} req/s, p99 median ${median(results.map((r) => r.submit.p99))} ms; no-op: median ${median(results.map((r) => r.noop.rps)).toFixed(0)} req/s, p99 median ${median(results.map((r) => r.noop.p99))} ms`,
  );
  console.log(
    `  lost acknowledged submits: ${results.reduce((s, r) => s + r.lost, 0)}; doubled: ${results.reduce((s, r) => s + r.doubled, 0)}`,
  );
  return results;
}
