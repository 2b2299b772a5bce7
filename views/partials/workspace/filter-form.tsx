import type { Child } from 'hono/jsx';
import type { StaffT } from '../../../src/lib/i18n/staff';
import { INTERACTION_TYPES } from '../../../src/lib/vocabulary';
import { interactionTypeLabel } from '../../components/labels';
import type { FilterValues } from './format';

export type FilterField = 'team' | 'period' | 'from' | 'to' | 'type';

export interface FilterFormProps {
  t: StaffT;
  /** Prefix of the element ids (two forms never share a page, but ids stay readable). */
  id: string;
  action: string;
  /** The results region htmx swaps (a CSS selector). */
  target: string;
  values: FilterValues;
  teams: { id: number; name: string }[];
  allTeamsLabel: string;
  choices: { quarters: string[]; months: string[] };
  /** The quarter running now (labelled "to date"). */
  currentQuarter: string;
  currentMonth: string;
  errors: Partial<Record<FilterField, string>>;
  children?: Child;
}

function Described({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/**
 * The filters of a workspace page as a plain GET form (works without JavaScript), which
 * htmx submits to the same URL, swapping only the results and pushing the URL.
 */
export function FilterForm(p: FilterFormProps) {
  const { t } = p;
  const field = (name: FilterField) => ({
    id: `${p.id}-${name}`,
    name,
    'aria-invalid': p.errors[name] ? ('true' as const) : undefined,
    'aria-describedby': p.errors[name]
      ? `${p.id}-${name}-error`
      : name === 'from' || name === 'to'
        ? `${p.id}-custom-hint`
        : undefined,
  });
  const known = [...p.choices.quarters, ...p.choices.months, 'custom'];
  const extra = p.values.period && !known.includes(p.values.period) ? p.values.period : undefined;
  const quarterLabel = (q: string) => (q === p.currentQuarter ? t('wsQuarterToDate', { key: q }) : q);
  const monthLabel = (m: string) => (m === p.currentMonth ? t('wsMonthToDate', { key: m }) : m);
  const period = p.values.period || p.currentQuarter;
  return (
    <form
      id={p.id}
      class="filters ws-filters"
      method="get"
      action={p.action}
      hx-get={p.action}
      hx-target={p.target}
      hx-push-url="true"
      autocomplete="off"
    >
      <div class={p.errors.team ? 'field has-error' : 'field'}>
        <label for={`${p.id}-team`}>{t('team')}</label>
        <select {...field('team')}>
          <option value="">{p.allTeamsLabel}</option>
          {p.teams.map((team) => (
            <option value={String(team.id)} selected={String(team.id) === p.values.team}>
              {team.name}
            </option>
          ))}
        </select>
        <Described id={`${p.id}-team`} error={p.errors.team} />
      </div>
      <div class={p.errors.period ? 'field has-error' : 'field'}>
        <label for={`${p.id}-period`}>{t('wsPeriod')}</label>
        <select {...field('period')}>
          {extra && (
            <option value={extra} selected>
              {extra}
            </option>
          )}
          <optgroup label={t('wsQuarters')}>
            {p.choices.quarters.map((q) => (
              <option value={q} selected={q === period}>
                {quarterLabel(q)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t('wsMonths')}>
            {p.choices.months.map((m) => (
              <option value={m} selected={m === period}>
                {monthLabel(m)}
              </option>
            ))}
          </optgroup>
          <option value="custom" selected={period === 'custom'}>
            {t('wsCustomRange')}
          </option>
        </select>
        <Described id={`${p.id}-period`} error={p.errors.period} />
      </div>
      <div class={p.errors.type ? 'field has-error' : 'field'}>
        <label for={`${p.id}-type`}>{t('wsInteractionType')}</label>
        <select {...field('type')}>
          <option value="">{t('wsAllTypes')}</option>
          {INTERACTION_TYPES.map((type) => (
            <option value={type} selected={type === p.values.type}>
              {interactionTypeLabel(t, type)}
            </option>
          ))}
        </select>
        <Described id={`${p.id}-type`} error={p.errors.type} />
      </div>
      <fieldset class="ws-custom">
        <legend>{t('wsCustomRange')}</legend>
        <p class="hint" id={`${p.id}-custom-hint`}>
          {t('wsCustomHint')}
        </p>
        <div class="ws-custom-fields">
          <div class={p.errors.from ? 'field has-error' : 'field'}>
            <label for={`${p.id}-from`}>{t('wsFrom')}</label>
            <input type="date" value={p.values.from} {...field('from')} />
            <Described id={`${p.id}-from`} error={p.errors.from} />
          </div>
          <div class={p.errors.to ? 'field has-error' : 'field'}>
            <label for={`${p.id}-to`}>{t('wsTo')}</label>
            <input type="date" value={p.values.to} {...field('to')} />
            <Described id={`${p.id}-to`} error={p.errors.to} />
          </div>
        </div>
      </fieldset>
      {p.children}
      <div class="ws-filter-actions">
        <button type="submit">{t('wsApply')}</button>
        <a href={p.action}>{t('wsResetFilters')}</a>
      </div>
    </form>
  );
}
