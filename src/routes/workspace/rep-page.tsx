/** GET /reps/:id — the rep page; with HX-Request only its filtered region. Trainers: reps of their teams only (else 404). */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { teamScopeOf } from '../../domain/access';
import { parseAnalysisFilters } from '../../domain/analysis-filters';
import { loadRepProfile } from '../../domain/rep-profile';
import { staffViewer } from '../../domain/customer-identity';
import { getRepInScope } from '../../../db/queries/reps';
import { notFound } from '../../lib/errors';
import { isHtmx, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { formatter } from '../../../views/partials/analysis/format';
import { RepPage } from '../../../views/pages/analysis/rep';
import { RepResults } from '../../../views/partials/analysis/rep-results';

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
    const notAdmin = user.role !== 'admin';
    const { filters, problems } = parseAnalysisFilters(c.req.query(), now, { wholeMonths: notAdmin });
    const profile = await loadRepProfile(deps.db.read, {
      rep: { id: rep.id, email: rep.email, name: rep.name, teamId: rep.teamId, teamName: rep.teamName, active: rep.active, excluded: rep.excluded },
      range: filters.range,
      type: filters.type,
      now,
      scope,
      protectDifferences: notAdmin && filters.range.custom !== null,
      viewer: staffViewer(user),
    });
    const fmt = formatter(staffT(user.locale), user.locale);
    const status = problems.length > 0 ? 422 : 200;
    c.header('Vary', 'HX-Request');
    if (isHtmx(c)) return renderHtml(c, <RepResults fmt={fmt} profile={profile} filters={filters} problems={problems} />, status);
    return renderHtml(c, <RepPage fmt={fmt} user={user} profile={profile} filters={filters} problems={problems} />, status);
  });
  return app;
}
