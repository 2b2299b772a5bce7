/**
 * Issue 5 benchmark: the lead's overview page on the 1,000,000-response workspace — its
 * server time as a ratio to the /api/v1/cpis call it renders (the same period, by team),
 * and the p95 of 200 sequential overview requests with varying filters.
 */
import { createClient } from '@libsql/client';
import { generateWorkspace } from './generate';
import { fmt, median, ratio, startServerProcess, timeIt } from './lib';
import { hashToken, newApiKey } from '../src/lib/tokens';
import { hashPassword } from '../src/lib/passwords';

const NOW = Date.parse('2026-11-20T12:00:00Z');

export async function benchOverview(responses = Number(process.env.BENCH_RESPONSES ?? 1_000_000)) {
  console.log(`Overview page (issue 5) on ${responses.toLocaleString('en')} responses`);
  const path = await generateWorkspace({ responses, now: NOW });
  const client = createClient({ url: `file:${path}` });
  const { key } = newApiKey();
  await client.execute({
    sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('bench-overview', 'all', 'bench', ?, 0)",
    args: [hashToken(key)],
  });
  await client.execute({
    sql: "INSERT INTO staff_users (email, name, role, password_hash, created_at, updated_at) VALUES ('lead@bench.test', 'Bench Lead', 'lead', ?, 0, 0) ON CONFLICT (email) DO NOTHING",
    args: [await hashPassword('bench-lead-password')],
  });
  const server = await startServerProcess({ DATABASE_URL: `file:${path}`, NOW: new Date(NOW).toISOString() });
  try {
    const login = await fetch(`${server.url}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.url },
      body: 'email=lead%40bench.test&password=bench-lead-password',
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    if (!cookie.includes('=')) throw new Error(`login failed: ${login.status}`);
    const page = async (query: string) => {
      const res = await fetch(`${server.url}/overview${query}`, { headers: { Cookie: cookie } });
      if (res.status !== 200) throw new Error(`overview ${query} → ${res.status}`);
      await res.text();
    };
    const api = async (query: string) => {
      const res = await fetch(`${server.url}/api/v1/cpis${query}`, { headers: { Authorization: `Bearer ${key}` } });
      if (res.status !== 200) throw new Error(`cpis ${query} → ${res.status}`);
      await res.json();
    };
    // The default overview: the current quarter to date, all teams.
    const quarterStart = '2026-10-01T00:00:00.000Z';
    const overview = await timeIt(() => page(''), 7, 2);
    const cpis = await timeIt(() => api(`?groupBy=team&from=${quarterStart}&to=${new Date(NOW).toISOString()}`), 7, 2);
    console.log(`  overview page: ${fmt(overview.median)} (min ${fmt(overview.min)}, max ${fmt(overview.max)})`);
    console.log(
      `  GET /api/v1/cpis?groupBy=team (same period): ${fmt(cpis.median)} (min ${fmt(cpis.min)}, max ${fmt(cpis.max)})`,
    );
    const filters = [
      '',
      '?period=2026-Q3',
      '?period=2026-09',
      '?team=1',
      '?team=3&period=2026-Q2',
      '?type=quote',
      '?period=2026-08&type=call',
      '?team=5&type=demo',
      '?period=2025-Q4',
    ];
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await page(filters[i % filters.length]!);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p95 = times[Math.floor(0.95 * times.length) - 1]!;
    console.log('RESULT overview:');
    console.log(`  overview / its /api/v1/cpis call: ${ratio(overview.median, cpis.median)} (target ≤ 1.3)`);
    console.log(
      `  200 sequential overview requests with varying filters: median ${fmt(median(times))}, p95 ${fmt(p95)}`,
    );
  } finally {
    await server.stop();
    await client.execute("DELETE FROM api_keys WHERE name = 'bench-overview'");
    client.close();
  }
}
