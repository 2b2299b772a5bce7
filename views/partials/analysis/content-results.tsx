/** The content library's list: the region htmx swaps on search, sort and period changes. */
import type { StaffT } from '../../../src/lib/i18n/staff';
import type { ContentLibrary, ContentRow } from '../../../src/domain/content-usefulness';
import type { AnalysisFilters, ParamProblem } from '../../../src/domain/analysis-params';
import type { FilterError } from '../../../src/domain/filters';
import { Pager } from '../../components/pager';
import { FilterErrors, periodLabel } from '../filter-bar';
import type { Fmt } from './format';

/** The title, linked only when the item has an http(s) URL; it opens in a new tab without an opener. */
export function ContentTitle({ row, t }: { row: Pick<ContentRow, 'title' | 'url'>; t: StaffT }) {
  if (!row.url) return <span class="content-title">{row.title}</span>;
  return (
    <a class="content-title" href={row.url} target="_blank" rel="noopener noreferrer">
      {row.title}
      <span class="visually-hidden"> ({t('anOpensNewTab')})</span>
    </a>
  );
}

export interface ContentResultsProps {
  fmt: Fmt;
  library: ContentLibrary;
  rows: ContentRow[];
  filters: AnalysisFilters;
  errors: FilterError[];
  problems: ParamProblem[];
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}

export function ContentResults({
  fmt,
  library,
  rows,
  filters,
  errors,
  problems,
  page,
  pageCount,
  hrefFor,
}: ContentResultsProps) {
  const { t } = fmt;
  const matched = library.rows.length;
  return (
    <div id="content-results" class="results">
      <FilterErrors t={t} errors={errors} params={problems} />
      <p class="period-note" data-testid="content-count" role="status">
        {filters.q
          ? t('anContentMatched', { matched, total: library.totalItems, q: filters.q })
          : t('anContentCount', { total: library.totalItems })}{' '}
        · {periodLabel(t, filters.range)}
      </p>
      {rows.length === 0 ? (
        <p class="notice">{t('anContentNoMatch')}</p>
      ) : (
        <div class="table-wrap" role="region" tabindex={0} aria-label={t('anContentTitle')}>
          <table class="content-library wide" data-testid="content-library">
            <caption class="visually-hidden">{t('anContentTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('anTitle')}</th>
                <th scope="col" class="num">
                  {t('anUsefulMean')}
                </th>
                <th scope="col">{t('anInterval95')}</th>
                <th scope="col" class="num">
                  {t('anTop2')}
                </th>
                <th scope="col" class="num">
                  {t('anAnswers')}
                </th>
                <th scope="col" class="num">
                  {t('anShared')}
                </th>
                <th scope="col">{t('anStage')}</th>
                <th scope="col">{t('anTopic')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const u = row.usefulness;
                return (
                  <tr data-content-id={row.id}>
                    <th scope="row">
                      <ContentTitle row={row} t={t} />
                      <br />
                      <code class="muted small">{row.id}</code>
                    </th>
                    {u ? (
                      <>
                        <td class="num">{fmt.num(u.mean)}</td>
                        <td>{fmt.range(u.lower, u.upper, (v) => fmt.num(v))}</td>
                        <td class="num">
                          {fmt.pct(u.top2)}
                          <br />
                          <span class="muted small">{fmt.range(u.top2Lower, u.top2Upper, (v) => fmt.pct(v))}</span>
                        </td>
                      </>
                    ) : (
                      <td colspan={3} class="muted">
                        {t('notEnoughResponses')}
                      </td>
                    )}
                    <td class="num">{row.answers}</td>
                    <td class="num">{row.shares}</td>
                    <td>{row.stage ?? '—'}</td>
                    <td>{row.topic ?? '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager t={t} page={page} pageCount={pageCount} hrefFor={hrefFor} />
      <p class="muted small">{t('anContentNote', { min: library.minResponses })}</p>
    </div>
  );
}
