/**
 * An import's state on its detail page: the facts, then what can be done now — confirm a
 * valid file, choose to skip rejected rows or fix the file, read why it failed — or, while
 * it is checked or written, its progress. That part polls its own URL every second (htmx,
 * hx-select-free: the route answers an htmx request with this partial alone) and stops
 * once the import is done; without JavaScript the Refresh link does the same.
 */
import { Flash } from '../../layout';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { Import } from '../../../db/schema';
import type { ImportError } from '../../../db/queries/imports';
import type { ImportProgress } from '../../../src/domain/imports/progress';
import type { ImportPreview } from '../../../src/domain/imports/preview';
import { importStatusLabel } from '../../pages/admin/imports';

export interface ImportStateProps {
  t: StaffT;
  imp: Import;
  preview?: ImportPreview | undefined;
  /** How far a job of this process has got (progress.ts); the import's own counts otherwise. */
  progress?: ImportProgress | undefined;
  maxErrors: number;
}

const inProgress = (imp: Import) => imp.status === 'staging' || imp.status === 'publishing';

function ErrorTable({ t, errors }: { t: StaffT; errors: ImportError[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('importErrors')}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('csvLine')}
            </th>
            <th scope="col">{t('csvColumn')}</th>
            <th scope="col">{t('csvValue')}</th>
            <th scope="col">{t('csvMessage')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e) => (
            <tr>
              <td class="num">{e.line > 0 ? e.line : '—'}</td>
              <td>{e.column ? <code>{e.column}</code> : '—'}</td>
              <td>
                <code class="wrap">{e.value}</code>
              </td>
              <td>{e.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PreviewTable({ t, preview }: { t: StaffT; preview: ImportPreview }) {
  return (
    <div class="table-wrap">
      <table class="nowrap">
        <caption>{t('previewCaption', { n: preview.rows.length })}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">
              {t('csvLine')}
            </th>
            {preview.columns.map((column) => (
              <th scope="col">
                <code>{column}</code>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((row) => (
            <tr>
              <th scope="row" class="num">
                {row.line}
              </th>
              {row.cells.map((value) => (
                <td>{value}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Progress({ t, imp, progress }: { t: StaffT; imp: Import; progress: ImportProgress | undefined }) {
  const id = `import-progress-${imp.id}`;
  if (imp.status === 'staging') {
    const checked = Math.max(progress?.checked ?? 0, imp.rows + imp.rejected);
    return (
      <div class="import-progress">
        <label for={id}>{t('importProgress')}</label>
        <progress id={id} data-checked={checked}></progress>
        <p>{t('importChecked', { checked })}</p>
      </div>
    );
  }
  const written = progress?.written;
  return (
    <div class="import-progress">
      <label for={id}>{t('importProgress')}</label>
      {written === undefined ? (
        <progress id={id}></progress>
      ) : (
        <progress id={id} value={written} max={Math.max(imp.rows, 1)} data-written={written}></progress>
      )}
      <p>
        {written === undefined
          ? t('importWriting', { rows: imp.rows })
          : t('importWritten', { written, rows: imp.rows })}
      </p>
    </div>
  );
}

export function ImportState({ t, imp, preview, progress, maxErrors }: ImportStateProps) {
  const errors = (imp.errors ?? []).slice(0, maxErrors);
  const polling = inProgress(imp)
    ? { 'hx-get': `/admin/imports/${imp.id}`, 'hx-trigger': 'every 1s', 'hx-swap': 'outerHTML' }
    : {};
  const choosing = imp.status === 'ready' && imp.rejected > 0;
  const rejectedHref = `/admin/imports/${imp.id}/rejected.csv`;
  return (
    <div id="import-state" {...polling}>
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd>
          <span class={`badge badge-import-${imp.status}`} data-status={imp.status}>
            {choosing ? t('importHasRejectedStatus') : importStatusLabel(t, imp.status)}
          </span>
        </dd>
        <dt>{t('importRows')}</dt>
        <dd>{imp.rows}</dd>
        {imp.rejected > 0 && (
          <>
            <dt>{t('importRejected')}</dt>
            <dd data-rejected={imp.rejected}>{imp.rejected}</dd>
          </>
        )}
        <dt>{t('importWhen')}</dt>
        <dd>
          <Time ms={imp.createdAt} />
        </dd>
        {imp.finishedAt !== null && (
          <>
            <dt>{t('importFinished')}</dt>
            <dd>
              <Time ms={imp.finishedAt} />
            </dd>
          </>
        )}
      </dl>

      {imp.status === 'ready' && !choosing && (
        <>
          <p>{t('importReadyIntro', { rows: imp.rows })}</p>
          {preview && <PreviewTable t={t} preview={preview} />}
          <div class="toolbar">
            <form method="post" action={`/admin/imports/${imp.id}/publish`} class="inline">
              <button type="submit">{t('confirmImport', { rows: imp.rows })}</button>
            </form>
            <form method="post" action={`/admin/imports/${imp.id}/cancel`} class="inline">
              <button type="submit" class="secondary">
                {t('cancelImport')}
              </button>
            </form>
          </div>
        </>
      )}

      {choosing && (
        <>
          <p>{t('importRejectedIntro', { rejected: imp.rejected, total: imp.rows + imp.rejected, rows: imp.rows })}</p>
          <ErrorTable t={t} errors={errors} />
          <div class="toolbar">
            <form method="post" action={`/admin/imports/${imp.id}/skip-invalid`} class="inline">
              <button type="submit">{t('skipInvalidImport', { rows: imp.rows, rejected: imp.rejected })}</button>
            </form>
            <form method="post" action={`/admin/imports/${imp.id}/cancel`} class="inline">
              <input type="hidden" name="next" value="upload" />
              <button type="submit" class="secondary">
                {t('fixAndUploadAgain')}
              </button>
            </form>
            <a href={rejectedHref} download>
              {t('downloadRejected')}
            </a>
          </div>
          {preview && <PreviewTable t={t} preview={preview} />}
        </>
      )}

      {imp.status === 'published' && (
        <>
          <Flash kind="ok">
            {t('importPublishedSummary', { rows: imp.rows, created: imp.created, duplicates: imp.duplicates })}
            {imp.rejected > 0 && <> {t('importPublishedSkipped', { rejected: imp.rejected })}</>}
          </Flash>
          {imp.rejected > 0 && (
            <>
              <p>
                <a href={rejectedHref} download>
                  {t('downloadRejected')}
                </a>
              </p>
              <ErrorTable t={t} errors={errors} />
            </>
          )}
        </>
      )}

      {inProgress(imp) && (
        <>
          <Progress t={t} imp={imp} progress={progress} />
          <p>
            {t('importInProgress')} <a href={`/admin/imports/${imp.id}`}>{t('refresh')}</a>
          </p>
        </>
      )}

      {imp.status === 'failed' && (
        <>
          <Flash kind="error">{t('importFailedIntro', { n: errors.length })}</Flash>
          <ErrorTable t={t} errors={errors} />
          {imp.rejected > 0 && (
            <p>
              <a href={rejectedHref} download>
                {t('downloadRejected')}
              </a>
            </p>
          )}
        </>
      )}
    </div>
  );
}
