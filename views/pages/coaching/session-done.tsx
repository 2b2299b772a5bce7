import { StaffLayout } from '../../layout';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { SessionRow } from '../../../db/queries/coaching-sessions';
import { isoDay } from '../../../src/lib/days';
import { CoachingNav } from '../../partials/coaching/nav';

export interface SessionDonePageProps {
  t: StaffT;
  user: SessionUser;
  session: SessionRow;
  repName: string;
  /** What was typed, and what to correct (the field is named). */
  date: string;
  error: string;
  now: number;
  back: string;
}

/** A mark-done post refused without JavaScript (422): the day the session took place, asked again. */
export function SessionDonePage({ t, user, session, repName, date, error, now, back }: SessionDonePageProps) {
  const planned = isoDay(session.plannedFor ?? now);
  return (
    <StaffLayout title={t('coDoneTitle')} t={t} lang={user.locale} user={user} currentPath="/coaching">
      <CoachingNav t={t} current="/coaching" />
      <h1>{t('coDoneTitle')}</h1>
      <p>{t('coDoneIntro', { name: repName, skill: session.skillName, date: planned })}</p>
      <section class="card session-card">
        <form method="post" action={`/coaching/sessions/${session.id}/done`} class="stack" novalidate>
          <input type="hidden" name="back" value={back} />
          <div class="flash flash-error" role="alert">
            <p>{t('coFormErrors')}</p>
            <ul>
              <li>
                <a href="#done-date">
                  {t('coDoneDate')}: {error}
                </a>
              </li>
            </ul>
          </div>
          <div class="field has-error">
            <label for="done-date">{t('coDoneDate')}</label>
            <p class="hint" id="done-date-hint">
              {t('coDoneDateHint', { date: planned })}
            </p>
            <input
              id="done-date"
              name="date"
              type="date"
              required
              min={isoDay(session.createdAt)}
              max={isoDay(now)}
              value={date}
              aria-invalid="true"
              aria-describedby="done-date-hint done-date-error"
            />
            <p class="error" id="done-date-error">
              {error}
            </p>
          </div>
          <div class="button-row">
            <button type="submit">{t('coMarkDone')}</button>
          </div>
        </form>
      </section>
      <p>
        <a href={back}>{t('coBackToPlan')}</a>
      </p>
    </StaffLayout>
  );
}
