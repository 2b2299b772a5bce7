import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { CoachingFilters, CoachingNav } from '../../partials/coaching/nav';
import { FollowUpRegion, type FollowUpRegionProps } from '../../partials/coaching/follow-up-region';
import { MethodsLink } from '../../partials/analysis/analysis-status';

export interface CoachingFollowUpPageProps {
  t: StaffT;
  user: SessionUser;
  teams: { id: number; name: string }[];
  teamId: number | undefined;
  region: FollowUpRegionProps;
}

/** GET /coaching/follow-up: each coached rep's CPI before and after the coaching. */
export function CoachingFollowUpPage({ t, user, teams, teamId, region }: CoachingFollowUpPageProps) {
  return (
    <StaffLayout title={t('coFollowUpTitle')} t={t} lang={user.locale} user={user} currentPath="/coaching/follow-up">
      <CoachingNav t={t} current="/coaching/follow-up" />
      <h1 data-testid="follow-up-title">{t('coFollowUpTitle')}</h1>
      <p class="intro">{t('coFollowUpIntro')}</p>
      <MethodsLink t={t} />
      <CoachingFilters t={t} action="/coaching/follow-up" target="#follow-up-results" teams={teams} teamId={teamId} />
      <FollowUpRegion {...region} />
    </StaffLayout>
  );
}
