/** GET /coaching/follow-up: did the CPI coaching targeted change since? (scoped; team filter in the URL) */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { renderHtml, isHtmx, ownHref } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { teamScopeOf } from '../../domain/access';
import { computeCoachingFollowUp } from '../../domain/coaching-follow-up';
import { DEFAULT_PLAN_MONTHS, lastMonths } from '../../domain/coaching';
import { serveLinks } from '../../domain/analysis/serve-links';
import { addMonths, monthKey, monthStart } from '../../lib/periods';
import { CoachingFollowUpPage } from '../../../views/pages/coaching/follow-up';
import { FollowUpRegion } from '../../../views/partials/coaching/follow-up-region';
import { planHref, readCoachingFilter } from './coaching-params';
import { DAY_MS, isoDay } from '../../lib/days';

export function coachingFollowUpRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/coaching/follow-up', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const filter = await readCoachingFilter(deps, c, user);
    const now = deps.clock.nowMs();
    const gapAnalysis = async () =>
      (await serveLinks(deps, lastMonths(now, DEFAULT_PLAN_MONTHS), now, 'page'))?.analysis ?? null;
    const result = await computeCoachingFollowUp(deps.db.read, {
      now,
      scope: teamScopeOf(user),
      team: filter.teamName,
      gapAnalysis,
    });
    // The responses behind the page: from the earliest "before" month to today.
    const from = monthStart(addMonths(monthKey(now), -15));
    const exportResponsesHref = planHref(
      '/exports/responses.csv',
      { teamId: filter.teamId },
      { from: isoDay(from), to: isoDay(now + DAY_MS) },
    );
    const region = {
      t: staffT(user.locale),
      locale: user.locale,
      rows: result.rows,
      minResponses: result.minResponses,
      gapsComputing: result.gapsComputing,
      selfHref: ownHref(c),
      exportResponsesHref,
    };
    if (isHtmx(c)) return renderHtml(c, <FollowUpRegion {...region} />);
    return renderHtml(
      c,
      <CoachingFollowUpPage
        t={staffT(user.locale)}
        user={user}
        teams={filter.teams}
        teamId={filter.teamId}
        region={region}
      />,
    );
  });

  return app;
}
