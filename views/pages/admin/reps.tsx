import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { AdminNav } from './nav';

export interface AdminRepRow {
  id: number;
  email: string;
  name: string;
  teamName: string | null;
  excluded: boolean;
}

export function AdminRepsPage({ t, user, reps }: { t: StaffT; user: SessionUser; reps: AdminRepRow[] }) {
  return (
    <StaffLayout title={t('adminRepsTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/reps">
      <AdminNav t={t} current="/admin/reps" />
      <h1>{t('adminRepsTitle')}</h1>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('team')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {reps.map((r) => (
              <tr>
                <th scope="row">{r.name}</th>
                <td>{r.email}</td>
                <td>{r.teamName ?? t('noTeam')}</td>
                <td>{r.excluded ? t('excludedFromSurveys') : t('surveyed')}</td>
                <td>
                  <form
                    method="post"
                    action={`/admin/reps/${r.id}/${r.excluded ? 'include' : 'exclude'}`}
                    class="inline"
                  >
                    <button type="submit" class="small secondary">
                      {r.excluded ? t('include') : t('exclude')}
                      <span class="visually-hidden"> · {r.name}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}
