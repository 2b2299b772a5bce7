import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import { CoachingNav } from '../../partials/coaching/nav';
import { SessionForm, type SessionFormProps } from '../../partials/coaching/session-form';

export interface SessionNewPageProps {
  t: StaffT;
  user: SessionUser;
  form: Omit<SessionFormProps, 't' | 'enhanced'>;
}

/** GET /coaching/sessions/new (and a form post with errors without JavaScript): the session form alone. */
export function SessionNewPage({ t, user, form }: SessionNewPageProps) {
  return (
    <StaffLayout
      title={t('coNewSessionTitle')}
      t={t}
      lang={user.locale}
      user={user}
      currentPath="/coaching/sessions/new"
    >
      <CoachingNav t={t} current="/coaching" />
      <h1>{t('coNewSessionTitle')}</h1>
      <p>{t('coNewSessionIntro')}</p>
      <section class="card session-card">
        <SessionForm t={t} {...form} enhanced={false} />
      </section>
      <p>
        <a href={form.back}>{t('coBackToPlan')}</a>
      </p>
    </StaffLayout>
  );
}
