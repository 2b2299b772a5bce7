/**
 * Imports, all or nothing: rows are validated and staged in short commits (bounded
 * memory, any file size), then published in one write. A failed or killed import
 * publishes nothing and is shown as failed. The UI stages, previews and asks to confirm;
 * the CLI, on a database file, reads and writes in one transaction (importFile), on a
 * server it stages and publishes at once.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../context';
import type { Drizzle } from '../../../db/client';
import type { ImportKind } from '../../../db/schema';
import { AppError } from '../../lib/errors';
import { yieldToEventLoop } from '../../lib/yield';
import { recordAudit } from '../../../db/queries/audit';
import { createImport, failImport, finishImport, getImport, listUnfinishedImports, readStagedRows, setImportStatus, stageRows, type ImportError } from '../../../db/queries/imports';
import { upsertContentItems } from '../../../db/queries/content';
import { withBulkRollups } from '../../../db/queries/rollups';
import { withIndexesRebuilt } from '../../../db/queries/bulk';
import { countInteractions } from '../../../db/queries/interactions';
import { getRepsByEmail } from '../../../db/queries/reps';
import { CSV_FORMATS } from './formats';
import type { ContentItemInput, InteractionInput, RepInput, ResponseImportInput, TrainingRecordInput } from '../inputs';
import { ImportRefused, MAX_ERRORS, readValidRows } from './validate';
import { loadHistory } from './history';
import { ingestInTransaction } from '../interactions';
import { addTrainingInTransaction, upsertRepsInTransaction } from '../training';
import { importResponsesInTransaction } from '../responses';

export { MAX_ERRORS };

const STAGE_CHUNK = 5000;
/** A web upload is staged in smaller commits, each short beside the server's other requests. */
const WEB_STAGE_CHUNK = 500;
const PUBLISH_CHUNK = 2000;
/**
 * A web publish runs beside the server's other requests: chunks small enough that each
 * synchronous step stays well under /healthz's 100 ms, the event loop let in between them,
 * and the interactions indexes kept row by row (building one again is a single statement
 * of a few hundred ms on a large table).
 */
const WEB_PUBLISH_CHUNK = 200;
/** Imports smaller than this keep the interactions indexes up to date row by row. */
const REBUILD_MIN_ROWS = 20_000;
const PROCESS_OWNER = `${hostname()}:${process.pid}`;
/** A remote importer that sent no heartbeat for this long is taken as gone. */
const STALE_MS = 10 * 60_000;
/** A staged import nobody confirmed for a day is dropped. */
const UNCONFIRMED_MS = 24 * 60 * 60_000;

export interface StageResult {
  importId: number;
  rows: number;
  errors: ImportError[];
  preview: Record<string, string>[];
}

export interface StageOptions {
  filename: string;
  actor: string;
  actorId: number | null;
  /** Web uploads are limited; the CLI is not. */
  maxRows?: number;
  /** About how many rows the file holds (from its size), when known. */
  expectedRows?: number;
}

export async function stageImport(deps: AppDeps, kind: ImportKind, input: Readable, options: StageOptions): Promise<StageResult> {
  const importId = await deps.db.write((tx) => createImport(tx, { kind, filename: options.filename, createdBy: options.actorId, owner: PROCESS_OWNER, now: deps.clock.nowMs() }));
  const { rows, errors, preview } = await readValidRows(kind, input, options, options.maxRows === undefined ? STAGE_CHUNK : WEB_STAGE_CHUNK, (chunk) =>
    deps.db.write((tx) => stageRows(tx, importId, chunk.map((r) => ({ line: r.line, data: JSON.stringify(r.candidate) })), deps.clock.nowMs())),
  );
  const now = deps.clock.nowMs();
  if (errors.length > 0) {
    await deps.db.write(async (tx) => {
      await finishImport(tx, importId, { status: 'failed', errors, now });
      await recordAudit(tx, now, { actor: options.actor, action: 'import.refused', subject: `${kind} ${options.filename}`, detail: { importId, errors: errors.length } });
    });
  } else {
    await deps.db.write((tx) => setImportStatus(tx, importId, 'staging', 'ready', PROCESS_OWNER, now));
  }
  return { importId, rows, errors, preview };
}

export interface PublishResult {
  created: number;
  duplicates: number;
  errors: ImportError[];
}

/** Applies validated rows with the same domain code the JSON API uses; a refusal names the rows' lines. */
async function applyRows(deps: AppDeps, tx: Drizzle, kind: ImportKind, rows: { line: number; item: unknown }[], now: number): Promise<{ created: number; duplicates: number }> {
  const items = rows.map((r) => r.item);
  try {
    switch (kind) {
      case 'interactions': {
        const results = await ingestInTransaction(tx, items as InteractionInput[], 'csv', now, { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom });
        const created = results.filter((r) => r.status === 'created').length;
        return { created, duplicates: results.length - created };
      }
      case 'reps':
        return { created: await upsertRepsInTransaction(tx, items as RepInput[], now), duplicates: 0 };
      case 'content':
        return { created: await upsertContentItems(tx, items as ContentItemInput[], now), duplicates: 0 };
      case 'training':
        return addTrainingInTransaction(tx, items as TrainingRecordInput[], now);
      case 'responses':
        return importResponsesInTransaction(tx, items as ResponseImportInput[], now);
    }
  } catch (error) {
    if (!(error instanceof AppError) || error.issues.length === 0) throw error;
    throw new ImportRefused(
      error.issues.slice(0, MAX_ERRORS).map((issue) => {
        const index = typeof issue.path[0] === 'number' ? issue.path[0] : 0;
        return { line: rows[index]?.line ?? 0, column: CSV_FORMATS[kind].columnOf(issue.path.slice(1)), value: '', message: issue.message };
      }),
    );
  }
}

/** Applies a chunk of validated rows with the domain code (counting what it created). */
export type Apply = (rows: { line: number; item: unknown }[]) => Promise<void>;
/** What a load read, and what it wrote without `apply`. */
export interface Loaded {
  rows?: number;
  created?: number;
  duplicates?: number;
}

/**
 * Runs `load` (which applies rows with `apply`) as one bulk write: the CPI totals of the
 * reps it touched are rebuilt once at the end; the import is recorded as published.
 */
async function publishInWrite(
  deps: AppDeps,
  tx: Drizzle,
  imp: { id: number; kind: ImportKind; filename: string },
  actor: string,
  now: number,
  load: (apply: Apply) => Promise<Loaded>,
  expectedRows: number,
  options: { rebuildIndexes: boolean },
): Promise<{ created: number; duplicates: number }> {
  // Reps whose CPI totals the import may change; `undefined` means all of them.
  let touched: Set<string> | undefined = imp.kind === 'responses' ? undefined : new Set();
  const touchedRepIds = async () => (touched === undefined ? undefined : [...(await getRepsByEmail(tx, [...touched])).values()].map((r) => r.id));
  return withBulkRollups(
    tx,
    async () => {
      let created = 0;
      let duplicates = 0;
      const loadAll = () =>
        load(async (chunk) => {
          if (imp.kind === 'interactions') for (const r of chunk) touched?.add((r.item as InteractionInput).repEmail);
          const r = await applyRows(deps, tx, imp.kind, chunk, now);
          created += r.created;
          duplicates += r.duplicates;
        });
      const rebuild = options.rebuildIndexes && imp.kind === 'interactions' && (await rebuildIsCheaper(tx, expectedRows));
      const loaded = rebuild ? await withIndexesRebuilt(tx, 'interactions', loadAll) : await loadAll();
      created += loaded.created ?? 0;
      duplicates += loaded.duplicates ?? 0;
      const rows = loaded.rows;
      await finishImport(tx, imp.id, { status: 'published', created, duplicates, rows, now });
      await recordAudit(tx, now, { actor, action: 'import.published', subject: `${imp.kind} ${imp.filename}`, detail: { importId: imp.id, created, duplicates } });
      return { created, duplicates };
    },
    touchedRepIds,
  );
}

/** Building the interactions indexes again costs a sort of the whole table: worth it when the import is large next to it. */
async function rebuildIsCheaper(tx: Drizzle, expectedRows: number): Promise<boolean> {
  if (expectedRows < REBUILD_MIN_ROWS) return false;
  return expectedRows >= (await countInteractions(tx)) / 2;
}

/** Records a refused or crashed publish as failed; refusals come back as errors, anything else is thrown. */
async function recordFailure(deps: AppDeps, imp: { id: number; kind: ImportKind; filename: string }, actor: string, error: unknown): Promise<ImportError[]> {
  const errors = error instanceof ImportRefused ? error.errors : [{ line: 0, column: '', value: '', message: error instanceof Error ? error.message : String(error) }];
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    await finishImport(tx, imp.id, { status: 'failed', errors, now });
    await recordAudit(tx, now, { actor, action: 'import.refused', subject: `${imp.kind} ${imp.filename}`, detail: { importId: imp.id, errors: errors.length } });
  });
  if (error instanceof ImportRefused) return errors;
  throw error;
}

/** Publishes a staged import. `web`: in the server, beside other requests (see WEB_PUBLISH_CHUNK). */
export async function publishImport(deps: AppDeps, importId: number, actor: string, options: { web: boolean }): Promise<PublishResult> {
  const found = await getImport(deps.db.read, importId);
  if (!found) throw new AppError(404, 'not_found', 'No such import.');
  const now = deps.clock.nowMs();
  if (!(await deps.db.write((tx) => setImportStatus(tx, importId, 'ready', 'publishing', PROCESS_OWNER, now)))) {
    throw new AppError(409, 'conflict', `This import is ${found.status}; only a validated import can be published, once.`);
  }
  const schema = CSV_FORMATS[found.kind].schema;
  try {
    const totals = await deps.db.write((tx) =>
      publishInWrite(deps, tx, found, actor, now, async (apply) => {
        for (let after = 0; ; ) {
          const rows = await readStagedRows(tx, importId, after, options.web ? WEB_PUBLISH_CHUNK : PUBLISH_CHUNK);
          if (rows.length === 0) return {};
          after = rows[rows.length - 1]!.line;
          // Staged rows passed validation; parsing again gives the typed input the domain takes.
          await apply(rows.map((row) => ({ line: row.line, item: schema.parse(JSON.parse(row.data)) })));
          if (options.web) await yieldToEventLoop();
        }
      }, found.rows, { rebuildIndexes: !options.web }),
    );
    if (found.kind === 'interactions') deps.wakeSender();
    return { ...totals, errors: [] };
  } catch (error) {
    return { created: 0, duplicates: 0, errors: await recordFailure(deps, found, actor, error) };
  }
}

export interface ImportResult extends PublishResult {
  importId: number;
  rows: number;
}

/**
 * The CLI's import of a file: on an embedded database, read, validated and written in one
 * transaction as it streams (no staging copy: a 1,000,000-row history import is bound by
 * the writes); against a server, staged in short commits and then published, so that no
 * server transaction waits on the file. All or nothing either way.
 */
export async function importFile(deps: AppDeps, kind: ImportKind, path: string, options: StageOptions): Promise<ImportResult> {
  if (deps.db.kind !== 'file') {
    const staged = await stageImport(deps, kind, createReadStream(path), options);
    if (staged.errors.length > 0) return { importId: staged.importId, rows: staged.rows, created: 0, duplicates: 0, errors: staged.errors };
    return { importId: staged.importId, rows: staged.rows, ...(await publishImport(deps, staged.importId, options.actor, { web: false })) };
  }
  const now = deps.clock.nowMs();
  const imp = { kind, filename: options.filename };
  const id = await deps.db.write((tx) => createImport(tx, { ...imp, createdBy: options.actorId, owner: PROCESS_OWNER, now, status: 'publishing' }));
  let rows = 0;
  try {
    const totals = await deps.db.write((tx) =>
      publishInWrite(deps, tx, { id, ...imp }, options.actor, now, async (apply) => {
        if (kind === 'interactions') {
          const loaded = await loadHistory(tx, id, path, now, deps.config.importRoundRows, apply);
          rows = loaded.rows;
          return loaded;
        }
        const read = await readValidRows(kind, createReadStream(path), options, PUBLISH_CHUNK, apply);
        rows = read.rows;
        if (read.errors.length > 0) throw new ImportRefused(read.errors);
        return { rows: read.rows };
      }, options.expectedRows ?? 0, { rebuildIndexes: true }),
    );
    if (kind === 'interactions') deps.wakeSender();
    return { importId: id, rows, ...totals, errors: [] };
  } catch (error) {
    return { importId: id, rows, created: 0, duplicates: 0, errors: await recordFailure(deps, { id, ...imp }, options.actor, error) };
  }
}

/** True when the process that owns an unfinished import is no longer there to finish it. */
function ownerGone(owner: string | null, heartbeatAt: number, now: number): boolean {
  const [host, pid] = (owner ?? '').split(':');
  if (host === hostname() && pid) {
    if (Number(pid) === process.pid) return false;
    try {
      process.kill(Number(pid), 0);
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
    // A killed process nobody has reaped yet still answers kill(0): on Linux its state says so.
    return isZombie(Number(pid));
  }
  return now - heartbeatAt > STALE_MS;
}

function isZombie(pid: number): boolean {
  try {
    return /^\d+ \(.*\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

const INTERRUPTED = 'the import was interrupted before it was published; nothing was written';

/** How an import should be shown now: one whose importer is gone is failed, even before the sweep records it (GET changes nothing). */
export function asShown<T extends { status: string; owner: string | null; heartbeatAt: number; errors: ImportError[] | null }>(imp: T, now: number): T {
  // A staged import whose importer is gone is failed too: the CLI stages and publishes in one
  // run, and a web upload awaiting confirmation does not survive its server.
  if ((imp.status === 'staging' || imp.status === 'ready' || imp.status === 'publishing') && ownerGone(imp.owner, imp.heartbeatAt, now)) {
    return { ...imp, status: 'failed', errors: [{ line: 0, column: '', value: '', message: INTERRUPTED }] };
  }
  return imp;
}

/** Marks imports whose importer was killed, and unconfirmed ones a day old, as failed (their staged rows go). */
export async function sweepImports(deps: AppDeps): Promise<number> {
  const now = deps.clock.nowMs();
  const unfinished = await listUnfinishedImports(deps.db.read);
  const doomed = unfinished.filter((i) => ownerGone(i.owner, i.heartbeatAt, now) || (i.status === 'ready' && now - i.heartbeatAt > UNCONFIRMED_MS));
  for (const i of doomed) {
    await deps.db.write((tx) =>
      failImport(tx, i.id, ownerGone(i.owner, i.heartbeatAt, now) ? INTERRUPTED : 'the import was not confirmed within a day; nothing was written', now),
    );
  }
  return doomed.length;
}
