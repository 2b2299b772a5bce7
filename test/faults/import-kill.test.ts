/**
 * Fault 2: `npm run cli -- import interactions FILE` (50,000 rows) SIGKILLed at random
 * moments, while it stages and while it publishes. Each time the import's interactions
 * (and customers) are all there or none — none unless it had committed its publish —,
 * `PRAGMA integrity_check` is ok, the CPI running totals agree with the rows (and are
 * not left switched off), and the import is shown as failed (asShown), then recorded as
 * failed by the next import's sweep. A killed file imported again lands exactly once.
 * Finally the admin imports page of a real server on that file shows every killed import
 * as failed.
 *
 * Rounds: FAULT_IMPORT_ROUNDS (or FAULT_ROUNDS); default 2 (CI), ≥ 20 locally. On a
 * database file the CLI reads, checks and writes the file in one transaction (status
 * `publishing` from the start): half the rounds kill within its first 400 ms, half at a
 * random moment of a measured whole import.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@libsql/client';
import { openInProcess, openRaw, integrityCheck, rollupMismatches, scalar, type InProcess } from './helpers/db';
import { spawnCli, startServerOn, sleep, type Proc } from './helpers/procs';
import { note, rng, rounds } from './helpers/knobs';
import { asShown } from '../../src/domain/imports/sweep';
import { listImports } from '../../db/queries/imports';
import { hashPassword } from '../../src/lib/passwords';
import { insertUser } from '../../db/queries/users';
import { sessionCookieFrom } from '../helpers/app';
import { INTERACTIONS_HEADER } from '../helpers/csv';

const ROUNDS = rounds('FAULT_IMPORT_ROUNDS', 2);
const ROWS = 50_000;
const CUSTOMERS = 5_000;
const REPS = 50;
const NOW = '2026-11-20T12:00:00Z';
const HEADER = INTERACTIONS_HEADER;

/** 50,000 historical interactions (older than the link expiry: recorded, not surveyed) with this round's ids. */
function interactionsCsv(path: string, prefix: string) {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(
      `${prefix}-${i},rep${i % REPS}@imp.test,${prefix}-c${i % CUSTOMERS}@x.test,"Customer ${i}, Jr.",en,Acme,call,2025-${month}-${day}T10:00:00Z,,,`,
    );
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

interface Observed {
  id: number;
  status: string;
  rows: number;
}

describe('SIGKILL during a 50,000-row CSV import', () => {
  let dir: string;
  let dbPath: string;
  let raw: Client;
  let app: InProcess;
  const random = rng('import-kill');
  const env = () => ({ DATABASE_URL: `file:${dbPath}`, NOW });
  const killed: { round: number; importId: number; phase: string }[] = [];
  let lastImportId = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-faults-import-'));
    dbPath = join(dir, 'import.db');
    const reps = join(dir, 'reps.csv');
    writeFileSync(
      reps,
      `email,name,team\n${Array.from({ length: REPS }, (_, i) => `rep${i}@imp.test,Rep ${i},Team ${i % 5}`).join('\n')}\n`,
    );
    const cli = spawnCli(['import', 'reps', reps], env());
    expect((await cli.exited).code, cli.output()).toBe(0);
    raw = openRaw(dbPath);
    app = await openInProcess(dbPath, { NOW });
    lastImportId = await scalar(raw, 'SELECT max(id) FROM imports');
  });
  afterAll(async () => {
    raw?.close();
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const latestImport = async (): Promise<Observed | undefined> => {
    const r = await raw.execute({
      sql: 'SELECT id, status, rows FROM imports WHERE id > ? ORDER BY id DESC LIMIT 1',
      args: [lastImportId],
    });
    const row = r.rows[0];
    return row ? { id: Number(row.id), status: String(row.status), rows: Number(row.rows) } : undefined;
  };

  /** Polls the import this process started until `ready(observed)`, or until the process is gone. */
  async function watch(proc: Proc, ready: (o: Observed) => boolean): Promise<Observed | undefined> {
    for (;;) {
      const observed = await latestImport();
      if (observed && ready(observed)) return observed;
      if (!proc.alive()) return observed;
      await sleep(20);
    }
  }

  /** After a kill (or a finish): all or nothing, sound file, totals right, shown as failed unless published. */
  async function checkAfter(round: number, prefix: string, proc: Proc) {
    const exit = await proc.exited;
    const imp = await latestImport();
    expect(imp, `round ${round}: the import was never created`).toBeDefined();
    lastImportId = imp!.id;
    const interactions = await scalar(raw, 'SELECT count(*) FROM interactions WHERE external_id LIKE ?', [
      `${prefix}-%`,
    ]);
    const customers = await scalar(raw, 'SELECT count(*) FROM customers WHERE email LIKE ?', [`${prefix}-c%`]);
    if (imp!.status === 'published') {
      expect({ interactions, customers }).toEqual({ interactions: ROWS, customers: CUSTOMERS });
    } else {
      expect({ interactions, customers }).toEqual({ interactions: 0, customers: 0 });
    }
    expect(await integrityCheck(dbPath)).toBe('ok');
    expect(await scalar(raw, 'SELECT bulk FROM rollup_mode WHERE id = 1')).toBe(0);
    expect(await rollupMismatches(raw)).toEqual([]);
    expect(await scalar(raw, 'SELECT count(*) FROM invitations')).toBe(0); // history: nothing surveyed
    if (exit.signal === 'SIGKILL' && imp!.status !== 'published') {
      // The importer is gone: the import is shown as failed (GET changes nothing; the sweep records it).
      const row = (await listImports(app.deps.db.read, 5)).find((i) => i.id === imp!.id)!;
      expect(row.status).toBe(imp!.status);
      const shown = asShown(row, app.deps.clock.nowMs());
      expect({ status: shown.status, message: shown.errors?.[0]?.message }).toEqual({
        status: 'failed',
        message: expect.stringContaining('interrupted before it was published; nothing was written'),
      });
      killed.push({ round, importId: imp!.id, phase: imp!.status });
    }
    return { exit, imp: imp! };
  }

  it(
    `leaves each of ${ROUNDS} killed imports all there or not there, and shown as failed`,
    async () => {
      const earlyRounds = Math.ceil(ROUNDS / 2);
      const laterRounds = ROUNDS - earlyRounds;
      let lastKilledFile: { file: string; prefix: string } | undefined;

      // 1. Early kills: a random moment within the first 400 ms of the import's write.
      for (let round = 0; round < earlyRounds; round++) {
        const started = Date.now();
        const prefix = `k${round}`;
        const file = join(dir, `${prefix}.csv`);
        interactionsCsv(file, prefix);
        const extraMs = random.int(0, 400);
        const proc = spawnCli(['import', 'interactions', file], env());
        await watch(proc, (o) => o.status !== 'staging');
        await sleep(extraMs);
        await proc.kill();
        const { exit, imp } = await checkAfter(round, prefix, proc);
        note(
          `import-kill round ${round + 1}/${ROUNDS} (early): killed ${extraMs} ms into the import → ${exit.signal ?? `exit ${exit.code}`} while ${imp.status}; ${Date.now() - started} ms`,
        );
        if (imp.status !== 'published') lastKilledFile = { file, prefix };
        else rmSync(file);
      }

      // 2. The last killed file, imported again to the end: every row exactly once (and the publish's duration).
      let publishMs = 10_000;
      if (lastKilledFile) {
        const started = Date.now();
        const proc = spawnCli(['import', 'interactions', lastKilledFile.file], env());
        const publishing = await watch(proc, (o) => o.status === 'publishing');
        const publishStart = Date.now();
        expect(publishing?.status).toBe('publishing');
        const exit = await proc.exited;
        publishMs = Date.now() - publishStart;
        expect(exit.code, proc.output()).toBe(0);
        expect(proc.stdout()).toContain(
          `Imported ${ROWS} interactions row(s) from ${lastKilledFile.prefix}.csv: ${ROWS} new, 0 already known.`,
        );
        const { imp } = await checkAfter(-1, lastKilledFile.prefix, proc);
        expect(imp.status).toBe('published');
        // The sweep at its start recorded the killed imports as failed and dropped their staged rows.
        expect(await scalar(raw, "SELECT count(*) FROM imports WHERE status IN ('staging', 'publishing')")).toBe(0);
        expect(await scalar(raw, 'SELECT count(*) FROM import_rows')).toBe(0);
        rmSync(lastKilledFile.file);
        note(
          `import-kill: the killed file imported again in ${Date.now() - started} ms (publish ${publishMs} ms): ${ROWS} rows, once`,
        );
      }

      // 3. Kills at a random moment within the measured duration of a whole import.
      for (let round = earlyRounds; round < earlyRounds + laterRounds; round++) {
        const started = Date.now();
        const prefix = `k${round}`;
        const file = join(dir, `${prefix}.csv`);
        interactionsCsv(file, prefix);
        const afterMs = random.int(0, Math.floor(publishMs * 0.9));
        const proc = spawnCli(['import', 'interactions', file], env());
        await watch(proc, (o) => o.status === 'publishing');
        await sleep(afterMs);
        await proc.kill();
        const { exit, imp } = await checkAfter(round, prefix, proc);
        note(
          `import-kill round ${round + 1}/${ROUNDS} (publishing): killed ${afterMs} ms into the publish → ${exit.signal ?? `exit ${exit.code}`} while ${imp.status}; ${Date.now() - started} ms`,
        );
        rmSync(file);
      }

      expect(killed.length, 'most kills should land before the publish commits').toBeGreaterThanOrEqual(
        Math.ceil(ROUNDS / 2),
      );
      if (laterRounds > 0) expect(killed.filter((k) => k.phase === 'publishing').length).toBeGreaterThan(0);

      // 4. A real server on the file: its admin imports page shows every killed import as failed.
      const now = app.deps.clock.nowMs();
      await app.deps.db.write(async (tx) =>
        insertUser(
          tx,
          {
            email: 'admin@staff.test',
            name: 'Admin',
            role: 'admin',
            passwordHash: await hashPassword('correct horse battery'),
          },
          now,
        ),
      );
      await app.close();
      const server = await startServerOn(dbPath, { NOW });
      try {
        const login = await fetch(`${server.baseUrl}/login`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
          body: new URLSearchParams({ email: 'admin@staff.test', password: 'correct horse battery' }).toString(),
        });
        expect(login.status).toBe(303);
        const page = await fetch(`${server.baseUrl}/admin/imports`, { headers: { Cookie: sessionCookieFrom(login)! } });
        expect(page.status).toBe(200);
        const html = await page.text();
        const shown = new Map(
          [...html.matchAll(/href="\/admin\/imports\/(\d+)"[\s\S]*?badge-import-(\w+)/g)].map((m) => [
            Number(m[1]),
            m[2],
          ]),
        );
        for (const k of killed)
          expect({ importId: k.importId, shown: shown.get(k.importId) }).toEqual({
            importId: k.importId,
            shown: 'failed',
          });
        expect([...shown.values()].filter((s) => s !== 'failed' && s !== 'published')).toEqual([]);
      } finally {
        await server.stop();
        app = await openInProcess(dbPath, { NOW });
      }
      expect(await integrityCheck(dbPath)).toBe('ok');
      note(
        `import-kill: ${killed.length} imports killed unpublished (${killed.filter((k) => k.phase === 'publishing').length} while publishing), all shown as failed`,
      );
    },
    120_000 + ROUNDS * 150_000,
  );
});
