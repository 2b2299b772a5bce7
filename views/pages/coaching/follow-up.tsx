import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { CoachingNav } from '../../partials/coaching/nav';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';
import { FollowUpRegion, type FollowUpRegionProps } from '../../partials/coaching/follow-up-region';
import { MethodsLink } from '../../partials/analysis/analysis-status';

export interface CoachingFollowUpPageProps {
  t: StaffT;
  user: SessionUser;
  bar: Omit<FilterBarProps, 't'>;
  region: FollowUpRegionProps;
}

/** GET /coaching/follow-up: each coached rep's CPI before and after the coaching. */
export function CoachingFollowUpPage({ t, user, bar, region }: CoachingFollowUpPageProps) {
  return (
    <StaffLayout title={t('coFollowUpTitle')} t={t} lang={user.locale} user={user} currentPath="/coaching/follow-up">
      <CoachingNav t={t} current="/coaching/follow-up" />
      <h1 data-testid="follow-up-title">{t('coFollowUpTitle')}</h1>
      <p class="intro">{t('coFollowUpIntro')}</p>
      <MethodsLink t={t} />
      <FilterBar t={t} {...bar} />
      <FollowUpRegion {...region} />
    </StaffLayout>
  );
}
