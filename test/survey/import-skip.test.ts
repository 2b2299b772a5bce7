// Forgiving imports (docs/reliability.md, "Imports"): skipping invalid rows is an explicit choice —
// the preview's button or `--skip-invalid` — that writes exactly the valid rows in one step
// and lists every rejected line with its reason. The same file through the web and the CLI
// gives the same rows and the same rejected-rows file; without the choice nothing is written.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASE_URL,
  addApiKey,
  addUser,
  api,
  countRows,
  createTestApp,
  login,
  manualClock,
  type TestApp,
} from '../helpers/app';
import { runCli } from '../helpers/cli';
import { INTERACTIONS_HEADER } from '../helpers/csv';
import { describeSqld, startSqld, type Sqld } from '../helpers/sqld';
import { publishImport, stageImport } from '../../src/domain/imports/run';

const NOW = '2026-11-20T12:00:00Z';
const recent = new Date(Date.parse(NOW) - 30 * 60_000).toISOString();

async function seed(t: TestApp) {
  const { key } = await addApiKey(t, 'all');
  const reps = ['ana', 'cy'].map((name) => ({ email: `${name}@acme.test`, name, team: 'Iberia' }));
  expect((await api(t, key, 'POST', '/reps', reps)).status).toBe(200);
  const earlier = [
    {
      externalId: 'e-1',
      repEmail: 'ana@acme.test',
      customer: { email: 'c1@x.test', name: 'Customer 1', locale: 'es' },
      type: 'call',
      occurredAt: '2025-06-01T10:00:00Z',
    },
  ];
  expect((await api(t, key, 'POST', '/interactions', earlier)).status).toBe(201);
}

/** [physical line, row text, valid?]: invalid rows, rows the domain refuses at publish, and valid ones around them. */
const ROWS: [number, string, boolean][] = [
  [2, 'v-1,ana@acme.test,c10@x.test,Customer 10,en,Acme,call,2025-06-01T10:00:00Z,,,', true],
  [3, 'v-2,cy@acme.test,c11@x.test,"Quoted,\nnewline",es,,meeting,2025-06-02T10:00:00Z,,,deck-a', true],
  [5, 'bad-date,ana@acme.test,c12@x.test,C,en,,call,2025-02-30T10:00:00Z,,,', false],
  [6, `v-3,cy@acme.test,f1@x.test,Fresh,de,,demo,${recent},,,deck-a;deck-b`, true],
  [7, `bad-two,ana@acme.test,not-an-address,C,en,,lunch,${recent},,,`, false],
  [8, 'ghost,zed@acme.test,c13@x.test,C,en,,call,2025-06-01T10:00:00Z,,,', false],
  [9, 'e-1,ana@acme.test,c1@x.test,Customer 1,es,,meeting,2025-06-01T10:00:00Z,,,', false],
  [10, `v-4,ana@acme.test,f2@x.test,Fresh 2,en,,meeting,${recent},,,`, true],
  [11, 'v-2,cy@acme.test,c11@x.test,"Quoted,\nnewline",es,,meeting,2025-06-03T10:00:00Z,,,deck-a', false],
  [13, 'v-5,ana@acme.test,c14@x.test,"=HYPERLINK(""x"")",en,,call,2025-06-05T10:00:00Z,,,', true],
  [14, 'bad-formula,ana@acme.test,=1+2,C,en,,call,2025-06-05T10:00:00Z,,,', false],
  [15, 'e-1,ana@acme.test,c1@x.test,Customer 1,es,,call,2025-06-01T10:00:00Z,,,', true],
];
const csvOf = (rows: typeof ROWS) => `${[INTERACTIONS_HEADER, ...rows.map(([, text]) => text)].join('\n')}\n`;
const FILE = csvOf(ROWS);
const VALID = ROWS.filter(([, , valid]) => valid);
const REJECTED_LINES = ROWS.filter(([, , valid]) => !valid).map(([line]) => line);

async function snapshot(t: TestApp) {
  const q = async (sql: string) => (await t.db.readClient.execute(sql)).rows.map((r) => ({ ...r }));
  return {
    interactions:
      await q(`SELECT i.external_id, r.email AS rep, c.email AS customer, i.type, i.occurred_at, i.content_key, i.customer_key, i.source, i.survey_status, i.suppression_reason
      FROM interactions i JOIN reps r ON r.id = i.rep_id LEFT JOIN customers c ON c.id = i.customer_id ORDER BY i.external_id`),
    customers: await q('SELECT email, name, locale, company FROM customers ORDER BY email'),
    content: await q(
      'SELECT i.external_id, ic.content_id FROM interaction_content ic JOIN interactions i ON i.id = ic.interaction_id ORDER BY 1, 2',
    ),
    invitations: await q(
      'SELECT i.external_id, v.status, v.send_at, v.expires_at FROM invitations v JOIN interactions i ON i.id = v.interaction_id ORDER BY 1',
    ),
    cpis: await q('SELECT * FROM cpi_cumulative ORDER BY rep_id, interaction_type, day'),
  };
}

describe('skipping invalid rows: web and CLI', () => {
  /** Only the valid rows, imported all or nothing: what skipping must give. */
  let reference: TestApp;
  let web: TestApp;
  let cli: TestApp;
  let admin: string;

  beforeAll(async () => {
    reference = await createTestApp({}, manualClock(NOW));
    web = await createTestApp({}, manualClock(NOW));
    cli = await createTestApp({}, manualClock(NOW));
    for (const t of [reference, web, cli]) await seed(t);
    const a = await addUser(web, 'admin');
    admin = await login(web, a.email, a.password);
    const staged = await stageImport(reference.deps, 'interactions', Readable.from([Buffer.from(csvOf(VALID))]), {
      filename: 'valid.csv',
      actor: 'test',
      actorId: null,
    });
    expect(staged.errors).toEqual([]);
    expect((await publishImport(reference.deps, staged.importId, 'test', { web: true })).errors).toEqual([]);
  }, 120_000);
  afterAll(async () => {
    for (const t of [reference, web, cli]) await t?.close();
  });

  let webRejected = '';

  it('web: the preview lists the problems; a plain publish is 409; skipping writes exactly the valid rows', {
    timeout: 60_000,
  }, async () => {
    const before = await snapshot(web);
    const form = new FormData();
    form.set('kind', 'interactions');
    form.set('file', new Blob([FILE], { type: 'text/csv' }), 'mixed.csv');
    const res = await web.request('/admin/imports', {
      method: 'POST',
      body: form,
      headers: { Origin: BASE_URL },
      cookie: admin,
    });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    const preview = await (await web.request(location, { cookie: admin })).text();
    // Invalid rows are found at upload (3 of them); the domain's refusals only when publishing.
    expect(preview).toContain('Import the 9 valid rows and skip 3');
    expect((await web.postForm(`${location}/publish`, {}, { cookie: admin })).status).toBe(409);
    expect(await snapshot(web)).toEqual(before);

    const skip = await web.postForm(`${location}/skip-invalid`, {}, { cookie: admin });
    expect(skip.status).toBe(303);
    const done = await (await web.request(location, { cookie: admin })).text();
    expect(done).toContain('data-status="published"');
    expect(done).toContain(`6 rows were skipped`);
    expect(done).toContain(`Published: ${VALID.length} rows`);
    expect(await snapshot(web)).toEqual(await snapshot(reference));
    expect(await countRows(web.db, 'audit_log', "action = 'import.skip-invalid'")).toBe(1);
    expect(await countRows(web.db, 'import_rows')).toBe(0);

    const download = await web.request(`${location}/rejected.csv`, { cookie: admin });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(download.headers.get('content-disposition')).toContain('mixed.rejected.csv');
    webRejected = await download.text();
    const records = parse(webRejected) as string[][];
    expect(records[0]).toEqual(['line', 'reason', ...INTERACTIONS_HEADER.split(',')]);
    const byLine = new Map(records.slice(1).map((r) => [Number(r[0]), r]));
    expect([...byLine.keys()]).toEqual(REJECTED_LINES);
    const reason = (line: number) => byLine.get(line)![1]!;
    expect(reason(5)).toMatch(/^occurredAt: /);
    expect(reason(7)).toMatch(/customerEmail: .*; type: |type: .*; customerEmail: /);
    expect(reason(8)).toBe('repEmail: no rep with email zed@acme.test; create the rep first (POST /api/v1/reps)');
    expect(reason(9)).toBe('externalId e-1 was already received with different type');
    expect(reason(11)).toBe('externalId v-2 was already received with different occurredAt');
    expect(reason(14)).toMatch(/^customerEmail: /);
    // The row as read, in the kind's columns (a quoted line break kept), formula-safe.
    expect(byLine.get(11)!.slice(2, 5)).toEqual(['v-2', 'cy@acme.test', 'c11@x.test']);
    expect(byLine.get(11)![5]).toBe('Quoted,\nnewline');
    expect(byLine.get(14)![4]).toBe("'=1+2");
  });

  it('CLI: without --skip-invalid nothing is written (exit 1); with it, the same rows and the same rejected-rows file', {
    timeout: 90_000,
  }, async () => {
    const file = join(cli.dir, 'mixed.csv');
    writeFileSync(file, FILE);
    const env = { DATABASE_URL: `file:${cli.dbPath}`, NOW };
    const before = await snapshot(cli);
    const strict = await runCli(['import', 'interactions', file], env);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^line 5, column occurredAt: /m);
    expect(existsSync(`${file}.rejected.csv`)).toBe(false);
    expect(await snapshot(cli)).toEqual(before);

    const run = await runCli(['import', 'interactions', file, '--skip-invalid'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      `Imported ${VALID.length} rows, skipped ${REJECTED_LINES.length}; rejected rows: ${file}.rejected.csv`,
    );
    expect(await snapshot(cli)).toEqual(await snapshot(reference));
    expect(readFileSync(`${file}.rejected.csv`, 'utf8')).toBe(webRejected);
  });

  describeSqld('against a libSQL server (staged, then published with the rows skipped)', () => {
    let sqld: Sqld;
    let remote: TestApp;
    beforeAll(async () => {
      sqld = await startSqld();
      remote = await createTestApp({ DATABASE_URL: sqld.url }, manualClock(NOW));
      await seed(remote);
    }, 60_000);
    afterAll(async () => {
      await remote?.close();
      await sqld?.stop();
    });

    it('the CLI writes the same rows and the same rejected-rows file', { timeout: 90_000 }, async () => {
      const file = join(cli.dir, 'remote.csv');
      writeFileSync(file, FILE);
      const run = await runCli(['import', 'interactions', file, '--skip-invalid'], { DATABASE_URL: sqld.url, NOW });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        `Imported ${VALID.length} rows, skipped ${REJECTED_LINES.length}; rejected rows: ${file}.rejected.csv`,
      );
      expect(await snapshot(remote)).toEqual(await snapshot(reference));
      expect(readFileSync(`${file}.rejected.csv`, 'utf8')).toBe(webRejected);
    });
  });

  it('the rejected-rows file, fixed, goes in again as it is (its line and reason columns are read past)', {
    timeout: 60_000,
  }, async () => {
    const [header, ...rows] = parse(readFileSync(join(cli.dir, 'mixed.csv.rejected.csv'), 'utf8')) as string[][];
    const fixes: Record<string, string> = {
      '2025-02-30T10:00:00Z': '2025-02-28T10:00:00Z',
      'not-an-address': 'c15@x.test',
      lunch: 'call',
      'zed@acme.test': 'cy@acme.test',
      "'=1+2": 'c16@x.test',
    };
    // The two retries that differ are dropped (what was received first stands); the others fixed, their reasons left as they are.
    const kept = rows
      .filter((r) => r[0] !== '9' && r[0] !== '11')
      .map((r) => r.map((cell, i) => (i < 2 ? cell : (fixes[cell] ?? cell))));
    const fixed = stringify([header!, ...kept]);
    const file = join(cli.dir, 'fixed.csv');
    writeFileSync(file, fixed);
    const run = await runCli(['import', 'interactions', file], { DATABASE_URL: `file:${cli.dbPath}`, NOW });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Imported 4 interactions row(s) from fixed.csv: 4 new');
  });
});

describe('skipping invalid rows of the other kinds (CLI)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, manualClock(NOW));
    await seed(t);
  });
  afterAll(async () => t.close());

  it('training: an unknown rep (refused at publish) and a bad score are left out, the rest written in one step', {
    timeout: 60_000,
  }, async () => {
    const file = join(t.dir, 'training.csv');
    writeFileSync(
      file,
      [
        'externalId,repEmail,skill,kind,completedAt,score',
        't1,ana@acme.test,Discovery,assessment,2026-01-01T00:00:00Z,64',
        't2,zed@acme.test,Discovery,assessment,2026-01-01T00:00:00Z,70',
        't3,cy@acme.test,Discovery,assessment,2026-01-01T00:00:00Z,abc',
        't4,cy@acme.test,Quoting,course,2026-02-01T00:00:00Z,',
      ].join('\n'),
    );
    const run = await runCli(['import', 'training', file, '--skip-invalid'], { DATABASE_URL: `file:${t.dbPath}`, NOW });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`Imported 2 rows, skipped 2; rejected rows: ${file}.rejected.csv`);
    const stored = await t.db.readClient.execute('SELECT external_id FROM training_records ORDER BY external_id');
    expect(stored.rows.map((r) => r.external_id)).toEqual(['t1', 't4']);
    const rejected = parse(readFileSync(`${file}.rejected.csv`, 'utf8')) as string[][];
    expect(rejected.map((r) => r.slice(0, 2))).toEqual([
      ['line', 'reason'],
      ['3', 'repEmail: no rep with email zed@acme.test'],
      ['4', expect.stringMatching(/^score: /)],
    ]);
    expect(rejected[0]!.slice(2)).toEqual(['externalId', 'repEmail', 'skill', 'kind', 'completedAt', 'score']);
  });

  it('every row rejected: nothing written, exit 1, the rejected rows still named', { timeout: 60_000 }, async () => {
    const file = join(t.dir, 'reps.csv');
    writeFileSync(file, 'email,name,team\nnot-an-address,A,T\n,B,T\n');
    const run = await runCli(['import', 'reps', file, '--skip-invalid'], { DATABASE_URL: `file:${t.dbPath}`, NOW });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      `Nothing was imported: all 2 row(s) were rejected; rejected rows: ${file}.rejected.csv`,
    );
    expect(await countRows(t.db, 'reps')).toBe(2);
    expect((parse(readFileSync(`${file}.rejected.csv`, 'utf8')) as string[][]).map((r) => r[0])).toEqual([
      'line',
      '2',
      '3',
    ]);
  });

  it('a problem with the file itself still refuses all of it, skipping or not', { timeout: 60_000 }, async () => {
    const file = join(t.dir, 'latin1.csv');
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from('email,name,team\nnew@acme.test,New,T\nbad,B,T\nb@acme.test,Jos'),
        Buffer.from([0xe9]),
        Buffer.from(',T\n'),
      ]),
    );
    const run = await runCli(['import', 'reps', file, '--skip-invalid'], { DATABASE_URL: `file:${t.dbPath}`, NOW });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^line 4, column \*: the file is not UTF-8/m);
    expect(await countRows(t.db, 'reps', "email = 'new@acme.test'")).toBe(0);
    expect(existsSync(`${file}.rejected.csv`)).toBe(false);
  });

  it('an unknown flag is a usage error (exit 2)', { timeout: 60_000 }, async () => {
    const run = await runCli(['import', 'reps', join(t.dir, 'reps.csv'), '--skip'], {
      DATABASE_URL: `file:${t.dbPath}`,
      NOW,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: unknown flag --skip for "import" (it takes --skip-invalid)');
  });
});
