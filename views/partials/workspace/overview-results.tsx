import type { StaffT } from '../../../src/lib/i18n/staff';
import type { OverviewData } from '../../../src/domain/workspace-overview';
import type { ReportPeriod } from '../../../src/domain/report-period';
import { CpiTileView } from './cpi-tile';
import { TrendFigures } from './trend-figures';
import { TeamTable } from './team-table';
import { periodLabel, type Formats } from './format';

export interface OverviewResultsProps {
  t: StaffT;
  f: Formats;
  /** The team shown ("Iberia"), or all teams the reader may see. */
  scopeLabel: string;
  totalLabel: string;
  typeLabel: string;
  period: ReportPeriod;
  /** The period came from the default (no `period` in the URL). */
  defaultPeriod: boolean;
  data: OverviewData;
  teamHref: (name: string) => string | undefined;
  exportHref: (groupBy: 'team' | 'rep') => string;
  canEditTargets: boolean;
}

/** The part of the overview the filters change: served alone to htmx, inside the page otherwise. */
export function OverviewResults(p: OverviewResultsProps) {
  const { t, f, data } = p;
  const min = data.settings.minResponses;
  return (
    <>
      <h2 id="overview-heading" class="ws-results-heading" tabindex={-1}>
        {t('wsResultsHeading', { scope: p.scopeLabel, period: periodLabel(t, p.period), type: p.typeLabel })}
      </h2>
      <ul class="ws-notes">
        {p.defaultPeriod && <li>{t('wsDefaultPeriodNote')}</li>}
        {p.period.kind === 'custom' && (
          <li class={p.period.shorterThanMonth ? 'ws-note-warn' : undefined}>
            {p.period.shorterThanMonth ? t('wsCustomShortNote', { days: p.period.days }) : t('wsCustomNote', { days: p.period.days })}
          </li>
        )}
        {p.period.toDate && p.period.kind !== 'custom' && <li>{t('wsToDateNote')}</li>}
        <li>{t('wsIntervalsNote', { min })}</li>
      </ul>
      <div class="tiles ws-tiles">
        {data.tiles.map((tile) => (
          <CpiTileView t={t} f={f} tile={tile} group={data.current} minResponses={min} />
        ))}
      </div>
      <p class="ws-target-link">
        <a href="/targets">{p.canEditTargets ? t('wsEditTargets') : t('wsViewTargets')}</a>
      </p>
      <h2>{t('wsTrendsTitle')}</h2>
      <TrendFigures t={t} f={f} series={data.series} tiles={data.tiles} minResponses={min} />
      <h2>{t('wsByTeamTitle')}</h2>
      <p class="hint">{t('wsByTeamIntro')}</p>
      <TeamTable t={t} f={f} rows={data.teams} total={data.total} totalLabel={p.totalLabel} teamHref={p.teamHref} />
      <p class="ws-exports">
        {t('wsDownload')} <a href={p.exportHref('team')}>{t('wsCsvByTeam')}</a> · <a href={p.exportHref('rep')}>{t('wsCsvByRep')}</a>
      </p>
    </>
  );
}
