/**
 * GET /reps/:id — the rep page; with HX-Request only its filtered region, or only the gaps
 * section when htmx targets it (it asks again while the period's link analysis is being
 * computed). Trainers: reps of their teams only (else 404).
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import { filterBarProps, readAnalysisFilters } from './staff-filters';
import { loadRepProfile, repGaps } from '../../domain/rep-profile';
import { serveLinks } from '../../domain/analysis/serve-links';
import { staffViewer } from '../../domain/customer-identity';
import { getRepInScope } from '../../../db/queries/reps';
import { notFound } from '../../lib/errors';
import { isHtmx, ownHref, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { formatter } from '../../../views/partials/analysis/format';
import { RepPage } from '../../../views/pages/analysis/rep';
import { RepResults } from '../../../views/partials/analysis/rep-results';
import { RepGapsSection } from '../../../views/partials/analysis/rep-gaps';

const repId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export function repPageRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/reps/:id{[0-9]+}', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const id = repId.safeParse(c.req.param('id'));
    if (!id.success) throw notFound();
    const scope = teamScopeOf(user);
    const rep = await getRepInScope(deps.db.read, id.data, scope);
    if (!rep) throw notFound();
    const now = deps.clock.nowMs();
    const { staff, filters, problems, status } = await readAnalysisFilters(c, deps, user, now, {
      guardDifferences: true,
    });
    const fmt = formatter(staffT(user.locale), user.locale);
    const self = ownHref(c);
    c.header('Vary', 'HX-Request, HX-Target');
    const served = await serveLinks(deps, filters.range.period, now, 'page');
    const analysis = served?.analysis ?? null;
    if (isHtmx(c) && c.req.header('HX-Target') === 'rep-gaps') {
      const skillNames = Object.fromEntries((analysis?.skills ?? []).map((s) => [s.slug, s.name]));
      return renderHtml(
        c,
        <RepGapsSection
          fmt={fmt}
          gaps={repGaps(analysis, rep.id)}
          stamp={served}
          skillNames={skillNames}
          typeFiltered={filters.type !== undefined}
          selfHref={self}
        />,
        status,
      );
    }
    const profile = await loadRepProfile(deps.db.read, {
      rep: {
        id: rep.id,
        email: rep.email,
        name: rep.name,
        teamId: rep.teamId,
        teamName: rep.teamName,
        active: rep.active,
        excluded: rep.excluded,
      },
      range: filters.range,
      type: filters.type,
      now,
      scope,
      protectDifferences: staff.protectDifferences,
      viewer: staffViewer(user),
      analysis,
    });
    const props = { fmt, profile, filters, errors: staff.errors, problems, stamp: served, selfHref: self };
    if (isHtmx(c)) return renderHtml(c, <RepResults {...props} />, status);
    const action = `/reps/${rep.id}`;
    const bar = {
      ...filterBarProps(staff, fmt.t, user, { id: 'rep-filters', action, target: '#rep-results' }),
      teams: undefined,
      type: true,
      swap: 'outerHTML' as const,
      live: true,
    };
    return renderHtml(c, <RepPage {...props} user={user} bar={bar} />, status);
  });
  return app;
}
