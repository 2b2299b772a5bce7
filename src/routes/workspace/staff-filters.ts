/**
 * The staff filters of a request: the one reader (src/domain/filters.ts) on the URL, the one
 * scope check (a team the reader may not see is a 404, as any record outside a trainer's
 * scope) and what the filter bar needs. Bad values are reported by field; the page answers
 * 422 with the defaults in their place (`filterStatus`).
 */
import type { Context } from 'hono';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import type { StaffT } from '../../lib/i18n/staff';
import { invalid, notFound } from '../../lib/errors';
import { teamScopeOf, type TeamScope } from '../../domain/access';
import {
  periodChoices,
  readFilters,
  teamInScope,
  type FilterError,
  type FilterPeriod,
  type FilterValues,
  type PeriodChoices,
} from '../../domain/filters';
import type { InteractionType } from '../../lib/vocabulary';
import { readAnalysisParams, type AnalysisFilters } from '../../domain/analysis-params';
import { listTeams } from '../../../db/queries/reps';
import { filterErrorMessage, periodLabel } from '../../../views/partials/filter-bar';
import { isoDay } from '../../lib/days';

export interface StaffFilters {
  /** As given: what the filter bar shows. */
  values: FilterValues;
  /** Bad values left out: what links and exports carry on. */
  applied: FilterValues;
  errors: FilterError[];
  period: FilterPeriod;
  type: InteractionType | undefined;
  /** The team chosen, inside the reader's scope; null for all of them. */
  team: { id: number; name: string } | null;
  teams: { id: number; name: string }[];
  scope: TeamScope;
  defaultPeriod: boolean;
  choices: PeriodChoices;
  /** The app's today (YYYY-MM-DD), for a printed page's header. */
  today: string;
  /** A custom range chosen by staff who are not admins: figures guarded against differencing (src/domain/differencing.ts). */
  protectDifferences: boolean;
}

export async function readStaffFilters(
  c: Context<AppEnv>,
  deps: AppDeps,
  user: SessionUser,
  now: number,
  options: {
    /** The page shows figures per team or rep: non-admins choose whole months (src/domain/differencing.ts). */
    guardDifferences?: boolean;
  } = {},
): Promise<StaffFilters> {
  const notAdmin = user.role !== 'admin';
  const read = readFilters(c.req.queries(), now, { wholeMonths: Boolean(options.guardDifferences) && notAdmin });
  const scope = teamScopeOf(user);
  const teams = await listTeams(deps.db.read, scope);
  const team = teamInScope(read.values, teams);
  if (team === 'out-of-scope') throw notFound();
  return {
    values: read.values,
    applied: read.applied,
    errors: read.errors,
    period: read.filters.period,
    type: read.filters.type,
    team: team ?? null,
    teams,
    scope,
    defaultPeriod: read.defaultPeriod,
    choices: periodChoices(now),
    today: isoDay(now),
    protectDifferences: notAdmin && read.filters.period.kind === 'custom',
  };
}

export const filterStatus = (f: StaffFilters): 200 | 422 => (f.errors.length > 0 ? 422 : 200);

/** htmx asked for the results region only (a history restore asks for the whole page). */
export const wantsFragment = (c: Context) =>
  c.req.header('HX-Request') === 'true' && c.req.header('HX-History-Restore-Request') !== 'true';

export const allTeamsLabel = (t: StaffT, user: SessionUser) =>
  user.role === 'trainer' ? t('wsAllMyTeams') : t('wsAllTeams');

/** The filter bar's props from the request's filters: the same choices on every page. */
/** What a printed page says of its filters: team, period, the app's today. */
export const printHeaderOf = (f: StaffFilters, t: StaffT, user: SessionUser) => ({
  team: f.team?.name ?? allTeamsLabel(t, user),
  period: periodLabel(t, f.period),
  date: f.today,
});

export function filterBarProps(
  f: StaffFilters,
  t: StaffT,
  user: SessionUser,
  where: { id: string; action: string; target: string },
) {
  return {
    ...where,
    values: f.values,
    errors: f.errors,
    choices: f.choices,
    teams: f.teams,
    allTeamsLabel: allTeamsLabel(t, user),
    print: printHeaderOf(f, t, user),
  };
}

/** Exports cannot show the defaults in place of a bad value: they answer 422 naming each field. */
export function rejectFilterErrors(f: StaffFilters, t: StaffT): void {
  if (f.errors.length === 0) return;
  const issues = f.errors.map((e) => ({ path: [e.field], message: filterErrorMessage(t, e) }));
  throw invalid(issues, issues.map((issue) => issue.message).join(' '));
}

/** An analysis page's filters: the staff filters and the page's own parameters (CPI, search, sort, page). */
export async function readAnalysisFilters(
  c: Context<AppEnv>,
  deps: AppDeps,
  user: SessionUser,
  now: number,
  options: { guardDifferences?: boolean } = {},
) {
  const staff = await readStaffFilters(c, deps, user, now, options);
  const { problems, ...params } = readAnalysisParams(c.req.query());
  const filters: AnalysisFilters = {
    range: staff.period,
    type: staff.type,
    team: staff.team?.id,
    values: staff.applied,
    ...params,
  };
  const status: 200 | 422 = staff.errors.length + problems.length > 0 ? 422 : 200;
  return { staff, filters, problems, status };
}
