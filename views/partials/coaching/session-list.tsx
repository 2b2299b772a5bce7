import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionRow } from '../../../db/queries/coaching-sessions';
import { sessionDate } from '../../../src/domain/session-date';
import { isoDay } from '../../../src/lib/days';
import { sessionStatusName } from './labels';
import { cpiName } from '../names';

export interface SessionListProps {
  t: StaffT;
  repId: number;
  repName: string;
  sessions: SessionRow[];
  /** Where a done/cancel post returns to without JavaScript (the plan with its filters). */
  back: string;
  /** Set on the htmx answer to a session form post: replaces the list already on the page. */
  oob?: boolean;
}

const sessionListId = (repId: number) => `sessions-rep-${repId}`;

/**
 * A rep's planned and done sessions. Planned ones can be marked done or cancelled: real
 * forms that post and come back to the plan; with htmx they swap just this list.
 */
export function SessionList({ t, repId, repName, sessions, back, oob }: SessionListProps) {
  const id = sessionListId(repId);
  return (
    <div class="session-list" id={id} hx-swap-oob={oob ? 'true' : undefined}>
      <h4>{t('coSessions')}</h4>
      {sessions.length === 0 ? (
        <p class="muted">{t('coNoSessions')}</p>
      ) : (
        <ul class="plain sessions">
          {sessions.map((s) => {
            const date = isoDay(sessionDate(s));
            const what = `${repName}, ${s.skillName}, ${date}`;
            return (
              <li class={`session session-${s.status}`} data-session-id={s.id}>
                <span class={`badge badge-session-${s.status}`}>{sessionStatusName(t, s.status)}</span>{' '}
                <time datetime={date}>{date}</time> · <strong>{s.skillName}</strong>
                {s.cpi && <span class="muted"> · {cpiName(t, s.cpi)}</span>}
                {s.trainerName && <span class="muted"> · {t('coSessionBy', { name: s.trainerName })}</span>}
                {s.notes && <p class="session-notes">{s.notes}</p>}
                {s.status === 'planned' && (
                  <div class="session-actions">
                    <form
                      method="post"
                      action={`/coaching/sessions/${s.id}/done`}
                      class="inline"
                      hx-post={`/coaching/sessions/${s.id}/done`}
                      hx-target={`#${id}`}
                      hx-swap="outerHTML"
                    >
                      <input type="hidden" name="back" value={back} />
                      <button type="submit" class="small">
                        {t('coMarkDone')}
                        <span class="visually-hidden">: {what}</span>
                      </button>
                    </form>
                    <form
                      method="post"
                      action={`/coaching/sessions/${s.id}/cancel`}
                      class="inline"
                      hx-post={`/coaching/sessions/${s.id}/cancel`}
                      hx-target={`#${id}`}
                      hx-swap="outerHTML"
                    >
                      <input type="hidden" name="back" value={back} />
                      <button type="submit" class="small secondary">
                        {t('coCancelSession')}
                        <span class="visually-hidden">: {what}</span>
                      </button>
                    </form>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
