import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { PlanMonths } from '../../../src/domain/coaching';
import { CoachingFilters, CoachingNav } from '../../partials/coaching/nav';
import { PlanRegion, type PlanRegionProps } from '../../partials/coaching/plan-region';
import { MethodsLink } from '../../partials/analysis/analysis-status';

export interface CoachingPlanPageProps {
  t: StaffT;
  user: SessionUser;
  teams: { id: number; name: string }[];
  teamId: number | undefined;
  months: PlanMonths;
  region: PlanRegionProps;
}

/** GET /coaching: the filters and the plan region (which htmx filter requests get alone). */
export function CoachingPlanPage({ t, user, teams, teamId, months, region }: CoachingPlanPageProps) {
  return (
    <StaffLayout title={t('coPlanTitle')} t={t} lang={user.locale} user={user} currentPath="/coaching">
      <CoachingNav t={t} current="/coaching" />
      <h1 data-testid="coaching-title">{t('coPlanTitle')}</h1>
      <p class="intro">{t('coPlanIntro')}</p>
      <MethodsLink t={t} />
      <CoachingFilters t={t} action="/coaching" target="#coaching-plan" teams={teams} teamId={teamId} months={months} />
      <PlanRegion {...region} />
    </StaffLayout>
  );
}
