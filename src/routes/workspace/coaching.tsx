/**
 * The trainer's workspace and the closed loop (issue 5): the coaching plan, sessions,
 * before/after follow-up, customer follow-ups and the coaching exports. Mounted at '/':
 * every route carries its own role guard (a `use('*')` here would guard every URL).
 */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { coachingPlanRoutes } from './coaching-plan';
import { coachingSessionRoutes } from './coaching-sessions';
import { coachingFollowUpRoutes } from './coaching-follow-up';
import { followUpRoutes } from './follow-ups';
import { coachingExportRoutes } from './exports-coaching';

export function coachingRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', coachingPlanRoutes(deps));
  app.route('/', coachingSessionRoutes(deps));
  app.route('/', coachingFollowUpRoutes(deps));
  app.route('/', followUpRoutes(deps));
  app.route('/', coachingExportRoutes(deps));
  return app;
}
