/**
 * What each `/api/v1` route answers, as zod schemas: the source of the response schemas in
 * the OpenAPI document (./document.ts), held to the real answers by
 * test/api/openapi.test.ts. Objects are open (clients ignore fields they do not know,
 * docs/api.md, "Versioning and changes"); the fields listed are always there.
 */
import { z } from 'zod';
import { CPI_KEYS } from '../../../stats';
import { WEBHOOK_EVENTS } from '../../../lib/webhook-events';

const num = z.number().nullable();
const cpi = z.enum(CPI_KEYS);

export const errorBody = z
  .object({
    error: z.object({
      code: z.enum([
        'bad_request',
        'key_in_query',
        'unauthorized',
        'forbidden',
        'not_found',
        'conflict',
        'too_large',
        'unsupported_media_type',
        'invalid',
        'rate_limited',
        'unavailable',
        'internal',
      ]),
      message: z.string(),
      issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })),
    }),
  })
  .meta({ id: 'Error', description: 'Every error under /api/ has this shape; `issues` names the fields to blame.' });

export const whoamiBody = z
  .object({ key: z.object({ id: z.number().int(), name: z.string(), scope: z.enum(['ingest', 'read', 'all']) }) })
  .meta({ id: 'WhoAmI' });

export const upsertedBody = z.object({ upserted: z.number().int().min(0) }).meta({ id: 'Upserted' });

export const createdBody = z
  .object({ created: z.number().int().min(0), duplicates: z.number().int().min(0) })
  .meta({ id: 'CreatedAndDuplicates' });

export const interactionResultsBody = z
  .array(
    z.object({
      externalId: z.string(),
      id: z.number().int(),
      status: z.enum(['created', 'existing', 'updated']),
      survey: z.enum(['scheduled', 'suppressed']),
      reason: z
        .enum(['fatigue', 'too-old', 'opted-out', 'rep-excluded'])
        .optional()
        .describe('Only for an `all` key, and only when the survey was suppressed.'),
    }),
  )
  .meta({ id: 'InteractionResults', description: 'One result per item, in order (always an array).' });

/** Team and org figures only (their intervals are cluster-robust). */
const clustering = { designEffect: z.number().optional(), effectiveN: z.number().optional() };
/** The shrunk estimate used for ranking and its posterior SD (reps; groups where computed). */
const shrinkage = { shrunk: num.optional(), shrunkSd: num.optional() };
const share = z
  .object({ n: z.number().int(), rate: num, lower: num, upper: num, ...shrinkage, ...clustering })
  .nullable();
const mean = z
  .object({ n: z.number().int(), mean: num, lower: num, upper: num, top2: num, ...shrinkage, ...clustering })
  .nullable();

export const cpisBody = z
  .object({
    groups: z.array(
      z.union([
        z.object({ key: z.string(), n: z.number().int(), suppressed: z.literal(true) }),
        z.object({
          key: z.string(),
          n: z.number().int(),
          suppressed: z.literal(false),
          invited: z.number().int(),
          responseRate: num,
          fcr: share,
          contentUseful: mean,
          decisionClearer: mean,
          addedValue: mean,
          valueAddedCount: z.number().int(),
          quoteTurnaroundHours: z
            .object({
              n: z.number().int(),
              median: num,
              p90: num,
              withinSla: num,
              withinSlaLower: num,
              withinSlaUpper: num,
              slaHours: z.number(),
              ...clustering,
            })
            .nullable(),
        }),
      ]),
    ),
  })
  .meta({ id: 'Cpis', description: 'One group per rep (key: email), team (key: name) or the org (key: `org`).' });

const analysisStamp = {
  computedAt: z.iso.datetime().describe('When the analysis was computed (also the X-Computed-At header of /gaps).'),
  dataVersion: z.number().int().describe('The data version it was computed on.'),
};

export const gapsBody = z
  .object({
    links: z.array(
      z.object({
        skill: z.string(),
        cpi,
        n: z.number().int(),
        estimate: num,
        se: num,
        lower: num,
        upper: num,
        p: num,
        q: num,
        tier: z.enum(['finding', 'exploratory', 'no-evidence', 'not-separable', 'insufficient']),
        mde: num,
        vif: num,
        unadjustedRho: num,
        separableFrom: z.string().optional(),
      }),
    ),
    reps: z.array(
      z.object({
        repEmail: z.string(),
        gaps: z.array(
          z.object({
            skill: z.string(),
            cpi: cpi.nullable(),
            score: num,
            lower: num,
            upper: num,
            label: z.enum([
              'untrained',
              'trained-not-transferred',
              'coached-improving',
              'coached-not-improving',
              'coached-too-early-to-tell',
            ]),
            lowConfidence: z.boolean(),
          }),
        ),
      }),
    ),
    targets: z.partialRecord(cpi, z.number()),
    ...analysisStamp,
  })
  .meta({ id: 'Gaps' });

const interval = { effect: num, lower: num, upper: num };

export const trainingEffectsBody = z
  .object({
    effects: z.array(
      z.object({
        skill: z.string(),
        kind: z.enum(['course', 'coaching']),
        cpi,
        status: z.enum(['ok', 'not-enough-data']),
        reason: z.string().optional(),
        ...interval,
        p: num,
        q: num,
        treatedReps: z.number().int(),
        controlReps: z.number().int(),
        cohorts: z.number().int(),
        preTrend: z.object({ ...interval, ok: z.boolean() }).nullable(),
        eventStudy: z.array(z.object({ month: z.number().int(), ...interval })),
      }),
    ),
    ...analysisStamp,
  })
  .meta({ id: 'TrainingEffects' });

export const webhookSecretBody = z
  .object({
    id: z.number().int(),
    secret: z.string().describe('`whsec_` + base64: shown once; verify deliveries with it (README, "Webhooks").'),
  })
  .meta({ id: 'WebhookSecret' });

export const webhookListBody = z
  .object({
    webhooks: z.array(
      z.object({
        id: z.number().int(),
        url: z.string(),
        events: z.array(z.enum(WEBHOOK_EVENTS)),
        createdAt: z.string(),
        rotatedAt: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Webhooks', description: 'The endpoints; secrets are never listed.' });
