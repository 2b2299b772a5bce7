/** GET /content — the content library (every staff role); with HX-Request only the list region. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { analysisQuery } from '../../domain/analysis-params';
import { filterBarProps, readAnalysisFilters } from './staff-filters';
import { computeContentLibrary } from '../../domain/content-usefulness';
import { isHtmx, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { formatter } from '../../../views/partials/analysis/format';
import { ContentPage } from '../../../views/pages/analysis/content';
import { ContentResults } from '../../../views/partials/analysis/content-results';

const CONTENT_PAGE_SIZE = 50;

export function contentPageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/content', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const now = deps.clock.nowMs();
    const { staff, filters, problems, status } = await readAnalysisFilters(c, deps, user, now);
    const fmt = formatter(staffT(user.locale), user.locale);
    const library = await computeContentLibrary(deps.db.read, {
      period: filters.range.period,
      search: filters.q,
      sort: filters.sort,
      locale: fmt.locale,
    });
    const pageCount = Math.max(1, Math.ceil(library.rows.length / CONTENT_PAGE_SIZE));
    const page = Math.min(filters.page, pageCount);
    const props = {
      fmt,
      library,
      rows: library.rows.slice((page - 1) * CONTENT_PAGE_SIZE, page * CONTENT_PAGE_SIZE),
      filters,
      errors: staff.errors,
      problems,
      page,
      pageCount,
      hrefFor: (n: number) => `/content${analysisQuery({ ...filters, page: n }, ['q', 'sort', 'page'])}`,
    };
    c.header('Vary', 'HX-Request');
    if (isHtmx(c)) return renderHtml(c, <ContentResults {...props} />, status);
    const bar = {
      ...filterBarProps(staff, fmt.t, user, { id: 'content-filters', action: '/content', target: '#content-results' }),
      teams: undefined,
      swap: 'outerHTML' as const,
      live: true,
    };
    return renderHtml(c, <ContentPage {...props} user={user} bar={bar} />, status);
  });
  return app;
}
