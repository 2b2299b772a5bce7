import { StaffLayout, Flash } from '../../layout';
import { TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { AdminNav } from './nav';
import { EditLink, EmptyTable, RecordFormCard, type FormState } from './record-form';

interface SkillRow {
  id: number;
  slug: string;
  name: string;
  proficiencyTarget: number;
}

export interface SkillsPageProps extends FormState {
  t: StaffT;
  user: SessionUser;
  skills: SkillRow[];
  editing?: SkillRow | undefined;
  notice?: string | undefined;
}

export function SkillsPage({ t, user, skills, editing, notice, values, errors }: SkillsPageProps) {
  return (
    <StaffLayout title={t('skillsTitle')} t={t} lang={user.locale} user={user} currentPath="/admin/skills">
      <AdminNav t={t} current="/admin/skills" />
      <h1>{t('skillsTitle')}</h1>
      {notice && <Flash kind="ok">{notice}</Flash>}
      {skills.length === 0 ? (
        <EmptyTable testId="skills-empty">{t('noSkillsYet')}</EmptyTable>
      ) : (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">{t('skillsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('skillName')}</th>
                <th scope="col">{t('skillKey')}</th>
                <th scope="col" class="num">
                  {t('targetColumn')}
                </th>
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {skills.map((s) => (
                <tr>
                  <th scope="row">{s.name}</th>
                  <td>
                    <code>{s.slug}</code>
                  </td>
                  <td class="num">{s.proficiencyTarget}</td>
                  <td>
                    <EditLink t={t} href={`/admin/skills/${s.id}/edit#skill-form`} name={s.name} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RecordFormCard
        t={t}
        id="skill-form"
        title={editing ? t('editSkill', { name: editing.name }) : t('addSkill')}
        action={editing ? `/admin/skills/${editing.id}` : '/admin/skills'}
        submitLabel={editing ? t('save') : t('addSkill')}
        cancelHref={editing ? '/admin/skills' : undefined}
        errors={errors}
        labels={{ name: t('skillName'), proficiencyTarget: t('proficiencyTarget') }}
      >
        <TextField
          name="name"
          label={t('skillName')}
          value={values?.name ?? editing?.name}
          error={errors?.name}
          hint={editing ? `${t('skillKey')}: ${editing.slug}` : t('skillKeyHint')}
          required
          autocomplete="off"
        />
        <TextField
          name="proficiencyTarget"
          label={t('proficiencyTarget')}
          type="number"
          min="0"
          max="100"
          step="any"
          value={values?.proficiencyTarget ?? (editing ? String(editing.proficiencyTarget) : '80')}
          error={errors?.proficiencyTarget}
          hint={t('proficiencyTargetHint')}
          required
        />
      </RecordFormCard>
    </StaffLayout>
  );
}
