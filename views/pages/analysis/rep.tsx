/** GET /reps/:id — one rep: CPIs and trends with the training timeline, comments, ranked gaps. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { AnalysisFilters, FilterProblem } from '../../../src/domain/analysis-filters';
import type { RepProfile } from '../../../src/domain/rep-profile';
import { FilterForm } from '../../partials/analysis/filters';
import type { Fmt } from '../../partials/analysis/format';
import { RepResults } from '../../partials/analysis/rep-results';
import type { AnalysisStamp } from '../../partials/analysis/analysis-status';

export interface RepPageProps {
  fmt: Fmt;
  user: SessionUser;
  profile: RepProfile;
  filters: AnalysisFilters;
  problems: FilterProblem[];
  stamp: AnalysisStamp | null;
  selfHref: string;
}

export function RepPage({ fmt, user, profile, filters, problems, stamp, selfHref }: RepPageProps) {
  const { t } = fmt;
  const { rep } = profile;
  const action = `/reps/${rep.id}`;
  return (
    <StaffLayout title={rep.name} t={t} lang={user.locale} user={user} currentPath={action}>
      <p class="breadcrumb">
        <a href="/reps">{t('anBackToReps')}</a>
      </p>
      <header class="rep-header">
        <h1>
          {rep.name}
          {!rep.active && <span class="badge badge-muted former">{t('anFormerRep')}</span>}
        </h1>
        <dl class="facts">
          <dt>{t('anTeam')}</dt>
          <dd>{rep.teamName ?? t('noTeam')}</dd>
          <dt>{t('anStatus')}</dt>
          <dd data-testid="rep-status">
            {rep.active ? t('anCurrentRep') : t('anFormerRepLong')}
            {rep.excluded && <> · {t('anExcluded')}</>}
          </dd>
        </dl>
      </header>
      <FilterForm t={t} id="rep-filters" action={action} target="rep-results" filters={filters} type />
      <RepResults fmt={fmt} profile={profile} filters={filters} problems={problems} stamp={stamp} selfHref={selfHref} />
    </StaffLayout>
  );
}
