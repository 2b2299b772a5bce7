/**
 * The lead's team × skill grid: per team and skill, how many of the team's reps have the
 * skill among their three largest gaps (a link to those reps), each column shaded by the
 * skill's org-wide link label; the link figures behind a toggle.
 */
import type { TeamSkillGrid } from '../../../src/domain/home';
import type { LinkResult } from '../../../src/domain/analysis/links';
import type { Fmt } from '../analysis/format';
import { cpiName, tierName } from '../names';

const TIERS_SHOWN = ['finding', 'exploratory', 'no-evidence'] as const;

function gapRepsHref(teamId: number, skill: string): string {
  return `/home/gap-reps?team=${teamId}&skill=${encodeURIComponent(skill)}`;
}

function linkLine(fmt: Fmt, skillName: string, link: LinkResult | null, nameOf: (slug: string) => string): string {
  const { t } = fmt;
  if (!link) return t('hmGridLinkNone', { skill: skillName });
  return t('hmGridLinkLine', {
    skill: skillName,
    cpi: cpiName(t, link.cpi).toLowerCase(),
    tier: tierName(t, link, nameOf),
    estimate: link.estimate === null ? '—' : fmt.effect(link.cpi, link.estimate),
    range:
      link.lower === null || link.upper === null
        ? '—'
        : fmt.range(link.lower, link.upper, (v) => fmt.effect(link.cpi, v)),
    q: fmt.p(link.q),
    n: link.n ?? '—',
  });
}

export function TeamSkillGridView({
  fmt,
  grid,
  assessMore,
}: {
  fmt: Fmt;
  grid: TeamSkillGrid;
  assessMore: number | null;
}) {
  const { t } = fmt;
  const names = new Map(grid.skills.map((s) => [s.slug, s.name]));
  const nameOf = (slug: string) => names.get(slug) ?? slug;
  return (
    <>
      <p class="muted small">{t('hmGridIntro')}</p>
      {assessMore !== null && <p class="notice">{t('hmGridNoModel', { more: assessMore })}</p>}
      <div class="table-wrap" role="region" tabindex={0} aria-labelledby="home-grid-title">
        <table class="home-grid" data-testid="team-skill-grid">
          <thead>
            <tr>
              <th scope="col">{t('hmGridTeam')}</th>
              {grid.skills.map((s) => (
                <th scope="col" class={`tier-${s.link?.tier ?? 'none'}`} data-skill={s.slug}>
                  {s.name}
                  <span class="home-grid-tier">{s.link ? tierName(t, s.link, nameOf) : t('hmGridNoLink')}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.teams.map((team) => (
              <tr data-team={team.name}>
                <th scope="row">
                  {team.name} <span class="muted small">{t('hmGridTeamReps', { reps: team.reps })}</span>
                </th>
                {grid.skills.map((s) => {
                  const count = team.counts[s.slug] ?? 0;
                  const label = t('hmGridCell', { count, reps: team.reps, team: team.name, skill: s.name });
                  return (
                    <td class={`num tier-${s.link?.tier ?? 'none'}`} data-skill={s.slug} data-count={count}>
                      {count > 0 ? (
                        <a href={gapRepsHref(team.id, s.slug)} aria-label={label} title={label}>
                          {count}
                        </a>
                      ) : (
                        <span class="muted" title={label}>
                          0
                        </span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="home-legend small">
        {t('hmGridLegend')}{' '}
        {TIERS_SHOWN.map((tier) => (
          <span class={`home-swatch tier-${tier}`}>{tierName(t, { tier }, nameOf)}</span>
        ))}
      </p>
      <details class="numbers">
        <summary>{t('hmNumbers')}</summary>
        <ul class="home-link-lines small">
          {grid.skills.map((s) => (
            <li>{linkLine(fmt, s.name, s.link, nameOf)}</li>
          ))}
        </ul>
      </details>
    </>
  );
}
