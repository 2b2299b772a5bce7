import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CoachingPlan } from '../../../src/domain/coaching';
import type { SessionFormValues } from '../../../src/domain/coaching-sessions';
import { RepCard } from './rep-card';
import { SessionForm, type SessionFormRep } from './session-form';

export interface PlanRegionProps {
  t: StaffT;
  locale: string;
  plan: CoachingPlan;
  formReps: SessionFormRep[];
  skills: { slug: string; name: string }[];
  formValues: SessionFormValues;
  /** The plan's own URL with its filters: where posts come back to without JavaScript. */
  back: string;
  exportPlanHref: string;
  exportResponsesHref: string;
  /** What a post without JavaScript did, shown after it redirected here. */
  flash?: string | undefined;
}

/** The part of /coaching that filters replace: ranked reps, the session form and the export links. */
export function PlanRegion(p: PlanRegionProps) {
  const { t, plan } = p;
  let rank = 0;
  return (
    <div id="coaching-plan" class="coaching-plan">
      {p.flash && (
        <p class="flash flash-ok" role="status">
          {p.flash}
        </p>
      )}
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
        <section class="ranked" aria-labelledby="ranked-title">
          <h2 id="ranked-title">{t('coRankedTitle')}</h2>
          <p class="muted">{t('coRepsAnalysed', { n: plan.repsAnalysed, min: plan.minResponses })}</p>
          {plan.reps.length === 0 ? (
            <p>{t('coNoReps')}</p>
          ) : (
            <ol class="plain rep-cards">
              {plan.reps.map((rep) => (
                <li>
                  <RepCard t={t} locale={p.locale} rep={rep} rank={rep.status === 'gap' ? ++rank : null} minComments={plan.minComments} back={p.back} />
                </li>
              ))}
            </ol>
          )}
        </section>
        <aside class="session-aside" aria-labelledby="session-form-title">
          <h2 id="session-form-title">{t('coFormTitle')}</h2>
          <SessionForm t={t} reps={p.formReps} skills={p.skills} values={p.formValues} enhanced back={p.back} />
        </aside>
      </div>
    </div>
  );
}
