/**
 * Generated workspaces for the benchmarks: 500 reps in 10 teams, 8 skills with
 * assessments, and N responses (one interaction and invitation each) spread over the two
 * years before `now`. Written with multi-row INSERTs straight into a fresh file, then the
 * CPI rollups are rebuilt — the same state the live write paths keep.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type InStatement } from '@libsql/client';
import { createDb } from '../db/client';
import { migrate } from '../db/migrate';
import { sql } from 'drizzle-orm';
import { rebuildRollups } from '../db/queries/rollups';
import { mulberry32 } from '../src/stats/prng';
import { DAY_MS } from '../src/lib/days';

const TYPES = ['call', 'meeting', 'demo', 'quote', 'support'] as const;
const SKILLS = [
  'discovery',
  'objection-handling',
  'product-knowledge',
  'value-messaging',
  'content-usage',
  'quoting',
  'negotiation',
  'closing',
];
const GENERATOR_VERSION = 7;

export interface WorkspaceSpec {
  responses: number;
  reps?: number;
  now: number;
  seed?: number;
}

function workspacePath(spec: WorkspaceSpec): string {
  return `test-output/bench/workspace-v${GENERATOR_VERSION}-${spec.responses}-${spec.reps ?? 500}-${spec.now}.db`;
}

export function multiRowInsert(table: string, columns: string[], rows: unknown[][]): InStatement[] {
  const perStatement = Math.floor(30_000 / columns.length);
  const out: InStatement[] = [];
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    out.push({
      sql: `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ')}`,
      args: chunk.flat() as never[],
    });
  }
  return out;
}

/** Builds (or reuses) the workspace file and returns its path. */
export async function generateWorkspace(spec: WorkspaceSpec): Promise<string> {
  const path = workspacePath(spec);
  if (existsSync(path)) return path;
  mkdirSync(dirname(path), { recursive: true });
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${building}${suffix}`, { force: true });
  // Written by a child process, so that every connection to the file is gone when it ends.
  execFileSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), building, JSON.stringify(spec)],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  leaveWal(`file:${building}`);
  if (existsSync(`${building}-wal`)) throw new Error(`${building}-wal is still there: the workspace is not whole`);
  rmSync(`${building}-shm`, { force: true });
  renameSync(building, path);
  return path;
}

/** Writes a workspace into an empty database at `url` (a file, or a libSQL server). */
export async function writeWorkspace(url: string, spec: WorkspaceSpec): Promise<void> {
  const db = await createDb({ url });
  await migrate(db.adminClient);
  await db.close();
  const client = createClient({ url });
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute('PRAGMA synchronous=OFF');
  }
  // Bulk load: the running-total triggers stand aside; the totals are rebuilt at the end.
  await client.execute('UPDATE rollup_mode SET bulk = 1 WHERE id = 1');
  const random = mulberry32(spec.seed ?? 42);
  const repCount = spec.reps ?? 500;
  const now = spec.now;
  const created = now - 800 * DAY_MS;
  const teams = Array.from({ length: 10 }, (_, i) => [i + 1, `Team ${i + 1}`, created]);
  const reps = Array.from({ length: repCount }, (_, i) => [
    i + 1,
    `rep${i}@bench.test`,
    `Rep ${i}`,
    (i % 10) + 1,
    0,
    1,
    created,
    created,
  ]);
  const skills = SKILLS.map((slug, i) => [i + 1, slug, slug, 80, created]);
  const ability = Array.from({ length: repCount }, () => SKILLS.map(() => 40 + random() * 60));
  const training: unknown[][] = [];
  let trainingId = 1;
  for (let r = 0; r < repCount; r++) {
    for (let s = 0; s < SKILLS.length; s++) {
      training.push([
        trainingId++,
        r + 1,
        s + 1,
        'assessment',
        now - 200 * DAY_MS,
        Math.round(ability[r]![s]!),
        created,
      ]);
      if (random() < 0.4)
        training.push([trainingId++, r + 1, s + 1, 'course', now - Math.floor(random() * 700) * DAY_MS, null, created]);
    }
  }
  const customers = Math.min(50_000, Math.ceil(spec.responses / 4));
  await client.batch(
    [
      ...multiRowInsert('teams', ['id', 'name', 'created_at'], teams),
      ...multiRowInsert(
        'reps',
        ['id', 'email', 'name', 'team_id', 'excluded_from_surveys', 'active', 'created_at', 'updated_at'],
        reps,
      ),
      ...multiRowInsert('skills', ['id', 'slug', 'name', 'proficiency_target', 'created_at'], skills),
      ...multiRowInsert(
        'training_records',
        ['id', 'rep_id', 'skill_id', 'kind', 'completed_at', 'score', 'created_at'],
        training,
      ),
      ...multiRowInsert(
        'customers',
        ['id', 'email', 'locale', 'created_at'],
        Array.from({ length: customers }, (_, i) => [i + 1, `c${i}@customer.test`, ['en', 'es', 'de'][i % 3], created]),
      ),
    ],
    'write',
  );
  const span = 730 * DAY_MS;
  // Smaller statements against a server (request size); large ones into a file.
  const chunk = url.startsWith('file:') ? 50_000 : 5_000;
  for (let start = 0; start < spec.responses; start += chunk) {
    const interactions: unknown[][] = [];
    const invitations: unknown[][] = [];
    const responses: unknown[][] = [];
    for (let i = start; i < Math.min(spec.responses, start + chunk); i++) {
      const id = i + 1;
      const rep = Math.floor(random() * repCount);
      const a = ability[rep]!;
      const type = TYPES[Math.floor(random() * TYPES.length)]!;
      const occurredAt = now - Math.floor(random() * span);
      const quote = type === 'quote';
      interactions.push([
        id,
        `b-${id}`,
        rep + 1,
        1 + (i % customers),
        type,
        occurredAt,
        quote ? occurredAt : null,
        quote ? occurredAt + Math.floor((2 + random() * 100 * (1.2 - a[5]! / 100)) * 3_600_000) : null,
        'bench',
        'scheduled',
        occurredAt,
        occurredAt,
      ]);
      invitations.push([
        id,
        id,
        1 + (i % customers),
        rep + 1,
        'responded',
        'en',
        '[]',
        '[]',
        occurredAt + 7_200_000,
        occurredAt + 7_200_000,
        occurredAt + 15 * DAY_MS,
        14,
        occurredAt,
      ]);
      const likert = (skill: number) =>
        Math.max(1, Math.min(5, Math.round(1.5 + (a[skill]! / 100) * 3 + (random() - 0.5) * 2)));
      responses.push([
        id,
        id,
        id,
        rep + 1,
        type,
        occurredAt,
        'submitted',
        'survey',
        random() < 0.3 + a[2]! / 200 ? 1 : 0,
        random() < 0.5 ? likert(4) : null,
        likert(1),
        random() < 0.9 ? likert(3) : null,
        occurredAt + DAY_MS,
        occurredAt + DAY_MS,
        occurredAt + DAY_MS,
      ]);
    }
    await client.batch(
      [
        ...multiRowInsert(
          'interactions',
          [
            'id',
            'external_id',
            'rep_id',
            'customer_id',
            'type',
            'occurred_at',
            'quote_requested_at',
            'quote_delivered_at',
            'source',
            'survey_status',
            'created_at',
            'updated_at',
          ],
          interactions,
        ),
        ...multiRowInsert(
          'invitations',
          [
            'id',
            'interaction_id',
            'customer_id',
            'rep_id',
            'status',
            'locale',
            'questions',
            'required',
            'send_at',
            'sent_at',
            'expires_at',
            'expiry_days',
            'created_at',
          ],
          invitations,
        ),
        ...multiRowInsert(
          'responses',
          [
            'id',
            'invitation_id',
            'interaction_id',
            'rep_id',
            'interaction_type',
            'occurred_at',
            'status',
            'source',
            'resolved_first_contact',
            'content_useful',
            'decision_clearer',
            'added_value',
            'started_at',
            'submitted_at',
            'updated_at',
          ],
          responses,
        ),
      ],
      'write',
    );
  }
  client.close();
  const finish = await createDb({ url });
  await finish.write(async (tx) => {
    await rebuildRollups(tx);
    await tx.run(sql`UPDATE rollup_mode SET bulk = 0 WHERE id = 1`);
  });
  await finish.close();
}

/**
 * Folds the WAL into the file and leaves WAL mode, so the file stands alone and can be
 * renamed. A checkpoint that cannot finish (another connection still reading) answers
 * busy rather than failing: switching the journal mode waits for every page and says
 * whether it did — deleting a WAL that still holds committed pages corrupted the file.
 * In a child process, after the writer's has ended: a closed libsql connection whose
 * prepared statements are not yet garbage-collected stays open, and holds the WAL.
 */
function leaveWal(url: string): void {
  const script = `const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('libsql'))});
const db = new Database(${JSON.stringify(url.slice('file:'.length))}, { timeout: 10000 });
const mode = String(Object.values(db.prepare('PRAGMA journal_mode=DELETE').get())[0]);
db.close();
if (mode.toLowerCase() !== 'delete') { console.error('journal mode is still ' + mode); process.exit(1); }`;
  execFileSync(process.execPath, ['-e', script], { stdio: ['ignore', 'inherit', 'inherit'] });
}

// The child process of generateWorkspace: `generate.ts FILE SPEC-JSON`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeWorkspace(`file:${process.argv[2]}`, JSON.parse(process.argv[3]!) as WorkspaceSpec);
  process.exit(0);
}
