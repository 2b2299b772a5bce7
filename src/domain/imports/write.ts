/**
 * An import's one write: validated rows applied with the same domain code the JSON API
 * uses, the CPI totals of the reps they touch rebuilt once at the end, and the import
 * recorded as published — or, skipping (an explicit choice), the rows the domain refuses
 * left out and kept as rejected rows, with their reasons.
 */
import type { AppDeps } from '../../context';
import type { Drizzle } from '../../../db/client';
import type { ImportKind } from '../../../db/schema';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../../../db/queries/audit';
import { addRejects, finishImport, type ImportError } from '../../../db/queries/imports';
import { queueImportFinishedEvent } from '../webhooks';
import { upsertContentItems } from '../../../db/queries/content';
import { withBulkRollups } from '../../../db/queries/rollups';
import { withIndexesRebuilt } from '../../../db/queries/bulk';
import { countInteractions } from '../../../db/queries/interactions';
import { getRepsByEmail } from '../../../db/queries/reps';
import { CSV_FORMATS } from './formats';
import type { ContentItemInput, InteractionInput, RepInput, ResponseImportInput, TrainingRecordInput } from '../inputs';
import { ImportRefused, MAX_ERRORS, rejectReason, type RejectedRow } from './validate';
import type { ProgressListener } from './progress';
import { ingestInTransaction } from '../interactions';
import { addTrainingInTransaction, upsertRepsInTransaction } from '../training';
import { importResponsesInTransaction } from '../responses';

/** Imports smaller than this keep the interactions indexes up to date row by row. */
const REBUILD_MIN_ROWS = 20_000;

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

/** A rejected row as kept: its reason in one line, its values as read. */
export const rejectRecord = (row: RejectedRow) => ({
  line: row.line,
  reason: rejectReason(row.errors),
  data: JSON.stringify(row.values),
});

/** A chunk of validated rows; `values` (the row as read) is kept for a row that may be rejected. */
interface RowToApply {
  line: number;
  item: unknown;
  values?: Record<string, string>;
}

/** Applies validated rows with the same domain code the JSON API uses; a refusal names the rows' lines. */
async function applyRows(
  deps: AppDeps,
  tx: Drizzle,
  kind: ImportKind,
  rows: RowToApply[],
  now: number,
): Promise<{ created: number; duplicates: number }> {
  const items = rows.map((r) => r.item);
  try {
    switch (kind) {
      case 'interactions': {
        const results = await ingestInTransaction(tx, items as InteractionInput[], 'csv', now, {
          baseUrl: deps.config.baseUrl,
          mailFrom: deps.config.mailFrom,
        });
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
        return {
          line: rows[index]?.line ?? 0,
          column: CSV_FORMATS[kind].columnOf(issue.path.slice(1)),
          value: '',
          message: issue.message,
        };
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

export interface PublishOptions {
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
export async function publishInWrite(
  deps: AppDeps,
  tx: Drizzle,
  imp: { id: number; kind: ImportKind; filename: string },
  actor: string,
  now: number,
  load: (apply: Apply, reject: Reject) => Promise<Loaded>,
  expectedRows: number,
  options: PublishOptions,
): Promise<PublishResult> {
  // Reps whose CPI totals the import may change; `undefined` means all of them.
  const touched: Set<string> | undefined = imp.kind === 'responses' ? undefined : new Set();
  const touchedRepIds = async () =>
    touched === undefined ? undefined : [...(await getRepsByEmail(tx, [...touched])).values()].map((r) => r.id);
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
      const rebuild =
        options.rebuildIndexes && imp.kind === 'interactions' && (await rebuildIsCheaper(tx, expectedRows));
      const loaded = rebuild ? await withIndexesRebuilt(tx, 'interactions', loadAll) : await loadAll();
      created += loaded.created ?? 0;
      duplicates += loaded.duplicates ?? 0;
      const subject = `${imp.kind} ${imp.filename}`;
      if (options.skipInvalid && applied === 0 && rejected > 0) {
        await finishImport(tx, imp.id, { status: 'failed', errors, now });
        await recordAudit(tx, now, {
          actor,
          action: 'import.refused',
          subject,
          detail: { importId: imp.id, errors: errors.length, rejected },
        });
        await queueImportFinishedEvent(
          tx,
          { importId: imp.id, kind: imp.kind, status: 'failed', rows: 0, created: 0, duplicates: 0, rejected },
          now,
        );
        return { created: 0, duplicates: 0, rows: 0, rejected, errors, status: 'failed' as const };
      }
      const rows = options.skipInvalid ? applied : loaded.rows;
      await finishImport(tx, imp.id, {
        status: 'published',
        created,
        duplicates,
        rows,
        now,
        ...(rejected > 0 ? { errors } : {}),
      });
      if (options.skipInvalid)
        await recordAudit(tx, now, {
          actor,
          action: 'import.skip-invalid',
          subject,
          detail: { importId: imp.id, rows: applied, skipped: rejected },
        });
      await recordAudit(tx, now, {
        actor,
        action: 'import.published',
        subject,
        detail: { importId: imp.id, created, duplicates, ...(options.skipInvalid ? { skipped: rejected } : {}) },
      });
      await queueImportFinishedEvent(
        tx,
        { importId: imp.id, kind: imp.kind, status: 'published', rows: rows ?? applied, created, duplicates, rejected },
        now,
      );
      return {
        created,
        duplicates,
        rows: rows ?? applied,
        rejected,
        errors: rejected > 0 ? errors : [],
        status: 'published' as const,
      };
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
      return {
        line: r.line,
        values,
        errors: named.get(r.line)!.map((e) => ({ ...e, value: e.value || (values[e.column] ?? '').slice(0, 200) })),
      };
    }),
  );
  return rows.filter((r) => !named.has(r.line));
}

/** Building the interactions indexes again costs a sort of the whole table: worth it when the import is large next to it. */
async function rebuildIsCheaper(tx: Drizzle, expectedRows: number): Promise<boolean> {
  if (expectedRows < REBUILD_MIN_ROWS) return false;
  return expectedRows >= (await countInteractions(tx)) / 2;
}
