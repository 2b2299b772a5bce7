import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { ImportsPage, type ImportFormat } from '../../../views/pages/admin/imports';
import { ImportDetailPage } from '../../../views/pages/admin/import-detail';
import { renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { AppError, notFound } from '../../lib/errors';
import { currentUser } from '../../middleware/session';
import { readMultipartBody } from '../../lib/forms';
import { CSV_FORMATS } from '../../domain/imports/formats';
import { MAX_ERRORS, asShown } from '../../domain/imports/run';
import { publishOffThread, stageOffThread } from '../../domain/imports/off-thread';
import { failImport, getImport, listImports, readStagedRows } from '../../../db/queries/imports';
import { recordAudit } from '../../../db/queries/audit';
import { IMPORT_KINDS, type ImportKind } from '../../../db/schema';
import { importPreview } from './import-preview';

/** Uploads through the web are limited (the CLI is not); the body limit for this area is 25 MB (src/app.tsx). */
export const WEB_MAX_ROWS = 200_000;
const PREVIEW_ROWS = 10;
const RECENT_IMPORTS = 50;
/** The upload form has two parts (kind, file); a few more are tolerated, thousands are refused before parsing. */
const IMPORT_FORM_PARTS = 10;

const FORMATS: ImportFormat[] = IMPORT_KINDS.map((kind) => ({ kind, required: CSV_FORMATS[kind].header.required, optional: CSV_FORMATS[kind].header.optional }));
const importId = (c: Context<AppEnv>) => {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
};

/** /admin/imports: upload a CSV → validated and staged → preview with every error → confirm (publish) or cancel. */
export function importAdminRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  const listPage = async (c: Context<AppEnv>, extra: { values?: { kind?: string }; errors?: Record<string, string> } = {}, status: 200 | 422 = 200) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const imports = (await listImports(deps.db.read, RECENT_IMPORTS)).map((imp) => asShown(imp, now));
    return renderHtml(c, <ImportsPage t={staffT(user.locale)} user={user} imports={imports} formats={FORMATS} maxRows={WEB_MAX_ROWS} {...extra} />, status);
  };

  const detailPage = async (c: Context<AppEnv>, id: number, error?: string, status: 200 | 409 = 200) => {
    const user = currentUser(c);
    const found = await getImport(deps.db.read, id);
    if (!found) throw notFound();
    const imp = asShown(found, deps.clock.nowMs());
    const preview = imp.status === 'ready' ? importPreview(imp.kind, await readStagedRows(deps.db.read, id, 0, PREVIEW_ROWS)) : undefined;
    return renderHtml(c, <ImportDetailPage t={staffT(user.locale)} user={user} imp={imp} preview={preview} error={error} maxErrors={MAX_ERRORS} />, status);
  };

  app.get('/', (c) => listPage(c));

  app.post('/', async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const type = c.req.header('Content-Type') ?? '';
    const outcome = type.startsWith('multipart/form-data')
      ? await stageOffThread(deps, { ...(await readMultipartBody(c, IMPORT_FORM_PARTS)), actor: user.email, actorId: user.id, maxRows: WEB_MAX_ROWS })
      : ({ ok: false, missing: ['kind', 'file'], kind: undefined } as const);
    if (!outcome.ok) {
      const errors: Record<string, string> = {};
      if (outcome.missing.includes('kind')) errors.kind = t('errChooseImportKind');
      if (outcome.missing.includes('file')) errors.file = t('errChooseFile');
      return listPage(c, { values: { kind: outcome.kind }, errors }, 422);
    }
    const { kind, filename, staged } = outcome;
    if (staged.errors.length === 0) {
      const now = deps.clock.nowMs();
      await deps.db.write((tx) => recordAudit(tx, now, { actor: user.email, action: 'import.staged', subject: `${kind} ${filename}`, detail: { importId: staged.importId, rows: staged.rows } }));
    }
    return c.redirect(`/admin/imports/${staged.importId}`, 303);
  });

  app.get('/:id', (c) => detailPage(c, importId(c)));

  app.post('/:id/publish', async (c) => {
    const user = currentUser(c);
    const id = importId(c);
    try {
      await publishOffThread(deps, id, user.email);
    } catch (error) {
      // A second confirm (or one after a cancel) publishes nothing; the page says what the import is now.
      if (error instanceof AppError && error.status === 409) return detailPage(c, id, staffT(user.locale)('importNotReady'), 409);
      throw error;
    }
    return c.redirect(`/admin/imports/${id}`, 303);
  });

  app.post('/:id/cancel', async (c) => {
    const user = currentUser(c);
    const id = importId(c);
    const now = deps.clock.nowMs();
    const found = await deps.db.write(async (tx) => {
      // Checked inside the write: a confirm queued before this cannot be undone half-way.
      const imp = await getImport(tx, id);
      if (imp?.status === 'ready') {
        await failImport(tx, id, `cancelled by ${user.email}; nothing was written`, now);
        await recordAudit(tx, now, { actor: user.email, action: 'import.cancelled', subject: `${imp.kind} ${imp.filename}`, detail: { importId: id } });
      }
      return imp !== undefined;
    });
    if (!found) throw notFound();
    return c.redirect(`/admin/imports/${id}`, 303);
  });

  return app;
}
