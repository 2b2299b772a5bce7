// The README's "CSV imports" section: every kind's columns as formats.ts reads them, and an
// example file of each kind under docs/examples that imports cleanly through the CLI.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRows, createTestApp, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { CSV_FORMATS } from '../../src/domain/imports/formats';
import { IMPORT_KINDS } from '../../db/schema';

const ORDER = ['reps', 'content', 'training', 'interactions', 'responses'] as const;
const example = (kind: string) => fileURLToPath(new URL(`../../docs/examples/${kind}.csv`, import.meta.url));
const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe('README: CSV imports', () => {
  it('lists every kind with its required and optional columns, and its example', () => {
    expect([...ORDER].sort()).toEqual([...IMPORT_KINDS].sort());
    for (const kind of IMPORT_KINDS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| \`${kind}\` |`));
      expect(row, kind).toBeDefined();
      const [, required, optional, link] = row!.split(' | ');
      for (const column of CSV_FORMATS[kind].header.required)
        expect(required, `${kind} ${column}`).toContain(`\`${column}\``);
      for (const column of CSV_FORMATS[kind].header.optional)
        expect(optional, `${kind} ${column}`).toContain(`\`${column}\``);
      expect(link).toContain(`(docs/examples/${kind}.csv)`);
      // The example's header is the kind's columns in their documented order.
      expect(readFileSync(example(kind), 'utf8').split('\n')[0]).toBe(CSV_FORMATS[kind].header.columns.join(','));
    }
  });
});

describe('docs/examples', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('each example imports through the CLI, all of its rows, in the order the README gives', {
    timeout: 120_000,
  }, async () => {
    const env = { DATABASE_URL: `file:${t.dbPath}`, NOW: '2026-11-20T12:00:00Z' };
    for (const kind of ORDER) {
      const rows = readFileSync(example(kind), 'utf8').trim().split('\n').length - 1;
      const run = await runCli(['import', kind, example(kind)], env);
      expect(run.stderr, kind).toBe('');
      expect(run.code, kind).toBe(0);
      expect(run.stdout).toContain(`Imported ${rows} ${kind} row(s) from ${kind}.csv: ${rows} new`);
    }
    expect(await countRows(t.db, 'responses', "source = 'import'")).toBe(3);
    expect(await countRows(t.db, 'interaction_content')).toBe(4);
  });
});
