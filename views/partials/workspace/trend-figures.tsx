import type { StaffT } from '../../../src/lib/i18n/staff';
import type { SeriesPoint } from '../../../src/domain/trends';
import type { CpiTile } from '../../../src/domain/workspace-overview';
import { readCpi, type CpiReading } from '../../../src/domain/baselines';
import { Figure } from '../../charts/figure';
import { TrendChart, type TrendPoint } from '../../charts/trend-chart';
import { cpiLabel } from './labels';
import type { Formats } from './format';
import { unitOf } from '../format';

export interface TrendFiguresProps {
  t: StaffT;
  f: Formats;
  series: SeriesPoint[];
  tiles: CpiTile[];
  minResponses: number;
}

/** A trend per CPI over the 12 months through the period: line, interval band, target and baseline lines. */
export function TrendFigures({ t, f, series, tiles, minResponses }: TrendFiguresProps) {
  if (series.length === 0) return <p class="muted">{t('wsNoTrend')}</p>;
  const first = series[0]!.label;
  const last = series[series.length - 1]!.label;
  return (
    <>
      <p class="hint">{t('wsPartialMonthNote')}</p>
      <div class="ws-trends">
        {tiles.map((tile) => {
          const unit = unitOf(tile.cpi);
          const values = series.map((p) => readCpi(p, tile.cpi));
          const points: TrendPoint[] = series.map((p, i) => {
            const v = values[i];
            return {
              label: p.partial ? `${p.label}*` : p.label,
              value: v?.value ?? null,
              lower: v?.lower ?? null,
              upper: v?.upper ?? null,
            };
          });
          let latest: { label: string; v: CpiReading } | undefined;
          series.forEach((p, i) => {
            const v = values[i];
            if (v) latest = { label: p.label, v };
          });
          const target = tile.target?.target ?? null;
          const baseline = tile.baseline?.reading?.value ?? null;
          // The value-added trend follows the mean rating (what its target and baseline compare).
          const name = tile.cpi === 'addedValue' ? t('wsAddedValueMean') : cpiLabel(t, tile.cpi);
          const summary = [
            latest
              ? t('wsTrendLatest', {
                  name,
                  first,
                  last,
                  month: latest.label,
                  value: f.value(unit, latest.v.value),
                  n: f.int(latest.v.n),
                })
              : t('wsTrendNone', { name, first, last }),
            target !== null ? t('wsTrendTarget', { value: f.value(unit, target) }) : '',
            baseline !== null ? t('wsTrendBaseline', { value: f.value(unit, baseline) }) : '',
            t('wsTrendNote', { min: minResponses }),
            unit === 'hours' ? t('wsTrendNoBand') : t('wsTrendBand'),
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <Figure
              id={`trend-${tile.cpi}`}
              title={t('wsTrendTitle', { name })}
              summary={summary}
              tableLabel={t('wsShowData')}
              table={{
                caption: t('wsTrendTitle', { name }),
                head: [t('wsMonth'), unit === 'hours' ? t('wsMedian') : t('wsValue'), t('wsInterval'), t('wsN')],
                rows: series.map((p, i) => {
                  const v = values[i];
                  const month = p.partial ? t('wsMonthPartial', { key: p.label }) : p.label;
                  if (!v) return [month, t('notEnoughResponses'), '—', p.suppressed ? f.int(p.n) : '—'];
                  return [
                    month,
                    f.value(unit, v.value),
                    v.lower !== null && v.upper !== null ? f.range(unit, v.lower, v.upper) : '—',
                    f.int(v.n),
                  ];
                }),
              }}
            >
              <TrendChart
                points={points}
                target={target}
                baseline={baseline}
                format={(v) => f.value(unit, v)}
                label={t('wsTrendTitle', { name })}
                targetLabel={t('wsTarget')}
                baselineLabel={t('wsBaseline')}
              />
            </Figure>
          );
        })}
      </div>
    </>
  );
}
