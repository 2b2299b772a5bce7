import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, addApiKey, api, countRows, manualClock, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { stageImport, publishImport } from '../../src/domain/imports/run';
import type { ImportKind } from '../../db/schema';
import { interactionsCsv, INTERACTIONS_HEADER } from '../helpers/csv';

describe('CSV imports', () => {
  let t: TestApp;
  const clock = manualClock('2026-11-20T12:00:00Z');
  const stage = (kind: ImportKind, text: string | Buffer) =>
    stageImport(t.deps, kind, Readable.from([typeof text === 'string' ? Buffer.from(text) : text]), {
      filename: 'test.csv',
      actor: 'test',
      actorId: null,
    });

  beforeAll(async () => {
    t = await createTestApp({}, clock);
    const key = (await addApiKey(t, 'all')).key;
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
  });
  afterAll(async () => t.close());

  it('names line 4312 for a bad date after a quoted newline, and writes nothing', async () => {
    const csv = interactionsCsv(5000, {
      quotedNewlineAtLine: 100,
      badDateAtLine: 4312,
      badDate: '2026-13-45T10:00:00Z',
    });
    const staged = await stage('interactions', csv);
    expect(staged.errors).toEqual([
      { line: 4312, column: 'occurredAt', value: '2026-13-45T10:00:00Z', message: expect.stringContaining('ISO 8601') },
    ]);
    expect(await countRows(t.db, 'interactions')).toBe(0);
    expect(await countRows(t.db, 'import_rows')).toBe(0);
    expect(await countRows(t.db, 'imports', "status = 'failed'")).toBe(1);
  });

  it('accepts BOM + CRLF, publishes all rows once, and re-importing the same file creates no duplicates', async () => {
    const csv = interactionsCsv(300, { eol: '\r\n', bom: true, quotedNewlineAtLine: 5, prefix: 'crlf' });
    const staged = await stage('interactions', csv);
    expect(staged.errors).toEqual([]);
    expect(staged.preview[0]).toMatchObject({ externalId: 'crlf-0', customerLocale: 'es' });
    const published = await publishImport(t.deps, staged.importId, 'test', { web: true });
    expect(published).toMatchObject({
      created: 300,
      duplicates: 0,
      errors: [],
      rows: 300,
      rejected: 0,
      status: 'published',
    });
    expect(await countRows(t.db, 'interactions', "external_id LIKE 'crlf-%'")).toBe(300);
    expect(
      await countRows(t.db, 'interactions', "survey_status = 'suppressed' AND suppression_reason = 'too-old'"),
    ).toBe(300);
    const name = await t.db.readClient.execute(
      "SELECT c.name FROM interactions i JOIN customers c ON c.id = i.customer_id WHERE i.external_id = 'crlf-3'",
    );
    expect(name.rows[0]?.name).toBe('Smith,\r\nJr.');
    const again = await stage('interactions', csv);
    expect(await publishImport(t.deps, again.importId, 'test', { web: true })).toMatchObject({
      created: 0,
      duplicates: 300,
      errors: [],
      status: 'published',
    });
    expect(await countRows(t.db, 'interactions', "external_id LIKE 'crlf-%'")).toBe(300);
  });

  it('explains a wrong delimiter, Latin-1 bytes, missing and unknown headers, and ragged rows', async () => {
    const semicolon = await stage('reps', 'email;name;team\na@b.test;A;T\n');
    expect(semicolon.errors[0]).toMatchObject({ line: 1, message: expect.stringContaining('";"') });
    const latin1 = Buffer.concat([
      Buffer.from('email,name,team\na@b.test,Jos'),
      Buffer.from([0xe9]),
      Buffer.from(',Iberia\n'),
    ]);
    const l1 = await stage('reps', latin1);
    expect(l1.errors[0]).toMatchObject({ line: 2, message: expect.stringContaining('not UTF-8') });
    const missing = await stage('reps', 'email,team,colour\na@b.test,T,red\n');
    expect(missing.errors[0]!.message).toMatch(/missing column\(s\): name; unknown column\(s\): colour/);
    const ragged = await stage('reps', 'email,name,team\na@b.test,A,T\nb@b.test,B\n');
    expect(ragged.errors[0]).toMatchObject({ line: 3, message: expect.stringContaining('expected 3 columns') });
    expect(await countRows(t.db, 'reps')).toBe(1);
  });

  it('refuses a row naming an unknown rep at publish, naming its line, and writes nothing', async () => {
    const csv = `${INTERACTIONS_HEADER}\nu-1,ana@acme.test,u1@x.test,U,en,,call,2025-05-01T10:00:00Z,,,\nu-2,ghost@acme.test,u2@x.test,U,en,,call,2025-05-01T10:00:00Z,,,\n`;
    const staged = await stage('interactions', csv);
    expect(staged.errors).toEqual([]);
    const published = await publishImport(t.deps, staged.importId, 'test', { web: true });
    expect(published.errors).toEqual([
      { line: 3, column: 'repEmail', value: '', message: expect.stringContaining('ghost@acme.test') },
    ]);
    expect(await countRows(t.db, 'interactions', "external_id LIKE 'u-%'")).toBe(0);
  });

  it('imports reps, training, content and responses from the CLI; exit 1 with line, column and message on bad input', {
    timeout: 120_000,
  }, async () => {
    const dir = t.dir;
    const env = { DATABASE_URL: `file:${t.dbPath}`, NOW: '2026-11-20T12:00:00Z' };
    writeFileSync(join(dir, 'reps.csv'), 'email,name,team\nbo@acme.test,Bo,Nordics\ncy@acme.test,Cy,Nordics\n');
    const reps = await runCli(['import', 'reps', join(dir, 'reps.csv')], env);
    expect(reps.stderr).toBe('');
    expect(reps.code).toBe(0);
    expect(reps.stdout).toMatch(/Imported 2 reps row/);
    writeFileSync(
      join(dir, 'training.csv'),
      'externalId,repEmail,skill,kind,completedAt,score\nt1,bo@acme.test,Discovery,assessment,2026-01-01T00:00:00Z,64\nt2,cy@acme.test,discovery,assessment,2026-01-01T00:00:00Z,abc\n',
    );
    const bad = await runCli(['import', 'training', join(dir, 'training.csv')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^line 3, column score: /m);
    expect(await countRows(t.db, 'training_records')).toBe(0);
    writeFileSync(
      join(dir, 'content.csv'),
      'id,title,url,stage,topic\nroi,ROI calculator,https://acme.test/roi,evaluation,value\n',
    );
    expect((await runCli(['import', 'content', join(dir, 'content.csv')], env)).code).toBe(0);
    writeFileSync(
      join(dir, 'responses.csv'),
      'interactionExternalId,answeredAt,resolved_first_contact,content_useful,decision_clearer,added_value,comment\nh-1,2025-02-12T10:00:00Z,yes,4,,5,"=HYPERLINK(""x"")"\n',
    );
    await stage('interactions', interactionsCsv(3)).then((s) =>
      publishImport(t.deps, s.importId, 'test', { web: true }),
    );
    const responses = await runCli(['import', 'responses', join(dir, 'responses.csv')], env);
    expect(responses.code).toBe(0);
    const row = await t.db.readClient.execute(
      "SELECT content_useful, decision_clearer, comment FROM responses WHERE source = 'import'",
    );
    expect(row.rows[0]).toMatchObject({ content_useful: 4, decision_clearer: null, comment: '=HYPERLINK("x")' });
  });
});
