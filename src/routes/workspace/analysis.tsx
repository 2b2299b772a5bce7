/** The analysis pages (issue 5): rep page, skill-gap analysis, content library, gaps export, and the Methods page they link to. */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { repPageRoutes } from './rep-page';
import { gapsPageRoutes } from './gaps-page';
import { gapsExportRoutes } from './gaps-export';
import { contentPageRoutes } from './content-page';
import { trainingPageRoutes } from './training-page';
import { methodsRoutes } from './methods';

export function analysisRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.route('/', repPageRoutes(deps));
  app.route('/', gapsPageRoutes(deps));
  app.route('/', gapsExportRoutes(deps));
  app.route('/', contentPageRoutes(deps));
  app.route('/', trainingPageRoutes(deps));
  app.route('/', methodsRoutes());
  return app;
}
