import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { homeRoutes } from './home';
import { overviewRoutes } from './overview';
import { analysisRoutes } from './analysis';
import { coachingRoutes } from './coaching';

/** The staff workspaces (issue 5): each area mounts its own routes; every route checks roles and scope itself. */
export function workspaceRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', homeRoutes(deps));
  app.route('/', overviewRoutes(deps));
  app.route('/', analysisRoutes(deps));
  app.route('/', coachingRoutes(deps));
  return app;
}
