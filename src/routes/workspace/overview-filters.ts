/**
 * The filters shared by the overview, the reps heatmap and the CPI export, read from the
 * URL: team (an id among the teams the reader may see — any other value is 404, as for
 * any record outside a trainer's scope), period (quarter, month or custom range; the
 * current quarter to date by default) and interaction type. Bad periods and types are
 * not errors of scope: they come back as messages naming the field (the page answers 422).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import type { StaffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { teamScopeOf, type TeamScope } from '../../domain/access';
import {
  isPeriodProblem,
  parseReportPeriod,
  periodChoices,
  quarterKeyOf,
  monthKeyLabel,
  type PeriodProblem,
  type ReportPeriod,
} from '../../domain/report-period';
import { monthKey } from '../../lib/periods';
import { listTeams } from '../../../db/queries/reps';
import { INTERACTION_TYPES, type InteractionType } from '../../../db/schema';
import type { FilterValues } from '../../../views/partials/workspace/format';
import type { FilterField } from '../../../views/partials/workspace/filter-form';

const param = z
  .string()
  .max(40)
  .optional()
  .transform((v) => (v ?? '').trim());

const querySchema = z.object({ team: param, period: param, from: param, to: param, type: param });

export interface Filters {
  values: FilterValues;
  scope: TeamScope;
  teams: { id: number; name: string }[];
  team: { id: number; name: string } | null;
  types: InteractionType[] | undefined;
  period: ReportPeriod | undefined;
  defaultPeriod: boolean;
  errors: Partial<Record<FilterField, string>>;
  choices: { quarters: string[]; months: string[] };
  currentQuarter: string;
  currentMonth: string;
  /** A custom range chosen by staff who are not admins: figures guarded against differencing (src/domain/differencing.ts). */
  protectDifferences: boolean;
}

function periodMessage(t: StaffT, problem: PeriodProblem): string {
  switch (problem.code) {
    case 'format':
      return problem.field === 'period'
        ? t('wsErrPeriodFormat')
        : t('wsErrDateFormat', { field: problem.field === 'from' ? t('wsFrom') : t('wsTo') });
    case 'future':
      return t('wsErrPeriodFuture');
    case 'order':
      return t('wsErrCustomOrder');
    case 'required':
      return t('wsErrCustomRequired', { field: problem.field === 'from' ? t('wsFrom') : t('wsTo') });
    case 'too-long':
      return t('wsErrCustomTooLong');
    case 'whole-months':
      return t('wsErrWholeMonths', { field: problem.field === 'from' ? t('wsFrom') : t('wsTo') });
  }
}

export async function readFilters(
  c: Context<AppEnv>,
  deps: AppDeps,
  user: SessionUser,
  t: StaffT,
  now: number,
): Promise<Filters> {
  const raw = querySchema.safeParse({
    team: c.req.query('team'),
    period: c.req.query('period'),
    from: c.req.query('from'),
    to: c.req.query('to'),
    type: c.req.query('type'),
  });
  // Only over-long values fail here; they are not a team, period or type anyone can choose.
  if (!raw.success) throw notFound();
  const values = raw.data;
  const scope = teamScopeOf(user);
  const teams = await listTeams(deps.db.read, scope);
  let team: Filters['team'] = null;
  if (values.team !== '') {
    team = teams.find((x) => String(x.id) === values.team) ?? null;
    if (!team) throw notFound();
  }
  const errors: Filters['errors'] = {};
  let types: InteractionType[] | undefined;
  if (values.type !== '') {
    const type = INTERACTION_TYPES.find((x) => x === values.type);
    if (type) types = [type];
    else errors.type = t('wsErrType');
  }
  const notAdmin = user.role !== 'admin';
  const parsed = parseReportPeriod(values, now, { wholeMonths: notAdmin });
  let period: ReportPeriod | undefined;
  if (isPeriodProblem(parsed)) errors[parsed.field] = periodMessage(t, parsed);
  else period = parsed;
  return {
    values,
    scope,
    teams,
    team,
    types,
    period,
    defaultPeriod: values.period === '',
    errors,
    choices: periodChoices(now),
    currentQuarter: quarterKeyOf(now),
    currentMonth: monthKeyLabel(monthKey(now)),
    protectDifferences: notAdmin && period?.kind === 'custom',
  };
}

export const hasFilterErrors = (f: Filters) => Object.keys(f.errors).length > 0 || f.period === undefined;

/** htmx asked for the results region only (a history restore asks for the whole page). */
export const wantsFragment = (c: Context) =>
  c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';

export const allTeamsLabel = (t: StaffT, user: SessionUser) =>
  user.role === 'trainer' ? t('wsAllMyTeams') : t('wsAllTeams');

/** The props of the shared filter form (overview and heatmap): the filter state from the URL. */
export function filterFormProps(
  filters: Filters,
  t: StaffT,
  user: SessionUser,
  where: { id: string; action: string; target: string },
) {
  return {
    ...where,
    values: filters.values,
    teams: filters.teams,
    allTeamsLabel: allTeamsLabel(t, user),
    choices: filters.choices,
    currentQuarter: filters.currentQuarter,
    currentMonth: filters.currentMonth,
    errors: filters.errors,
  };
}
