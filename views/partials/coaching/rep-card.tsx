import type { StaffT } from '../../../src/lib/i18n/staff';
import type { PlanRep } from '../../../src/domain/coaching';
import { nextPlannedSession } from '../../../src/domain/coaching-agenda';
import { FigureText } from './figure-text';
import { SessionList } from './session-list';
import { PinForm, QuoteText } from './quote';
import { count, decimal, percent, probability, unitOf, unitValue } from '../format';
import { isoDay } from '../../../src/lib/days';
import { cpiName, gapLabelName } from '../names';
import type { Fmt } from '../analysis/format';
import { LinkFigures, LinkSummary } from '../analysis/link-figures';

export interface RepCardProps {
  t: StaffT;
  /** The analysis pages' number formats (for the link's figures). */
  fmt: Fmt;
  locale: string;
  rep: PlanRep;
  rank: number | null;
  minComments: number;
  back: string;
  /** Now: the session list asks the day a session planned for later took place. */
  now?: number;
  /** Shown open (the rep a post without JavaScript came back to). */
  open?: boolean;
}

function ResponseRate({ t, locale, rep }: { t: StaffT; locale: string; rep: PlanRep }) {
  if (rep.responseRate === null) return <>{t('coNoInvites', { n: count(locale, rep.n) })}</>;
  return (
    <>
      {t('coResponseRateValue', {
        rate: percent(locale, rep.responseRate),
        n: count(locale, rep.n),
        invited: count(locale, rep.invited),
      })}
    </>
  );
}

/** The numbers behind a gap, folded: the CPI with its interval and n, the target, the gap score, the link. */
function Evidence({ t, fmt, locale, rep }: { t: StaffT; fmt: Fmt; locale: string; rep: PlanRep }) {
  const gap = rep.gap!;
  const cpi = cpiName(t, gap.cpi);
  return (
    <details class="rep-figures">
      <summary>{t('coFiguresToggle')}</summary>
      <dl class="evidence">
        <dt>{t('coEvidenceCpi', { cpi })}</dt>
        <dd>
          <FigureText t={t} locale={locale} figure={rep.figure} />
          {rep.target && (
            <span class="target-line">
              {' · '}
              {rep.target.configured
                ? t('coTarget', { target: unitValue(locale, unitOf(gap.cpi), rep.target.value) })
                : t('coOrgValue', { target: unitValue(locale, unitOf(gap.cpi), rep.target.value) })}
              {gap.probabilityBelowTarget !== null &&
                ` · ${t('coBelowTarget', { p: probability(locale, gap.probabilityBelowTarget) })}`}
            </span>
          )}
        </dd>
        <dt>{t('coResponseRate')}</dt>
        <dd>
          <ResponseRate t={t} locale={locale} rep={rep} />
        </dd>
        <dt>{t('coGapScoreTitle')}</dt>
        <dd>
          {gap.lower !== null && gap.upper !== null
            ? t('coGapScore', {
                score: decimal(locale, gap.score, 2),
                lower: decimal(locale, gap.lower, 2),
                upper: decimal(locale, gap.upper, 2),
              })
            : t('coGapScoreOnly', { score: decimal(locale, gap.score, 2) })}
          {gap.lowConfidence && <span class="badge badge-exploratory"> {t('coLowConfidence')}</span>}
        </dd>
        <dt>{t('coLink')}</dt>
        <dd>
          {rep.link ? (
            <>
              <LinkSummary
                fmt={fmt}
                link={rep.link}
                skillName={(slug) => (slug === gap.skill ? gap.skillName : slug)}
              />
              <LinkFigures fmt={fmt} link={rep.link} />
            </>
          ) : (
            <span class="muted">{t('coNoLink')}</span>
          )}
        </dd>
      </dl>
    </details>
  );
}

function Quotes({ t, rep, minComments, back }: { t: StaffT; rep: PlanRep; minComments: number; back: string }) {
  if (rep.quotes === null) return <p class="muted">{t('coQuotesTooFew', { min: minComments, n: rep.n })}</p>;
  if (rep.quotes.length === 0) return <p class="muted">{t('coNoQuotes')}</p>;
  const next = nextPlannedSession(rep.sessions);
  return (
    <ul class="plain quotes">
      {rep.quotes.map((q) => {
        const pinnedHere = next?.pinnedResponseIds.includes(q.responseId) ?? false;
        return (
          <li>
            <QuoteText t={t} quote={q} />
            {next &&
              (pinnedHere ? (
                <p class="muted pinned-mark">{t('coPinnedMark', { date: isoDay(next.plannedFor!) })}</p>
              ) : (
                <PinForm
                  t={t}
                  sessionId={next.id}
                  repId={rep.repId}
                  responseId={q.responseId}
                  change="pin"
                  label={t('coPinTo', { date: isoDay(next.plannedFor!) })}
                  back={back}
                />
              ))}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * One rep on the plan as one row: name, the top gap's skill and CPI, its label and the next
 * session; opening it shows the gap in plain words, customer quotes (to pin to the next
 * session), the sessions, and the figures behind a second toggle.
 */
export function RepCard({ t, fmt, locale, rep, rank, minComments, back, now, open }: RepCardProps) {
  const headingId = `rep-${rep.repId}-name`;
  const gap = rep.gap;
  const next = nextPlannedSession(rep.sessions);
  const newHref = `/coaching/sessions/new?rep=${rep.repId}${gap ? `&skill=${encodeURIComponent(gap.skill)}` : ''}`;
  return (
    <article class={`rep-card rep-${rep.status}`} id={`rep-${rep.repId}`} aria-labelledby={headingId}>
      <details class="rep-row" open={open || undefined}>
        <summary>
          <span class="rep-row-who">
            <span class="rep-row-name" id={headingId}>
              {rank !== null && <span class="rank">{rank}.</span>} {rep.name}
            </span>{' '}
            <span class="muted rep-row-team">{rep.team ?? t('noTeam')}</span>
          </span>
          <span class="rep-row-gap">
            {gap ? (
              <>
                <strong>{gap.skillName}</strong> · {cpiName(t, gap.cpi)}{' '}
                <span class={`badge badge-label badge-${gap.label}`}>{gapLabelName(t, gap.label)}</span>
              </>
            ) : (
              <span class="muted">{t('coRowNoGap')}</span>
            )}
          </span>
          <span class="rep-row-next">
            {next ? t('coNextSession', { date: isoDay(next.plannedFor!) }) : t('coNoNextSession')}
          </span>
        </summary>
        <div class="rep-row-body">
          {gap ? (
            <>
              <p class="gap-line">{t('coGapSentence', { skill: gap.skillName, cpi: cpiName(t, gap.cpi) })}</p>
              <h4>{t('coQuotes')}</h4>
              <Quotes t={t} rep={rep} minComments={minComments} back={back} />
              <Evidence t={t} fmt={fmt} locale={locale} rep={rep} />
            </>
          ) : (
            <p class="muted">
              {rep.status === 'no-gap'
                ? t('coNoGap')
                : rep.status === 'no-model'
                  ? t('coNoModelRep')
                  : rep.status === 'pending'
                    ? t('coPendingRep')
                    : t('coNotEnough', { n: rep.n })}
              {(rep.status === 'no-gap' || rep.status === 'no-model' || rep.status === 'pending') && (
                <>
                  {' '}
                  <ResponseRate t={t} locale={locale} rep={rep} />
                </>
              )}
            </p>
          )}
          <SessionList
            t={t}
            repId={rep.repId}
            repName={rep.name}
            sessions={rep.sessions}
            back={back}
            now={now}
            pinned={rep.pinned}
          />
          <p class="rep-card-actions">
            <a href={newHref}>{t('coPlanOrLogFor', { name: rep.name })}</a>
          </p>
        </div>
      </details>
    </article>
  );
}
