/**
 * GET /api/v1/cpis?groupBy=rep and /api/v1/gaps on generated workspaces of 100,000 and
 * 1,000,000 responses (500 reps, 8 skills), against a baseline measured in the same run on
 * the same file: one plain SQL GROUP BY rep over the responses computing count, sum and sum
 * of squares of each answer, with a covering index on the rep and answer columns (created
 * here for the baseline if missing). The skill-link analysis is computed once per data
 * version on the analysis worker: "cold" is the first request after the data version moved
 * (the worker computes, the request waits) — with /healthz timed from another thread
 * meanwhile — and "cached" a request served from the stored result. The training-effects
 * analysis (cohort estimator over the courses) is measured the same way.
 */
import { createClient } from '@libsql/client';
import { generateWorkspace } from './generate';
import { fmt, ratio, startServerProcess, timeIt } from './lib';
import { hashToken, newApiKey } from '../src/lib/tokens';
import { probeHealth } from '../test/helpers/health-probe';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const BASELINE_SQL = `SELECT rep_id, count(*) AS n,
  count(resolved_first_contact), sum(resolved_first_contact),
  count(content_useful), sum(content_useful), sum(content_useful * content_useful),
  count(decision_clearer), sum(decision_clearer), sum(decision_clearer * decision_clearer),
  count(added_value), sum(added_value), sum(added_value * added_value)
  FROM responses GROUP BY rep_id`;

interface SizeResult {
  responses: number;
  baseline: number;
  cpis: number;
  gapsCold: number;
  gapsCached: number;
  trainingCold: number;
  trainingCached: number;
  healthzWorst: number;
  peakRssMb: number;
}

async function measure(responses: number): Promise<SizeResult> {
  const t0 = performance.now();
  const path = await generateWorkspace({ responses, now: NOW });
  console.log(
    `  workspace ${responses.toLocaleString('en')} responses ready (${((performance.now() - t0) / 1000).toFixed(1)} s): ${path}`,
  );
  const client = createClient({ url: `file:${path}` });
  await client.execute(
    'CREATE INDEX IF NOT EXISTS bench_baseline_covering_idx ON responses (rep_id, resolved_first_contact, content_useful, decision_clearer, added_value)',
  );
  const { key } = newApiKey();
  await client.execute({
    sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench', 'all', 'bench', ?, 0)",
    args: [hashToken(key)],
  });
  const baseline = await timeIt(() => client.execute(BASELINE_SQL), 5, 1);
  const server = await startServerProcess({ DATABASE_URL: `file:${path}`, NOW: new Date(NOW).toISOString() });
  try {
    const get = async (p: string) => {
      const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`${p} → ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const cpis = await timeIt(() => get('/api/v1/cpis?groupBy=rep'), 5, 2);
    // Cold: each run moves the data version first, so the request waits for the worker.
    const probe = probeHealth(`${server.url}/healthz`);
    await probe.ready;
    const gapsCold = await timeIt(
      async () => {
        await client.execute('UPDATE data_version SET version = version + 1 WHERE id = 1');
        await get('/api/v1/gaps');
      },
      5,
      1,
    );
    const trainingCold = await timeIt(
      async () => {
        await client.execute('UPDATE data_version SET version = version + 1 WHERE id = 1');
        await get('/api/v1/training-effects');
      },
      5,
      1,
    );
    const healthz = await probe.stop();
    const gapsCached = await timeIt(() => get('/api/v1/gaps'), 5, 1);
    const trainingCached = await timeIt(() => get('/api/v1/training-effects'), 5, 1);
    const healthzWorst = Math.max(...healthz);
    const peakRssMb = server.peakRssMb();
    console.log(
      `  baseline GROUP BY rep: ${fmt(baseline.median)} (min ${fmt(baseline.min)}, max ${fmt(baseline.max)})`,
    );
    console.log(
      `  GET /api/v1/cpis?groupBy=rep: ${fmt(cpis.median)} (min ${fmt(cpis.min)}, max ${fmt(cpis.max)}) = ${ratio(cpis.median, baseline.median)}× baseline`,
    );
    console.log(
      `  GET /api/v1/gaps, cold (new data version, worker, B = 200): ${fmt(gapsCold.median)} (min ${fmt(gapsCold.min)}, max ${fmt(gapsCold.max)}) = ${ratio(gapsCold.median, baseline.median)}× baseline`,
    );
    console.log(
      `  GET /api/v1/gaps, cached: ${fmt(gapsCached.median)} (min ${fmt(gapsCached.min)}, max ${fmt(gapsCached.max)}) = ${ratio(gapsCached.median, baseline.median)}× baseline`,
    );
    console.log(
      `  GET /api/v1/training-effects, cold (new data version, worker): ${fmt(trainingCold.median)} (min ${fmt(trainingCold.min)}, max ${fmt(trainingCold.max)}) = ${ratio(trainingCold.median, baseline.median)}× baseline`,
    );
    console.log(
      `  GET /api/v1/training-effects, cached: ${fmt(trainingCached.median)} (min ${fmt(trainingCached.min)}, max ${fmt(trainingCached.max)}) = ${ratio(trainingCached.median, baseline.median)}× baseline`,
    );
    console.log(`  /healthz during both cold runs: ${healthz.length} answers, worst ${fmt(healthzWorst)}`);
    console.log(`  server peak RSS: ${peakRssMb.toFixed(0)} MB`);
    return {
      responses,
      baseline: baseline.median,
      cpis: cpis.median,
      gapsCold: gapsCold.median,
      gapsCached: gapsCached.median,
      trainingCold: trainingCold.median,
      trainingCached: trainingCached.median,
      healthzWorst,
      peakRssMb,
    };
  } finally {
    await server.stop();
    await client.execute('DELETE FROM api_keys');
    client.close();
  }
}

export async function benchCpis(sizes = [100_000, 1_000_000]) {
  console.log('CPI and gap reads');
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measure(size));
  const small = results[0]!;
  const large = results[results.length - 1]!;
  console.log('RESULT cpis:');
  console.log(
    `  cpis at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.cpis, large.baseline)} (target ≤ 0.5)`,
  );
  if (results.length > 1)
    console.log(
      `  cpis at ${large.responses.toLocaleString('en')} / cpis at ${small.responses.toLocaleString('en')}: ${ratio(large.cpis, small.cpis)} (target ≤ 2)`,
    );
  console.log(
    `  gaps cached at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.gapsCached, large.baseline)} (target ≤ 0.2)`,
  );
  console.log(
    `  gaps cold at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.gapsCold, large.baseline)} (target ≤ 10); /healthz worst meanwhile ${fmt(large.healthzWorst)} (target < 100 ms)`,
  );
  console.log(
    `  training-effects cold at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.trainingCold, large.baseline)} (target ≤ 5)`,
  );
  console.log(
    `  training-effects cached at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.trainingCached, large.baseline)} (target ≤ 0.2)`,
  );
  console.log(`  peak RSS: ${Math.max(...results.map((r) => r.peakRssMb)).toFixed(0)} MB (target < 400)`);
  return results;
}
