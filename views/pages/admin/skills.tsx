import { TextField } from '../../components/form';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { EditLink, RecordFormCard, RecordsPage, type FormState } from './record-form';

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
    <RecordsPage
      t={t}
      user={user}
      path="/admin/skills"
      title={t('skillsTitle')}
      notice={notice}
      empty={skills.length === 0 ? { testId: 'skills-empty', text: t('noSkillsYet') } : undefined}
      head={
        <>
          <th scope="col">{t('skillName')}</th>
          <th scope="col">{t('skillKey')}</th>
          <th scope="col" class="num">
            {t('targetColumn')}
          </th>
          <th scope="col">{t('actions')}</th>
        </>
      }
      rows={skills.map((s) => (
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
    >
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
    </RecordsPage>
  );
}
