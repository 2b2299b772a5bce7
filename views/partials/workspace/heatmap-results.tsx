import type { FilterPeriod } from '../../../src/domain/filters';
import { HeatmapTable, type HeatmapTableProps } from './heatmap-table';
import { periodLabel } from '../filter-bar';

export interface HeatmapResultsProps extends HeatmapTableProps {
  scopeLabel: string;
  typeLabel: string;
  period: FilterPeriod;
  exportHref: string;
  /** The rate model fully pooled every rep (no detectable differences between reps). */
  pooled: boolean;
}

/** The part of the heatmap the filters and sort links change (an htmx fragment, or inside the page). */
export function HeatmapResults(p: HeatmapResultsProps) {
  const { t } = p;
  return (
    <>
      <h2 id="reps-heading" class="ws-results-heading">
        {t('wsResultsHeading', { scope: p.scopeLabel, period: periodLabel(t, p.period), type: p.typeLabel })}
      </h2>
      <ul class="ws-notes">
        <li>{t('wsHeatmapHowTo', { min: p.minResponses })}</li>
        {p.pooled && <li>{t('wsHeatmapPooled')}</li>}
        {p.period.kind === 'custom' && p.period.shorterThanMonth && (
          <li class="ws-note-warn">{t('wsCustomShortNote', { days: p.period.days })}</li>
        )}
      </ul>
      <ul class="ws-legend" aria-label={t('wsLegend')}>
        <li>
          <span class="heat-swatch heat-better" aria-hidden="true">
            ▲
          </span>{' '}
          {t('wsHeatBetter')}
        </li>
        <li>
          <span class="heat-swatch heat-similar" aria-hidden="true"></span> {t('wsHeatSimilar')}
        </li>
        <li>
          <span class="heat-swatch heat-worse" aria-hidden="true">
            ▼
          </span>{' '}
          {t('wsHeatWorse')}
        </li>
        <li>
          <span class="heat-swatch heat-suppressed" aria-hidden="true"></span> {t('notEnoughResponses')}
        </li>
      </ul>
      <HeatmapTable {...p} />
      <p class="ws-exports">
        {t('wsDownload')} <a href={p.exportHref}>{t('wsCsvByRep')}</a>
      </p>
    </>
  );
}
