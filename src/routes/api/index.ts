import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { apiKeyAuth } from '../../middleware/api-key';
import { intakeRoutes } from './intake';
import { readRoutes } from './reads';
import { webhookRoutes } from './webhooks';
import { openApiDocument } from './openapi/document';

/** /api/v1: JSON in and out, Bearer keys only (but for its OpenAPI document). Each area mounts its own routes. */
export function apiRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // The description of the API is public (before the key check): it holds no data.
  const document = openApiDocument({ baseUrl: deps.config.baseUrl });
  app.get('/openapi.json', (c) => c.json(document));
  app.use('*', apiKeyAuth(deps));
  app.get('/whoami', (c) => {
    const key = c.get('apiKey');
    return c.json({ key: { id: key.id, name: key.name, scope: key.scope } });
  });
  app.route('/', intakeRoutes(deps));
  app.route('/', readRoutes(deps));
  app.route('/', webhookRoutes(deps));
  return app;
}
