import type { Child } from 'hono/jsx';
import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { FilterBar, type FilterBarProps } from '../../partials/filter-bar';

export interface OverviewPageProps {
  t: StaffT;
  user: SessionUser;
  /** The filters; none before any customer has answered (there is nothing to filter). */
  form: Omit<FilterBarProps, 't'> | undefined;
  /** The results region: OverviewResults, or the filter errors. */
  children: Child;
  /** An admin's setup checklist while setup is not done. */
  setup?: Child;
}

/** The lead's overview at `/overview`: filters, then the results region the filters swap. */
export function OverviewPage({ t, user, form, children, setup }: OverviewPageProps) {
  return (
    <StaffLayout title={t('homeTitle')} t={t} lang={user.locale} user={user} currentPath="/overview">
      <h1 data-testid="home-title">{t('homeTitle')}</h1>
      <p class="ws-intro">{t('wsOverviewIntro')}</p>
      {setup}
      {form && <FilterBar t={t} {...form} />}
      <div id="overview-results" class="ws-results">
        {children}
      </div>
    </StaffLayout>
  );
}
