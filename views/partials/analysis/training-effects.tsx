/**
 * Training effects (difference-in-differences) per skill × kind × CPI. Estimated effects
 * come first; "not enough data" is an answer too, listed with its reason below them.
 */
import type { TrainingEffect } from '../../../src/domain/training-effects';
import { MIN_REPS_PER_ARM, MIN_RESPONSES_PER_WINDOW } from '../../../src/domain/training-effects';
import { cpiName, kindName, type Fmt } from './format';

interface Props {
  fmt: Fmt;
  effects: TrainingEffect[];
  skillNames: Record<string, string>;
}

const windowsText = (fmt: Fmt, e: TrainingEffect) =>
  e.windows ? fmt.t('anWindowText', { before: `${e.windows.before[0]}…${e.windows.before[1]}`, after: `${e.windows.after[0]}…${e.windows.after[1]}` }) : '—';

function EstimatedTable({ fmt, effects, skillNames }: Props) {
  const { t } = fmt;
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={t('anEffectsTitle')}>
      <table class="effects wide" data-testid="training-effects">
        <caption class="visually-hidden">{t('anEffectsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('anSkill')}</th>
            <th scope="col">{t('anKind')}</th>
            <th scope="col">{t('anCpi')}</th>
            <th scope="col" class="num">{t('anEffect')}</th>
            <th scope="col">{t('anInterval95')}</th>
            <th scope="col" class="num">{t('anP')}</th>
            <th scope="col" class="num">{t('anArms')}</th>
            <th scope="col">{t('anWindows')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((e) =>
            e.result.status !== 'ok' ? null : (
              <tr data-skill={e.skill} data-kind={e.kind} data-cpi={e.cpi} data-status="ok">
                <th scope="row">{skillNames[e.skill] ?? e.skill}</th>
                <td>{kindName(t, e.kind)}</td>
                <td>{cpiName(t, e.cpi)}</td>
                <td class="num">{fmt.cpiChange(e.cpi, e.result.effect)}</td>
                <td>{fmt.range(e.result.lower, e.result.upper, (v) => fmt.cpiChange(e.cpi, v))}</td>
                <td class="num">{fmt.p(e.result.p)}</td>
                <td class="num">{t('anArmsValue', { trained: e.result.trained.reps, untrained: e.result.untrained.reps })}</td>
                <td>{windowsText(fmt, e)}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

function NotEnoughTable({ fmt, effects, skillNames }: Props) {
  const { t } = fmt;
  return (
    <div class="table-wrap" role="region" tabindex={0} aria-label={t('anNotEnoughData')}>
      <table class="effects" data-testid="training-effects-missing">
        <caption class="visually-hidden">{t('anEffectsMissing', { count: effects.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('anSkill')}</th>
            <th scope="col">{t('anKind')}</th>
            <th scope="col">{t('anCpi')}</th>
            <th scope="col" class="num">{t('anArms')}</th>
          </tr>
        </thead>
        <tbody>
          {effects.map((e) =>
            e.result.status === 'ok' ? null : (
              <tr data-skill={e.skill} data-kind={e.kind} data-cpi={e.cpi} data-status={e.result.status}>
                <th scope="row">{skillNames[e.skill] ?? e.skill}</th>
                <td>{kindName(t, e.kind)}</td>
                <td>{cpiName(t, e.cpi)}</td>
                <td class="num">{t('anArmsValue', { trained: e.result.trainedReps, untrained: e.result.untrainedReps })}</td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </div>
  );
}

export function TrainingEffects({ fmt, effects, skillNames }: Props) {
  const { t } = fmt;
  if (effects.length === 0) return <p class="muted">{t('anEffectsEmpty')}</p>;
  const estimated = effects.filter((e) => e.result.status === 'ok');
  const missing = effects.filter((e) => e.result.status !== 'ok');
  const clear = estimated.filter((e) => e.result.status === 'ok' && e.result.p <= 0.05);
  return (
    <>
      <p>{t('anEffectsSummary', { estimated: estimated.length, total: effects.length, clear: clear.length })}</p>
      {estimated.length > 0 && <EstimatedTable fmt={fmt} effects={estimated} skillNames={skillNames} />}
      {missing.length > 0 && (
        <>
          <p class="not-enough-note">
            <span class="badge badge-insufficient">{t('anNotEnoughData')}</span> {t('anEffectsMissing', { count: missing.length })}{' '}
            {t('anNotEnoughDataReason', { reps: MIN_REPS_PER_ARM, responses: MIN_RESPONSES_PER_WINDOW })}
          </p>
          <details class="not-enough">
            <summary>{t('anEffectsMissingShow')}</summary>
            <NotEnoughTable fmt={fmt} effects={missing} skillNames={skillNames} />
          </details>
        </>
      )}
      <p class="muted small">{t('anEffectsNote')}</p>
    </>
  );
}
