import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';
import { requireRole, currentUser } from '../middleware/session';
import { renderHtml } from '../lib/render';
import { staffT } from '../lib/i18n/staff';
import { teamScopeOf } from '../domain/access';
import { countReps, listTeams } from '../../db/queries/reps';
import { HomePage } from '../../views/pages/home';

export function homeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/', requireRole('admin', 'lead', 'trainer'), async (c) => {
    const user = currentUser(c);
    const scope = teamScopeOf(user);
    const [repCount, teams] = await Promise.all([countReps(deps.db.read, scope), listTeams(deps.db.read, scope)]);
    return renderHtml(c, <HomePage t={staffT(user.locale)} user={user} repCount={repCount} teams={teams} />);
  });
  return app;
}
