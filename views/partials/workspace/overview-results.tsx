import type { StaffT } from '../../../src/lib/i18n/staff';
import type { OverviewData } from '../../../src/domain/workspace-overview';
import type { FilterPeriod } from '../../../src/domain/filters';
import { CpiTileView } from './cpi-tile';
import { TrendFigures } from './trend-figures';
import { TeamTable } from './team-table';
import type { Formats } from './format';
import { periodLabel } from '../filter-bar';

export interface OverviewResultsProps {
  t: StaffT;
  f: Formats;
  /** The team shown ("Iberia"), or all teams the reader may see. */
  scopeLabel: string;
  totalLabel: string;
  typeLabel: string;
  period: FilterPeriod;
  /** The period came from the default (no `period` in the URL). */
  defaultPeriod: boolean;
  data: OverviewData;
  teamHref: (name: string) => string | undefined;
  exportHref: (groupBy: 'team' | 'rep') => string;
  canEditTargets: boolean;
  /** Where the trend charts come from when they are not in `data` (loaded after the page). */
  trendsHref: { fragment: string; page: string };
}

/** The 12-month trends: inline when computed, else loaded right after the page by htmx (a plain link without JavaScript). */
export function TrendsSection({
  t,
  f,
  data,
  trendsHref,
}: Pick<OverviewResultsProps, 't' | 'f' | 'data' | 'trendsHref'>) {
  return (
    <section
      id="overview-trends"
      aria-labelledby="overview-trends-heading"
      hx-get={data.series ? undefined : trendsHref.fragment}
      hx-trigger={data.series ? undefined : 'load'}
      hx-swap="outerHTML"
    >
      <h2 id="overview-trends-heading">{t('wsTrendsTitle')}</h2>
      {data.series ? (
        <TrendFigures t={t} f={f} series={data.series} tiles={data.tiles} minResponses={data.settings.minResponses} />
      ) : (
        <p>
          <a href={trendsHref.page}>{t('wsShowTrends')}</a>
        </p>
      )}
    </section>
  );
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
            {p.period.shorterThanMonth
              ? t('wsCustomShortNote', { days: p.period.days })
              : t('wsCustomNote', { days: p.period.days })}
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
      <TrendsSection t={t} f={f} data={data} trendsHref={p.trendsHref} />
      <h2>{t('wsByTeamTitle')}</h2>
      <p class="hint">{t('wsByTeamIntro')}</p>
      <TeamTable t={t} f={f} rows={data.teams} total={data.total} totalLabel={p.totalLabel} teamHref={p.teamHref} />
      <p class="ws-exports">
        {t('wsDownload')} <a href={p.exportHref('team')}>{t('wsCsvByTeam')}</a> ·{' '}
        <a href={p.exportHref('rep')}>{t('wsCsvByRep')}</a>
      </p>
    </>
  );
}
