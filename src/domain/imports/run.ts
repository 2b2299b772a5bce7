/**
 * Imports, all or nothing: rows are validated and staged in short commits (bounded
 * memory, any file size), then published in one write. A failed or killed import
 * publishes nothing and is shown as failed. The UI stages, previews and asks to confirm;
 * the CLI, on a database file, reads and writes in one transaction (importFile), on a
 * server it stages and publishes at once.
 *
 * Skipping invalid rows is an explicit choice (the preview's button, `--skip-invalid`):
 * then the valid rows are published, still in one write, and every row left out —
 * invalid, or refused while publishing (an unknown rep, a retry that differs) — is kept
 * in import_rejects with its reason, for the rejected-rows file (rejected-csv.ts).
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
import {
  addRejects, createImport, deleteOldRejects, deleteRejects, failImport, finishImport, getImport, listUnfinishedImports, readStagedRows, setImportStatus, stageRows, type ImportError,
} from '../../../db/queries/imports';
import { upsertContentItems } from '../../../db/queries/content';
import { withBulkRollups } from '../../../db/queries/rollups';
import { withIndexesRebuilt } from '../../../db/queries/bulk';
import { countInteractions } from '../../../db/queries/interactions';
import { getRepsByEmail } from '../../../db/queries/reps';
import { CSV_FORMATS } from './formats';
import type { ContentItemInput, InteractionInput, RepInput, ResponseImportInput, TrainingRecordInput } from '../inputs';
import { ImportRefused, MAX_ERRORS, readValidRows, rejectReason, type RejectedRow } from './validate';
import type { ProgressListener } from './progress';
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
/** Rejected rows stay downloadable for a month after their import finished. */
const REJECTS_KEPT_MS = 30 * 24 * 60 * 60_000;

export interface StageResult {
  importId: number;
  /** Rows read (valid and invalid). */
  rows: number;
  /** `ready`: staged, awaiting confirmation (with rejected rows: awaiting the choice to skip them). */
  status: 'ready' | 'failed';
  errors: ImportError[];
  /** Invalid rows kept apart (only with `keepValid`). */
  rejected: number;
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
  /**
   * Stages the valid rows even after invalid ones, which are kept as rejected rows: the
   * import is then ready to publish with them skipped, by an explicit choice only. Without
   * it, the first invalid row ends the staging (all or nothing).
   */
  keepValid?: boolean;
  /** Told the import's id once it exists, before the file is read. */
  onStart?: (importId: number) => void;
  onProgress?: ProgressListener;
}

/** A rejected row as kept: its reason in one line, its values as read. */
const rejectRecord = (row: RejectedRow) => ({ line: row.line, reason: rejectReason(row.errors), data: JSON.stringify(row.values) });

export async function stageImport(deps: AppDeps, kind: ImportKind, input: Readable, options: StageOptions): Promise<StageResult> {
  const importId = await deps.db.write((tx) => createImport(tx, { kind, filename: options.filename, createdBy: options.actorId, owner: PROCESS_OWNER, now: deps.clock.nowMs() }));
  options.onStart?.(importId);
  const read = await readValidRows(
    kind,
    input,
    {
      maxRows: options.maxRows,
      onRejected: options.keepValid ? (rows) => deps.db.write((tx) => addRejects(tx, importId, rows.map(rejectRecord), deps.clock.nowMs())) : undefined,
      onProgress: options.onProgress && ((checked) => options.onProgress?.({ checked })),
    },
    options.maxRows === undefined ? STAGE_CHUNK : WEB_STAGE_CHUNK,
    (chunk) => deps.db.write((tx) => stageRows(tx, importId, chunk.map((r) => ({ line: r.line, data: JSON.stringify(r.values) })), deps.clock.nowMs())),
  );
  const { rows, errors, rejected, preview } = read;
  const now = deps.clock.nowMs();
  // Refused: the file itself, any invalid row (all or nothing), or nothing valid to publish.
  const refused = read.fileRefused || (!options.keepValid && errors.length > 0) || (rejected > 0 && rejected === rows);
  if (refused) {
    await deps.db.write(async (tx) => {
      if (read.fileRefused && rejected > 0) await deleteRejects(tx, importId);
      await finishImport(tx, importId, { status: 'failed', errors, now });
      await recordAudit(tx, now, { actor: options.actor, action: 'import.refused', subject: `${kind} ${options.filename}`, detail: { importId, errors: errors.length } });
    });
  } else {
    await deps.db.write((tx) => setImportStatus(tx, importId, 'staging', 'ready', PROCESS_OWNER, now, { withRejects: true, ...(errors.length > 0 ? { errors } : {}) }));
  }
  return { importId, rows, status: refused ? 'failed' : 'ready', errors, rejected: read.fileRefused ? 0 : rejected, preview };
}

export interface PublishResult {
  created: number;
  duplicates: number;
  /** Refused: what was wrong (nothing written). Published with skipped rows: the first of theirs. */
  errors: ImportError[];
  /** Rows written (valid rows applied). */
  rows: number;
  /** Rows left out by an explicit skip (see import_rejects). */
  rejected: number;
  status: 'published' | 'failed';
}

/** A chunk of validated rows; `values` (the row as read) is kept for a row that may be rejected. */
export interface RowToApply {
  line: number;
  item: unknown;
  values?: Record<string, string>;
}

/** Applies validated rows with the same domain code the JSON API uses; a refusal names the rows' lines. */
async function applyRows(deps: AppDeps, tx: Drizzle, kind: ImportKind, rows: RowToApply[], now: number): Promise<{ created: number; duplicates: number }> {
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
      // Awaited here, so that a refusal is caught below and names its rows' lines.
      case 'training':
        return await addTrainingInTransaction(tx, items as TrainingRecordInput[], now);
      case 'responses':
        return await importResponsesInTransaction(tx, items as ResponseImportInput[], now);
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
export type Apply = (rows: RowToApply[]) => Promise<void>;
/** Keeps rows left out (skipping only). */
export type Reject = (rows: RejectedRow[]) => Promise<void>;
/** What a load read, and what it wrote without `apply`. */
export interface Loaded {
  rows?: number;
  created?: number;
  duplicates?: number;
}

interface PublishOptions {
  rebuildIndexes: boolean;
  /** Rows the domain refuses are left out (kept as rejected rows) instead of refusing the import. */
  skipInvalid?: boolean | undefined;
  /** What staging left out before (a web upload's invalid rows). */
  before?: { rejected: number; errors: ImportError[] };
  onProgress?: ProgressListener | undefined;
}

/**
 * Runs `load` (which applies rows with `apply`) as one bulk write: the CPI totals of the
 * reps it touched are rebuilt once at the end; the import is recorded as published.
 * Skipping, a chunk the domain refuses is applied again without the rows it named (the
 * domain checks them all before it writes anything); if every row was left out, nothing
 * was written and the import is recorded as failed.
 */
async function publishInWrite(
  deps: AppDeps,
  tx: Drizzle,
  imp: { id: number; kind: ImportKind; filename: string },
  actor: string,
  now: number,
  load: (apply: Apply, reject: Reject) => Promise<Loaded>,
  expectedRows: number,
  options: PublishOptions,
): Promise<Omit<PublishResult, 'status'> & { status: 'published' | 'failed' }> {
  // Reps whose CPI totals the import may change; `undefined` means all of them.
  let touched: Set<string> | undefined = imp.kind === 'responses' ? undefined : new Set();
  const touchedRepIds = async () => (touched === undefined ? undefined : [...(await getRepsByEmail(tx, [...touched])).values()].map((r) => r.id));
  return withBulkRollups(
    tx,
    async () => {
      let created = 0;
      let duplicates = 0;
      let applied = 0;
      let rejected = options.before?.rejected ?? 0;
      const errors = [...(options.before?.errors ?? [])];
      const reject: Reject = async (rows) => {
        if (rows.length === 0) return;
        await addRejects(tx, imp.id, rows.map(rejectRecord), now);
        rejected += rows.length;
        for (const row of rows) for (const e of row.errors) if (errors.length < MAX_ERRORS) errors.push(e);
      };
      const apply: Apply = async (chunk) => {
        if (imp.kind === 'interactions') for (const r of chunk) touched?.add((r.item as InteractionInput).repEmail);
        let rows = chunk;
        while (rows.length > 0) {
          try {
            const r = await applyRows(deps, tx, imp.kind, rows, now);
            created += r.created;
            duplicates += r.duplicates;
            applied += rows.length;
            break;
          } catch (error) {
            if (!options.skipInvalid || !(error instanceof ImportRefused)) throw error;
            rows = await leaveOut(rows, error, reject);
          }
        }
        options.onProgress?.({ written: applied });
      };
      const loadAll = () => load(apply, reject);
      const rebuild = options.rebuildIndexes && imp.kind === 'interactions' && (await rebuildIsCheaper(tx, expectedRows));
      const loaded = rebuild ? await withIndexesRebuilt(tx, 'interactions', loadAll) : await loadAll();
      created += loaded.created ?? 0;
      duplicates += loaded.duplicates ?? 0;
      const subject = `${imp.kind} ${imp.filename}`;
      if (options.skipInvalid && applied === 0 && rejected > 0) {
        await finishImport(tx, imp.id, { status: 'failed', errors, now });
        await recordAudit(tx, now, { actor, action: 'import.refused', subject, detail: { importId: imp.id, errors: errors.length, rejected } });
        return { created: 0, duplicates: 0, rows: 0, rejected, errors, status: 'failed' as const };
      }
      const rows = options.skipInvalid ? applied : loaded.rows;
      await finishImport(tx, imp.id, { status: 'published', created, duplicates, rows, now, ...(rejected > 0 ? { errors } : {}) });
      if (options.skipInvalid) await recordAudit(tx, now, { actor, action: 'import.skip-invalid', subject, detail: { importId: imp.id, rows: applied, skipped: rejected } });
      await recordAudit(tx, now, { actor, action: 'import.published', subject, detail: { importId: imp.id, created, duplicates, ...(options.skipInvalid ? { skipped: rejected } : {}) } });
      return { created, duplicates, rows: rows ?? applied, rejected, errors: rejected > 0 ? errors : [], status: 'published' as const };
    },
    touchedRepIds,
  );
}

/** Keeps the rows a refusal names as rejected rows (with their values in its messages) and returns the others. */
async function leaveOut(rows: RowToApply[], refusal: ImportRefused, reject: Reject): Promise<RowToApply[]> {
  const named = new Map<number, ImportError[]>();
  for (const e of refusal.errors) named.set(e.line, [...(named.get(e.line) ?? []), e]);
  const left = rows.filter((r) => named.has(r.line));
  // A refusal that names none of these rows cannot be skipped: the import is refused.
  if (left.length === 0) throw refusal;
  await reject(
    left.map((r) => {
      const values = r.values ?? {};
      return { line: r.line, values, errors: named.get(r.line)!.map((e) => ({ ...e, value: e.value || (values[e.column] ?? '').slice(0, 200) })) };
    }),
  );
  return rows.filter((r) => !named.has(r.line));
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

export interface PublishImportOptions {
  /** In the server, beside other requests (see WEB_PUBLISH_CHUNK). */
  web: boolean;
  /** The explicit choice to publish the valid rows and leave out the rejected ones. */
  skipInvalid?: boolean | undefined;
  /** Told once the import is publishing (it was ready, and is now this call's). */
  onStart?: (() => void) | undefined;
  onProgress?: ProgressListener | undefined;
}

/**
 * Publishes a staged import. One with rejected rows publishes only by an explicit skip
 * (409 otherwise: all or nothing stays the default).
 */
export async function publishImport(deps: AppDeps, importId: number, actor: string, options: PublishImportOptions): Promise<PublishResult> {
  const found = await getImport(deps.db.read, importId);
  if (!found) throw new AppError(404, 'not_found', 'No such import.');
  const now = deps.clock.nowMs();
  if (!(await deps.db.write((tx) => setImportStatus(tx, importId, 'ready', 'publishing', PROCESS_OWNER, now, { withRejects: options.skipInvalid === true })))) {
    const current = (await getImport(deps.db.read, importId)) ?? found;
    if (current.status === 'ready' && current.rejected > 0) {
      throw new AppError(409, 'has_rejected_rows', `This import has ${current.rejected} rejected row(s); it is published only by choosing to skip them.`);
    }
    throw new AppError(409, 'conflict', `This import is ${current.status}; only a validated import can be published, once.`);
  }
  options.onStart?.();
  const format = CSV_FORMATS[found.kind];
  try {
    const result = await deps.db.write((tx) =>
      publishInWrite(
        deps,
        tx,
        found,
        actor,
        now,
        async (apply) => {
          for (let after = 0; ; ) {
            const rows = await readStagedRows(tx, importId, after, options.web ? WEB_PUBLISH_CHUNK : PUBLISH_CHUNK);
            if (rows.length === 0) return {};
            after = rows[rows.length - 1]!.line;
            // Staged rows passed validation; reading them again gives the typed input the domain takes.
            await apply(
              rows.map((row) => {
                const values = JSON.parse(row.data) as Record<string, string>;
                return { line: row.line, values, item: format.schema.parse(format.toInput(values)) };
              }),
            );
            if (options.web) await yieldToEventLoop();
          }
        },
        found.rows,
        { rebuildIndexes: !options.web, skipInvalid: options.skipInvalid, before: { rejected: found.rejected, errors: found.errors ?? [] }, onProgress: options.onProgress },
      ),
    );
    if (found.kind === 'interactions' && result.status === 'published') deps.wakeSender();
    return result;
  } catch (error) {
    return { created: 0, duplicates: 0, rows: 0, rejected: 0, status: 'failed', errors: await recordFailure(deps, found, actor, error) };
  }
}

export interface ImportResult extends PublishResult {
  importId: number;
}

export interface ImportFileOptions extends StageOptions {
  /** Write the valid rows and leave out the others (kept as the import's rejected rows). */
  skipInvalid?: boolean;
}

/**
 * The CLI's import of a file: on an embedded database, read, validated and written in one
 * transaction as it streams (no staging copy: a 1,000,000-row history import is bound by
 * the writes); against a server, staged in short commits and then published, so that no
 * server transaction waits on the file. All or nothing either way, unless `skipInvalid`:
 * then interactions too go through the row-by-row path (readValidRows and the API's code),
 * where each rejected row can be left out with its reason.
 */
export async function importFile(deps: AppDeps, kind: ImportKind, path: string, options: ImportFileOptions): Promise<ImportResult> {
  const skipInvalid = options.skipInvalid === true;
  if (deps.db.kind !== 'file') {
    const staged = await stageImport(deps, kind, createReadStream(path), { ...options, keepValid: skipInvalid });
    if (staged.status === 'failed') {
      return { importId: staged.importId, rows: 0, rejected: staged.rejected, created: 0, duplicates: 0, errors: staged.errors, status: 'failed' };
    }
    return { importId: staged.importId, ...(await publishImport(deps, staged.importId, options.actor, { web: false, skipInvalid, onProgress: options.onProgress })) };
  }
  const now = deps.clock.nowMs();
  const imp = { kind, filename: options.filename };
  const id = await deps.db.write((tx) => createImport(tx, { ...imp, createdBy: options.actorId, owner: PROCESS_OWNER, now, status: 'publishing' }));
  options.onStart?.(id);
  try {
    const result = await deps.db.write((tx) =>
      publishInWrite(
        deps,
        tx,
        { id, ...imp },
        options.actor,
        now,
        async (apply, reject) => {
          if (kind === 'interactions' && !skipInvalid) return loadHistory(tx, id, path, now, deps.config.importRoundRows, apply, options.onProgress);
          const read = await readValidRows(
            kind,
            createReadStream(path),
            { onRejected: skipInvalid ? reject : undefined, onProgress: options.onProgress && ((checked) => options.onProgress?.({ checked })) },
            PUBLISH_CHUNK,
            apply,
          );
          if (read.fileRefused || (!skipInvalid && read.errors.length > 0)) throw new ImportRefused(read.errors);
          return { rows: read.rows };
        },
        options.expectedRows ?? 0,
        { rebuildIndexes: true, skipInvalid, onProgress: options.onProgress },
      ),
    );
    if (kind === 'interactions' && result.status === 'published') deps.wakeSender();
    return { importId: id, ...result };
  } catch (error) {
    return { importId: id, rows: 0, rejected: 0, created: 0, duplicates: 0, status: 'failed', errors: await recordFailure(deps, { id, ...imp }, options.actor, error) };
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

/** Marks imports whose importer was killed, and unconfirmed ones a day old, as failed (their staged rows go); drops rejected rows a month old. */
export async function sweepImports(deps: AppDeps): Promise<number> {
  const now = deps.clock.nowMs();
  const unfinished = await listUnfinishedImports(deps.db.read);
  const doomed = unfinished.filter((i) => ownerGone(i.owner, i.heartbeatAt, now) || (i.status === 'ready' && now - i.heartbeatAt > UNCONFIRMED_MS));
  for (const i of doomed) {
    await deps.db.write((tx) =>
      failImport(tx, i.id, ownerGone(i.owner, i.heartbeatAt, now) ? INTERRUPTED : 'the import was not confirmed within a day; nothing was written', now),
    );
  }
  await deps.db.write((tx) => deleteOldRejects(tx, now - REJECTS_KEPT_MS));
  return doomed.length;
}
