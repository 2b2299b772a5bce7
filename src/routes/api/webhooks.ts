/** Webhook endpoints through the API (scope `all`): README, "Webhooks"; docs/api.md, "Webhooks". */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireScope } from '../../middleware/api-key';
import { readOne } from './json';
import { notFound } from '../../lib/errors';
import { deleteWebhook, registerWebhook, rotateWebhook, webhookInput } from '../../domain/webhooks';
import { listWebhookEndpoints } from '../../../db/queries/webhooks';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A path id: a positive integer, anything else is no such webhook. */
function endpointId(raw: string): number {
  if (!/^[1-9]\d{0,15}$/.test(raw)) throw notFound('No such webhook.');
  return Number(raw);
}

export function webhookRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const all = requireScope('all');
  const actor = (name: string) => `apikey:${name}`;

  app.post('/webhooks', all, async (c) => {
    const input = await readOne(c, webhookInput);
    const created = await registerWebhook(deps, input, actor(c.get('apiKey').name));
    return c.json(created, 201);
  });

  app.get('/webhooks', all, async (c) => {
    const endpoints = await listWebhookEndpoints(deps.db.read);
    return c.json({
      webhooks: endpoints.map((e) => ({
        id: e.id,
        url: e.url,
        events: e.events,
        createdAt: iso(e.createdAt),
        rotatedAt: iso(e.rotatedAt),
      })),
    });
  });

  app.post('/webhooks/:id/rotate', all, async (c) => {
    const rotated = await rotateWebhook(deps, endpointId(c.req.param('id')), actor(c.get('apiKey').name));
    return c.json(rotated, 200);
  });

  app.delete('/webhooks/:id', all, async (c) => {
    await deleteWebhook(deps, endpointId(c.req.param('id')), actor(c.get('apiKey').name));
    return c.body(null, 204);
  });

  return app;
}
