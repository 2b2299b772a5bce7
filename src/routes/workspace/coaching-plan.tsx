/** GET /coaching: the trainer's coaching plan (trainers: their teams; leads and admins: all, by team). */
import { staffViewer } from '../../domain/customer-identity';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { renderHtml, isHtmx, ownHref } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { canViewTeam, teamScopeOf } from '../../domain/access';
import { buildCoachingPlan } from '../../domain/coaching';
import { filterQuery } from '../../domain/filters';
import { serveLinks } from '../../domain/analysis/serve-links';
import { listSkills } from '../../../db/queries/training';
import { getSession } from '../../../db/queries/coaching-sessions';
import { getRepInScope } from '../../../db/queries/reps';
import { CoachingPlanPage } from '../../../views/pages/coaching/plan';
import { PlanRanking, PlanRegion } from '../../../views/partials/coaching/plan-region';
import { SESSION_OUTCOMES, sessionMessage, type SessionMessageKind } from '../../../views/partials/coaching/messages';
import { filterBarProps, filterStatus, readStaffFilters } from './staff-filters';
import { DAY_MS, isoDay } from '../../lib/days';

const isOutcome = (v: string | undefined): v is SessionMessageKind =>
  (SESSION_OUTCOMES as readonly string[]).includes(v ?? '');

export function coachingPlanRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  app.get('/coaching', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const scope = teamScopeOf(user);
    const now = deps.clock.nowMs();
    // The plan shows each rep's CPIs: non-admins choose whole months, as on the heatmap.
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const period = filters.period.period;
    const status = filterStatus(filters);
    const served = await serveLinks(deps, period, now, 'page');
    const [plan, skills] = await Promise.all([
      buildCoachingPlan(
        deps.db.read,
        {
          now,
          period,
          protectDifferences: filters.protectDifferences,
          scope,
          team: filters.team?.name,
          viewer: staffViewer(user),
        },
        served?.analysis ?? null,
      ),
      listSkills(deps.db.read),
    ]);
    const planValues = { ...filters.applied, type: '' };
    const back = `/coaching${filterQuery(planValues)}`;
    const selfHref = ownHref(c);
    c.header('Vary', 'HX-Request, HX-Target');
    if (isHtmx(c) && c.req.header('HX-Target') === 'plan-ranking')
      return renderHtml(
        c,
        <PlanRanking t={t} locale={user.locale} plan={plan} stamp={served} back={back} selfHref={selfHref} now={now} />,
        status,
      );

    // After a post without JavaScript: say what happened (read only; nothing changes on GET).
    let flash: string | undefined;
    let openRepId: number | undefined;
    const saved = c.req.query('saved');
    const outcome = c.req.query('outcome');
    if (saved && /^\d{1,12}$/.test(saved) && isOutcome(outcome)) {
      const session = await getSession(deps.db.read, Number(saved));
      const rep =
        session && canViewTeam(user, session.repTeamId)
          ? await getRepInScope(deps.db.read, session.repId, scope)
          : undefined;
      if (session && rep) {
        flash = sessionMessage(t, outcome, session, rep.name);
        openRepId = rep.id;
      }
    }

    // The responses behind the plan, as whole days (\`to\` exclusive: the day after the last one).
    const days = { from: isoDay(plan.period.from), to: isoDay(Math.ceil(plan.period.to / DAY_MS) * DAY_MS) };
    const region = {
      t,
      locale: user.locale,
      plan,
      stamp: served,
      selfHref,
      formReps: plan.reps.map((r) => ({ id: r.repId, name: r.name, team: r.team })),
      skills: skills.map((s) => ({ slug: s.slug, name: s.name })),
      formValues: { rep: '', skill: '', date: isoDay(now), notes: '', cpi: '', action: '' },
      back,
      errors: filters.errors,
      period: filters.period,
      exportPlanHref: `/exports/coaching-plan.csv${filterQuery(planValues)}`,
      exportResponsesHref: `/exports/responses.csv${filterQuery({ ...planValues, period: '' }, days)}`,
      flash,
      now,
      openRepId,
    };
    if (isHtmx(c)) return renderHtml(c, <PlanRegion {...region} />, status);
    return renderHtml(
      c,
      <CoachingPlanPage
        t={t}
        user={user}
        bar={{
          ...filterBarProps(filters, t, user, {
            id: 'coaching-filters',
            action: '/coaching',
            target: '#coaching-plan',
          }),
          swap: 'outerHTML',
          live: true,
        }}
        region={region}
      />,
      status,
    );
  });

  return app;
}
