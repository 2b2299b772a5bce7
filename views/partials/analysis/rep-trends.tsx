/** The rep's CPIs over the period and one trend chart per CPI, with the training timeline as markers. */
import { Figure } from '../../charts/figure';
import { TrendChart, type TrendMarker, type TrendPoint } from '../../charts/trend-chart';
import { CPI_KEYS, type CpiKey } from '../../../src/stats';
import type { CpiGroup } from '../../../src/domain/cpis';
import type { RepSeriesPoint, TargetLine } from '../../../src/domain/rep-profile';
import type { TimelineEvent } from '../../../db/queries/analysis-rep';
import { monthKey } from '../../../src/lib/periods';
import { kindName, type Fmt } from './format';
import { cpiName } from '../names';

/** The value, interval and n of one CPI in a group; null when not shown. */
function groupValue(
  g: CpiGroup,
  cpi: CpiKey,
): { value: number; lower: number | null; upper: number | null; n: number } | null {
  if (cpi === 'fcr') return g.fcr ? { value: g.fcr.rate, lower: g.fcr.lower, upper: g.fcr.upper, n: g.fcr.n } : null;
  if (cpi === 'quoteTurnaround')
    return g.quoteTurnaroundHours
      ? { value: g.quoteTurnaroundHours.median, lower: null, upper: null, n: g.quoteTurnaroundHours.n }
      : null;
  const m = g[cpi];
  return m ? { value: m.mean, lower: m.lower, upper: m.upper, n: m.n } : null;
}

function pointValue(p: RepSeriesPoint, cpi: CpiKey): TrendPoint & { n: number | null } {
  if (cpi === 'quoteTurnaround') {
    const q = p.quoteTurnaroundHours;
    return { label: p.label, value: q?.median ?? null, lower: null, upper: null, n: q?.n ?? null };
  }
  const s =
    cpi === 'fcr'
      ? p.fcr && { value: p.fcr.rate, lower: p.fcr.lower, upper: p.fcr.upper, n: p.fcr.n }
      : p[cpi] && { value: p[cpi]!.mean, lower: p[cpi]!.lower, upper: p[cpi]!.upper, n: p[cpi]!.n };
  return s ? { label: p.label, ...s } : { label: p.label, value: null, lower: null, upper: null, n: null };
}

function ResponseRate({ fmt, cpis }: { fmt: Fmt; cpis: CpiGroup | null }) {
  const { t } = fmt;
  if (!cpis || cpis.invited === 0 || cpis.responseRate === null)
    return <p class="response-rate">{t('anResponsesNoInvites', { n: cpis?.n ?? 0 })}</p>;
  return (
    <p class="response-rate">
      {t('anResponses', { n: cpis.n, invited: cpis.invited, rate: fmt.pct(cpis.responseRate) })}
    </p>
  );
}

export function RepCpiSummary({
  fmt,
  cpis,
  targets,
  min,
}: {
  fmt: Fmt;
  cpis: CpiGroup | null;
  targets: Partial<Record<CpiKey, TargetLine>>;
  min: number;
}) {
  const { t } = fmt;
  if (!cpis || cpis.suppressed) {
    return (
      <>
        <ResponseRate fmt={fmt} cpis={cpis} />
        <p class="notice" data-testid="rep-suppressed">
          {t('anRepNotEnough', { n: cpis?.n ?? 0, min })}
        </p>
      </>
    );
  }
  return (
    <>
      <ResponseRate fmt={fmt} cpis={cpis} />
      <div class="table-wrap" role="region" tabindex={0} aria-label={t('anRepCpiCaption')}>
        <table class="cpi-summary">
          <caption>{t('anRepCpiCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('anCpi')}</th>
              <th scope="col" class="num">
                {t('anValue')}
              </th>
              <th scope="col">{t('anInterval95')}</th>
              <th scope="col" class="num">
                {t('anN')}
              </th>
              <th scope="col" class="num">
                {t('anTarget')}
              </th>
            </tr>
          </thead>
          <tbody>
            {CPI_KEYS.map((cpi) => {
              const v = groupValue(cpis, cpi);
              const target = targets[cpi];
              return (
                <tr>
                  <th scope="row">{cpiName(t, cpi)}</th>
                  {v ? (
                    <>
                      <td class="num">{fmt.cpi(cpi, v.value)}</td>
                      <td>
                        {v.lower !== null && v.upper !== null
                          ? fmt.range(v.lower, v.upper, (x) => fmt.cpi(cpi, x))
                          : t('anMedianNoInterval')}
                      </td>
                      <td class="num">{v.n}</td>
                    </>
                  ) : (
                    <td colspan={3} class="muted">
                      {t('notEnoughResponses')}
                    </td>
                  )}
                  <td class="num">{target ? fmt.cpi(cpi, target.value) : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function markersFor(fmt: Fmt, series: RepSeriesPoint[], timeline: TimelineEvent[]): TrendMarker[] {
  const index = new Map(series.map((p, i) => [p.month, i]));
  return timeline
    .filter((e) => !e.planned && index.has(monthKey(e.at)))
    .map((e) => ({
      index: index.get(monthKey(e.at))!,
      kind: e.kind,
      label: `${fmt.date(e.at)} ${kindName(fmt.t, e.kind)}: ${e.skillName}${e.score !== null ? ` (${fmt.num(e.score, 0)})` : ''}`,
    }));
}

export function RepTrends({
  fmt,
  series,
  targets,
  timeline,
}: {
  fmt: Fmt;
  series: RepSeriesPoint[];
  targets: Partial<Record<CpiKey, TargetLine>>;
  timeline: TimelineEvent[];
}) {
  const { t } = fmt;
  const markers = markersFor(fmt, series, timeline);
  return (
    <div class="trend-grid">
      {CPI_KEYS.map((cpi) => {
        const points = series.map((p) => pointValue(p, cpi));
        const shown = points.filter((p) => p.value !== null);
        const last = shown[shown.length - 1];
        const target = targets[cpi];
        const format = (v: number) => fmt.cpi(cpi, v);
        const summary = [
          last
            ? t('anTrendLatest', { month: last.label, value: format(last.value!), n: last.n ?? 0 })
            : t('anTrendNone'),
          points.length > shown.length ? t('anTrendHidden', { count: points.length - shown.length }) : '',
          target
            ? t(target.source === 'team' ? 'anTrendTeamTarget' : 'anTrendOrgTarget', { value: format(target.value) })
            : t('anTrendNoTarget'),
          cpi === 'quoteTurnaround' ? t('anTrendMedianNote') : t('anTrendBandNote'),
          markers.length > 0 ? t('anTrendMarkers', { count: markers.length }) : '',
        ].join(' ');
        return (
          <Figure
            id={`trend-${cpi}`}
            title={t('anTrendTitle', { cpi: cpiName(t, cpi) })}
            summary={summary.trim()}
            tableLabel={t('anShowTable')}
            table={{
              caption: t('anTrendTitle', { cpi: cpiName(t, cpi) }),
              head: [t('anMonth'), t('anValue'), cpi === 'quoteTurnaround' ? t('anP90') : t('anInterval95'), t('anN')],
              rows: series.map((p, i) => {
                const v = points[i]!;
                const withheld = (p.withheld as CpiKey[]).includes(cpi);
                if (v.value === null)
                  return [
                    p.label + (p.partial ? ` (${t('anToDate')})` : ''),
                    withheld ? t('anWithheld') : t('notEnoughResponses'),
                    '—',
                    '—',
                  ];
                const extra =
                  cpi === 'quoteTurnaround'
                    ? p.quoteTurnaroundHours
                      ? format(p.quoteTurnaroundHours.p90)
                      : '—'
                    : fmt.range(v.lower!, v.upper!, format);
                return [p.label + (p.partial ? ` (${t('anToDate')})` : ''), format(v.value), extra, v.n ?? '—'];
              }),
            }}
          >
            <TrendChart
              label={t('anTrendTitle', { cpi: cpiName(t, cpi) })}
              points={points}
              target={target?.value ?? null}
              targetLabel={target ? t(target.source === 'team' ? 'anTeamTarget' : 'anOrgTarget') : undefined}
              yDomain={cpi === 'fcr' ? [0, 1] : cpi === 'quoteTurnaround' ? undefined : [1, 5]}
              format={format}
              markers={markers}
            />
          </Figure>
        );
      })}
    </div>
  );
}
