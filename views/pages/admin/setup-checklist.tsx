import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SetupChecklist as Checklist, SetupStep } from '../../../src/domain/setup-checklist';

const stateOf = (step: SetupStep) => (step.done ? 'done' : step.partial ? 'partial' : 'todo');
const stateLabel = (t: StaffT, step: SetupStep) =>
  step.done ? t('setupStepDone') : step.partial ? t('setupStepPartial') : t('setupStepTodo');

/** The six setup steps in order, each with its state in words (not colour alone) and a link to its page. */
export function SetupSteps({ t, checklist }: { t: StaffT; checklist: Checklist }) {
  return (
    <>
      <p class="setup-progress" data-testid="setup-progress">
        {t('setupProgress', { done: checklist.doneCount, total: checklist.steps.length })}
      </p>
      <ol class="setup-steps">
        {checklist.steps.map((step) => (
          <li class={`setup-step setup-${stateOf(step)}`} data-step={step.key} data-state={stateOf(step)}>
            <span class="setup-mark" aria-hidden="true">
              {step.done ? '✓' : ''}
            </span>
            <div class="setup-body">
              <a href={step.href} class="setup-link">
                {t(`setupStep_${step.key}`)}
              </a>{' '}
              <span class="setup-state">({stateLabel(t, step)})</span>
              <p class="hint">{t(`setupStepHint_${step.key}`)}</p>
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

/** On the overview while setup is not done: the steps, with a link to the full checklist. */
export function SetupBanner({ t, checklist }: { t: StaffT; checklist: Checklist }) {
  return (
    <section class="card setup-banner" aria-labelledby="setup-banner-title" data-testid="setup-banner">
      <h2 id="setup-banner-title">{t('setupBannerTitle')}</h2>
      <SetupSteps t={t} checklist={checklist} />
      <p>
        <a href="/admin/setup">{t('setupBannerLink')}</a>
      </p>
    </section>
  );
}

/** Instead of five empty tiles and blank charts: what is missing and what to do next. */
export function EmptyOverview({ t, isAdmin }: { t: StaffT; isAdmin: boolean }) {
  return (
    <section class="card empty-state" data-testid="overview-empty">
      <h2>{t('emptyOverviewTitle')}</h2>
      <p>{t('emptyOverviewBody')}</p>
      <p>{isAdmin ? <a href="/admin/setup">{t('emptyOverviewAdmin')}</a> : t('emptyOverviewStaff')}</p>
    </section>
  );
}
