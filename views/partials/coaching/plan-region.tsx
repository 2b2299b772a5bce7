import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CoachingPlan } from '../../../src/domain/coaching';
import type { SessionFormValues } from '../../../src/domain/coaching-sessions';
import { formatter, type Fmt } from '../analysis/format';
import { ComputedNote, ComputingRegion, type AnalysisStamp } from '../analysis/analysis-status';
import { RepCard } from './rep-card';
import { Agenda } from './agenda';
import { SessionForm, type SessionFormRep } from './session-form';
import type { FilterError, FilterPeriod } from '../../../src/domain/filters';
import { FilterErrors, periodLabel } from '../filter-bar';

export interface PlanRegionProps {
  t: StaffT;
  locale: string;
  plan: CoachingPlan;
  /** When the link analysis behind the ranking was computed; null while it is. */
  stamp: AnalysisStamp | null;
  formReps: SessionFormRep[];
  skills: { slug: string; name: string }[];
  formValues: SessionFormValues;
  /** The plan's own URL with its filters: where posts come back to without JavaScript. */
  back: string;
  /** This request's URL: what the ranking asks again while the analysis is computed. */
  selfHref: string;
  exportPlanHref: string;
  exportResponsesHref: string;
  /** What a post without JavaScript did, shown after it redirected here. */
  flash?: string | undefined;
  /** Filters in the URL that could not be applied (the defaults are used). */
  errors: FilterError[];
  /** The staff filters' period the plan covers. */
  period: FilterPeriod;
  /** Now: a session planned for a later day asks, when marked done, the day it took place. */
  now?: number;
  /** The rep whose row opens at once (the one a post without JavaScript came back to). */
  openRepId?: number | undefined;
}

export type PlanRankingProps = Pick<
  PlanRegionProps,
  't' | 'locale' | 'plan' | 'stamp' | 'back' | 'selfHref' | 'now' | 'openRepId'
>;

/** The ranked reps: a region of its own (HX-Target "plan-ranking") that asks again while the analysis is being computed. */
export function PlanRanking({ t, locale, plan, stamp, back, selfHref, now, openRepId }: PlanRankingProps) {
  const fmt: Fmt = formatter(t, locale);
  const heading = <h2 id="ranked-title">{t('coRankedTitle')}</h2>;
  let rank = 0;
  const cards =
    plan.reps.length === 0 ? (
      <p>{t('coNoReps')}</p>
    ) : (
      <ol class="plain rep-cards">
        {plan.reps.map((rep) => (
          <li>
            <RepCard
              t={t}
              fmt={fmt}
              locale={locale}
              rep={rep}
              rank={rep.status === 'gap' ? ++rank : null}
              minComments={plan.minComments}
              back={back}
              now={now}
              open={rep.repId === openRepId}
            />
          </li>
        ))}
      </ol>
    );
  // While the analysis is computed: the reps unranked, with their sessions, and the region asks again.
  if (plan.computing || !stamp) {
    return (
      <ComputingRegion
        fmt={fmt}
        id="plan-ranking"
        tag="section"
        class="ranked"
        labelledBy="ranked-title"
        href={selfHref}
      >
        {heading}
        {cards}
      </ComputingRegion>
    );
  }
  return (
    <section id="plan-ranking" class="ranked" aria-labelledby="ranked-title">
      {heading}
      <ComputedNote fmt={fmt} stamp={stamp} href={selfHref} />
      <p class="muted">{t('coRepsAnalysed', { n: plan.repsAnalysed })}</p>
      <p class="muted">{t('coLinkMeaningOnce')}</p>
      {plan.assessMore !== null && <p class="notice">{t('coNoModel', { more: plan.assessMore })}</p>}
      {cards}
    </section>
  );
}

/** The part of /coaching that filters replace: ranked reps, the session form and the export links. */
export function PlanRegion(p: PlanRegionProps) {
  const { t } = p;
  return (
    <div id="coaching-plan" class="coaching-plan">
      <FilterErrors t={t} errors={p.errors} />
      <p class="muted" data-testid="period-note">
        {periodLabel(t, p.period)}
      </p>
      {p.flash && (
        <p class="flash flash-ok" role="status">
          {p.flash}
        </p>
      )}
      <Agenda t={t} weeks={p.plan.agenda} />
      <ul class="toolbar plain">
        <li>
          <a href="#session-form">{t('coJumpToForm')}</a>
        </li>
        <li>
          <a href={p.exportPlanHref} download>
            {t('coExportPlan')}
          </a>
        </li>
        <li>
          <a href={p.exportResponsesHref} download>
            {t('coExportResponses')}
          </a>
        </li>
      </ul>
      <div class="coaching-layout">
        <PlanRanking
          t={t}
          locale={p.locale}
          plan={p.plan}
          stamp={p.stamp}
          back={p.back}
          selfHref={p.selfHref}
          now={p.now}
          openRepId={p.openRepId}
        />
        <aside class="session-aside" aria-labelledby="session-form-title">
          <h2 id="session-form-title">{t('coFormTitle')}</h2>
          <SessionForm t={t} reps={p.formReps} skills={p.skills} values={p.formValues} enhanced back={p.back} />
        </aside>
      </div>
    </div>
  );
}
