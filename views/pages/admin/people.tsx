import { StaffLayout, Flash } from '../../layout';
import { TextField, SelectField, Card } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { Role } from '../../../db/schema';
import { AdminNav } from './nav';

interface PersonRow {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabledAt: number | null;
  teams: { id: number; name: string }[];
}

export interface PeoplePageProps {
  t: StaffT;
  user: SessionUser;
  people: PersonRow[];
  teams: { id: number; name: string }[];
  notice?: string | undefined;
  error?: string | undefined;
  inviteLink?: { name: string; link: string } | undefined;
  values?: Record<string, string | undefined>;
  errors?: Record<string, string>;
}

const roleOptions = (t: StaffT) => [
  { value: 'trainer', label: t('roleTrainer') },
  { value: 'lead', label: t('roleLead') },
  { value: 'admin', label: t('roleAdmin') },
];

export function PeoplePage({ t, user, people, teams, notice, error, inviteLink, values, errors }: PeoplePageProps) {
  return (
    <StaffLayout title={t('adminPeople')} t={t} lang={user.locale} user={user} currentPath="/admin/users">
      <AdminNav t={t} current="/admin/users" />
      <h1>{t('adminPeople')}</h1>
      {notice && <Flash kind="ok">{notice}</Flash>}
      {error && <Flash kind="error">{error}</Flash>}
      {inviteLink && (
        <Flash kind="info">
          {t('inviteLinkShown', { name: inviteLink.name })} <code class="secret">{inviteLink.link}</code>
        </Flash>
      )}
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">{t('adminPeople')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('assignTeams')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr>
                <th scope="row">{p.name}</th>
                <td>{p.email}</td>
                <td>
                  <form method="post" action={`/admin/users/${p.id}/role`} class="inline">
                    <label class="visually-hidden" for={`role-${p.id}`}>
                      {t('changeRole')} · {p.name}
                    </label>
                    <select id={`role-${p.id}`} name="role">
                      {roleOptions(t).map((o) => (
                        <option value={o.value} selected={o.value === p.role}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" class="small">
                      {t('save')}
                    </button>
                  </form>
                </td>
                <td>
                  {p.role === 'trainer' ? (
                    <form method="post" action={`/admin/users/${p.id}/teams`} class="inline">
                      <fieldset class="checks">
                        <legend class="visually-hidden">
                          {t('assignTeams')} · {p.name}
                        </legend>
                        {teams.map((team) => (
                          <label>
                            <input
                              type="checkbox"
                              name="teamId"
                              value={String(team.id)}
                              checked={p.teams.some((x) => x.id === team.id)}
                            />{' '}
                            {team.name}
                          </label>
                        ))}
                      </fieldset>
                      <button type="submit" class="small">
                        {t('save')}
                      </button>
                    </form>
                  ) : (
                    <span class="muted">—</span>
                  )}
                </td>
                <td>{p.disabledAt === null ? t('active') : t('disabled')}</td>
                <td class="actions">
                  <form
                    method="post"
                    action={`/admin/users/${p.id}/${p.disabledAt === null ? 'disable' : 'enable'}`}
                    class="inline"
                  >
                    <button type="submit" class="small secondary">
                      {p.disabledAt === null ? t('disable') : t('enable')}
                    </button>
                  </form>
                  <form method="post" action={`/admin/users/${p.id}/reset`} class="inline">
                    <button type="submit" class="small secondary">
                      {t('resetPassword')}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Card title={t('addPerson')}>
        <form method="post" action="/admin/users" class="stack">
          <TextField name="name" label={t('name')} value={values?.name} error={errors?.name} required />
          <TextField
            name="email"
            label={t('email')}
            type="email"
            value={values?.email}
            error={errors?.email}
            required
          />
          <SelectField
            name="role"
            label={t('role')}
            options={roleOptions(t)}
            value={values?.role ?? 'trainer'}
            error={errors?.role}
          />
          <fieldset class="checks">
            <legend>{t('assignTeams')}</legend>
            {teams.map((team) => (
              <label>
                <input type="checkbox" name="teamId" value={String(team.id)} /> {team.name}
              </label>
            ))}
          </fieldset>
          <TextField
            name="password"
            label={t('password')}
            type="password"
            hint={`${t('passwordHint')} ${t('passwordOptional')}`}
            error={errors?.password}
            autocomplete="new-password"
          />
          <button type="submit">{t('create')}</button>
        </form>
      </Card>
    </StaffLayout>
  );
}
