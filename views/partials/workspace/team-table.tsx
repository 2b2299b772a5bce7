import type { StaffT } from '../../../src/lib/i18n/staff';
import type { CpiGroup } from '../../../src/domain/cpis';
import { readCpi } from '../../../src/domain/baselines';
import { TEAM_COLUMNS, type TeamColumn, type TeamRow } from '../../../src/domain/workspace-overview';
import { cpiShortLabel } from './labels';
import type { Formats } from './format';
import { unitOf } from '../format';
import { clusteringShort } from './clustering';

export interface TeamTableProps {
  t: StaffT;
  f: Formats;
  rows: TeamRow[];
  total: CpiGroup | undefined;
  totalLabel: string;
  /** The overview URL filtered to a team (keeping the other filters), by team name; none for "(no team)". */
  teamHref: (name: string) => string | undefined;
}

function Cell({
  t,
  f,
  g,
  column,
  hidden,
}: {
  t: StaffT;
  f: Formats;
  g: CpiGroup;
  column: TeamColumn;
  hidden: boolean;
}) {
  if (hidden)
    return (
      <td class="ws-hidden">
        {t('wsHiddenCell')}
        <sup>*</sup>
      </td>
    );
  if (column === 'responseRate') {
    return g.responseRate === null ? (
      <td class="muted">—</td>
    ) : (
      <td class="num">
        {f.pct(g.responseRate)}
        <span class="ws-sub">{t('wsOfInvited', { invited: f.int(g.invited) })}</span>
      </td>
    );
  }
  const r = readCpi(g, column);
  const unit = unitOf(column);
  if (!r) return <td class="ws-suppressed">{t('notEnoughResponses')}</td>;
  const clustering = clusteringShort(t, f, r);
  return (
    <td class="num">
      {f.value(unit, r.value)}
      <span class="ws-sub">
        {r.lower !== null && r.upper !== null ? `${f.range(unit, r.lower, r.upper)} · ` : ''}
        {t('wsNShort', { n: f.int(r.n) })}
      </span>
      {clustering && <span class="ws-sub">{clustering}</span>}
    </td>
  );
}

function Row({
  t,
  f,
  g,
  name,
  href,
  hidden,
  total,
}: {
  t: StaffT;
  f: Formats;
  g: CpiGroup;
  name: string;
  href?: string | undefined;
  hidden: Set<TeamColumn>;
  total?: boolean;
}) {
  return (
    <tr class={total ? 'ws-total' : undefined}>
      <th scope="row">{href ? <a href={href}>{name}</a> : name}</th>
      <td class="num">{f.int(g.n)}</td>
      {g.suppressed ? (
        <td colspan={TEAM_COLUMNS.length} class="ws-suppressed">
          {t('notEnoughResponses')}
        </td>
      ) : (
        TEAM_COLUMNS.map((column) => <Cell t={t} f={f} g={g} column={column} hidden={hidden.has(column)} />)
      )}
    </tr>
  );
}

/** CPIs by team for the period, with the total; second cells hidden where a suppressed team could be derived. */
export function TeamTable({ t, f, rows, total, totalLabel, teamHref }: TeamTableProps) {
  if (rows.length === 0) return <p class="muted">{t('wsNoTeams')}</p>;
  const anyHidden = rows.some((r) => r.hidden.size > 0);
  return (
    <>
      <div class="table-wrap">
        <table class="ws-teams">
          <caption class="visually-hidden">{t('wsByTeamTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('team')}</th>
              <th scope="col" class="num">
                {t('wsResponses')}
              </th>
              {TEAM_COLUMNS.map((c) => (
                <th scope="col" class="num">
                  {cpiShortLabel(t, c)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row
                t={t}
                f={f}
                g={r.group}
                name={r.group.team ?? t('noTeam')}
                href={r.group.team ? teamHref(r.group.team) : undefined}
                hidden={r.hidden}
              />
            ))}
          </tbody>
          {total && (
            <tfoot>
              <Row t={t} f={f} g={total} name={totalLabel} hidden={new Set()} total />
            </tfoot>
          )}
        </table>
      </div>
      <p class="hint">{t('wsClusterNote')}</p>
      {anyHidden && (
        <p class="hint">
          <sup>*</sup> {t('wsHiddenCellNote')}
        </p>
      )}
    </>
  );
}
