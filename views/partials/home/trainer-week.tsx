/**
 * The trainer's home: the agenda of the coming seven days (today first), the three reps to coach next (skill, the
 * CPI behind the gap and one customer quote on that CPI, named only where the customer
 * consented: src/domain/customer-identity.ts decides in the coaching plan), and the planned
 * sessions whose day has passed. Figures behind a toggle.
 */
import type { TrainerWeek } from '../../../src/domain/home';
import type { PlanRep } from '../../../src/domain/coaching';
import { isoDay } from '../../../src/lib/days';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { Fmt } from '../analysis/format';
import { fmtFigureValue } from '../coaching/format';
import { FigureText } from '../coaching/figure-text';
import { cpiName, gapLabelName, tierName } from '../names';

function weekday(locale: string, day: number): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(day),
  );
}

export function WeekAgenda({ fmt, week }: { fmt: Fmt; week: TrainerWeek }) {
  const { t } = fmt;
  const planned = week.days.reduce((sum, d) => sum + d.sessions.length, 0);
  return (
    <section class="home-week" aria-labelledby="home-week-title" data-testid="home-week">
      <h2 id="home-week-title">
        {t('hmWeekTitle')}{' '}
        <span class="muted small">
          {t('hmWeekRange', { from: isoDay(week.week.from), to: isoDay(week.week.to - 86_400_000) })}
        </span>
      </h2>
      {planned === 0 && <p>{t('hmWeekNothing')}</p>}
      <ol class="home-agenda" hidden={planned === 0}>
        {week.days.map((d) => (
          <li data-day={isoDay(d.day)} class={d.sessions.length === 0 ? 'home-day-empty' : undefined}>
            <time datetime={isoDay(d.day)}>{weekday(fmt.locale, d.day)}</time>
            {d.sessions.length === 0 ? (
              <span class="muted small"> {t('hmDayNothing')}</span>
            ) : (
              <ul class="plain">
                {d.sessions.map((s) => (
                  <li data-session={s.session.id}>
                    {t('hmSessionLine', { rep: s.repName, skill: s.session.skillName })}
                    {s.team && <span class="muted"> ({s.team})</span>}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <p class="small">
        <a href="/coaching/sessions/new">{t('hmPlanSession')}</a> · <a href="/coaching">{t('hmOpenPlan')}</a>
      </p>
    </section>
  );
}

function NextRep({ fmt, rep, minComments }: { fmt: Fmt; rep: PlanRep; minComments: number }) {
  const { t } = fmt;
  const gap = rep.gap!;
  const quote = rep.quotes?.[0];
  const cpi = cpiName(t, gap.cpi);
  // The next session already planned for this rep in this skill, if any.
  const planned = rep.sessions
    .filter((x) => x.status === 'planned' && x.skill === gap.skill && x.plannedFor !== null)
    .sort((a, b) => (a.plannedFor ?? 0) - (b.plannedFor ?? 0))[0];
  return (
    <li class="home-card" data-rep={rep.repId} data-cpi={gap.cpi} data-skill={gap.skill}>
      <h3>
        <a href={`/reps/${rep.repId}`}>{rep.name}</a>
        {rep.team && <span class="muted small"> ({rep.team})</span>}
      </h3>
      <p>
        {t('hmNextSkill', { skill: gap.skillName })}{' '}
        <span class={`badge gap-label gap-${gap.label}`}>{gapLabelName(t, gap.label)}</span>
      </p>
      <p>
        {t('hmNextCpi', {
          cpi,
          value: rep.figure ? fmtFigureValue(fmt.locale, rep.figure, rep.figure.value) : t('notEnoughResponses'),
        })}
        {rep.target && rep.figure && rep.figure.kind !== 'turnaround' && (
          <span class="muted">
            {' · '}
            {t('hmNextTarget', { target: fmtFigureValue(fmt.locale, rep.figure, rep.target.value) })}
          </span>
        )}
      </p>
      {quote ? (
        <figure class="home-quote" data-testid="home-quote">
          <blockquote class="quote">
            <p>{quote.comment}</p>
          </blockquote>
          <figcaption class="quote-source small">
            {'— '}
            {quote.customer
              ? [quote.customer.name ?? quote.customer.email, quote.customer.company].filter(Boolean).join(', ')
              : t('coAnonymousCustomer')}
            {', '}
            <time datetime={isoDay(quote.occurredAt)}>{isoDay(quote.occurredAt)}</time>
          </figcaption>
        </figure>
      ) : (
        <p class="muted small">
          {rep.quotes === null ? t('coQuotesTooFew', { min: minComments, n: rep.n }) : t('hmNextNoQuote')}
        </p>
      )}
      <p class="small">
        {planned ? (
          t('hmNextPlanned', { day: isoDay(planned.plannedFor ?? 0) })
        ) : (
          <a href={`/coaching/sessions/new?rep=${rep.repId}&skill=${encodeURIComponent(gap.skill)}`}>
            {t('hmPlanSessionFor', { rep: rep.name })}
          </a>
        )}
      </p>
      <details class="numbers">
        <summary>{t('hmNumbers')}</summary>
        <p class="small">
          {cpi}: <FigureText t={t} locale={fmt.locale} figure={rep.figure} />
        </p>
        <p class="small">
          {t('hmNextGapNumbers', {
            score: fmt.num(gap.score),
            range: gap.lower !== null && gap.upper !== null ? fmt.range(gap.lower, gap.upper, (v) => fmt.num(v)) : '—',
          })}
        </p>
        {rep.link && (
          <p class="small">
            {t('hmNextLinkNumbers', {
              skill: gap.skillName,
              cpi: cpi.toLowerCase(),
              tier: tierName(t, rep.link, (slug) => slug),
              q: fmt.p(rep.link.q),
              n: rep.link.n ?? '—',
            })}
          </p>
        )}
      </details>
    </li>
  );
}

export function NextReps({ fmt, week, minComments }: { fmt: Fmt; week: TrainerWeek; minComments: number }) {
  const { t } = fmt;
  return (
    <section class="home-next" aria-labelledby="home-next-title" data-testid="home-next">
      <h2 id="home-next-title">{t('hmNextTitle')}</h2>
      {week.next.length === 0 ? (
        <p>{t('hmNextNone')}</p>
      ) : (
        <ol class="home-cards">
          {week.next.map((rep) => (
            <NextRep fmt={fmt} rep={rep} minComments={minComments} />
          ))}
        </ol>
      )}
    </section>
  );
}

export function DueSessions({ t, week }: { t: StaffT; week: TrainerWeek }) {
  const nothing = week.due.length === 0 && week.toCheck.length === 0;
  return (
    <section class="home-due" aria-labelledby="home-due-title" data-testid="home-due">
      <h2 id="home-due-title">{t('hmDueTitle')}</h2>
      {nothing && <p>{t('hmDueNone')}</p>}
      {week.due.length > 0 && (
        <>
          <p class="muted small">{t('hmDueIntro')}</p>
          <ul class="home-list">
            {week.due.map((s) => (
              <li data-session={s.session.id}>
                {t('hmDueLine', {
                  rep: s.repName,
                  skill: s.session.skillName,
                  day: isoDay(s.session.plannedFor ?? 0),
                })}
              </li>
            ))}
          </ul>
          <p class="small">
            <a href="/coaching">{t('hmOpenPlan')}</a>
          </p>
        </>
      )}
      {week.toCheck.length > 0 && (
        <>
          <p class="muted small">{t('hmCheckIntro')}</p>
          <ul class="home-list">
            {week.toCheck.map((s) => (
              <li data-session={s.session.id} data-check="follow-up">
                {t('hmCheckLine', {
                  rep: s.repName,
                  skill: s.session.skillName,
                  day: isoDay(s.session.completedAt ?? 0),
                })}
              </li>
            ))}
          </ul>
          <p class="small">
            <a href="/coaching/follow-up">{t('hmOpenFollowUp')}</a>
          </p>
        </>
      )}
      {nothing && (
        <p class="small">
          <a href="/coaching">{t('hmOpenPlan')}</a>
        </p>
      )}
    </section>
  );
}
