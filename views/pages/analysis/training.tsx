/** GET /training — "Courses and coaching completed in <quarter>": every effect against similar reps in the same months. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { TrainingFilters, TrainingFilterProblem } from '../../../src/domain/analysis/training-filters';
import type { StaffKey } from '../../../src/lib/i18n/staff';
import type { Fmt } from '../../partials/analysis/format';
import { TrainingResults, type TrainingResultsProps } from '../../partials/training/results';
import { PrintHeader, type PrintHeaderProps } from '../../partials/print-header';

export interface TrainingPageProps extends TrainingResultsProps {
  user: SessionUser;
  filters: TrainingFilters;
  problems: TrainingFilterProblem[];
  quarters: string[];
  teams: { id: number; name: string }[];
  skills: { slug: string; name: string }[];
  print: PrintHeaderProps;
}

const PROBLEM_TEXT: Record<TrainingFilterProblem['code'], StaffKey> = {
  format: 'trErrValue',
  order: 'trErrOrder',
  future: 'trErrFuture',
};
const problemText = (fmt: Fmt, p: TrainingFilterProblem) =>
  fmt.t(
    p.code === 'format'
      ? p.field === 'period'
        ? 'trErrPeriod'
        : p.field === 'from' || p.field === 'to'
          ? 'trErrMonth'
          : PROBLEM_TEXT.format
      : PROBLEM_TEXT[p.code],
  );

export function TrainingPage(p: TrainingPageProps) {
  const { t } = p.fmt;
  const f = p.filters;
  const rangeChosen = f.period === 'range' || f.period === '';
  return (
    <StaffLayout title={t('trTitle')} t={t} lang={p.user.locale} user={p.user} currentPath="/training">
      <h1>{t('trTitle')}</h1>
      <PrintHeader t={t} {...p.print} />
      <p class="lead">{t('trIntro')}</p>
      {f.isDefault && <p class="muted">{t('trDefaultNote')}</p>}
      {p.problems.length > 0 && (
        <div class="flash flash-error" role="alert">
          <ul>
            {p.problems.map((problem) => (
              <li>
                <code>{problem.field}</code>: {problemText(p.fmt, problem)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form
        id="training-filters"
        class="filters"
        method="get"
        action="/training"
        role="search"
        aria-label={t('anFilters')}
        hx-get="/training"
        hx-target="#training-results"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <div class="field">
          <label for="tr-period">{t('trPeriod')}</label>
          <select id="tr-period" name="period">
            {p.quarters.map((q) => (
              <option value={q} selected={f.period === q}>
                {q}
              </option>
            ))}
            <option value="range" selected={rangeChosen}>
              {t('trRange')}
            </option>
          </select>
        </div>
        <div class="field">
          <label for="tr-from">{t('trFrom')}</label>
          <input id="tr-from" name="from" type="month" value={rangeChosen ? f.from : ''} />
        </div>
        <div class="field">
          <label for="tr-to">{t('trTo')}</label>
          <input id="tr-to" name="to" type="month" value={rangeChosen ? f.to : ''} />
        </div>
        <div class="field">
          <label for="tr-team">{t('trTeam')}</label>
          <select id="tr-team" name="team">
            <option value="">{t('trAllTeams')}</option>
            {p.teams.map((team) => (
              <option value={String(team.id)} selected={f.team === team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tr-skill">{t('trSkill')}</label>
          <select id="tr-skill" name="skill">
            <option value="">{t('trAllSkills')}</option>
            {p.skills.map((s) => (
              <option value={s.slug} selected={f.skill === s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="tr-kind">{t('trKind')}</label>
          <select id="tr-kind" name="kind">
            <option value="">{t('trAllKinds')}</option>
            <option value="course" selected={f.kind === 'course'}>
              {t('anKindCourse')}
            </option>
            <option value="coaching" selected={f.kind === 'coaching'}>
              {t('anKindCoaching')}
            </option>
          </select>
        </div>
        <p class="toolbar">
          <button type="submit">{t('trApply')}</button>
        </p>
      </form>
      <TrainingResults {...p} />
    </StaffLayout>
  );
}
