import type { StaffT } from '../../../src/lib/i18n/staff';
import { PLAN_MONTHS, type PlanMonths } from '../../../src/domain/coaching';

/** The coaching area's two views. */
export function CoachingNav({ t, current }: { t: StaffT; current: '/coaching' | '/coaching/follow-up' }) {
  const links = [
    ['/coaching', t('coPlanTitle')],
    ['/coaching/follow-up', t('coFollowUpTitle')],
  ] as const;
  return (
    <nav aria-label={t('navCoaching')} class="subnav">
      <ul>
        {links.map(([href, label]) => (
          <li>
            <a href={href} aria-current={href === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export interface CoachingFiltersProps {
  t: StaffT;
  action: '/coaching' | '/coaching/follow-up';
  /** The region the htmx answer replaces. */
  target: string;
  teams: { id: number; name: string }[];
  teamId: number | undefined;
  /** Shown on the plan only. */
  months?: PlanMonths | undefined;
}

/**
 * Filters in the URL: a GET form that works as is; htmx fetches only the region, on change
 * or submit, and pushes the URL so back and forward restore the view.
 */
export function CoachingFilters({ t, action, target, teams, teamId, months }: CoachingFiltersProps) {
  return (
    <form
      method="get"
      action={action}
      class="filters"
      hx-get={action}
      hx-target={target}
      hx-swap="outerHTML"
      hx-push-url="true"
      hx-trigger="change, submit"
    >
      <div class="field">
        <label for="filter-team">{t('coFilterTeam')}</label>
        <select id="filter-team" name="team">
          <option value="">{t('coAllTeams')}</option>
          {teams.map((team) => (
            <option value={String(team.id)} selected={team.id === teamId}>
              {team.name}
            </option>
          ))}
        </select>
      </div>
      {months !== undefined && (
        <div class="field">
          <label for="filter-months">{t('coFilterMonths')}</label>
          <select id="filter-months" name="months">
            {PLAN_MONTHS.map((m) => (
              <option value={String(m)} selected={m === months}>
                {t('coMonthsOption', { months: m })}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="submit" class="secondary">
        {t('coApply')}
      </button>
    </form>
  );
}
