import { StaffLayout } from '../../layout';
import { FilterTabs } from '../../components/filter-tabs';
import { Time } from '../../components/time';
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SessionUser } from '../../../src/context';
import type { CpiKey } from '../../../db/schema';
import { TargetCard, type TargetCardProps } from '../../partials/workspace/target-card';
import { cpiLabel } from '../../partials/workspace/labels';
import { dayRange, type Formats } from '../../partials/workspace/format';
import { unitOf } from '../../partials/format';

interface TargetListRow {
  cpi: CpiKey;
  team: string | null;
  target: number | null;
  baselineFrom: number | null;
  baselineTo: number | null;
  updatedAt: number;
}

export interface TargetsPageProps {
  t: StaffT;
  f: Formats;
  user: SessionUser;
  teams: { id: number; name: string }[];
  /** The scope being edited: null for org-wide. */
  teamId: number | null;
  cards: Omit<TargetCardProps, 't' | 'f'>[];
  rows: TargetListRow[];
  canEdit: boolean;
}

/** Targets and baselines at `/targets`: per CPI, org-wide and per team. */
export function TargetsPage(p: TargetsPageProps) {
  const { t, f, user } = p;
  const scopeName = p.teamId === null ? t('wsOrgWide') : (p.teams.find((x) => x.id === p.teamId)?.name ?? '');
  return (
    <StaffLayout title={t('wsTargetsTitle')} t={t} lang={user.locale} user={user} currentPath="/targets">
      <h1>{t('wsTargetsTitle')}</h1>
      <p class="ws-intro">{t('wsTargetsIntro')}</p>
      {!p.canEdit && <p class="flash flash-info">{t('wsTargetsReadOnly')}</p>}
      <FilterTabs
        label={t('wsTargetScope')}
        tabs={[
          { href: '/targets', label: t('wsOrgWide'), current: p.teamId === null },
          ...p.teams.map((team) => ({
            href: `/targets?team=${team.id}`,
            label: team.name,
            current: p.teamId === team.id,
          })),
        ]}
      />
      <h2>{t('wsTargetsFor', { scope: scopeName })}</h2>
      {p.teamId !== null && <p class="hint">{t('wsTeamTargetsHint')}</p>}
      <div class="grid-2 ws-target-cards">
        {p.cards.map((card) => (
          <TargetCard t={t} f={f} {...card} />
        ))}
      </div>
      <h2>{t('wsAllTargets')}</h2>
      {p.rows.length === 0 ? (
        <p class="muted">{t('wsNoTargets')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('wsAllTargets')}>
          <table>
            <caption class="visually-hidden">{t('wsAllTargets')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wsTargetScope')}</th>
                <th scope="col">{t('wsCpi')}</th>
                <th scope="col" class="num">
                  {t('wsTarget')}
                </th>
                <th scope="col">{t('wsBaselinePeriod')}</th>
                <th scope="col">{t('wsUpdated')}</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">{r.team ?? t('wsOrgWide')}</th>
                  <td>{cpiLabel(t, r.cpi)}</td>
                  <td class="num">{r.target === null ? '—' : f.value(unitOf(r.cpi), r.target)}</td>
                  <td>
                    {r.baselineFrom !== null && r.baselineTo !== null ? dayRange(r.baselineFrom, r.baselineTo) : '—'}
                  </td>
                  <td>
                    <Time ms={r.updatedAt} withTime={false} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </StaffLayout>
  );
}
