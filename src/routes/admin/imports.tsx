import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { ImportsPage, type ImportFormat } from '../../../views/pages/admin/imports';
import { ImportDetailPage } from '../../../views/pages/admin/import-detail';
import { ImportState } from '../../../views/partials/admin/import-state';
import { isHtmx, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { AppError, notFound } from '../../lib/errors';
import { csvResponse } from '../../lib/csv';
import { currentUser } from '../../middleware/session';
import { readForm, readMultipartBody } from '../../lib/forms';
import { CSV_FORMATS } from '../../domain/imports/formats';
import { MAX_ERRORS } from '../../domain/imports/run';
import { asShown } from '../../domain/imports/sweep';
import { publishOffThread, stageOffThread, type RunningImport } from '../../domain/imports/off-thread';
import { progressOf } from '../../domain/imports/progress';
import { rejectedCsvHeader, rejectedCsvPages } from '../../domain/imports/rejected-csv';
import { failImport, getImport, listImports, readStagedRows } from '../../../db/queries/imports';
import { recordAudit } from '../../../db/queries/audit';
import { IMPORT_KINDS } from '../../../db/schema';
import { importPreview } from '../../domain/imports/preview';

/** Uploads through the web are limited (the CLI is not); the body limit for this area is 25 MB (src/app.tsx). */
export const WEB_MAX_ROWS = 200_000;
/**
 * Past these sizes an upload's check, or a publish, goes on after the request is answered:
 * the browser is sent to the import's page, which shows its progress. Smaller ones answer
 * when they are done (a second or two at most).
 */
export const BACKGROUND_UPLOAD_BYTES = 1024 * 1024;
const BACKGROUND_PUBLISH_ROWS = 10_000;
const PREVIEW_ROWS = 10;
const RECENT_IMPORTS = 50;
/** The upload form has two parts (kind, file); a few more are tolerated, thousands are refused before parsing. */
const IMPORT_FORM_PARTS = 10;

const FORMATS: ImportFormat[] = IMPORT_KINDS.map((kind) => ({
  kind,
  required: CSV_FORMATS[kind].header.required,
  optional: CSV_FORMATS[kind].header.optional,
}));
const importId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
};

/**
 * The job's result when it is small (`background` false); otherwise, once it is under way,
 * undefined: it goes on after the answer (a failure is logged; the import shows it).
 */
async function runOrLeave<T>(job: RunningImport<T>, background: boolean): Promise<T | undefined> {
  if (background && (await job.started) !== undefined) {
    job.done.catch((error: unknown) =>
      console.error(`[imports] ${error instanceof Error ? error.message : String(error)}`),
    );
    return undefined;
  }
  return job.done;
}

/**
 * /admin/imports: upload a CSV → validated and staged → preview with every error → confirm
 * (publish) or cancel; with rejected rows, skip them (publish the valid rows) or fix the file.
 */
export function importAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const listPage = async (
    c: Context<AppEnv>,
    extra: { values?: { kind?: string }; errors?: Record<string, string> } = {},
    status: 200 | 422 = 200,
  ) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const imports = (await listImports(deps.db.read, RECENT_IMPORTS)).map((imp) => asShown(imp, now));
    return renderHtml(
      c,
      <ImportsPage
        t={staffT(user.locale)}
        user={user}
        imports={imports}
        formats={FORMATS}
        maxRows={WEB_MAX_ROWS}
        {...extra}
      />,
      status,
    );
  };

  /** The import's page; to htmx (its progress polling) only the state partial. */
  const detailPage = async (c: Context<AppEnv>, id: number, error?: string, status: 200 | 409 = 200) => {
    const user = currentUser(c);
    const found = await getImport(deps.db.read, id);
    if (!found) throw notFound();
    const imp = asShown(found, deps.clock.nowMs());
    const preview =
      imp.status === 'ready'
        ? importPreview(imp.kind, await readStagedRows(deps.db.read, id, 0, PREVIEW_ROWS))
        : undefined;
    const state = { t: staffT(user.locale), imp, preview, progress: progressOf(id), maxErrors: MAX_ERRORS };
    c.header('Vary', 'HX-Request');
    if (isHtmx(c)) return renderHtml(c, <ImportState {...state} />, status);
    return renderHtml(c, <ImportDetailPage user={user} error={error} {...state} />, status);
  };

  app.get('/', (c) => listPage(c));

  app.post('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const type = c.req.header('Content-Type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      return listPage(c, { errors: { kind: t('errChooseImportKind'), file: t('errChooseFile') } }, 422);
    const body = await readMultipartBody(c, IMPORT_FORM_PARTS);
    const job = stageOffThread(deps, { ...body, actor: user.email, actorId: user.id, maxRows: WEB_MAX_ROWS });
    const started = job.started;
    const outcome = await runOrLeave(job, body.body.length > BACKGROUND_UPLOAD_BYTES);
    if (outcome === undefined) return c.redirect(`/admin/imports/${await started}`, 303);
    if (!outcome.ok) {
      const errors: Record<string, string> = {};
      if (outcome.missing.includes('kind')) errors.kind = t('errChooseImportKind');
      if (outcome.missing.includes('file')) errors.file = t('errChooseFile');
      return listPage(c, { values: { kind: outcome.kind }, errors }, 422);
    }
    return c.redirect(`/admin/imports/${outcome.staged.importId}`, 303);
  });

  app.get('/:id', (c) => detailPage(c, importId(c)));

  /** Publishes: all of it, or (`skipInvalid`, the explicit choice) the valid rows without the rejected ones. */
  const publish = async (c: Context<AppEnv>, skipInvalid: boolean) => {
    const user = currentUser(c);
    const id = importId(c);
    const found = await getImport(deps.db.read, id);
    if (!found) throw notFound();
    try {
      await runOrLeave(publishOffThread(deps, id, user.email, { skipInvalid }), found.rows > BACKGROUND_PUBLISH_ROWS);
    } catch (error) {
      // A second confirm (or one after a cancel) publishes nothing; the page says what the import is now.
      if (error instanceof AppError && error.status === 409) {
        const t = staffT(user.locale);
        return detailPage(
          c,
          id,
          error.code === 'has_rejected_rows' ? t('importHasRejected') : t('importNotReady'),
          409,
        );
      }
      throw error;
    }
    return c.redirect(`/admin/imports/${id}`, 303);
  };

  app.post('/:id/publish', (c) => publish(c, false));
  app.post('/:id/skip-invalid', (c) => publish(c, true));

  app.post('/:id/cancel', async (c) => {
    const user = currentUser(c);
    const id = importId(c);
    const form = await readForm(c);
    const now = deps.clock.nowMs();
    const found = await deps.db.write(async (tx) => {
      // Checked inside the write: a confirm queued before this cannot be undone half-way.
      const imp = await getImport(tx, id);
      if (imp?.status === 'ready') {
        await failImport(tx, id, `cancelled by ${user.email}; nothing was written`, now);
        await recordAudit(tx, now, {
          actor: user.email,
          action: 'import.cancelled',
          subject: `${imp.kind} ${imp.filename}`,
          detail: { importId: id },
        });
      }
      return imp !== undefined;
    });
    if (!found) throw notFound();
    // "Fix and upload again": back to the upload form.
    return c.redirect(form.next === 'upload' ? '/admin/imports' : `/admin/imports/${id}`, 303);
  });

  /** The rows an import left out: line, reason, then the kind's columns as read (fix it and upload it again). */
  app.get('/:id/rejected.csv', async (c) => {
    const id = importId(c);
    const imp = await getImport(deps.db.read, id);
    if (!imp) throw notFound();
    const name = imp.filename.replace(/\.csv$/i, '');
    return csvResponse(
      c,
      `${name}.rejected.csv`,
      rejectedCsvHeader(imp.kind),
      rejectedCsvPages(deps.db.read, imp.kind, id),
    );
  });

  return app;
}
