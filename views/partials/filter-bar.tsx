/**
 * The filter bar of every staff page: team, period and interaction type as a plain GET form
 * (works without JavaScript, the values stay in the URL), which htmx submits to the same URL,
 * swapping only the results and pushing the URL. The period offers the same choices on every
 * page (src/domain/filters.ts): the last 3, 6, 12 or 24 months, recent quarters and months,
 * or a custom range. Bad values come back named by field, in the form and above the results.
 */
import type { Child } from 'hono/jsx';
import type { StaffKey, StaffT } from '../../src/lib/i18n/staff';
import {
  DEFAULT_PERIOD,
  type FilterError,
  type FilterField,
  type FilterPeriod,
  type FilterValues,
  type PeriodChoices,
} from '../../src/domain/filters';
import type { ParamProblem } from '../../src/domain/analysis-params';
import { INTERACTION_TYPES } from '../../src/lib/vocabulary';
import { interactionTypeLabel } from '../components/labels';
import { PrintHeader, type PrintHeaderProps } from './print-header';

export interface FilterBarProps {
  t: StaffT;
  /** Prefix of the element ids. */
  id: string;
  action: string;
  /** The results region htmx swaps (a CSS selector). */
  target: string;
  /** `outerHTML` when the answer is the region itself; default: its content. */
  swap?: 'outerHTML';
  /** Apply on every change of a select (else on submit only). */
  live?: boolean;
  values: FilterValues;
  errors: FilterError[];
  choices: PeriodChoices;
  /** The team select, where the page filters by team. */
  teams?: { id: number; name: string }[];
  allTeamsLabel?: string;
  /** The interaction-type select, where the page filters by type. */
  type?: boolean;
  /** Page-specific fields (search, sort, kept values). */
  children?: Child;
  /** What a printed page says instead of the bar (team, period, date). */
  print?: PrintHeaderProps;
}

/** "Last N months", by N (src/domain/filters.ts offers 3, 6, 12 and 24). */
const LAST_LABELS: Record<number, StaffKey> = {
  3: 'anPeriod3m',
  6: 'anPeriod6m',
  12: 'anPeriod12m',
  24: 'anPeriod24m',
};
const lastLabel = (t: StaffT, months: number) => {
  const key = LAST_LABELS[months];
  return key ? t(key) : `${months}m`;
};

/** One message per bad value, naming the field. */
export function filterErrorMessage(t: StaffT, e: FilterError): string {
  const field = e.field === 'from' ? t('wsFrom') : t('wsTo');
  switch (e.code) {
    case 'invalid':
      return e.field === 'type'
        ? t('wsErrType')
        : e.field === 'period'
          ? t('wsErrPeriodFormat')
          : t('wsErrDateFormat', { field });
    case 'date':
      return t('wsErrDateFormat', { field });
    case 'required':
      return t('wsErrCustomRequired', { field });
    case 'order':
      return t('wsErrCustomOrder');
    case 'future':
      return t('wsErrPeriodFuture');
    case 'too-long':
      return t('wsErrCustomTooLong');
    case 'whole-months':
      return t('wsErrWholeMonths', { field });
  }
}

const PARAM_PROBLEMS: Record<ParamProblem['code'], StaffKey> = {
  invalid: 'anProblemInvalid',
  'too-long': 'anProblemTooLong',
};

/**
 * The filters that could not be applied, by field (the page answers 422 and uses the
 * defaults), and a page's own parameters that were wrong.
 */
export function FilterErrors({
  t,
  errors,
  params = [],
}: {
  t: StaffT;
  errors: FilterError[];
  params?: ParamProblem[];
}) {
  if (errors.length === 0 && params.length === 0) return null;
  return (
    <div class="flash flash-error" role="alert" data-testid="filter-errors">
      <p>{t('wsFilterInvalid')}</p>
      <ul>
        {errors.map((e) => (
          <li data-field={e.field}>{filterErrorMessage(t, e)}</li>
        ))}
        {params.map((e) => (
          <li data-field={e.field}>
            <code>{e.field}</code>: {t(PARAM_PROBLEMS[e.code])}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function FilterBar(p: FilterBarProps) {
  const { t } = p;
  const errorOf = (name: FilterField) => p.errors.find((e) => e.field === name);
  const field = (name: FilterField) => ({
    id: `${p.id}-${name}`,
    name,
    'aria-invalid': errorOf(name) ? ('true' as const) : undefined,
    'aria-describedby': errorOf(name)
      ? `${p.id}-${name}-error`
      : name === 'from' || name === 'to'
        ? `${p.id}-custom-hint`
        : undefined,
  });
  const described = (name: FilterField) => {
    const e = errorOf(name);
    return e ? (
      <p class="error" id={`${p.id}-${name}-error`}>
        {filterErrorMessage(t, e)}
      </p>
    ) : null;
  };
  const fieldClass = (name: FilterField) => (errorOf(name) ? 'field has-error' : 'field');
  const c = p.choices;
  const period = p.values.period || DEFAULT_PERIOD;
  const known = [...c.last.map((x) => x.key), ...c.quarters, ...c.months, 'custom'];
  const extra = known.includes(period) ? undefined : period;
  const teamName = p.teams?.find((team) => String(team.id) === p.values.team)?.name;
  const typeName = p.type ? INTERACTION_TYPES.find((type) => type === p.values.type) : undefined;
  const current = [
    shortPeriodLabel(t, c, period, p.values),
    p.teams ? (teamName ?? p.allTeamsLabel ?? t('wsAllTeams')) : undefined,
    typeName ? interactionTypeLabel(t, typeName) : undefined,
  ].filter((part): part is string => Boolean(part));
  return (
    <>
      {p.print && <PrintHeader t={t} {...p.print} />}
      <form
        id={p.id}
        class="filters ws-filters"
        role="search"
        aria-label={t('anFilters')}
        method="get"
        action={p.action}
        hx-get={p.action}
        hx-target={p.target}
        hx-swap={p.swap}
        hx-push-url="true"
        hx-trigger={p.live ? `submit, change from:(#${p.id} select)` : undefined}
        autocomplete="off"
      >
        <details class="filters-fold" open={p.errors.length > 0 ? true : undefined}>
          <summary>
            {t('wsFiltersLabel')} <span class="filters-current">{current.join(' · ')}</span>
          </summary>
          <div class="filters-fold-body">
            {p.teams && (
              <div class={fieldClass('team')}>
                <label for={`${p.id}-team`}>{t('team')}</label>
                <select {...field('team')}>
                  <option value="">{p.allTeamsLabel ?? t('wsAllTeams')}</option>
                  {p.teams.map((team) => (
                    <option value={String(team.id)} selected={String(team.id) === p.values.team}>
                      {team.name}
                    </option>
                  ))}
                </select>
                {described('team')}
              </div>
            )}
            <div class={fieldClass('period')}>
              <label for={`${p.id}-period`}>{t('wsPeriod')}</label>
              <select {...field('period')} data-testid="period-choices">
                {extra && (
                  <option value={extra} selected>
                    {extra}
                  </option>
                )}
                {c.last.map((x) => (
                  <option value={x.key} selected={x.key === period}>
                    {lastLabel(t, x.months)}
                  </option>
                ))}
                <optgroup label={t('wsQuarters')}>
                  {c.quarters.map((q) => (
                    <option value={q} selected={q === period}>
                      {q === c.currentQuarter ? t('wsQuarterToDate', { key: q }) : q}
                    </option>
                  ))}
                </optgroup>
                <optgroup label={t('wsMonths')}>
                  {c.months.map((m) => (
                    <option value={m} selected={m === period}>
                      {m === c.currentMonth ? t('wsMonthToDate', { key: m }) : m}
                    </option>
                  ))}
                </optgroup>
                <option value="custom" selected={period === 'custom'}>
                  {t('wsCustomRange')}
                </option>
              </select>
              {described('period')}
            </div>
            {p.type && (
              <div class={fieldClass('type')}>
                <label for={`${p.id}-type`}>{t('wsInteractionType')}</label>
                <select {...field('type')}>
                  <option value="">{t('wsAllTypes')}</option>
                  {INTERACTION_TYPES.map((type) => (
                    <option value={type} selected={type === p.values.type}>
                      {interactionTypeLabel(t, type)}
                    </option>
                  ))}
                </select>
                {described('type')}
              </div>
            )}
            <fieldset class="ws-custom">
              <legend>{t('wsCustomRange')}</legend>
              <p class="hint" id={`${p.id}-custom-hint`}>
                {t('wsCustomHint')}
              </p>
              <div class="ws-custom-fields">
                <div class={fieldClass('from')}>
                  <label for={`${p.id}-from`}>{t('wsFrom')}</label>
                  <input type="date" value={period === 'custom' ? p.values.from : ''} {...field('from')} />
                  {described('from')}
                </div>
                <div class={fieldClass('to')}>
                  <label for={`${p.id}-to`}>{t('wsTo')}</label>
                  <input type="date" value={period === 'custom' ? p.values.to : ''} {...field('to')} />
                  {described('to')}
                </div>
              </div>
            </fieldset>
            {p.children}
            <div class="ws-filter-actions">
              <button type="submit">{t('wsApply')}</button>
              <a href={p.action}>{t('wsResetFilters')}</a>
            </div>
          </div>
        </details>
      </form>
    </>
  );
}

/** The period as the folded filter bar's summary reads it: "Last 12 months", "2026-Q3", "2026-09-01 – 2026-10-31". */
function shortPeriodLabel(t: StaffT, c: PeriodChoices, period: string, values: FilterValues): string {
  const last = c.last.find((x) => x.key === period);
  if (last) return lastLabel(t, last.months);
  if (period === 'custom') return values.from && values.to ? `${values.from} – ${values.to}` : t('wsCustomRange');
  return period;
}

/** The period as a heading reads it: "2026-Q3", "2026-Q4 to date (through 2026-11-20)", "Last 12 months · 2025-12-01 to 2026-11-20". */
export function periodLabel(t: StaffT, p: FilterPeriod): string {
  if (p.kind === 'custom') return t('wsPeriodCustomLabel', { from: p.fromDate, to: p.lastDate });
  if (p.kind === 'last')
    return `${lastLabel(t, Number.parseInt(p.key, 10))} · ${t('anPeriodText', { from: p.fromDate, to: p.lastDate })}`;
  return p.toDate ? t('wsPeriodToDate', { key: p.key, last: p.lastDate }) : p.key;
}
