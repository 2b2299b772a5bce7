import type { StaffT } from '../../../src/lib/i18n/staff';
import type { FollowUpRow, WindowResult } from '../../../src/domain/coaching-follow-up';
import { figureKind } from '../../../src/domain/coaching-figures';
import { CPI_KEYS, type CpiKey } from '../../../src/stats';
import { Figure } from '../../charts/figure';
import { IntervalChart } from '../../charts/interval-chart';
import { FigureText } from './figure-text';
import { count, percent } from '../format';
import { fmtChange, fmtFigureInterval, fmtFigureValue } from './format';
import { monthKeyLabel } from '../../../src/lib/periods';
import { isoDay } from '../../../src/lib/days';
import { cpiName } from '../names';
import type { FilterError, FilterPeriod } from '../../../src/domain/filters';
import { FilterErrors, periodLabel } from '../filter-bar';

export interface FollowUpRegionProps {
  t: StaffT;
  locale: string;
  rows: FollowUpRow[];
  minResponses: number;
  /** A session named no CPI and the gap analysis that gives it is being computed: the region asks again. */
  gapsComputing: boolean;
  /** This request's URL (what the region asks again). */
  selfHref: string;
  exportResponsesHref: string;
  /** Filters in the URL that could not be applied (the defaults are used). */
  errors: FilterError[];
  /** The period whose coaching sessions are followed up. */
  period: FilterPeriod;
}

function months(t: StaffT, w: WindowResult): string {
  if (w.months.length === 0) return t('coNoMonthsYet');
  const range =
    w.months.length === 1
      ? monthKeyLabel(w.months[0]!)
      : `${monthKeyLabel(w.months[0]!)} – ${monthKeyLabel(w.months[w.months.length - 1]!)}`;
  return w.partial ? `${range} (${t('coMonthToDate')})` : range;
}

function WindowCell({ t, locale, w, after }: { t: StaffT; locale: string; w: WindowResult | null; after: boolean }) {
  if (!w) return <span class="muted">—</span>;
  return (
    <>
      <FigureText t={t} locale={locale} figure={w.figure} empty={after ? t('coNotYet') : t('notEnoughResponses')} />
      <br />
      <span class="muted small">
        {months(t, w)}
        {w.responseRate !== null &&
          ` · ${t('coRateShort', { rate: percent(locale, w.responseRate), n: count(locale, w.responses) })}`}
      </span>
    </>
  );
}

function change(locale: string, r: FollowUpRow): string | null {
  const b = r.before?.figure;
  const a = r.after?.figure;
  return a && b ? fmtChange(locale, a, a.value - b.value) : null;
}

/** One interval chart per CPI: the before value as the hollow compare dot, the after value filled. */
function CpiChart({ t, locale, cpi, rows }: { t: StaffT; locale: string; cpi: CpiKey; rows: FollowUpRow[] }) {
  const kind = figureKind(cpi);
  const format = (v: number) => fmtFigureValue(locale, { kind }, v);
  const text = (w: WindowResult | null) =>
    w?.figure
      ? `${format(w.figure.value)} (${fmtFigureInterval(locale, w.figure)}; n = ${w.figure.n})`
      : t('notEnoughResponses');
  const id = `follow-up-chart-${cpi}`;
  return (
    <Figure
      id={id}
      title={t('coChartTitle', { cpi: cpiName(t, cpi) })}
      summary={t('coChartSummary', { n: rows.length })}
      tableLabel={t('coTableData')}
      table={{
        caption: t('coChartTitle', { cpi: cpiName(t, cpi) }),
        head: [t('coRep'), t('coBefore'), t('coAfter'), t('coChange')],
        rows: rows.map((r) => [
          `${r.repName} · ${r.skillName} (${isoDay(r.sessionDay)})`,
          text(r.before),
          text(r.after),
          change(locale, r) ?? '—',
        ]),
      }}
    >
      <IntervalChart
        label={t('coChartTitle', { cpi: cpiName(t, cpi) })}
        format={format}
        domain={kind === 'mean' ? [1, 5] : [0, 1]}
        rows={rows.map((r) => ({
          // The kit cuts labels at 26 characters: the rep's name, and the skill only when the rep appears twice.
          label: rows.filter((x) => x.repId === r.repId).length > 1 ? `${r.repName} · ${r.skillName}` : r.repName,
          value: r.after?.figure?.value ?? null,
          lower: r.after?.figure?.lower ?? null,
          upper: r.after?.figure?.upper ?? null,
          compare: {
            value: r.before?.figure?.value ?? null,
            lower: r.before?.figure?.lower ?? null,
            upper: r.before?.figure?.upper ?? null,
          },
        }))}
      />
    </Figure>
  );
}

/** The part of /coaching/follow-up that the team filter replaces. */
export function FollowUpRegion({
  t,
  locale,
  rows,
  minResponses,
  gapsComputing,
  selfHref,
  exportResponsesHref,
  errors,
  period,
}: FollowUpRegionProps) {
  const charted = CPI_KEYS.map((cpi) => [cpi, rows.filter((r) => r.cpi === cpi)] as const).filter(
    ([, list]) => list.length > 0,
  );
  const poll = gapsComputing ? { 'hx-get': selfHref, 'hx-trigger': 'load delay:2s', 'hx-swap': 'outerHTML' } : {};
  return (
    <div id="follow-up-results" {...poll}>
      <FilterErrors t={t} errors={errors} />
      <p class="muted" data-testid="period-note">
        {periodLabel(t, period)}
      </p>
      {gapsComputing && (
        <p class="notice analysis-computing" data-analysis="computing">
          {t('coGapCpisComputing')} <a href={selfHref}>{t('anComputingReload')}</a>
        </p>
      )}
      <ul class="toolbar plain">
        <li>
          <a href={exportResponsesHref} download>
            {t('coExportResponses')}
          </a>
        </li>
      </ul>
      {rows.length === 0 ? (
        <p>{t('coFollowUpNone')}</p>
      ) : (
        <>
          <p class="muted">{t('coFollowUpMinimum', { min: minResponses })}</p>
          {charted.map(([cpi, list]) => (
            <CpiChart t={t} locale={locale} cpi={cpi} rows={list} />
          ))}
          <div class="table-wrap">
            <table class="wide follow-up-table">
              <caption>{t('coFollowUpTableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('coRep')}</th>
                  <th scope="col">{t('coSkill')}</th>
                  <th scope="col">{t('coSessionDate')}</th>
                  <th scope="col">{t('coCpi')}</th>
                  <th scope="col">{t('coBefore')}</th>
                  <th scope="col">{t('coAfter')}</th>
                  <th scope="col">{t('coChange')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-rep-id={r.repId}>
                    <th scope="row">
                      {r.repName}
                      <br />
                      <span class="muted">{r.team ?? t('noTeam')}</span>
                    </th>
                    <td>{r.skillName}</td>
                    <td>
                      <time datetime={isoDay(r.sessionDay)}>{isoDay(r.sessionDay)}</time>
                      {r.sessionCount > 1 && (
                        <span class="muted"> · {t('coSessionsCount', { n: r.sessionCount })}</span>
                      )}
                    </td>
                    <td>
                      {r.cpi ? cpiName(t, r.cpi) : <span class="muted">{t('coNoCpi')}</span>}
                      {r.cpiSource && (
                        <span class="muted small">
                          {' '}
                          ({r.cpiSource === 'session' ? t('coCpiSourceSession') : t('coCpiSourceGap')})
                        </span>
                      )}
                    </td>
                    <td>
                      <WindowCell t={t} locale={locale} w={r.before} after={false} />
                    </td>
                    <td>
                      <WindowCell t={t} locale={locale} w={r.after} after />
                    </td>
                    <td class="num">{change(locale, r) ?? <span class="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
