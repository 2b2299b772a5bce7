// The CLI's set-based import of interactions (src/domain/imports/history.ts, on a database
// file) against the row-by-row path the web upload and the JSON API use, on the same
// data and the same file: the same interactions, customers, content links, invitations
// and counts — and the same refusals, naming the same lines.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, api, createTestApp, manualClock, type TestApp } from '../helpers/app';
import { runCli } from '../helpers/cli';
import { INTERACTIONS_HEADER, interactionsCsv } from '../helpers/csv';
import { publishImport, stageImport } from '../../src/domain/imports/run';
import { hashEmail } from '../../src/lib/tokens';

const NOW = '2026-11-20T12:00:00Z';
const recent = new Date(Date.parse(NOW) - 30 * 60_000).toISOString();
const TYPES = ['call', 'meeting', 'demo', 'quote', 'support'];

async function seed(t: TestApp) {
  const { key } = await addApiKey(t, 'all');
  const reps = ['ana', 'ben', 'cy'].map((name) => ({ email: `${name}@acme.test`, name, team: 'Iberia' }));
  expect((await api(t, key, 'POST', '/reps', reps)).status).toBeLessThan(300);
  const earlier = [
    {
      externalId: 'e-1',
      repEmail: 'ana@acme.test',
      customer: { email: 'c1@x.test', name: 'Customer 1', locale: 'es' },
      type: 'call',
      occurredAt: '2025-06-01T10:00:00Z',
    },
    {
      externalId: 'e-2',
      repEmail: 'ana@acme.test',
      customer: { email: 'c2@x.test', name: 'Customer 2' },
      type: 'quote',
      occurredAt: '2025-06-02T10:00:00Z',
      quoteRequestedAt: '2025-06-02T10:00:00Z',
    },
  ];
  expect((await api(t, key, 'POST', '/interactions', earlier)).status).toBeLessThan(300);
  await t.db.write(async (tx) => {
    await tx.run(`UPDATE reps SET excluded_from_surveys = 1 WHERE email = 'ben@acme.test'`);
    await tx.run(`UPDATE customers SET opted_out_at = 1 WHERE email = 'c1@x.test'`);
    await tx.run(`INSERT INTO suppression_list (email_hash, created_at) VALUES ('${hashEmail('gone@x.test')}', 1)`);
  });
}

function row(
  id: string,
  rep: string,
  customer: number | string,
  type: string,
  at: string,
  extra: { delivered?: string; content?: string } = {},
) {
  const email = typeof customer === 'number' ? `c${customer}@x.test` : customer;
  const quote = type === 'quote';
  return `${id},${rep}@acme.test,${email},"Customer ${String(customer)}, Jr.",${['en', 'es', 'de'][email.length % 3]},Acme,${type},${at},${quote ? at : ''},${extra.delivered ?? ''},${extra.content ?? ''}`;
}

/** History, retries, a delivered quote, opted-out and suppressed customers, an excluded rep, recent rows (surveyed, fatigue) and repeats. */
function mixedCsv(): string {
  const lines = [INTERACTIONS_HEADER];
  lines.push('e-1,ana@acme.test,c1@x.test,Customer 1,es,,call,2025-06-01T10:00:00Z,,,');
  lines.push(
    `e-2,ana@acme.test,c2@x.test,Customer 2,,,quote,2025-06-02T10:00:00Z,2025-06-02T10:00:00Z,2025-06-03T10:00:00Z,`,
  );
  for (let i = 0; i < 60; i++) {
    const content = i % 3 === 0 ? 'deck-a;deck-b' : i % 3 === 1 ? 'new-deck' : '';
    lines.push(
      row(`h-${i}`, i % 2 ? 'ana' : 'cy', 3 + (i % 7), TYPES[i % 5]!, `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`, {
        content,
      }),
    );
  }
  lines.push(row('o-1', 'cy', 1, 'call', recent));
  lines.push(row('o-2', 'cy', 'gone@x.test', 'call', recent));
  lines.push(row('x-1', 'ben', 20, 'demo', recent));
  // An excluded rep meeting an opted-out or listed customer (opted out comes first), and old history.
  lines.push(row('x-2', 'ben', 1, 'call', recent));
  lines.push(row('x-3', 'ben', 'gone@x.test', 'meeting', recent));
  lines.push(row('x-4', 'ben', 21, 'call', '2025-03-01T10:00:00Z'));
  lines.push(row('r-1', 'cy', 'f1@x.test', 'call', recent, { content: 'deck-a' }));
  lines.push(row('r-2', 'cy', 'f2@x.test', 'meeting', recent));
  lines.push(row('r-3', 'ana', 'f1@x.test', 'demo', recent));
  lines.push(row('h-3', 'ana', 6, 'quote', '2025-04-13T10:00:00Z', { content: 'deck-a;deck-b' }));
  lines.push(row('r-1', 'cy', 'f1@x.test', 'call', recent, { content: 'deck-a' }));
  return `${lines.join('\n')}\n`;
}

async function snapshot(t: TestApp) {
  const q = async (sql: string) => (await t.db.readClient.execute(sql)).rows.map((r) => ({ ...r }));
  return {
    interactions:
      await q(`SELECT i.external_id, r.email AS rep, c.email AS customer, i.type, i.occurred_at, i.quote_requested_at, i.quote_delivered_at, i.content_key, i.customer_key, i.source, i.survey_status, i.suppression_reason
      FROM interactions i JOIN reps r ON r.id = i.rep_id LEFT JOIN customers c ON c.id = i.customer_id ORDER BY i.external_id`),
    customers: await q('SELECT email, name, locale, company, opted_out_at FROM customers ORDER BY email'),
    content: await q(
      'SELECT i.external_id, ic.content_id FROM interaction_content ic JOIN interactions i ON i.id = ic.interaction_id ORDER BY 1, 2',
    ),
    contentItems: await q('SELECT id, title FROM content_items ORDER BY id'),
    invitations: await q(
      `SELECT i.external_id, v.status, v.send_at, v.expires_at, v.reminder_due_at FROM invitations v JOIN interactions i ON i.id = v.interaction_id ORDER BY 1`,
    ),
    cpis: await q('SELECT * FROM cpi_cumulative ORDER BY rep_id, interaction_type, day'),
  };
}

describe('history import (CLI, set-based) against the row-by-row path', () => {
  let rowByRow: TestApp;
  let setBased: TestApp;
  /** The same, published a few rows per round: repeats, customers and content meet across rounds. */
  let smallRounds: TestApp;

  beforeAll(async () => {
    rowByRow = await createTestApp({}, manualClock(NOW));
    setBased = await createTestApp({}, manualClock(NOW));
    smallRounds = await createTestApp({}, manualClock(NOW));
    await seed(rowByRow);
    await seed(setBased);
    await seed(smallRounds);
  });
  afterAll(async () => {
    await rowByRow.close();
    await setBased.close();
    await smallRounds.close();
  });

  const viaWeb = async (csv: string) => {
    const staged = await stageImport(rowByRow.deps, 'interactions', Readable.from([Buffer.from(csv)]), {
      filename: 'mixed.csv',
      actor: 'test',
      actorId: null,
    });
    expect(staged.errors).toEqual([]);
    return publishImport(rowByRow.deps, staged.importId, 'test', { web: true });
  };
  const viaCli = async (csv: string, name: string) => {
    const file = join(setBased.dir, name);
    writeFileSync(file, csv);
    return runCli(['import', 'interactions', file], { DATABASE_URL: `file:${setBased.dbPath}`, NOW });
  };

  it('writes the same rows, invitations and totals', { timeout: 60_000 }, async () => {
    const csv = mixedCsv();
    const web = await viaWeb(csv);
    expect(web.errors).toEqual([]);
    const cli = await viaCli(csv, 'mixed.csv');
    expect(cli.code, cli.stderr).toBe(0);
    const rows = csv.trim().split('\n').length - 1;
    expect(cli.stdout).toContain(
      `Imported ${rows} interactions row(s) from mixed.csv: ${web.created} new, ${web.duplicates} already known.`,
    );
    const [a, b] = [await snapshot(rowByRow), await snapshot(setBased)];
    expect(b).toEqual(a);
    const file = join(smallRounds.dir, 'mixed.csv');
    writeFileSync(file, csv);
    const small = await runCli(['import', 'interactions', file], {
      DATABASE_URL: `file:${smallRounds.dbPath}`,
      NOW,
      IMPORT_ROUND_ROWS: '4',
    });
    expect(small.stdout, small.stderr).toContain(
      `Imported ${rows} interactions row(s) from mixed.csv: ${web.created} new, ${web.duplicates} already known.`,
    );
    expect(await snapshot(smallRounds)).toEqual(a);
    // The data covers every rule: otherwise this comparison proves less than it seems.
    const reasons = new Set(a.interactions.map((i) => i.suppression_reason ?? i.survey_status));
    expect([...reasons].sort()).toEqual(['fatigue', 'opted-out', 'rep-excluded', 'scheduled', 'too-old']);
    expect(a.interactions.find((i) => i.external_id === 'e-2')?.quote_delivered_at).toBe(
      Date.parse('2025-06-03T10:00:00Z'),
    );
    const reason = (id: string) => a.interactions.find((i) => i.external_id === id)?.suppression_reason;
    expect([reason('x-1'), reason('x-2'), reason('x-3'), reason('x-4')]).toEqual([
      'rep-excluded',
      'opted-out',
      'opted-out',
      'rep-excluded',
    ]);
    expect(a.invitations.length).toBe(2);
  });

  it('refuses invalid rows as the web upload does: every one named, after a quoted line break, nothing written', {
    timeout: 60_000,
  }, async () => {
    const csv = interactionsCsv(6000, {
      quotedNewlineAtLine: 100,
      badDateAtLine: 5312,
      badDate: '2025-02-30T10:00:00Z',
      prefix: 'bad',
    }).replace('bad-7,ana@acme.test,c7@x.test', 'bad-7,ana@acme.test,not-an-address');
    const before = await snapshot(setBased);
    const staged = await stageImport(rowByRow.deps, 'interactions', Readable.from([Buffer.from(csv)]), {
      filename: 'bad.csv',
      actor: 'test',
      actorId: null,
    });
    expect(staged.errors.map((e) => e.line)).toEqual([9, 5312]);
    const cli = await viaCli(csv, 'invalid.csv');
    expect(cli.code).toBe(1);
    expect(cli.stderr.trim().split('\n')).toEqual(
      staged.errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message} (value: ${JSON.stringify(e.value)})`),
    );
    expect(await snapshot(setBased)).toEqual(before);
  });

  const refusals = [
    [
      'an unknown rep',
      `${INTERACTIONS_HEADER}\n${row('u-1', 'ana', 30, 'call', '2025-06-01T10:00:00Z')}\n${row('u-2', 'zed', 31, 'call', '2025-06-01T10:00:00Z')}\n`,
    ],
    [
      'a retry that changes the type',
      `${INTERACTIONS_HEADER}\n${row('u-3', 'ana', 30, 'call', '2025-06-01T10:00:00Z')}\ne-1,ana@acme.test,c1@x.test,Customer 1,es,,meeting,2025-06-01T10:00:00Z,,,\n`,
    ],
    [
      'a retry that changes the rep',
      `${INTERACTIONS_HEADER}\n${row('u-5', 'ana', 30, 'call', '2025-06-01T10:00:00Z')}\ne-1,cy@acme.test,c1@x.test,Customer 1,es,,call,2025-06-01T10:00:00Z,,,\n`,
    ],
    [
      'a repeat in the file with another date',
      `${INTERACTIONS_HEADER}\n${row('u-4', 'ana', 30, 'call', '2025-06-01T10:00:00Z')}\n${row('u-4', 'ana', 30, 'call', '2025-06-02T10:00:00Z')}\n`,
    ],
  ] as const;
  for (const [what, csv] of refusals) {
    it(`refuses ${what} the same way, naming the line, and writes nothing`, { timeout: 60_000 }, async () => {
      const before = await snapshot(setBased);
      const staged = await stageImport(rowByRow.deps, 'interactions', Readable.from([Buffer.from(csv)]), {
        filename: 'bad.csv',
        actor: 'test',
        actorId: null,
      });
      const web = await publishImport(rowByRow.deps, staged.importId, 'test', { web: true });
      expect(web.errors.length).toBeGreaterThan(0);
      const expected = web.errors.map((e) => `line ${e.line}, column ${e.column || '*'}: ${e.message}`);
      const cli = await viaCli(csv, 'bad.csv');
      expect(cli.code).toBe(1);
      expect(cli.stderr.trim().split('\n')).toEqual(expected);
      // One row per round: the second row meets the first as a stored row, not as an earlier line.
      const single = await runCli(['import', 'interactions', join(setBased.dir, 'bad.csv')], {
        DATABASE_URL: `file:${setBased.dbPath}`,
        NOW,
        IMPORT_ROUND_ROWS: '1',
      });
      expect(single.code).toBe(1);
      expect(single.stderr.trim().split('\n')).toEqual(expected);
      expect(await snapshot(setBased)).toEqual(before);
    });
  }
});
