/**
 * Imports, all or nothing: rows are validated and staged in short commits (bounded
 * memory, any file size), then published in one write. A failed or killed import
 * publishes nothing and is shown as failed. The UI stages, previews and asks to confirm;
 * the CLI stages and publishes at once.
 */
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../context';
import type { Drizzle } from '../../../db/client';
import type { ImportKind } from '../../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../../../db/queries/audit';
import { createImport, failImport, finishImport, getImport, listUnfinishedImports, readStagedRows, setImportStatus, stageRows, type ImportError } from '../../../db/queries/imports';
import { upsertContentItems } from '../../../db/queries/content';
import { withBulkRollups } from '../../../db/queries/rollups';
import { getRepsByEmail } from '../../../db/queries/reps';
import { CSV_FORMATS } from './formats';
import { contentItemInput, interactionInput, repInput, responseImportInput, trainingRecordInput } from '../inputs';
import { CsvFileError, readCsv } from './read-csv';
import { ingestInTransaction } from '../interactions';
import { addTrainingInTransaction, upsertRepsInTransaction } from '../training';
import { importResponsesInTransaction } from '../responses';

export const MAX_ERRORS = 100;
const STAGE_CHUNK = 5000;
const PUBLISH_CHUNK = 2000;
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
}

export async function stageImport(deps: AppDeps, kind: ImportKind, input: Readable, options: StageOptions): Promise<StageResult> {
  const format = CSV_FORMATS[kind];
  const importId = await deps.db.write((tx) => createImport(tx, { kind, filename: options.filename, createdBy: options.actorId, owner: PROCESS_OWNER, now: deps.clock.nowMs() }));
  const errors: ImportError[] = [];
  const preview: Record<string, string>[] = [];
  let buffer: { line: number; data: string }[] = [];
  let rows = 0;
  const flush = async () => {
    if (buffer.length === 0 || errors.length > 0) return;
    const chunk = buffer;
    buffer = [];
    await deps.db.write((tx) => stageRows(tx, importId, chunk, deps.clock.nowMs()));
  };
  try {
    for await (const record of readCsv(input, format.header)) {
      rows++;
      if (options.maxRows !== undefined && rows > options.maxRows) {
        throw new CsvFileError(record.line, '', `a file uploaded through the web may hold at most ${options.maxRows} rows; use "npm run cli -- import" for larger files`);
      }
      const candidate = format.toInput(record.values);
      const parsed = format.schema.safeParse(candidate);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const column = format.columnOf(issue.path);
          if (errors.length < MAX_ERRORS) errors.push({ line: record.line, column, value: (record.values[column] ?? '').slice(0, 200), message: issue.message });
        }
        if (errors.length >= MAX_ERRORS) break;
        continue;
      }
      if (errors.length > 0) continue;
      if (preview.length < 10) preview.push(record.values);
      buffer.push({ line: record.line, data: JSON.stringify(candidate) });
      if (buffer.length >= STAGE_CHUNK) await flush();
    }
    await flush();
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    errors.push({ line: error.line, column: error.column, value: '', message: error.message });
  } finally {
    input.destroy();
  }
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

class PublishError extends Error {
  constructor(readonly errors: ImportError[]) {
    super('publish refused');
  }
}

/** Applies one chunk of staged rows with the same domain code the JSON API uses. */
async function applyChunk(deps: AppDeps, tx: Drizzle, kind: ImportKind, items: unknown[], now: number): Promise<{ created: number; duplicates: number }> {
  // Staged rows passed validation; parsing again gives the typed input the domain takes.
  switch (kind) {
    case 'interactions': {
      const parsed = items.map((item) => interactionInput.parse(item));
      const results = await ingestInTransaction(tx, parsed, 'csv', now, { baseUrl: deps.config.baseUrl, mailFrom: deps.config.mailFrom });
      const created = results.filter((r) => r.status === 'created').length;
      return { created, duplicates: results.length - created };
    }
    case 'reps':
      return { created: await upsertRepsInTransaction(tx, items.map((item) => repInput.parse(item)), now), duplicates: 0 };
    case 'content':
      return { created: await upsertContentItems(tx, items.map((item) => contentItemInput.parse(item)), now), duplicates: 0 };
    case 'training':
      return addTrainingInTransaction(tx, items.map((item) => trainingRecordInput.parse(item)), now);
    case 'responses':
      return importResponsesInTransaction(tx, items.map((item) => responseImportInput.parse(item)), now);
  }
}

export async function publishImport(deps: AppDeps, importId: number, actor: string): Promise<PublishResult> {
  const found = await getImport(deps.db.read, importId);
  if (!found) throw new AppError(404, 'not_found', 'No such import.');
  const now = deps.clock.nowMs();
  if (!(await deps.db.write((tx) => setImportStatus(tx, importId, 'ready', 'publishing', PROCESS_OWNER, now)))) {
    throw new AppError(409, 'conflict', `This import is ${found.status}; only a validated import can be published, once.`);
  }
  try {
    // Reps whose CPI totals the import may change; `undefined` means all of them.
    let touched: Set<string> | undefined = new Set();
    const touchedRepIds = async (tx: Drizzle) =>
      touched === undefined ? undefined : [...(await getRepsByEmail(tx, [...touched])).values()].map((r) => r.id);
    const totals = await deps.db.write(async (tx) =>
      withBulkRollups(tx, async () => {
        let created = 0;
        let duplicates = 0;
        for (let after = 0; ; ) {
          const rows = await readStagedRows(tx, importId, after, PUBLISH_CHUNK);
          if (rows.length === 0) break;
          after = rows[rows.length - 1]!.line;
          const items = rows.map((row) => JSON.parse(row.data) as Record<string, unknown>);
          if (found.kind === 'interactions') for (const item of items) touched?.add(String(item.repEmail ?? '').trim().toLowerCase());
          if (found.kind === 'responses') touched = undefined;
          try {
            const r = await applyChunk(deps, tx, found.kind, items, now);
            created += r.created;
            duplicates += r.duplicates;
          } catch (error) {
            if (!(error instanceof AppError) || error.issues.length === 0) throw error;
            throw new PublishError(
              error.issues.slice(0, MAX_ERRORS).map((issue) => {
                const index = typeof issue.path[0] === 'number' ? issue.path[0] : 0;
                const format = CSV_FORMATS[found.kind];
                return { line: rows[index]?.line ?? 0, column: format.columnOf(issue.path.slice(1)), value: '', message: issue.message };
              }),
            );
          }
        }
        await finishImport(tx, importId, { status: 'published', created, duplicates, now });
        await recordAudit(tx, now, { actor, action: 'import.published', subject: `${found.kind} ${found.filename}`, detail: { importId, created, duplicates } });
        return { created, duplicates };
      }, () => touchedRepIds(tx)),
    );
    if (found.kind === 'interactions') deps.wakeSender();
    return { ...totals, errors: [] };
  } catch (error) {
    const errors = error instanceof PublishError ? error.errors : [{ line: 0, column: '', value: '', message: error instanceof Error ? error.message : String(error) }];
    await deps.db.write(async (tx) => {
      await finishImport(tx, importId, { status: 'failed', errors, now: deps.clock.nowMs() });
      await recordAudit(tx, now, { actor, action: 'import.refused', subject: `${found.kind} ${found.filename}`, detail: { importId, errors: errors.length } });
    });
    if (error instanceof PublishError) return { created: 0, duplicates: 0, errors };
    throw error;
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
