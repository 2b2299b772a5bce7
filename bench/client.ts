/**
 * The embedded-file client shim (db/sqlite-client.ts) against the stock `@libsql/client` file
 * client, in the same process and the same run, each on a twin database with the full
 * schema and its triggers (open invitations of 50 reps, bench/survey-fixture.ts) and
 * the writer's settings (synchronous=NORMAL, foreign keys on):
 *
 * - submits: one `BEGIN IMMEDIATE` transaction per survey answer — the response row (the
 *   CPI and data-version triggers fire) and the invitation marked responded — then COMMIT;
 * - rollup read: the CPI API's per-rep sums over 90 days (`getCpiSumsByRep`, through drizzle).
 *
 * Within a round the clients take turns in small blocks; the first round warms both up and
 * is not counted.
 * The ratio is shim / stock time: below 1, the shim is faster.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { type Client, createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import { getCpiSumsByRep } from '../db/queries/cpis';
import * as schema from '../db/schema';
import { createSqliteClient } from '../db/sqlite-client';
import { median, ratio } from './lib';
import { createOpenInvitations } from './survey-fixture';

const NOW = Date.parse('2026-11-20T12:00:00Z');
const BLOCKS = 10;
const SUBMITS_PER_BLOCK = 50;
const READS_PER_BLOCK = 20;
const DIR = 'test-output/bench/client';

const INSERT_RESPONSE = `INSERT INTO responses (invitation_id, interaction_id, rep_id, interaction_type, occurred_at,
  status, source, resolved_first_contact, content_useful, decision_clearer, added_value, comment, locale,
  started_at, submitted_at, updated_at)
  VALUES (?, ?, ?, 'call', ?, 'submitted', 'survey', ?, ?, ?, ?, ?, 'en', ?, ?, ?)`;
const MARK_RESPONDED = "UPDATE invitations SET status = 'responded', responded_at = ? WHERE id = ?";

type Kind = 'shim' | 'stock';

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;

async function submit(client: Client, id: number): Promise<void> {
  const tx = await client.transaction('write');
  try {
    const answer = (k: number) => ((id + k) % 5) + 1;
    await tx.execute({
      sql: INSERT_RESPONSE,
      args: [
        id,
        id,
        (id % 50) + 1,
        NOW - 3_600_000,
        id % 2,
        answer(1),
        answer(2),
        answer(3),
        id % 7 ? null : 'Clear and quick.',
        NOW,
        NOW,
        NOW,
      ],
    });
    await tx.execute({ sql: MARK_RESPONDED, args: [NOW, id] });
    await tx.commit();
  } finally {
    tx.close();
  }
}

async function openTwin(kind: Kind, rounds: number): Promise<Client> {
  const path = `${DIR}/${kind}.db`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  await createOpenInvitations(path, rounds * BLOCKS * SUBMITS_PER_BLOCK, NOW);
  const client = kind === 'shim' ? createSqliteClient(path) : createClient({ url: `file:${path}` });
  await client.execute('PRAGMA synchronous=NORMAL');
  await client.execute('PRAGMA foreign_keys=ON');
  return client;
}

interface Round {
  submit: Record<Kind, number>;
  read: Record<Kind, number>;
}

export async function benchClient(runs = Number(process.env.BENCH_RUNS ?? 5)) {
  const rounds = runs + 1;
  console.log(
    `Client shim vs stock @libsql/client (file): ${runs} round(s) of ${BLOCKS * SUBMITS_PER_BLOCK} submit transactions and ${BLOCKS * READS_PER_BLOCK} rollup reads each, in blocks of ${SUBMITS_PER_BLOCK} and ${READS_PER_BLOCK} taking turns, after one warm-up round`,
  );
  mkdirSync(DIR, { recursive: true });
  const clients: Record<Kind, Client> = {
    shim: await openTwin('shim', rounds),
    stock: await openTwin('stock', rounds),
  };
  const dbs = { shim: drizzle(clients.shim, { schema }), stock: drizzle(clients.stock, { schema }) };
  const period = { from: NOW - 90 * 86_400_000, to: NOW };
  const results: Round[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const result: Round = { submit: { shim: 0, stock: 0 }, read: { shim: 0, stock: 0 } };
      // Small blocks, the two clients taking turns (and turns at going first): a machine
      // whose speed drifts within a round moves both sides alike.
      for (let block = 0; block < BLOCKS; block++) {
        const order: Kind[] = (round + block) % 2 ? ['stock', 'shim'] : ['shim', 'stock'];
        for (const kind of order) {
          const first = (round * BLOCKS + block) * SUBMITS_PER_BLOCK + 1;
          const t0 = performance.now();
          for (let id = first; id < first + SUBMITS_PER_BLOCK; id++) await submit(clients[kind], id);
          result.submit[kind] += (performance.now() - t0) / (BLOCKS * SUBMITS_PER_BLOCK);
        }
        for (const kind of order) {
          const t0 = performance.now();
          for (let i = 0; i < READS_PER_BLOCK; i++) await getCpiSumsByRep(dbs[kind], period, NOW);
          result.read[kind] += (performance.now() - t0) / (BLOCKS * READS_PER_BLOCK);
        }
      }
      const label = round === 0 ? 'warm-up' : `round ${round}`;
      console.log(
        `  ${label}: submit ${fmt(result.submit.shim)} shim, ${fmt(result.submit.stock)} stock (${ratio(result.submit.shim, result.submit.stock)}); rollup read ${fmt(result.read.shim)} shim, ${fmt(result.read.stock)} stock (${ratio(result.read.shim, result.read.stock)})`,
      );
      if (round > 0) results.push(result);
    }
  } finally {
    clients.shim.close();
    clients.stock.close();
  }
  const summary = (pick: (r: Round) => Record<Kind, number>) => {
    const ratios = results.map((r) => pick(r).shim / pick(r).stock);
    const shim = median(results.map((r) => pick(r).shim));
    const stock = median(results.map((r) => pick(r).stock));
    return `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}); ${fmt(shim)} vs ${fmt(stock)}`;
  };
  console.log('RESULT client (shim / stock time, below 1 the shim is faster):');
  console.log(`  submit transaction: ${summary((r) => r.submit)}`);
  console.log(`  rollup read (getCpiSumsByRep, 90 days): ${summary((r) => r.read)}`);
  return results;
}
