/** Writes from a CRM or LMS (scope `ingest`): docs/api.md, "Writes". */
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../../context';
import { requireScope } from '../../middleware/api-key';
import { readBatch } from './json';
import {
  contentItemInput,
  interactionInput,
  repInput,
  responseImportInput,
  trainingRecordInput,
} from '../../domain/inputs';
import { ingestInteractions } from '../../domain/interactions';
import { addTrainingRecords, upsertContent, upsertRepList } from '../../domain/training';
import { importResponses } from '../../domain/responses';

export function intakeRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  // Scope per route: middleware on '*' here would also guard the read routes mounted beside these.
  const ingest = requireScope('ingest');

  app.post('/reps', ingest, async (c) => {
    const { items } = await readBatch(c, repInput);
    return c.json({ upserted: await upsertRepList(deps, items) }, 200);
  });

  app.post('/training-records', ingest, async (c) => {
    const { items } = await readBatch(c, trainingRecordInput);
    const result = await addTrainingRecords(deps, items);
    return c.json(result, result.created > 0 ? 201 : 200);
  });

  app.post('/content-items', ingest, async (c) => {
    const { items } = await readBatch(c, contentItemInput);
    return c.json({ upserted: await upsertContent(deps, items) }, 200);
  });

  app.post('/interactions', ingest, async (c) => {
    const { items } = await readBatch(c, interactionInput);
    const results = await ingestInteractions(deps, items, 'api');
    // Why a survey was suppressed (an opt-out among them) is for `all` keys: an `ingest` key only learns that it was.
    const shown = c.get('apiKey').scope === 'all' ? results : results.map(({ reason: _reason, ...r }) => r);
    return c.json(shown, results.some((r) => r.status === 'created') ? 201 : 200);
  });

  app.post('/responses/import', ingest, async (c) => {
    const { items } = await readBatch(c, responseImportInput);
    const result = await importResponses(deps, items);
    return c.json(result, result.created > 0 ? 201 : 200);
  });

  return app;
}
