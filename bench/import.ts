/**
 * Issue 6 benchmark: importing a 1,000,000-row CSV of historical interactions (all older
 * than the link expiry, so no mail) through `npm run cli -- import interactions`, against
 * the sqlite3 command line's `.import` of the same file into a plain table. Also the
 * importer's peak memory at 100,000 and 1,000,000 rows (streaming: it should stay flat).
 */
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { mulberry32 } from '../src/stats/prng';
import { median } from './lib';
import { DAY_MS } from '../src/lib/days';

const DIR = 'test-output/bench/import';
const HEADER =
  'externalId,repEmail,customerEmail,customerName,customerLocale,customerCompany,type,occurredAt,quoteRequestedAt,quoteDeliveredAt,contentIds';
const TYPES = ['call', 'meeting', 'demo', 'quote', 'support'];

async function writeCsv(path: string, rows: number, now: number): Promise<void> {
  if (existsSync(path)) return;
  const out = createWriteStream(`${path}.tmp`);
  const random = mulberry32(rows);
  out.write(`${HEADER}\n`);
  for (let i = 0; i < rows; i++) {
    const at = now - (20 + Math.floor(random() * 700)) * DAY_MS - Math.floor(random() * DAY_MS);
    const type = TYPES[i % 5]!;
    const quote = type === 'quote';
    const line = `hist-${i},rep${i % 500}@bench.test,cust${Math.floor(random() * 200_000)}@customer.test,Customer ${i % 997},${['en', 'es', 'de'][i % 3]},Company ${i % 331},${type},${new Date(at).toISOString()},${quote ? new Date(at).toISOString() : ''},${quote ? new Date(at + 30 * 3_600_000).toISOString() : ''},${i % 4 === 0 ? 'deck-a;deck-b' : ''}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  execFileSync('mv', [`${path}.tmp`, path]);
}

async function freshDb(path: string): Promise<void> {
  for (const s of ['', '-wal', '-shm']) rmSync(`${path}${s}`, { force: true });
  const db = await createDb({ url: `file:${path}` });
  await migrate(db.adminClient);
  await db.write(async (tx) => {
    await tx.run(`INSERT INTO teams (id, name, created_at) VALUES (1, 'Bench', 0)`);
    for (let i = 0; i < 500; i += 100) {
      const values = Array.from(
        { length: 100 },
        (_, k) => `(${i + k + 1}, 'rep${i + k}@bench.test', 'Rep ${i + k}', 1, 0, 0)`,
      ).join(', ');
      await tx.run(`INSERT INTO reps (id, email, name, team_id, created_at, updated_at) VALUES ${values}`);
    }
  });
  await db.close();
}

/** Runs the CLI import in its own node process; returns seconds and the process's peak RSS (MB). */
async function runImport(
  dbPath: string,
  csv: string,
  now: number,
): Promise<{ seconds: number; peakMb: number; output: string }> {
  const script = `const started = Date.now(); await import('./src/cli.ts'); console.error('BENCH ' + JSON.stringify({ seconds: (Date.now() - started) / 1000, maxRssKb: process.resourceUsage().maxRSS }));`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, 'src/cli.ts', 'import', 'interactions', csv],
    {
      env: {
        ...process.env,
        DATABASE_URL: `file:${dbPath}`,
        NOW: new Date(now).toISOString(),
        SEND_INTERVAL_SECONDS: '0',
        BASE_URL: 'http://bench.test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const [code] = await once(child, 'exit');
  const stats = /BENCH (\{.*\})/.exec(output);
  if (code !== 0 || !stats) throw new Error(`import failed (${code}): ${output.slice(-2000)}`);
  const parsed = JSON.parse(stats[1]!) as { seconds: number; maxRssKb: number };
  return { seconds: parsed.seconds, peakMb: parsed.maxRssKb / 1024, output };
}

function hasSqlite3(): boolean {
  try {
    execFileSync('sqlite3', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    console.log('  sqlite3 not found: `apt-get install -y sqlite3` to compare against its .import');
    return false;
  }
}

function sqlite3Import(csv: string): number {
  const db = `${DIR}/sqlite3-import.db`;
  rmSync(db, { force: true });
  const started = performance.now();
  execFileSync('sqlite3', [db, '.mode csv', `.import ${csv} interactions`]);
  const seconds = (performance.now() - started) / 1000;
  rmSync(db, { force: true });
  return seconds;
}

export async function benchImport(runs = Number(process.env.BENCH_RUNS ?? 5)) {
  console.log(`CSV import (issue 6): ${runs} run(s)`);
  mkdirSync(DIR, { recursive: true });
  const now = Date.parse('2026-11-20T12:00:00Z');
  const small = `${DIR}/interactions-100k.csv`;
  const large = `${DIR}/interactions-1m.csv`;
  await writeCsv(small, 100_000, now);
  await writeCsv(large, 1_000_000, now);
  console.log(
    `  files: ${(statSync(large).size / 1e6).toFixed(0)} MB (1,000,000 rows), ${(statSync(small).size / 1e6).toFixed(0)} MB (100,000 rows)`,
  );
  const baseline = hasSqlite3();
  const ours: number[] = [];
  const theirs: number[] = [];
  const peaks: { small: number; large: number }[] = [];
  for (let run = 0; run < runs; run++) {
    const dbPath = `${DIR}/import-${run}.db`;
    await freshDb(dbPath);
    const s = await runImport(dbPath, small, now);
    await freshDb(dbPath);
    // The baseline just before and just after ours, averaged: this machine's speed drifts
    // within a minute, and one side measured alone would carry that drift into the ratio.
    const before = baseline ? sqlite3Import(large) : undefined;
    const l = await runImport(dbPath, large, now);
    const after = baseline ? sqlite3Import(large) : undefined;
    const base = before !== undefined && after !== undefined ? (before + after) / 2 : undefined;
    ours.push(l.seconds);
    if (base !== undefined) theirs.push(base);
    peaks.push({ small: s.peakMb, large: l.peakMb });
    console.log(
      `  run ${run + 1}: ours ${l.seconds.toFixed(1)} s (peak ${l.peakMb.toFixed(0)} MB; 100k rows: ${s.seconds.toFixed(1)} s, peak ${s.peakMb.toFixed(0)} MB)` +
        (base !== undefined
          ? `; sqlite3 .import ${before!.toFixed(1)} s before, ${after!.toFixed(1)} s after → ${(l.seconds / base).toFixed(1)}×`
          : ''),
    );
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${dbPath}${suffix}`, { force: true });
  }
  console.log('RESULT import:');
  if (theirs.length) {
    const ratios = ours.map((o, i) => o / theirs[i]!);
    console.log(
      `  ours / sqlite3 .import: median ${median(ratios).toFixed(1)}× (min ${Math.min(...ratios).toFixed(1)}, max ${Math.max(...ratios).toFixed(1)}) (target ≤ 8)`,
    );
  }
  console.log(
    `  ours: median ${median(ours).toFixed(1)} s for 1,000,000 rows; peak RSS median ${median(peaks.map((p) => p.large)).toFixed(0)} MB at 1M vs ${median(peaks.map((p) => p.small)).toFixed(0)} MB at 100k (flat = streaming)`,
  );
}
