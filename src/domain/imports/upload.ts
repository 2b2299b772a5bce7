/**
 * A browser's upload of an import (the admin page's multipart form: `kind` and `file`),
 * read and staged. Runs where src/domain/imports/off-thread.ts puts it: on a worker thread
 * for a database file, so that parsing a 25 MB body and validating 200,000 rows never holds
 * up the server's other requests.
 */
import { Readable } from 'node:stream';
import type { AppDeps } from '../../context';
import { IMPORT_KINDS, type ImportKind } from '../../../db/schema';
import { parseMultipart } from '../../lib/forms';
import { recordAudit } from '../../../db/queries/audit';
import { stageImport, type StageResult } from './run';
import type { ProgressListener } from './progress';

const isImportKind = (value: unknown): value is ImportKind =>
  typeof value === 'string' && (IMPORT_KINDS as readonly string[]).includes(value);

/** The uploaded file's own name, without any path and control characters. */
function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'upload.csv';
}

export interface Upload {
  /** The multipart body and its Content-Type (with the boundary). */
  body: Uint8Array;
  type: string;
  actor: string;
  actorId: number;
  maxRows: number;
}

export type UploadOutcome =
  | { ok: true; kind: ImportKind; filename: string; staged: StageResult }
  /** The form itself is incomplete: which fields, and the kind as chosen (to show it again). */
  | { ok: false; missing: ('kind' | 'file')[]; kind: string | undefined };

export interface UploadListeners {
  onStart?: (importId: number) => void;
  onProgress?: ProgressListener;
}

/**
 * Stages every valid row and keeps the invalid ones as rejected rows: the preview then
 * lists their problems and offers the choice to skip them (nothing is written until then).
 */
export async function stageUpload(
  deps: AppDeps,
  upload: Upload,
  listeners: UploadListeners = {},
): Promise<UploadOutcome> {
  const data = await parseMultipart(upload.body, upload.type);
  const kind = data.get('kind');
  const file = data.get('file');
  const hasFile = file instanceof File && file.size > 0;
  if (!isImportKind(kind) || !hasFile) {
    const missing = [...(isImportKind(kind) ? [] : ['kind' as const]), ...(hasFile ? [] : ['file' as const])];
    return { ok: false, missing, kind: typeof kind === 'string' ? kind : undefined };
  }
  const filename = cleanFilename((file as File).name);
  const staged = await stageImport(deps, kind, Readable.fromWeb((file as File).stream() as never), {
    filename,
    actor: upload.actor,
    actorId: upload.actorId,
    maxRows: upload.maxRows,
    keepValid: true,
    ...listeners,
  });
  if (staged.status === 'ready') {
    const now = deps.clock.nowMs();
    const detail = {
      importId: staged.importId,
      rows: staged.rows,
      ...(staged.rejected > 0 ? { rejected: staged.rejected } : {}),
    };
    await deps.db.write((tx) =>
      recordAudit(tx, now, { actor: upload.actor, action: 'import.staged', subject: `${kind} ${filename}`, detail }),
    );
  }
  return { ok: true, kind, filename, staged };
}
