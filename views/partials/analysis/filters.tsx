/**
 * The filter form of the analysis pages: a real GET form (works without JavaScript) that
 * htmx submits on change, swapping the results region and pushing the URL.
 */
import type { StaffKey, StaffT } from '../../../src/lib/i18n/staff';
import {
  CONTENT_SORTS,
  PERIOD_PRESETS,
  type AnalysisFilters,
  type ContentSort,
  type FilterProblem,
  type PeriodPreset,
  type ProblemCode,
} from '../../../src/domain/analysis-filters';
import { isoDay } from '../../../src/lib/days';
import { INTERACTION_TYPES } from '../../../src/lib/vocabulary';
import { interactionTypeLabel } from '../../components/labels';

export interface FilterFormProps {
  t: StaffT;
  id: string;
  action: string;
  /** Id of the region htmx replaces. */
  target: string;
  filters: AnalysisFilters;
  type?: boolean;
  teams?: { id: number; name: string }[];
  search?: boolean;
  sort?: boolean;
  /** Values kept from other forms on the page (e.g. the chosen CPI of a chart). */
  hidden?: { name: string; value: string; id?: string }[];
}

const PRESET_LABELS: Record<PeriodPreset, StaffKey> = {
  '3m': 'anPeriod3m',
  '6m': 'anPeriod6m',
  '12m': 'anPeriod12m',
  '24m': 'anPeriod24m',
};
const SORT_LABELS: Record<ContentSort, StaffKey> = {
  useful: 'anSortUseful',
  shared: 'anSortShared',
  title: 'anSortTitle',
};

export function FilterForm(p: FilterFormProps) {
  const { t, filters: f } = p;
  const fid = (name: string) => `${p.id}-${name}`;
  const custom = f.range.custom;
  return (
    <form
      id={p.id}
      class="filters analysis-filters"
      method="get"
      action={p.action}
      role="search"
      aria-label={t('anFilters')}
      hx-get={p.action}
      hx-target={`#${p.target}`}
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger={`submit, change from:(#${p.id} select)`}
    >
      {p.search && (
        <div class="field search-field">
          <label for={fid('q')}>{t('anSearch')}</label>
          <input
            id={fid('q')}
            type="search"
            name="q"
            value={f.q}
            maxlength={200}
            autocomplete="off"
            aria-describedby={fid('q-hint')}
            hx-get={p.action}
            hx-trigger="input changed delay:300ms, search"
            hx-include="closest form"
          />
          <p class="hint" id={fid('q-hint')}>
            {t('anSearchHint')}
          </p>
        </div>
      )}
      <div class="field">
        <label for={fid('period')}>{t('anPeriod')}</label>
        <select id={fid('period')} name="period">
          {PERIOD_PRESETS.map((preset) => (
            <option value={preset} selected={f.range.preset === preset}>
              {t(PRESET_LABELS[preset])}
            </option>
          ))}
          <option value="custom" selected={custom !== null}>
            {t('anPeriodCustom')}
          </option>
        </select>
      </div>
      <details class="date-range" open={custom !== null}>
        <summary>{t('anCustomRange')}</summary>
        <p class="hint">{t('anCustomRangeHint')}</p>
        <div class="date-fields">
          <div class="field">
            <label for={fid('from')}>{t('anFrom')}</label>
            <input id={fid('from')} type="date" name="from" value={custom?.from ?? ''} />
          </div>
          <div class="field">
            <label for={fid('to')}>{t('anTo')}</label>
            <input id={fid('to')} type="date" name="to" value={custom?.to ?? ''} />
          </div>
        </div>
      </details>
      {p.type && (
        <div class="field">
          <label for={fid('type')}>{t('anType')}</label>
          <select id={fid('type')} name="type">
            <option value="">{t('anAllTypes')}</option>
            {INTERACTION_TYPES.map((type) => (
              <option value={type} selected={f.type === type}>
                {interactionTypeLabel(t, type)}
              </option>
            ))}
          </select>
        </div>
      )}
      {p.teams && (
        <div class="field">
          <label for={fid('team')}>{t('anTeam')}</label>
          <select id={fid('team')} name="team">
            <option value="">{t('anAllTeams')}</option>
            {p.teams.map((team) => (
              <option value={String(team.id)} selected={f.team === team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {p.sort && (
        <div class="field">
          <label for={fid('sort')}>{t('anSort')}</label>
          <select id={fid('sort')} name="sort">
            {CONTENT_SORTS.map((s) => (
              <option value={s} selected={f.sort === s}>
                {t(SORT_LABELS[s])}
              </option>
            ))}
          </select>
        </div>
      )}
      {(p.hidden ?? []).map((h) => (
        <input type="hidden" name={h.name} value={h.value} id={h.id} />
      ))}
      <button type="submit" class="secondary">
        {t('anApply')}
      </button>
    </form>
  );
}

const PROBLEMS: Record<ProblemCode, StaffKey> = {
  invalid: 'anProblemInvalid',
  date: 'anProblemDate',
  'needs-both': 'anProblemNeedsBoth',
  'whole-months': 'anProblemWholeMonths',
  order: 'anProblemOrder',
  'too-long': 'anProblemTooLong',
};

/** Filters the URL got wrong, by field; the defaults were used instead. */
export function FilterProblems({ t, problems }: { t: StaffT; problems: FilterProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div class="flash flash-error" role="alert">
      <p>{t('anProblemsIntro')}</p>
      <ul>
        {problems.map((problem) => (
          <li>
            <code>{problem.field}</code>: {t(PROBLEMS[problem.code])}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** "Jan 2026 – Nov 2026 (to date)" style label of the period, for headings and summaries. */
export function periodText(t: StaffT, f: AnalysisFilters): string {
  const lastDay = f.range.period.to - 1;
  return t('anPeriodText', { from: isoDay(f.range.period.from), to: isoDay(lastDay) });
}
