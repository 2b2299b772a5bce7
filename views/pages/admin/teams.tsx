import { TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { EditLink, RecordFormCard, RecordsPage, type FormState } from './record-form';

export interface TeamsPageProps extends FormState {
  t: StaffT;
  user: SessionUser;
  teams: { id: number; name: string; reps: number }[];
  /** The team being edited; otherwise the form adds one. */
  editing?: { id: number; name: string } | undefined;
  notice?: string | undefined;
}

export function TeamsPage({ t, user, teams, editing, notice, values, errors }: TeamsPageProps) {
  return (
    <RecordsPage
      t={t}
      user={user}
      path="/admin/teams"
      title={t('teamsTitle')}
      notice={notice}
      empty={teams.length === 0 ? { testId: 'teams-empty', text: t('noTeamsYet') } : undefined}
      head={
        <>
          <th scope="col">{t('teamName')}</th>
          <th scope="col">{t('activeReps')}</th>
          <th scope="col">{t('actions')}</th>
        </>
      }
      rows={teams.map((team) => (
        <tr>
          <th scope="row">{team.name}</th>
          <td>{team.reps}</td>
          <td>
            <EditLink t={t} href={`/admin/teams/${team.id}/edit#team-form`} name={team.name} />
          </td>
        </tr>
      ))}
    >
      <RecordFormCard
        t={t}
        id="team-form"
        title={editing ? t('editTeam', { name: editing.name }) : t('addTeam')}
        action={editing ? `/admin/teams/${editing.id}` : '/admin/teams'}
        submitLabel={editing ? t('save') : t('addTeam')}
        cancelHref={editing ? '/admin/teams' : undefined}
        errors={errors}
        labels={{ name: t('teamName') }}
      >
        <TextField
          name="name"
          label={t('teamName')}
          value={values?.name ?? editing?.name}
          error={errors?.name}
          required
          autocomplete="off"
        />
      </RecordFormCard>
    </RecordsPage>
  );
}
