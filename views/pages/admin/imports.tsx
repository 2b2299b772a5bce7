import { StaffLayout, Flash } from '../../layout';
import { Card, SelectField } from '../../components/form';
import { Time } from '../../components/time';
import { importKindLabel } from '../../components/labels';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { IMPORT_KINDS } from '../../../src/lib/vocabulary';
import type { Import, ImportKind } from '../../../db/schema';
import { AdminNav } from './nav';

export interface ImportFormat {
  kind: ImportKind;
  required: readonly string[];
  optional: readonly string[];
}

export interface ImportsPageProps {
  t: StaffT;
  user: SessionUser;
  imports: Import[];
  formats: ImportFormat[];
  maxRows: number;
  values?: { kind?: string | undefined };
  errors?: Record<string, string>;
}

export const importStatusLabel = (t: StaffT, status: Import['status']) => {
  switch (status) {
    case 'staging':
      return t('importStaging');
    case 'ready':
      return t('importReady');
    case 'publishing':
      return t('importPublishing');
    case 'published':
      return t('importPublished');
    case 'failed':
      return t('importFailed');
  }
};

function Columns({ names }: { names: readonly string[] }) {
  return (
    <>
      {names.map((name, i) => (
        <>
          {i > 0 && ', '}
          <code>{name}</code>
        </>
      ))}
    </>
  );
}

export function ImportsPage({ t, user, imports, formats, maxRows, values, errors }: ImportsPageProps) {
  return (
    <StaffLayout title={t('adminImports')} t={t} lang={user.locale} user={user} currentPath="/admin/imports">
      <AdminNav t={t} current="/admin/imports" />
      <h1>{t('adminImports')}</h1>
      <div class="grid-2">
        <Card title={t('uploadCsv')}>
          {errors && Object.keys(errors).length > 0 && <Flash kind="error">{t('fixFieldsBelow')}</Flash>}
          <form method="post" action="/admin/imports" enctype="multipart/form-data" class="stack">
            <SelectField
              name="kind"
              label={t('importKind')}
              value={values?.kind ?? 'interactions'}
              options={IMPORT_KINDS.map((kind) => ({ value: kind, label: importKindLabel(t, kind) }))}
              error={errors?.kind}
            />
            <div class={errors?.file ? 'field has-error' : 'field'}>
              <label for="f-file">{t('csvFile')}</label>
              <p class="hint" id="f-file-hint">
                {t('csvFileHint', { rows: maxRows.toLocaleString('en').replace(/,/g, ' ') })}
              </p>
              <input
                id="f-file"
                name="file"
                type="file"
                accept=".csv,text/csv"
                required
                aria-invalid={errors?.file ? 'true' : undefined}
                aria-describedby={errors?.file ? 'f-file-hint f-file-error' : 'f-file-hint'}
              />
              {errors?.file && (
                <p class="error" id="f-file-error">
                  {errors.file}
                </p>
              )}
            </div>
            <div>
              <button type="submit">{t('uploadAndCheck')}</button>
            </div>
          </form>
        </Card>
        <Card title={t('expectedHeaders')}>
          <p class="hint">{t('expectedHeadersHint')}</p>
          <dl class="formats">
            {formats.map((f) => (
              <>
                <dt>{importKindLabel(t, f.kind)}</dt>
                <dd>
                  {t('columnsRequired')}: <Columns names={f.required} />
                  {f.optional.length > 0 && (
                    <>
                      <br />
                      {t('columnsOptional')}: <Columns names={f.optional} />
                    </>
                  )}
                </dd>
              </>
            ))}
          </dl>
        </Card>
      </div>
      <h2>{t('recentImports')}</h2>
      {imports.length === 0 ? (
        <p class="muted">{t('noImports')}</p>
      ) : (
        <div class="table-wrap">
          <table class="wide">
            <caption class="visually-hidden">{t('recentImports')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('importKind')}</th>
                <th scope="col">{t('importFile')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" class="num">
                  {t('importRows')}
                </th>
                <th scope="col" class="num">
                  {t('importCreated')}
                </th>
                <th scope="col" class="num">
                  {t('importDuplicates')}
                </th>
                <th scope="col" class="num">
                  {t('importErrors')}
                </th>
                <th scope="col">{t('importWhen')}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((i) => (
                <tr>
                  <td>{importKindLabel(t, i.kind)}</td>
                  <th scope="row">
                    <a href={`/admin/imports/${i.id}`}>{i.filename}</a>
                  </th>
                  <td>
                    <span class={`badge badge-import-${i.status}`}>
                      {i.status === 'ready' && i.rejected > 0
                        ? t('importHasRejectedStatus')
                        : importStatusLabel(t, i.status)}
                    </span>
                  </td>
                  <td class="num">{i.rows}</td>
                  <td class="num">{i.created}</td>
                  <td class="num">{i.duplicates}</td>
                  <td class="num">{Math.max(i.rejected, i.errors?.length ?? 0)}</td>
                  <td>
                    <Time ms={i.createdAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
