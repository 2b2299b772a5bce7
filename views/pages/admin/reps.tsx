import { SelectField, TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { EditLink, RecordFormCard, RecordsPage, type FormState } from './record-form';

interface AdminRepRow {
  id: number;
  email: string;
  name: string;
  teamName: string | null;
  excluded: boolean;
}

export interface AdminRepsPageProps extends FormState {
  t: StaffT;
  user: SessionUser;
  reps: AdminRepRow[];
  teams: { id: number; name: string }[];
  /** The rep being edited; otherwise the form adds one. */
  editing?: { id: number; name: string; email: string; teamId: number | null } | undefined;
  notice?: string | undefined;
}

export function AdminRepsPage({ t, user, reps, teams, editing, notice, values, errors }: AdminRepsPageProps) {
  const teamOptions = [
    { value: '', label: t('noTeam') },
    ...teams.map((x) => ({ value: String(x.id), label: x.name })),
  ];
  return (
    <RecordsPage
      t={t}
      user={user}
      path="/admin/reps"
      title={t('adminRepsTitle')}
      notice={notice}
      empty={reps.length === 0 ? { testId: 'reps-empty', text: t('noRepsYet') } : undefined}
      head={
        <>
          <th scope="col">{t('name')}</th>
          <th scope="col">{t('email')}</th>
          <th scope="col">{t('team')}</th>
          <th scope="col">{t('status')}</th>
          <th scope="col">{t('actions')}</th>
        </>
      }
      rows={reps.map((r) => (
        <tr>
          <th scope="row">{r.name}</th>
          <td>{r.email}</td>
          <td>{r.teamName ?? t('noTeam')}</td>
          <td>{r.excluded ? t('excludedFromSurveys') : t('surveyed')}</td>
          <td class="actions">
            <EditLink t={t} href={`/admin/reps/${r.id}/edit#rep-form`} name={r.name} />
            <form method="post" action={`/admin/reps/${r.id}/${r.excluded ? 'include' : 'exclude'}`} class="inline">
              <button type="submit" class="small secondary">
                {r.excluded ? t('include') : t('exclude')}
                <span class="visually-hidden"> · {r.name}</span>
              </button>
            </form>
          </td>
        </tr>
      ))}
    >
      <RecordFormCard
        t={t}
        id="rep-form"
        title={editing ? t('editRep', { name: editing.name }) : t('addRep')}
        action={editing ? `/admin/reps/${editing.id}` : '/admin/reps'}
        submitLabel={editing ? t('save') : t('addRep')}
        cancelHref={editing ? '/admin/reps' : undefined}
        errors={errors}
        labels={{ name: t('name'), email: t('email'), teamId: t('team') }}
      >
        {teams.length === 0 && (
          <p class="hint">
            <a href="/admin/teams">{t('addTeamFirst')}</a>
          </p>
        )}
        <TextField
          name="name"
          label={t('name')}
          value={values?.name ?? editing?.name}
          error={errors?.name}
          required
          autocomplete="off"
        />
        <TextField
          name="email"
          label={t('email')}
          type="email"
          value={values?.email ?? editing?.email}
          error={errors?.email}
          required
          autocomplete="off"
        />
        <SelectField
          name="teamId"
          label={t('team')}
          options={teamOptions}
          value={values?.teamId ?? (editing?.teamId == null ? '' : String(editing.teamId))}
          error={errors?.teamId}
        />
      </RecordFormCard>
    </RecordsPage>
  );
}
