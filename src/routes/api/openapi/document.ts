/**
 * The OpenAPI 3.1 document of `/api/v1` (served at `/api/v1/openapi.json`, rendered at
 * `/api/reference`). Request bodies come from the zod schemas that validate them
 * (src/domain/inputs.ts), responses from ./bodies.ts; both through zod's own JSON Schema
 * output, so the document cannot drift from what the code accepts. docs/api.md has the prose.
 */
import { z } from 'zod';
import {
  contentItemInput,
  interactionInput,
  MAX_BATCH,
  repInput,
  responseImportInput,
  trainingRecordInput,
} from '../../../domain/inputs';
import { INTERACTION_TYPES } from '../../../../db/schema';
import type { ApiReferenceProps } from '../../../../views/pages/api-reference';
import {
  cpisBody,
  createdBody,
  errorBody,
  gapsBody,
  interactionResultsBody,
  trainingEffectsBody,
  upsertedBody,
  webhookListBody,
  webhookSecretBody,
  whoamiBody,
} from './bodies';
import { webhookInput } from '../../../domain/webhooks';

type Scope = 'any' | 'ingest' | 'read' | 'all';

interface Parameter {
  name: string;
  description: string;
  schema: Record<string, unknown>;
}

interface Operation {
  method: 'get' | 'post' | 'delete';
  /** `{name}` marks a path parameter (an integer id). */
  path: string;
  summary: string;
  scope: Scope;
  parameters?: Parameter[];
  /** A write: one item or an array of up to MAX_BATCH of them. */
  batchOf?: { name: string; schema: z.ZodType };
  /** A write of one object. */
  body?: { name: string; schema: z.ZodType };
  /** Success statuses and their body (a zod schema, CSV text, or none). */
  ok: Record<number, z.ZodType | 'csv' | 'empty'>;
  /** Error statuses this route answers besides the common ones. */
  errors: number[];
}

const instant = {
  type: 'string',
  description: 'An ISO 8601 instant with a zone, or a bare date (its midnight UTC).',
  examples: ['2026-07-01', '2026-07-01T00:00:00Z'],
};
const periodParameters: Parameter[] = [
  { name: 'from', description: 'Start, inclusive. Default: 90 days before `to`.', schema: instant },
  {
    name: 'to',
    description: 'End, exclusive. Default: now (`/gaps`: the end of the current UTC day).',
    schema: instant,
  },
];
const team: Parameter = {
  name: 'team',
  description: "A team's name: narrows the reps listed (analyses always run over the whole organisation).",
  schema: { type: 'string' },
};

const OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/whoami',
    summary: 'The key making the request',
    scope: 'any',
    ok: { 200: whoamiBody },
    errors: [],
  },
  {
    method: 'post',
    path: '/reps',
    summary: 'Add or update reps by email (teams created on first use)',
    scope: 'ingest',
    batchOf: { name: 'Rep', schema: repInput },
    ok: { 200: upsertedBody },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/training-records',
    summary: 'Record courses, assessments and coaching',
    scope: 'ingest',
    batchOf: { name: 'TrainingRecord', schema: trainingRecordInput },
    ok: { 200: createdBody, 201: createdBody },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/content-items',
    summary: 'Add or update content items by id',
    scope: 'ingest',
    batchOf: { name: 'ContentItem', schema: contentItemInput },
    ok: { 200: upsertedBody },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/interactions',
    summary: 'Send interactions from the CRM; each is surveyed or suppressed by the survey rules',
    scope: 'ingest',
    batchOf: { name: 'Interaction', schema: interactionInput },
    ok: { 200: interactionResultsBody, 201: interactionResultsBody },
    errors: [400, 409, 413, 415, 422],
  },
  {
    method: 'post',
    path: '/responses/import',
    summary: 'Import answers collected by another survey tool',
    scope: 'ingest',
    batchOf: { name: 'ResponseImport', schema: responseImportInput },
    ok: { 200: createdBody, 201: createdBody },
    errors: [400, 413, 415, 422],
  },
  {
    method: 'get',
    path: '/cpis',
    summary: 'CPIs per rep, team or the organisation, with intervals',
    scope: 'read',
    parameters: [
      { name: 'groupBy', description: 'Default `rep`.', schema: { type: 'string', enum: ['rep', 'team', 'org'] } },
      ...periodParameters,
      team,
      {
        name: 'type',
        description: `One interaction type or several separated by commas (${INTERACTION_TYPES.join(', ')}).`,
        schema: { type: 'string' },
      },
    ],
    ok: { 200: cpisBody },
    errors: [422],
  },
  {
    method: 'get',
    path: '/gaps',
    summary: 'Skill ↔ CPI links of the joint model and each rep’s skill gaps',
    scope: 'read',
    parameters: [...periodParameters, team],
    ok: { 200: gapsBody },
    errors: [422],
  },
  {
    method: 'get',
    path: '/training-effects',
    summary: 'Did a course or coaching change a CPI, against similar reps in the same months',
    scope: 'read',
    parameters: [
      ...periodParameters,
      { name: 'skill', description: 'A skill slug.', schema: { type: 'string' } },
      { name: 'kind', description: 'Course or coaching.', schema: { type: 'string', enum: ['course', 'coaching'] } },
      team,
    ],
    ok: { 200: trainingEffectsBody },
    errors: [422],
  },
  {
    method: 'get',
    path: '/responses.csv',
    summary: 'Every submitted response of the period as CSV (audited)',
    scope: 'read',
    parameters: periodParameters,
    ok: { 200: 'csv' },
    errors: [422],
  },
  {
    method: 'post',
    path: '/webhooks',
    summary: 'Register a webhook endpoint; the answer holds its signing secret, shown once',
    scope: 'all',
    body: { name: 'WebhookInput', schema: webhookInput },
    ok: { 201: webhookSecretBody },
    errors: [400, 415, 422],
  },
  {
    method: 'get',
    path: '/webhooks',
    summary: 'The webhook endpoints (without their secrets)',
    scope: 'all',
    ok: { 200: webhookListBody },
    errors: [],
  },
  {
    method: 'post',
    path: '/webhooks/{id}/rotate',
    summary: 'A new signing secret; the old one keeps signing beside it for 24 hours',
    scope: 'all',
    ok: { 200: webhookSecretBody },
    errors: [404],
  },
  {
    method: 'delete',
    path: '/webhooks/{id}',
    summary: 'Delete a webhook endpoint and its pending deliveries',
    scope: 'all',
    ok: { 204: 'empty' },
    errors: [404],
  },
];

/** Every route may answer these (the key, the rate limit, the database). */
const COMMON_ERRORS = [401, 403, 429, 500, 503];

const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed JSON (`bad_request`) or an API key in the query string (`key_in_query`).',
  401: 'No, unknown or revoked key (`unauthorized`).',
  403: 'The key lacks the scope (`forbidden`).',
  404: 'No such webhook (`not_found`).',
  409: 'An `externalId` received before with other values (`conflict`).',
  413: `A body over 4 MB, or a batch over ${MAX_BATCH} items (\`too_large\`).`,
  415: 'Not JSON (`unsupported_media_type`).',
  422: 'Invalid fields or query parameters, each named in `issues` (`invalid`).',
  429: 'Too many bad keys from one address; `Retry-After` says when to try again (`rate_limited`).',
  500: 'A bug, logged on the server (`internal`).',
  503: 'The database is busy or full; nothing was written; retry after `Retry-After` (`unavailable`).',
};

type JsonSchema = Record<string, unknown>;

/** zod → JSON Schema (2020-12, the dialect of OpenAPI 3.1); named schemas go to components. */
function toSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
    reused: 'inline',
  }) as JsonSchema;
  // A schema with an id comes back as a $ref to itself in $defs: the component is the definition.
  const defs = rest.$defs as Record<string, JsonSchema> | undefined;
  const self = typeof rest.$ref === 'string' ? rest.$ref.replace('#/$defs/', '') : undefined;
  if (defs && self && Object.keys(defs).length === 1 && defs[self]) {
    const { id: _id, ...definition } = defs[self];
    return definition;
  }
  return rest;
}

const scopeWords = (scope: Scope) => (scope === 'any' ? 'any' : scope === 'all' ? 'all' : `${scope} or all`);

const componentName = (schema: z.ZodType) => (z.globalRegistry.get(schema)?.id as string | undefined) ?? null;

export interface OpenApiOptions {
  /** The public origin (BASE_URL). */
  baseUrl: string;
}

/** The whole document. */
export function openApiDocument(options: OpenApiOptions) {
  const schemas: Record<string, JsonSchema> = { Error: toSchema(errorBody, 'output') };
  const ref = (schema: z.ZodType, io: 'input' | 'output', name?: string) => {
    const id = name ?? componentName(schema);
    if (id === null) return toSchema(schema, io);
    schemas[id] ??= toSchema(schema, io);
    return { $ref: `#/components/schemas/${id}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, body] of Object.entries(op.ok))
      responses[status] =
        body === 'empty'
          ? { description: 'Done; no body.' }
          : {
              description: status === '201' ? (op.body ? 'Created.' : 'At least one item was new.') : 'OK',
              content:
                body === 'csv'
                  ? { 'text/csv': { schema: { type: 'string' } } }
                  : { 'application/json': { schema: ref(body, 'output') } },
            };
    for (const status of [...op.errors, ...COMMON_ERRORS].sort((a, b) => a - b))
      responses[String(status)] = {
        description: ERROR_TEXT[status],
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      };
    const item = op.batchOf && ref(op.batchOf.schema, 'input', op.batchOf.name);
    const single = op.body && ref(op.body.schema, 'input', op.body.name);
    const pathParameters = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
      name,
      in: 'path',
      required: true,
      description: 'The webhook id.',
      schema: { type: 'integer', minimum: 1 },
    }));
    const queryParameters = (op.parameters ?? []).map((p) => ({
      name: p.name,
      in: 'query',
      required: false,
      description: p.description,
      schema: p.schema,
    }));
    const parameters = [...pathParameters, ...queryParameters];
    (paths[op.path] ??= {})[op.method] = {
      operationId: `${op.method}${op.path.replace(/[{}]/g, '').replace(/[^a-z]+(.)/gi, (_, c: string) => c.toUpperCase())}`,
      summary: op.summary,
      'x-required-scope': scopeWords(op.scope),
      security: [{ apiKey: [] }],
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(single ? { requestBody: { required: true, content: { 'application/json': { schema: single } } } } : {}),
      ...(item
        ? {
            requestBody: {
              required: true,
              description: `One item, or an array of 1 to ${MAX_BATCH}; all or nothing.`,
              content: {
                'application/json': {
                  schema: { oneOf: [item, { type: 'array', items: item, minItems: 1, maxItems: MAX_BATCH }] },
                },
              },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CPI Lens API',
      version: '1', // the path's /v1: fields are added within it, never renamed or removed
      description:
        'Send interactions, reps, training records and answers from a CRM or LMS; read CPIs, skill gaps and training effects. Keys are created at Admin → API keys; scopes: `ingest` writes, `read` reads, `all` both.',
    },
    servers: [{ url: `${options.baseUrl.replace(/\/$/, '')}/api/v1` }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      schemas,
      securitySchemes: {
        apiKey: { type: 'http', scheme: 'bearer', description: 'An API key: `cpil_` and 43 base64url characters.' },
      },
    },
  };
}

/** One operation as the reference page lists it. */
type ReferenceOperation = ApiReferenceProps['operations'][number];

/** A JSON Schema's type in a few words: `string or null`, `array of string`, `"yes" | "no"`. */
function typeWords(schema: JsonSchema | undefined): string {
  if (!schema) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const alternatives = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (alternatives) return [...new Set(alternatives.map(typeWords))].join(' or ');
  if (schema.type === 'array') return `array of ${typeWords(schema.items as JsonSchema)}`;
  return Array.isArray(schema.type) ? schema.type.join(' or ') : String(schema.type ?? 'any');
}

/** The fields of an object schema, nested ones with dotted names (`customer.email`). */
function fieldsOf(schema: JsonSchema, prefix = ''): ReferenceOperation['fields'] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).flatMap(([name, property]) =>
    property.type === 'object'
      ? fieldsOf(property, `${prefix}${name}.`)
      : [{ name: `${prefix}${name}`, type: typeWords(property), required: required.has(name) }],
  );
}

export function referenceOperations(document: ReturnType<typeof openApiDocument>): ApiReferenceProps['operations'] {
  return OPERATIONS.map((op) => {
    const described = document.paths[op.path]![op.method] as { responses: Record<string, { description: string }> };
    return {
      method: op.method.toUpperCase(),
      path: `/api/v1${op.path}`,
      summary: op.summary,
      scope: op.scope === 'any' ? 'any key' : scopeWords(op.scope),
      parameters: (op.parameters ?? []).map((p) => ({
        name: p.name,
        type: typeWords(p.schema),
        description: p.description,
      })),
      fields: op.batchOf || op.body ? fieldsOf(document.components.schemas[(op.batchOf ?? op.body)!.name]!) : [],
      statuses: Object.entries(described.responses).map(([status, r]) => ({ status, description: r.description })),
    };
  });
}
