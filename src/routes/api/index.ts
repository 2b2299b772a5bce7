import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { apiKeyAuth } from '../../middleware/api-key';
import { intakeRoutes } from './intake';
import { readRoutes } from './reads';

/** /api/v1: JSON in and out, Bearer keys only. Each area mounts its own routes. */
export function apiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use('*', apiKeyAuth(deps));
  app.get('/whoami', (c) => {
    const key = c.get('apiKey');
    return c.json({ key: { id: key.id, name: key.name, scope: key.scope } });
  });
  app.route('/', intakeRoutes(deps));
  app.route('/', readRoutes(deps));
  return app;
}
