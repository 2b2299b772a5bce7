/**
 * Issue 7: an instance killed in the middle of an import on a libSQL server leaves the
 * import all there or not there, and it is shown as failed.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeSqld, startSqld, type Sqld } from '../helpers/sqld';
import { createTestApp, addApiKey, api, countRows, type TestApp } from '../helpers/app';
import { asShown } from '../../src/domain/imports/sweep';
import { getImport } from '../../db/queries/imports';

describeSqld('an import killed on a libSQL server', () => {
  let sqld: Sqld;
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    sqld = await startSqld();
    t = await createTestApp({ DATABASE_URL: sqld.url });
    const key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
    dir = mkdtempSync(join(tmpdir(), 'cpi-sqld-kill-'));
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await sqld?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is all there or not there after SIGKILL while publishing, and shown as failed', {
    timeout: 240_000,
  }, async () => {
    const rows = 20_000;
    const file = join(dir, 'hist.csv');
    writeFileSync(
      file,
      [
        'externalId,repEmail,customerEmail,type,occurredAt',
        ...Array.from(
          { length: rows },
          (_, i) => `k-${i},ana@acme.test,k${i % 5000}@x.test,call,2025-0${1 + (i % 9)}-10T10:00:00Z`,
        ),
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'import', 'interactions', file], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, DATABASE_URL: sqld.url, BASE_URL: 'http://cpi.test', SEND_INTERVAL_SECONDS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Wait until the import is publishing (staging done), then kill the process.
    let importId: number | undefined;
    for (let i = 0; i < 1200 && importId === undefined; i++) {
      const r = await t.db.readClient.execute("SELECT id FROM imports WHERE status = 'publishing'");
      if (r.rows.length) importId = Number(r.rows[0]!.id);
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(importId, 'the import reached publishing').toBeDefined();
    child.kill('SIGKILL');
    await exited;
    const written = await countRows(t.db, 'interactions', "external_id LIKE 'k-%'");
    expect([0, rows]).toContain(written);
    const shown = asShown((await getImport(t.db.read, importId!))!, Date.now());
    expect(written === rows ? ['published', 'failed'] : ['failed']).toContain(shown.status);
    if (written === 0) expect(shown.errors?.[0]?.message).toMatch(/interrupted/);
  });
});
