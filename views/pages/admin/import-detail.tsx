import { StaffLayout, Flash } from '../../layout';
import { Time } from '../../components/time';
import { importKindLabel } from '../../components/labels';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { Import } from '../../../db/schema';
import type { ImportPreview } from '../../../src/routes/admin/import-preview';
import { AdminNav } from './nav';
import { importStatusLabel } from './imports';

export interface ImportDetailPageProps {
  t: StaffT;
  user: SessionUser;
  imp: Import;
  preview?: ImportPreview | undefined;
  error?: string | undefined;
  maxErrors: number;
}

export function ImportDetailPage({ t, user, imp, preview, error, maxErrors }: ImportDetailPageProps) {
  const title = `${importKindLabel(t, imp.kind)}: ${imp.filename}`;
  const errors = (imp.errors ?? []).slice(0, maxErrors);
  return (
    <StaffLayout title={title} t={t} lang={user.locale} user={user} currentPath="/admin/imports">
      <AdminNav t={t} current="/admin/imports" />
      <p>
        <a href="/admin/imports">{t('backToImports')}</a>
      </p>
      <h1>{title}</h1>
      {error && <Flash kind="error">{error}</Flash>}
      <dl class="facts">
        <dt>{t('status')}</dt>
        <dd>
          <span class={`badge badge-import-${imp.status}`} data-status={imp.status}>
            {importStatusLabel(t, imp.status)}
          </span>
        </dd>
        <dt>{t('importRows')}</dt>
        <dd>{imp.rows}</dd>
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

      {imp.status === 'ready' && (
        <>
          <p>{t('importReadyIntro', { rows: imp.rows })}</p>
          {preview && (
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
          )}
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

      {imp.status === 'published' && (
        <Flash kind="ok">{t('importPublishedSummary', { rows: imp.rows, created: imp.created, duplicates: imp.duplicates })}</Flash>
      )}

      {(imp.status === 'staging' || imp.status === 'publishing') && (
        <p>
          {t('importInProgress')} <a href={`/admin/imports/${imp.id}`}>{t('refresh')}</a>
        </p>
      )}

      {imp.status === 'failed' && (
        <>
          <Flash kind="error">{t('importFailedIntro', { n: errors.length })}</Flash>
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
        </>
      )}
    </StaffLayout>
  );
}
