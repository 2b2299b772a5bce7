/**
 * Benchmark baseline (only with ENABLE_BENCH_ROUTES=1): the survey submit's request work
 * without the database — read the form, check the token's shape, parse and validate the
 * answers exactly as POST /s/<token> does — so `npm run bench` can report the real
 * route's throughput as a ratio of this one on the same server.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../context';
import { ANSWER_KEYS } from '../../db/schema';
import { readForm } from '../lib/forms';
import { isWellFormedToken } from '../lib/tokens';
import { parseSurveyForm } from '../domain/survey';

export function benchRoutes() {
  const app = new Hono<AppEnv>();
  app.post('/noop-survey/:token', async (c) => {
    if (!isWellFormedToken(c.req.param('token'))) return c.text('not found', 404);
    const parsed = parseSurveyForm(await readForm(c), [...ANSWER_KEYS]);
    if (Object.keys(parsed.errors).length > 0) return c.text('invalid', 422);
    return c.redirect(`/s/${c.req.param('token')}/thanks`, 303);
  });
  return app;
}
