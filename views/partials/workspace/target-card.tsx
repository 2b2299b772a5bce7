import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CpiKey } from '../../../db/schema';
import { targetUnit, type TargetErrorCode } from '../../../src/domain/target-input';
import { cpiLabel } from './labels';
import { dayRange, type Formats } from './format';
import { unitOf } from '../format';

export type TargetField = 'target' | 'baselineFrom' | 'baselineTo';

export interface TargetCardProps {
  t: StaffT;
  f: Formats;
  cpi: CpiKey;
  /** Null: the org-wide row. */
  teamId: number | null;
  saved: { target: number | null; baselineFrom: number | null; baselineTo: number | null } | undefined;
  /** For a team: the org-wide row the team falls back to when it has none. */
  fallback?: { target: number | null } | undefined;
  /** What the form shows: the saved values, or what was typed when it came back with errors. */
  values: Record<TargetField, string>;
  errors: Partial<Record<TargetField, TargetErrorCode>>;
  canEdit: boolean;
  flash?: 'saved' | 'deleted' | undefined;
}

function targetErrorText(t: StaffT, field: TargetField, code: TargetErrorCode): string {
  const label =
    field === 'target' ? t('wsTargetField') : field === 'baselineFrom' ? t('wsBaselineFrom') : t('wsBaselineTo');
  switch (code) {
    case 'targetNumber':
      return t('wsErrTargetNumber', { field: label });
    case 'targetPercent':
      return t('wsErrTargetPercent', { field: label });
    case 'targetMean':
      return t('wsErrTargetMean', { field: label });
    case 'targetHours':
      return t('wsErrTargetHours', { field: label });
    case 'targetOrBaseline':
      return t('wsErrTargetOrBaseline', { field: label });
    case 'dateFormat':
      return t('wsErrDateFormat', { field: label });
    case 'baselineBoth':
      return t('wsErrBaselineBoth', { field: label });
    case 'baselineOrder':
      return t('wsErrBaselineOrder', { field: label });
    case 'baselinePast':
      return t('wsErrBaselinePast', { field: label });
  }
}

function unitHint(t: StaffT, cpi: CpiKey): string {
  const unit = targetUnit(cpi);
  return unit === 'percent' ? t('wsUnitPercent') : unit === 'mean' ? t('wsUnitMean') : t('wsUnitHours');
}

/** One CPI's target and baseline for one scope: what is saved, and (for leads and admins) the form to change it. */
export function TargetCard(p: TargetCardProps) {
  const { t, f, cpi } = p;
  const id = `target-${cpi}`;
  const unit = unitOf(cpi);
  const field = (name: TargetField) => `${id}-${name}`;
  const describedBy = (name: TargetField, hint?: string) =>
    [hint, p.errors[name] ? `${field(name)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const Input = ({
    name,
    label,
    type,
    hint,
  }: {
    name: TargetField;
    label: string;
    type: 'text' | 'date';
    hint?: string;
  }) => (
    <div class={p.errors[name] ? 'field has-error' : 'field'}>
      <label for={field(name)}>{label}</label>
      {hint && (
        <p class="hint" id={`${field(name)}-hint`}>
          {hint}
        </p>
      )}
      <input
        id={field(name)}
        name={name}
        type={type}
        value={p.values[name]}
        inputmode={type === 'text' ? 'decimal' : undefined}
        aria-invalid={p.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(name, hint ? `${field(name)}-hint` : undefined)}
      />
      {p.errors[name] && (
        <p class="error" id={`${field(name)}-error`}>
          {targetErrorText(t, name, p.errors[name])}
        </p>
      )}
    </div>
  );
  const errorCount = Object.keys(p.errors).length;
  return (
    <section class="card ws-target-card" id={id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{cpiLabel(t, cpi)}</h3>
      {p.flash && (
        <p class="flash flash-ok" role="status">
          {p.flash === 'saved' ? t('wsTargetSaved') : t('wsTargetDeleted')}
        </p>
      )}
      {errorCount > 0 && (
        <p class="flash flash-error" role="alert">
          {t('wsTargetNotSaved')}
        </p>
      )}
      <dl class="facts">
        <dt>{t('wsTarget')}</dt>
        <dd>
          {p.saved?.target !== null && p.saved?.target !== undefined ? (
            f.value(unit, p.saved.target)
          ) : p.fallback?.target !== null && p.fallback?.target !== undefined ? (
            <span class="muted">{t('wsFallsBackToOrg', { value: f.value(unit, p.fallback.target) })}</span>
          ) : (
            <span class="muted">{t('wsNotSet')}</span>
          )}
        </dd>
        <dt>{t('wsBaselinePeriod')}</dt>
        <dd>
          {p.saved?.baselineFrom !== null && p.saved?.baselineFrom !== undefined && p.saved.baselineTo !== null ? (
            dayRange(p.saved.baselineFrom, p.saved.baselineTo)
          ) : (
            <span class="muted">{t('wsNotSet')}</span>
          )}
        </dd>
      </dl>
      {p.canEdit && (
        <form
          method="post"
          action="/targets"
          class="stack ws-target-form"
          hx-post="/targets"
          hx-target={`#${id}`}
          hx-swap="outerHTML"
          novalidate
        >
          <input type="hidden" name="cpi" value={cpi} />
          <input type="hidden" name="team" value={p.teamId === null ? '' : String(p.teamId)} />
          <Input name="target" label={t('wsTargetField')} type="text" hint={unitHint(t, cpi)} />
          <div class="field-row">
            <Input name="baselineFrom" label={t('wsBaselineFrom')} type="date" />
            <Input name="baselineTo" label={t('wsBaselineTo')} type="date" />
          </div>
          <div class="toolbar">
            <button type="submit" name="action" value="save">
              {t('save')}
            </button>
            {p.saved && (
              <button type="submit" name="action" value="delete" class="secondary">
                {t('wsRemoveTarget')}
              </button>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
