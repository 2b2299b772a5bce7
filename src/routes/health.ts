import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../context';

export function healthRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    // Against a server, ping has the request deadline (db/server-link.ts): never a hang.
    const ok = await deps.db.ping();
    if (!ok) c.header('Retry-After', '2');
    return c.json({ status: ok ? 'ok' : 'unavailable', database: ok }, ok ? 200 : 503);
  });
  return app;
}
