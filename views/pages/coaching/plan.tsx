import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { CoachingNav } from '../../partials/coaching/nav';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import { PlanRegion, type PlanRegionProps } from '../../partials/coaching/plan-region';
import { MethodsLink } from '../../partials/analysis/analysis-status';

export interface CoachingPlanPageProps {
  t: StaffT;
  user: SessionUser;
  bar: Omit<FilterBarProps, 't'>;
  region: PlanRegionProps;
}

/** GET /coaching: the filters and the plan region (which htmx filter requests get alone). */
export function CoachingPlanPage({ t, user, bar, region }: CoachingPlanPageProps) {
  return (
    <StaffLayout title={t('coPlanTitle')} t={t} lang={user.locale} user={user} currentPath="/coaching">
      <CoachingNav t={t} current="/coaching" />
      <h1 data-testid="coaching-title">{t('coPlanTitle')}</h1>
      <p class="intro">{t('coPlanIntro')}</p>
      <MethodsLink t={t} />
      <FilterBar t={t} {...bar} />
      <PlanRegion {...region} />
    </StaffLayout>
  );
}
