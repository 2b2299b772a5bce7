/**
 * The OpenAPI document (issue 18, "API reference"): a valid OpenAPI 3.1 document that lists
 * every /api/v1 route the app serves, and real answers of each route — successes and
 * errors, on the demo workspace — match the schema it gives for that status.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoWorkspace } from '../../db/demo';
import { addApiKey, api, BASE_URL, createTestApp, interaction, manualClock, type TestApp } from '../helpers/app';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

type Doc = { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

describe('GET /api/v1/openapi.json', () => {
  let t: TestApp;
  let doc: Doc;
  let all: string;
  let ingest: string;
  let read: string;
  const checked = new Set<string>();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);

  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    // Local webhook targets allowed: the webhook routes register the loopback receiver.
    t = await createTestApp({ WEBHOOK_ALLOW_LOCAL: '1' }, manualClock('2026-11-20T10:00:00Z'));
    await loadDemoWorkspace(t.deps);
    [all, ingest, read] = (await Promise.all(
      ['all', 'ingest', 'read'].map(async (s) => (await addApiKey(t, s as 'all')).key),
    )) as [string, string, string];
    const res = await t.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
    ajv.addSchema(doc as object, 'doc');
  }, 120_000);
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  /** The body of a real answer against the document's schema for its route and status. */
  const conforms = (method: string, path: string, answer: { status: number; json: unknown; headers: Headers }) => {
    const responses = doc.paths[path]?.[method]?.responses;
    expect(responses, `${method} ${path} is in the document`).toBeDefined();
    expect(Object.keys(responses!), `${method} ${path} documents ${answer.status}`).toContain(String(answer.status));
    const pointer = `doc#/paths/${path.replaceAll('/', '~1')}/${method}/responses/${answer.status}/content`;
    const type = answer.headers.get('Content-Type') ?? '';
    if (answer.status === 204) {
      expect(
        (responses![String(answer.status)] as { content?: unknown }).content,
        `${method} ${path} 204`,
      ).toBeUndefined();
    } else if (type.startsWith('text/csv')) {
      expect(ajv.getSchema(`${pointer}/text~1csv/schema`), `${method} ${path} ${answer.status} is CSV`).toBeDefined();
    } else {
      const validate = ajv.getSchema(`${pointer}/application~1json/schema`);
      expect(validate, `${method} ${path} ${answer.status} is JSON`).toBeDefined();
      const ok = validate!(answer.json);
      expect(
        ok ? [] : validate!.errors,
        `${method} ${path} ${answer.status}: ${JSON.stringify(answer.json).slice(0, 300)}`,
      ).toEqual([]);
    }
    checked.add(`${method} ${path} ${answer.status}`);
  };
  /** Calls a route and checks its answer; an id in the path is matched to the document's `{id}`. */
  const call = async (key: string, method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown) => {
    const answer = await api(t, key, method, path, body);
    conforms(method.toLowerCase(), path.split('?')[0]!.replace(/\/\d+(?=\/|$)/g, '/{id}'), answer);
    return answer;
  };

  it('is a valid OpenAPI 3.1 document, served without a key, naming our origin', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((doc as unknown as { openapi: string }).openapi).toBe('3.1.0');
    expect((doc as unknown as { servers: { url: string }[] }).servers[0]!.url).toBe(`${BASE_URL}/api/v1`);
  });

  it('lists every /api/v1 route the app serves, and nothing else', () => {
    const served = new Set(
      t.app.routes
        .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
        .map((r) => `${r.method.toLowerCase()} ${r.path.slice('/api/v1'.length).replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m} ${path}`)),
    );
    expect(documented).toEqual(served);
    expect(served.size).toBeGreaterThanOrEqual(10);
  });

  it('writes: successes and errors answer as documented', async () => {
    await call(all, 'GET', '/whoami');
    await call('cpil_unknown', 'GET', '/whoami');
    await call(ingest, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
    await call(ingest, 'POST', '/reps', { email: 'not-an-address', name: '' });
    await call(ingest, 'POST', '/content-items', { id: 'deck-q4', title: 'Q4 deck', url: 'https://x.test/d' });
    const first = interaction({ externalId: 'crm-openapi-1' });
    await call(ingest, 'POST', '/interactions', first);
    await call(ingest, 'POST', '/interactions', first); // existing: 200
    await call(ingest, 'POST', '/interactions', { ...first, type: 'demo' }); // conflict: 409
    await call(all, 'POST', '/interactions', interaction({ occurredAt: '2025-01-01T00:00:00Z' })); // suppressed, with a reason
    await call(ingest, 'POST', '/training-records', {
      repEmail: 'ana@acme.test',
      skill: 'Objection handling',
      kind: 'assessment',
      completedAt: '2026-11-01T00:00:00Z',
      score: 60,
    });
    await call(ingest, 'POST', '/responses/import', {
      interactionExternalId: 'crm-openapi-1',
      answeredAt: '2026-11-20T11:00:00Z',
      answers: { resolved_first_contact: 'yes', content_useful: 4 },
    });
    await call(ingest, 'POST', '/responses/import', {
      interactionExternalId: 'crm-nobody',
      answeredAt: '2026-11-20T11:00:00Z',
      answers: {},
    });
    await call(read, 'POST', '/reps', { email: 'b@acme.test', name: 'B' }); // scope: 403
    const notJson = await t.request('/api/v1/reps', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ingest}`, 'Content-Type': 'text/plain' },
      body: 'x',
    });
    conforms('post', '/reps', { status: notJson.status, json: await notJson.json(), headers: notJson.headers });
    const badJson = await t.request('/api/v1/reps', {
      method: 'POST',
      headers: { Authorization: `Bearer ${ingest}`, 'Content-Type': 'application/json' },
      body: '{',
    });
    conforms('post', '/reps', { status: badJson.status, json: await badJson.json(), headers: badJson.headers });
    for (const status of ['200', '201', '400', '401', '403', '409', '415', '422'])
      expect(
        [...checked].some((c) => c.endsWith(` ${status}`)),
        `a ${status} was checked`,
      ).toBe(true);
  });

  it('webhooks: register, list, rotate and delete answer as documented (an `all` key only)', async () => {
    const created = await call(all, 'POST', '/webhooks', { url: receiver.url, events: ['response.submitted'] });
    expect(created.status).toBe(201);
    expect(created.json.secret).toMatch(/^whsec_/);
    await call(all, 'POST', '/webhooks', { url: 'ftp://x.test/', events: ['nope'] }); // 422
    await call(ingest, 'POST', '/webhooks', { url: receiver.url, events: ['import.finished'] }); // 403
    const listed = await call(all, 'GET', '/webhooks');
    expect(listed.json.webhooks).toEqual([
      expect.objectContaining({ id: created.json.id, url: receiver.url, events: ['response.submitted'] }),
    ]);
    expect(JSON.stringify(listed.json)).not.toContain('whsec_');
    await call(read, 'GET', '/webhooks'); // 403
    const rotated = await call(all, 'POST', `/webhooks/${created.json.id}/rotate`);
    expect(rotated.json.secret).not.toBe(created.json.secret);
    await call(all, 'POST', '/webhooks/9999/rotate'); // 404
    const gone = await call(all, 'DELETE', `/webhooks/${created.json.id}`);
    expect(gone.status).toBe(204);
    await call(all, 'DELETE', `/webhooks/${created.json.id}`); // 404
  });

  it('reads: CPIs, gaps, training effects and the CSV on the demo workspace answer as documented', async () => {
    const from = new Date(t.clock.nowMs() - 365 * 86_400_000).toISOString();
    for (const groupBy of ['rep', 'team', 'org']) {
      const res = await call(read, 'GET', `/cpis?groupBy=${groupBy}&from=${from}`);
      expect(res.json.groups.length).toBeGreaterThan(0);
    }
    await call(read, 'GET', '/cpis?groupBy=week');
    const gaps = await call(read, 'GET', `/gaps?from=${from}`);
    expect(gaps.json.links.length).toBeGreaterThan(0);
    expect(gaps.json.reps.some((r: { gaps: unknown[] }) => r.gaps.length > 0)).toBe(true);
    const effects = await call(read, 'GET', `/training-effects?from=${from}`);
    expect(effects.json.effects.length).toBeGreaterThan(0);
    await call(read, 'GET', '/training-effects?kind=webinar');
    await call(read, 'GET', `/responses.csv?from=${from}`);
    await call(ingest, 'GET', '/cpis');
    const documentedRoutes = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms).map((m) => `${m} ${p}`));
    for (const route of documentedRoutes)
      expect(
        [...checked].some((c) => c.startsWith(`${route} `)),
        `${route} was called`,
      ).toBe(true);
  }, 120_000);
});
