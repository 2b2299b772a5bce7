import type { StaffT } from '../../../src/lib/i18n/staff';
import type { PlanRep } from '../../../src/domain/coaching';
import { FigureText } from './figure-text';
import { SessionList } from './session-list';
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

function Evidence({ t, fmt, locale, rep }: { t: StaffT; fmt: Fmt; locale: string; rep: PlanRep }) {
  const gap = rep.gap!;
  const cpi = cpiName(t, gap.cpi);
  return (
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
      <dt>{t('coLink')}</dt>
      <dd>
        {rep.link ? (
          <>
            <LinkSummary fmt={fmt} link={rep.link} skillName={(slug) => (slug === gap.skill ? gap.skillName : slug)} />
            <br />
            <span class="muted">{t('coLinkMeaning', { skill: gap.skillName, cpi })}</span>
            <LinkFigures fmt={fmt} link={rep.link} />
          </>
        ) : (
          <span class="muted">{t('coNoLink')}</span>
        )}
      </dd>
    </dl>
  );
}

function Quotes({ t, rep, minComments }: { t: StaffT; rep: PlanRep; minComments: number }) {
  if (rep.quotes === null) return <p class="muted">{t('coQuotesTooFew', { min: minComments, n: rep.n })}</p>;
  if (rep.quotes.length === 0) return <p class="muted">{t('coNoQuotes')}</p>;
  return (
    <ul class="plain quotes">
      {rep.quotes.map((q) => (
        <li>
          <blockquote class="quote">
            <p>{q.comment}</p>
          </blockquote>
          <p class="quote-source">
            {'— '}
            {q.customer
              ? [q.customer.name ?? q.customer.email, q.customer.company].filter(Boolean).join(', ')
              : t('coAnonymousCustomer')}
            {', '}
            <time datetime={isoDay(q.occurredAt)}>{isoDay(q.occurredAt)}</time>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** One rep on the plan: the top gap with its label, the evidence, customer quotes, sessions. */
export function RepCard({ t, fmt, locale, rep, rank, minComments, back }: RepCardProps) {
  const headingId = `rep-${rep.repId}-name`;
  const gap = rep.gap;
  const newHref = `/coaching/sessions/new?rep=${rep.repId}${gap ? `&skill=${encodeURIComponent(gap.skill)}` : ''}`;
  return (
    <article class={`rep-card rep-${rep.status}`} id={`rep-${rep.repId}`} aria-labelledby={headingId}>
      <header class="rep-card-head">
        <h3 id={headingId}>
          {rank !== null && <span class="rank">{rank}.</span>} {rep.name}
        </h3>
        <span class="muted">{rep.team ?? t('noTeam')}</span>
        {gap && <span class={`badge badge-label badge-${gap.label}`}>{gapLabelName(t, gap.label)}</span>}
      </header>
      {gap ? (
        <>
          <p class="gap-line">
            {t('coGapSentence', { skill: gap.skillName, cpi: cpiName(t, gap.cpi) })}{' '}
            <span class="muted">
              {gap.lower !== null && gap.upper !== null
                ? t('coGapScore', {
                    score: decimal(locale, gap.score, 2),
                    lower: decimal(locale, gap.lower, 2),
                    upper: decimal(locale, gap.upper, 2),
                  })
                : t('coGapScoreOnly', { score: decimal(locale, gap.score, 2) })}
            </span>
            {gap.lowConfidence && <span class="badge badge-exploratory"> {t('coLowConfidence')}</span>}
          </p>
          <Evidence t={t} fmt={fmt} locale={locale} rep={rep} />
          <h4>{t('coQuotes')}</h4>
          <Quotes t={t} rep={rep} minComments={minComments} />
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
      <SessionList t={t} repId={rep.repId} repName={rep.name} sessions={rep.sessions} back={back} />
      <p class="rep-card-actions">
        <a href={newHref}>{t('coPlanOrLogFor', { name: rep.name })}</a>
      </p>
    </article>
  );
}
