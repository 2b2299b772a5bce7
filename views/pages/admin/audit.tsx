import { StaffLayout } from '../../layout';
import { Time } from '../../components/time';
import { Pager } from '../../components/pager';
import { SelectField, TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { AdminNav } from './nav';

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
}

export interface AuditFilterValues {
  actor: string;
  action: string;
  from: string;
  to: string;
}

export interface AuditPageProps {
  t: StaffT;
  user: SessionUser;
  rows: AuditRow[];
  total: number;
  values: AuditFilterValues;
  actions: string[];
  errors: Record<string, string>;
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function AuditPage({ t, user, rows, total, values, actions, errors, page, pageCount, hrefFor }: AuditPageProps) {
  return (
    <StaffLayout title={t('adminAudit')} t={t} lang={user.locale} user={user} currentPath="/admin/audit">
      <AdminNav t={t} current="/admin/audit" />
      <h1>{t('adminAudit')}</h1>
      <form method="get" action="/admin/audit" class="filters" aria-label={t('auditFilters')}>
        <TextField
          name="actor"
          label={t('auditActor')}
          type="search"
          value={values.actor}
          error={errors.actor}
          autocomplete="off"
        />
        <SelectField
          name="action"
          label={t('auditAction')}
          value={values.action}
          error={errors.action}
          options={[{ value: '', label: t('auditAnyAction') }, ...actions.map((a) => ({ value: a, label: a }))]}
        />
        <TextField name="from" label={t('auditFrom')} type="date" value={values.from} error={errors.from} />
        <TextField name="to" label={t('auditTo')} type="date" value={values.to} error={errors.to} />
        <p class="toolbar">
          <button type="submit">{t('auditApply')}</button>
          <a href="/admin/audit">{t('auditClear')}</a>
        </p>
      </form>
      <p data-testid="audit-total">{t('auditTotal', { count: total })}</p>
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('adminAudit')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('auditTime')}</th>
              <th scope="col">{t('auditActor')}</th>
              <th scope="col">{t('auditAction')}</th>
              <th scope="col">{t('auditSubject')}</th>
              <th scope="col">{t('auditDetail')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr>
                <td>
                  <Time ms={r.at} />
                </td>
                <td>{r.actor}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td>{r.subject ?? '—'}</td>
                <td>
                  <code class="wrap">
                    {r.detail === null || r.detail === undefined ? '' : JSON.stringify(r.detail)}
                  </code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager t={t} page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </StaffLayout>
  );
}
