import { StaffLayout } from '../layout';
import type { StaffT } from '../../src/lib/i18n/staff';
import type { SessionUser } from '../../src/context';

export interface HomePageProps {
  t: StaffT;
  user: SessionUser;
  repCount: number;
  teams: { id: number; name: string }[];
}

export function HomePage({ t, user, repCount, teams }: HomePageProps) {
  return (
    <StaffLayout title={t('homeTitle')} t={t} lang={user.locale} user={user} currentPath="/">
      <h1 data-testid="home-title">{t('homeTitle')}</h1>
      <p>
        {t('repsTitle')}: {repCount} · {t('teams')}: {teams.map((team) => team.name).join(', ') || t('none')}
      </p>
    </StaffLayout>
  );
}
