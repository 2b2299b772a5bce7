/**
 * GET / — each role's home, where sign-in lands (issue 17). Leads and admins: CPI tiles
 * against targets, the team × skill grid and the five largest gaps (the period's served link
 * analysis, org-wide), and the training results of the latest judged quarter. Trainers: this
 * week's sessions, the reps to coach next (the coaching plan of their teams) and sessions past
 * their day. A region whose analysis is still computed asks again by itself (HX-Target names
 * it); the page never waits on an analysis. `/` with a query string is an old overview link:
 * it goes to /overview with the same query.
 * GET /home/gap-reps?team=&skill= — the reps behind one cell of the grid.
 */
import { Hono, type Context } from 'hono';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { isHtmx, renderHtml } from '../../lib/render';
import { staffT } from '../../lib/i18n/staff';
import { notFound } from '../../lib/errors';
import { staffViewer } from '../../domain/customer-identity';
import { buildCoachingPlan } from '../../domain/coaching';
import { computeOverview } from '../../domain/workspace-overview';
import { largestGaps, repsWithGapIn, teamSkillGrid, trainerWeek } from '../../domain/home';
import { assessMore } from '../../domain/analysis/rep-view';
import { serveLinks } from '../../domain/analysis/serve-links';
import { serveAnalysis } from '../../domain/analysis/cache';
import { parseTrainingFilters } from '../../domain/analysis/training-filters';
import { byEvidence } from '../../domain/analysis/training-view';
import { loadSetupChecklist } from '../../domain/setup-checklist';
import { getRepDirectory } from '../../../db/queries/cpis';
import { listSkills } from '../../../db/queries/training';
import { hasSubmittedResponses } from '../../../db/queries/setup';
import { formatter, type Fmt } from '../../../views/partials/analysis/format';
import { formats } from '../../../views/partials/workspace/format';
import { ComputingRegion } from '../../../views/partials/analysis/analysis-status';
import { EmptyOverview, SetupBanner } from '../../../views/pages/admin/setup-checklist';
import { GapRepsPage, HomePage } from '../../../views/pages/home/home';
import { HomeTiles, HomeTopGaps, HomeTraining } from '../../../views/partials/home/lead-sections';
import { TeamSkillGridView } from '../../../views/partials/home/team-skill-grid';
import { DueSessions, NextReps, WeekAgenda } from '../../../views/partials/home/trainer-week';
import { printHeaderOf, readStaffFilters } from './staff-filters';

const HOME = '/';

type Regions = Record<string, JSX.Element>;

async function leadRegions(c: Context<AppEnv>, deps: AppDeps, user: SessionUser, fmt: Fmt, now: number) {
  const { t } = fmt;
  const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
  const period = filters.period;
  const training = parseTrainingFilters({}, now).filters;
  const [overview, served, trained, skills, directory] = await Promise.all([
    computeOverview(deps.db.read, {
      period: period.period,
      lastMonth: period.toMonth,
      team: null,
      types: undefined,
      scope: filters.scope,
      protectDifferences: filters.protectDifferences,
      now,
    }),
    serveLinks(deps, period.period, now, 'page'),
    serveAnalysis(
      deps,
      'training-effects',
      { fromMonth: training.fromMonth, toMonth: training.toMonth, skill: undefined, kind: undefined, team: undefined },
      'stale-ok',
    ),
    listSkills(deps.db.read),
    getRepDirectory(deps.db.read),
  ]);
  const skillNames = Object.fromEntries(skills.map((s) => [s.slug, s.name]));
  const quarter = training.period;
  const gridTitle = <h2 id="home-grid-title">{t('hmGridTitle')}</h2>;
  const trainingTitle = <h2 id="home-training-title">{t('hmTrainingTitle', { quarter })}</h2>;
  const topTitle = <h2 id="home-top-gaps-title">{t('hmTopGapsTitle')}</h2>;
  const regions: Regions = {
    'home-grid': served ? (
      <section id="home-grid" class="home-grid-section" aria-labelledby="home-grid-title">
        {gridTitle}
        <TeamSkillGridView
          fmt={fmt}
          grid={teamSkillGrid(served.analysis, directory, filters.scope, filters.teams)}
          assessMore={assessMore(served.analysis)}
        />
      </section>
    ) : (
      <ComputingRegion fmt={fmt} id="home-grid" href={HOME} tag="section" labelledBy="home-grid-title">
        {gridTitle}
      </ComputingRegion>
    ),
    'home-training':
      trained.status === 'ready' ? (
        <section id="home-training" class="home-training" aria-labelledby="home-training-title">
          {trainingTitle}
          <HomeTraining
            fmt={fmt}
            effects={[...trained.result.effects].sort(byEvidence)}
            quarter={quarter}
            skillNames={skillNames}
          />
        </section>
      ) : (
        <ComputingRegion fmt={fmt} id="home-training" href={HOME} tag="section" labelledBy="home-training-title">
          {trainingTitle}
        </ComputingRegion>
      ),
    'home-top-gaps': served ? (
      <div id="home-top-gaps">
        <HomeTopGaps fmt={fmt} gaps={largestGaps(served.analysis, directory, filters.scope)} skillNames={skillNames} />
      </div>
    ) : (
      <ComputingRegion fmt={fmt} id="home-top-gaps" href={HOME} tag="section" labelledBy="home-top-gaps-title">
        {topTitle}
      </ComputingRegion>
    ),
  };
  const body = (
    <>
      <HomeTiles t={t} f={formats(user.locale)} tiles={overview.tiles} />
      <div class="home-columns">
        {regions['home-grid']}
        {regions['home-training']}
      </div>
      {regions['home-top-gaps']}
    </>
  );
  return { regions, body };
}

async function trainerRegions(c: Context<AppEnv>, deps: AppDeps, user: SessionUser, fmt: Fmt, now: number) {
  const { t } = fmt;
  const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
  const served = await serveLinks(deps, filters.period.period, now, 'page');
  const plan = await buildCoachingPlan(
    deps.db.read,
    {
      now,
      period: filters.period.period,
      protectDifferences: filters.protectDifferences,
      scope: filters.scope,
      viewer: staffViewer(user),
    },
    served?.analysis ?? null,
  );
  const week = trainerWeek(plan, now);
  const regions: Regions = {
    'home-next': served ? (
      <div id="home-next">
        <NextReps fmt={fmt} week={week} minComments={plan.minComments} />
      </div>
    ) : (
      <ComputingRegion fmt={fmt} id="home-next" href={HOME} tag="section" labelledBy="home-next-title">
        <h2 id="home-next-title">{t('hmNextTitle')}</h2>
      </ComputingRegion>
    ),
  };
  const body = (
    <>
      <div class="home-columns">
        <WeekAgenda fmt={fmt} week={week} />
        {regions['home-next']}
      </div>
      <DueSessions t={t} week={week} />
    </>
  );
  return { regions, body };
}

export function homeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = requireRole('admin', 'lead', 'trainer');

  app.get(HOME, staff, async (c) => {
    // The overview lived here: its links (`/?period=…&team=…`) keep working.
    const search = new URL(c.req.url).search;
    if (search) return c.redirect(`/overview${search}`, 302);
    const user = currentUser(c);
    const fmt = formatter(staffT(user.locale), user.locale);
    const now = deps.clock.nowMs();
    c.header('Vary', 'HX-Request, HX-Target');
    // Before any customer has answered: the same empty state as the overview.
    const noAnswersYet = !(await hasSubmittedResponses(deps.db.read));
    let body: JSX.Element;
    if (noAnswersYet) body = <EmptyOverview t={fmt.t} isAdmin={user.role === 'admin'} />;
    else {
      const built =
        user.role === 'trainer'
          ? await trainerRegions(c, deps, user, fmt, now)
          : await leadRegions(c, deps, user, fmt, now);
      const region = isHtmx(c) ? built.regions[c.req.header('HX-Target') ?? ''] : undefined;
      if (region) return renderHtml(c, region);
      body = built.body;
    }
    if (isHtmx(c)) return renderHtml(c, body);
    const checklist = user.role === 'admin' ? await loadSetupChecklist(deps) : undefined;
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    return renderHtml(
      c,
      <HomePage
        fmt={fmt}
        user={user}
        print={printHeaderOf(filters, fmt.t, user)}
        setup={checklist && !checklist.complete ? <SetupBanner t={fmt.t} checklist={checklist} /> : undefined}
      >
        {body}
      </HomePage>,
    );
  });

  app.get('/home/gap-reps', staff, async (c) => {
    const user = currentUser(c);
    const fmt = formatter(staffT(user.locale), user.locale);
    const now = deps.clock.nowMs();
    const filters = await readStaffFilters(c, deps, user, now, { guardDifferences: true });
    const skill = c.req.query('skill');
    const team = filters.team;
    if (!team || !skill) throw notFound();
    const skills = await listSkills(deps.db.read);
    const named = skills.find((s) => s.slug === skill);
    if (!named) throw notFound();
    const served = await serveLinks(deps, filters.period.period, now, 'file');
    const directory = await getRepDirectory(deps.db.read);
    const reps = served ? repsWithGapIn(served.analysis, directory, filters.scope, team.name, skill) : [];
    return renderHtml(
      c,
      <GapRepsPage fmt={fmt} user={user} team={team.name} teamId={team.id} skillName={named.name} reps={reps} />,
    );
  });

  return app;
}
