import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionRow } from '../../../db/queries/coaching-sessions';
import type { PlanQuote } from '../../../src/domain/coaching';
import { sessionDate } from '../../../src/domain/session-date';
import { needsDoneDate } from '../../../src/domain/coaching-sessions';
import { isoDay } from '../../../src/lib/days';
import { sessionStatusName } from './labels';
import { cpiName } from '../names';
import { PinForm, QuoteText } from './quote';

export interface SessionListProps {
  t: StaffT;
  repId: number;
  repName: string;
  sessions: SessionRow[];
  /** Where a done/cancel post returns to without JavaScript (the plan with its filters). */
  back: string;
  /** Set on the htmx answer to a session form post: replaces the list already on the page. */
  oob?: boolean;
  /** Now: a session planned for a later day asks, when marked done, the day it took place. */
  now?: number;
  /** The quotes pinned to each session, by session id. */
  pinned?: Record<number, PlanQuote[]>;
  /** A mark-done form that was refused: the session and what to correct. */
  doneError?: { sessionId: number; date: string; message: string };
}

const sessionListId = (repId: number) => `sessions-rep-${repId}`;

/**
 * A rep's planned and done sessions, with the quotes pinned to them. Planned ones can be
 * marked done (asking the day it took place when it was planned for later) or cancelled:
 * real forms that post and come back to the plan; with htmx they swap just this list.
 */
export function SessionList({ t, repId, repName, sessions, back, oob, now, pinned, doneError }: SessionListProps) {
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
            const asksDate = now !== undefined && needsDoneDate(s, now);
            const error = doneError?.sessionId === s.id ? doneError : undefined;
            const dateId = `done-date-${s.id}`;
            const quotes = pinned?.[s.id] ?? [];
            return (
              <li class={`session session-${s.status}`} data-session-id={s.id}>
                <span class={`badge badge-session-${s.status}`}>{sessionStatusName(t, s.status)}</span>{' '}
                <time datetime={date}>{date}</time> · <strong>{s.skillName}</strong>
                {s.cpi && <span class="muted"> · {cpiName(t, s.cpi)}</span>}
                {s.trainerName && <span class="muted"> · {t('coSessionBy', { name: s.trainerName })}</span>}
                {s.notes && <p class="session-notes">{s.notes}</p>}
                {quotes.length > 0 && (
                  <div class="pinned-quotes">
                    <p class="pinned-title">{t('coPinned')}</p>
                    <ul class="plain quotes">
                      {quotes.map((q) => (
                        <li>
                          <QuoteText t={t} quote={q} />
                          <PinForm
                            t={t}
                            sessionId={s.id}
                            repId={repId}
                            responseId={q.responseId}
                            change="unpin"
                            label={t('coUnpin')}
                            back={back}
                          />
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
                {s.status === 'planned' && (
                  <div class="session-actions">
                    <form
                      method="post"
                      action={`/coaching/sessions/${s.id}/done`}
                      class={asksDate || error ? 'done-form' : 'inline'}
                      hx-post={`/coaching/sessions/${s.id}/done`}
                      hx-target={`#${id}`}
                      hx-swap="outerHTML"
                    >
                      <input type="hidden" name="back" value={back} />
                      {(asksDate || error) && now !== undefined && (
                        <div class={error ? 'field has-error' : 'field'}>
                          <label for={dateId}>{t('coDoneDate')}</label>
                          <p class="hint" id={`${dateId}-hint`}>
                            {t('coDoneDateHint', { date: isoDay(s.plannedFor ?? now) })}
                          </p>
                          <input
                            id={dateId}
                            name="date"
                            type="date"
                            required
                            min={isoDay(s.createdAt)}
                            max={isoDay(now)}
                            value={error ? error.date : isoDay(now)}
                            aria-invalid={error ? 'true' : undefined}
                            aria-describedby={error ? `${dateId}-hint ${dateId}-error` : `${dateId}-hint`}
                          />
                          {error && (
                            <p class="error" id={`${dateId}-error`} role="alert">
                              {t('coDoneDate')}: {error.message}
                            </p>
                          )}
                        </div>
                      )}
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
