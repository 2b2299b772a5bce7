import type { StaffT } from '../../src/lib/i18n/staff';

export interface PagerProps {
  t: StaffT;
  page: number;
  pageCount: number;
  /** The URL of a page, keeping the list's filters. */
  hrefFor: (page: number) => string;
}

/** Previous / next links for a paginated list; nothing when everything fits on one page. */
export function Pager({ t, page, pageCount, hrefFor }: PagerProps) {
  if (pageCount <= 1) return null;
  return (
    <nav class="pager" aria-label={t('pagination')}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          {t('previousPage')}
        </a>
      ) : (
        <span class="muted">{t('previousPage')}</span>
      )}
      <span>{t('pageOf', { page, pages: pageCount })}</span>
      {page < pageCount ? (
        <a href={hrefFor(page + 1)} rel="next">
          {t('nextPage')}
        </a>
      ) : (
        <span class="muted">{t('nextPage')}</span>
      )}
    </nav>
  );
}
