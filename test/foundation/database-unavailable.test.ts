/**
 * db throws DatabaseUnavailableError (db/errors.ts), free of HTTP; the app's one error mapper
 * answers it with the 503 of docs/api.md ("Errors"): Retry-After 2 when busy, 30 when storage
 * is full or failing, the JSON error shape under /api/ and an error page elsewhere.
 */
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { DatabaseUnavailableError } from '../../db/errors';
import { respondWithError } from '../../src/app';
import type { AppEnv } from '../../src/context';

const appThrowing = (error: Error) => {
  const app = new Hono<AppEnv>();
  app.get('/*', () => {
    throw error;
  });
  app.onError((e, c) => respondWithError(c, e));
  return app;
};

describe('DatabaseUnavailableError → 503', () => {
  it('answers the API with the JSON error shape and Retry-After', async () => {
    for (const [reason, retryAfter, message] of [
      ['busy', '2', 'The database is busy. Try again shortly.'],
      ['storage', '30', 'Storage is full or failing. Try again later.'],
    ] as const) {
      const res = await appThrowing(new DatabaseUnavailableError(reason)).request('/api/v1/reps');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe(retryAfter);
      expect(await res.json()).toEqual({ error: { code: 'unavailable', message, issues: [] } });
    }
  });

  it('answers a page with the error page and Retry-After', async () => {
    const res = await appThrowing(new DatabaseUnavailableError('busy')).request('/overview');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});
