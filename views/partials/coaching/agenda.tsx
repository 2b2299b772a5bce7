import type { StaffT } from '../../../src/lib/i18n/staff';
import type { AgendaWeek } from '../../../src/domain/coaching-agenda';
import { isoDay } from '../../../src/lib/days';

/** The planned sessions by ISO week, each linking to its rep's row on the plan (`oob`: sent beside an htmx answer that changed a session). */
export function Agenda({ t, weeks, oob }: { t: StaffT; weeks: AgendaWeek[]; oob?: boolean }) {
  return (
    <section id="coaching-agenda" class="agenda" aria-labelledby="agenda-title" hx-swap-oob={oob ? 'true' : undefined}>
      <h2 id="agenda-title">{t('coAgendaTitle')}</h2>
      {weeks.length === 0 ? (
        <p class="muted">{t('coAgendaNone')}</p>
      ) : (
        <ol class="plain agenda-weeks">
          {weeks.map((w) => (
            <li class={`agenda-week${w.current ? ' agenda-current' : ''}${w.past ? ' agenda-past' : ''}`}>
              <h3 id={`week-${w.key}`}>
                {t('coAgendaWeek', { week: w.key, monday: isoDay(w.week.monday) })}
                {w.current && <span class="badge badge-session-planned"> {t('coAgendaThisWeek')}</span>}
                {w.past && <span class="badge badge-overdue"> {t('coAgendaOverdue')}</span>}
              </h3>
              <ul class="plain agenda-items" aria-labelledby={`week-${w.key}`}>
                {w.items.map((item) => (
                  <li data-session-id={item.sessionId}>
                    <time datetime={isoDay(item.day)}>{isoDay(item.day)}</time>{' '}
                    <a href={`#rep-${item.repId}`}>{item.repName}</a>
                    <span class="muted">
                      {' · '}
                      {item.skillName}
                      {item.team ? ` · ${item.team}` : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
