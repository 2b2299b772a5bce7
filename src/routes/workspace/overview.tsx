import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';

export function overviewRoutes(_deps: AppDeps) {
  const app = new Hono<AppEnv>();
  return app;
}
