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
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import type { AppDeps } from '../../context';
import type { ImportKind } from '../../../db/schema';
import { AppError } from '../../lib/errors';
import { yieldToEventLoop } from '../../lib/yield';
import { recordAudit } from '../../../db/queries/audit';
import {
  addRejects,
  createImport,
  deleteRejects,
  finishImport,
  getImport,
  readStagedRows,
  setImportStatus,
  stageRows,
  type ImportError,
} from '../../../db/queries/imports';
import { CSV_FORMATS } from './formats';
import { ImportRefused, MAX_ERRORS, readValidRows } from './validate';
import type { ProgressListener } from './progress';
import { loadHistory } from './history';
import { queueImportFinishedEvent } from '../webhooks';
import { publishInWrite, rejectRecord, type PublishResult } from './write';
import { PROCESS_OWNER } from './sweep';

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

export async function stageImport(
  deps: AppDeps,
  kind: ImportKind,
  input: Readable,
  options: StageOptions,
): Promise<StageResult> {
  const importId = await deps.db.write((tx) =>
    createImport(tx, {
      kind,
      filename: options.filename,
      createdBy: options.actorId,
      owner: PROCESS_OWNER,
      now: deps.clock.nowMs(),
    }),
  );
  options.onStart?.(importId);
  const read = await readValidRows(
    kind,
    input,
    {
      maxRows: options.maxRows,
      onRejected: options.keepValid
        ? (rows) => deps.db.write((tx) => addRejects(tx, importId, rows.map(rejectRecord), deps.clock.nowMs()))
        : undefined,
      onProgress: options.onProgress && ((checked) => options.onProgress?.({ checked })),
    },
    options.maxRows === undefined ? STAGE_CHUNK : WEB_STAGE_CHUNK,
    (chunk) =>
      deps.db.write((tx) =>
        stageRows(
          tx,
          importId,
          chunk.map((r) => ({ line: r.line, data: JSON.stringify(r.values) })),
          deps.clock.nowMs(),
        ),
      ),
  );
  const { rows, errors, rejected, preview } = read;
  const now = deps.clock.nowMs();
  // Refused: the file itself, any invalid row (all or nothing), or nothing valid to publish.
  const refused = read.fileRefused || (!options.keepValid && errors.length > 0) || (rejected > 0 && rejected === rows);
  if (refused) {
    await deps.db.write(async (tx) => {
      if (read.fileRefused && rejected > 0) await deleteRejects(tx, importId);
      await finishImport(tx, importId, { status: 'failed', errors, now });
      await recordAudit(tx, now, {
        actor: options.actor,
        action: 'import.refused',
        subject: `${kind} ${options.filename}`,
        detail: { importId, errors: errors.length },
      });
      await queueImportFinishedEvent(
        tx,
        {
          importId,
          kind,
          status: 'failed',
          rows: 0,
          created: 0,
          duplicates: 0,
          rejected: read.fileRefused ? 0 : rejected,
        },
        now,
      );
    });
  } else {
    await deps.db.write((tx) =>
      setImportStatus(tx, importId, 'staging', 'ready', PROCESS_OWNER, now, {
        withRejects: true,
        ...(errors.length > 0 ? { errors } : {}),
      }),
    );
  }
  return {
    importId,
    rows,
    status: refused ? 'failed' : 'ready',
    errors,
    rejected: read.fileRefused ? 0 : rejected,
    preview,
  };
}

/** Records a refused or crashed publish as failed; refusals come back as errors, anything else is thrown. */
async function recordFailure(
  deps: AppDeps,
  imp: { id: number; kind: ImportKind; filename: string },
  actor: string,
  error: unknown,
): Promise<ImportError[]> {
  const errors =
    error instanceof ImportRefused
      ? error.errors
      : [{ line: 0, column: '', value: '', message: error instanceof Error ? error.message : String(error) }];
  const now = deps.clock.nowMs();
  await deps.db.write(async (tx) => {
    await finishImport(tx, imp.id, { status: 'failed', errors, now });
    await recordAudit(tx, now, {
      actor,
      action: 'import.refused',
      subject: `${imp.kind} ${imp.filename}`,
      detail: { importId: imp.id, errors: errors.length },
    });
    await queueImportFinishedEvent(
      tx,
      { importId: imp.id, kind: imp.kind, status: 'failed', rows: 0, created: 0, duplicates: 0, rejected: 0 },
      now,
    );
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
export async function publishImport(
  deps: AppDeps,
  importId: number,
  actor: string,
  options: PublishImportOptions,
): Promise<PublishResult> {
  const found = await getImport(deps.db.read, importId);
  if (!found) throw new AppError(404, 'not_found', 'No such import.');
  const now = deps.clock.nowMs();
  if (
    !(await deps.db.write((tx) =>
      setImportStatus(tx, importId, 'ready', 'publishing', PROCESS_OWNER, now, {
        withRejects: options.skipInvalid === true,
      }),
    ))
  ) {
    const current = (await getImport(deps.db.read, importId)) ?? found;
    if (current.status === 'ready' && current.rejected > 0) {
      throw new AppError(
        409,
        'has_rejected_rows',
        `This import has ${current.rejected} rejected row(s); it is published only by choosing to skip them.`,
      );
    }
    throw new AppError(
      409,
      'conflict',
      `This import is ${current.status}; only a validated import can be published, once.`,
    );
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
        {
          rebuildIndexes: !options.web,
          skipInvalid: options.skipInvalid,
          before: { rejected: found.rejected, errors: found.errors ?? [] },
          onProgress: options.onProgress,
        },
      ),
    );
    if (found.kind === 'interactions' && result.status === 'published') deps.wakeSender();
    return result;
  } catch (error) {
    return {
      created: 0,
      duplicates: 0,
      rows: 0,
      rejected: 0,
      status: 'failed',
      errors: await recordFailure(deps, found, actor, error),
    };
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
export async function importFile(
  deps: AppDeps,
  kind: ImportKind,
  path: string,
  options: ImportFileOptions,
): Promise<ImportResult> {
  const skipInvalid = options.skipInvalid === true;
  if (deps.db.kind !== 'file') {
    const staged = await stageImport(deps, kind, createReadStream(path), { ...options, keepValid: skipInvalid });
    if (staged.status === 'failed') {
      return {
        importId: staged.importId,
        rows: 0,
        rejected: staged.rejected,
        created: 0,
        duplicates: 0,
        errors: staged.errors,
        status: 'failed',
      };
    }
    return {
      importId: staged.importId,
      ...(await publishImport(deps, staged.importId, options.actor, {
        web: false,
        skipInvalid,
        onProgress: options.onProgress,
      })),
    };
  }
  const now = deps.clock.nowMs();
  const imp = { kind, filename: options.filename };
  const id = await deps.db.write((tx) =>
    createImport(tx, { ...imp, createdBy: options.actorId, owner: PROCESS_OWNER, now, status: 'publishing' }),
  );
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
          if (kind === 'interactions' && !skipInvalid)
            return loadHistory(tx, id, path, now, deps.config.importRoundRows, apply, options.onProgress);
          const read = await readValidRows(
            kind,
            createReadStream(path),
            {
              onRejected: skipInvalid ? reject : undefined,
              onProgress: options.onProgress && ((checked) => options.onProgress?.({ checked })),
            },
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
    return {
      importId: id,
      rows: 0,
      rejected: 0,
      created: 0,
      duplicates: 0,
      status: 'failed',
      errors: await recordFailure(deps, { id, ...imp }, options.actor, error),
    };
  }
}
