import { StaffLayout } from '../../layout';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { AdminNav } from './nav';

export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
}

export function AuditPage({ t, user, rows }: { t: StaffT; user: SessionUser; rows: AuditRow[] }) {
  return (
    <StaffLayout title={t('adminAudit')} t={t} lang={user.locale} user={user} currentPath="/admin/audit">
      <AdminNav t={t} current="/admin/audit" />
      <h1>{t('adminAudit')}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Actor</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Detail</th>
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
                  <code class="wrap">{r.detail === null || r.detail === undefined ? '' : JSON.stringify(r.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
