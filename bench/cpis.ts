/**
 * Issue 4 benchmark: GET /api/v1/cpis?groupBy=rep and /api/v1/gaps on generated
 * workspaces of 100,000 and 1,000,000 responses, against a baseline measured in the same
 * run on the same file: one plain SQL GROUP BY rep over the responses computing count,
 * sum and sum of squares of each answer, with a covering index on the rep and answer
 * columns (created here for the baseline if missing).
 */
import { createClient } from '@libsql/client';
import { generateWorkspace } from './generate';
import { fmt, ratio, startServerProcess, timeIt } from './lib';
import { hashToken, newApiKey } from '../src/lib/tokens';

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
  gaps: number;
  peakRssMb: number;
}

async function measure(responses: number): Promise<SizeResult> {
  const t0 = performance.now();
  const path = await generateWorkspace({ responses, now: NOW });
  console.log(`  workspace ${responses.toLocaleString('en')} responses ready (${((performance.now() - t0) / 1000).toFixed(1)} s): ${path}`);
  const client = createClient({ url: `file:${path}` });
  await client.execute(
    'CREATE INDEX IF NOT EXISTS bench_baseline_covering_idx ON responses (rep_id, resolved_first_contact, content_useful, decision_clearer, added_value)',
  );
  const { key } = newApiKey();
  await client.execute({ sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench', 'all', 'bench', ?, 0)", args: [hashToken(key)] });
  const baseline = await timeIt(() => client.execute(BASELINE_SQL), 5, 1);
  const server = await startServerProcess({ DATABASE_URL: `file:${path}`, NOW: new Date(NOW).toISOString() });
  try {
    const get = async (p: string) => {
      const res = await fetch(`${server.url}${p}`, { headers: { Authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`${p} → ${res.status}: ${await res.text()}`);
      return res.json();
    };
    const cpis = await timeIt(() => get('/api/v1/cpis?groupBy=rep'), 5, 2);
    const gaps = await timeIt(() => get('/api/v1/gaps'), 5, 1);
    const peakRssMb = server.peakRssMb();
    console.log(`  baseline GROUP BY rep: ${fmt(baseline.median)} (min ${fmt(baseline.min)}, max ${fmt(baseline.max)})`);
    console.log(`  GET /api/v1/cpis?groupBy=rep: ${fmt(cpis.median)} (min ${fmt(cpis.min)}, max ${fmt(cpis.max)}) = ${ratio(cpis.median, baseline.median)}× baseline`);
    console.log(`  GET /api/v1/gaps (B = 1,000): ${fmt(gaps.median)} (min ${fmt(gaps.min)}, max ${fmt(gaps.max)}) = ${ratio(gaps.median, baseline.median)}× baseline`);
    console.log(`  server peak RSS: ${peakRssMb.toFixed(0)} MB`);
    return { responses, baseline: baseline.median, cpis: cpis.median, gaps: gaps.median, peakRssMb };
  } finally {
    await server.stop();
    await client.execute('DELETE FROM api_keys');
    client.close();
  }
}

export async function benchCpis(sizes = [100_000, 1_000_000]) {
  console.log('CPI and gap reads (issue 4)');
  const results: SizeResult[] = [];
  for (const size of sizes) results.push(await measure(size));
  const small = results[0]!;
  const large = results[results.length - 1]!;
  console.log('RESULT cpis:');
  console.log(`  cpis at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.cpis, large.baseline)} (target ≤ 0.5)`);
  if (results.length > 1) console.log(`  cpis at ${large.responses.toLocaleString('en')} / cpis at ${small.responses.toLocaleString('en')}: ${ratio(large.cpis, small.cpis)} (target ≤ 2)`);
  console.log(`  gaps at ${large.responses.toLocaleString('en')} / baseline: ${ratio(large.gaps, large.baseline)} (target ≤ 2)`);
  console.log(`  peak RSS: ${Math.max(...results.map((r) => r.peakRssMb)).toFixed(0)} MB (target < 400)`);
  return results;
}
