/** GET /reps/:id — one rep: CPIs and trends with the training timeline, comments, ranked gaps. */
import { StaffLayout } from '../../layout';
import type { SessionUser } from '../../../src/context';
import type { AnalysisFilters, ParamProblem } from '../../../src/domain/analysis-params';
import type { FilterError } from '../../../src/domain/filters';
import type { RepProfile } from '../../../src/domain/rep-profile';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import type { Fmt } from '../../partials/analysis/format';
import { RepResults } from '../../partials/analysis/rep-results';
import type { AnalysisStamp } from '../../partials/analysis/analysis-status';

export interface RepPageProps {
  fmt: Fmt;
  user: SessionUser;
  profile: RepProfile;
  filters: AnalysisFilters;
  errors: FilterError[];
  problems: ParamProblem[];
  bar: Omit<FilterBarProps, 't'>;
  stamp: AnalysisStamp | null;
  selfHref: string;
}

export function RepPage({ fmt, user, profile, filters, errors, problems, stamp, selfHref, bar }: RepPageProps) {
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
      <FilterBar t={t} {...bar} />
      <RepResults
        fmt={fmt}
        profile={profile}
        filters={filters}
        errors={errors}
        problems={problems}
        stamp={stamp}
        selfHref={selfHref}
      />
    </StaffLayout>
  );
}
