/**
 * The shapes of everything that comes in (JSON API, CSV import, staff forms), validated
 * once with zod at the edge. Instants are ISO 8601 with a zone, parsed to epoch ms.
 */
import { z } from 'zod';
import { INTERACTION_TYPES, LOCALES, TRAINING_KINDS } from '../lib/vocabulary';
import { daysInMonth, isCalendarDate } from '../lib/periods';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;
const MIN_INSTANT = Date.UTC(1990, 0, 1);
const MAX_INSTANT = Date.UTC(2100, 0, 1);

/** Why a value is refused (the checks below run on every row of a million-row import, inside zod or, for plain rows, without it). */
export class Refusal {
  constructor(readonly message: string) {}
}

function refuse(ctx: z.RefinementCtx, input: unknown, refusal: Refusal): never {
  ctx.addIssue({ code: 'custom', input, message: refusal.message });
  return z.NEVER;
}

/** The number written in v[from, to), or -1 when a character there is not a digit. */
function digits(v: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = v.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Epoch ms of an instant written as toISOString writes it (`2026-11-20T10:00:00.000Z`,
 * nearly every exported instant), between 1990 and 2100, without Date.parse (a third of
 * checking a history import's dates); undefined for any other form, left to Date.parse.
 */
function canonicalInstant(v: string): number | undefined {
  const dashes = v.charCodeAt(4) === 0x2d && v.charCodeAt(7) === 0x2d;
  if (
    v.length !== 24 ||
    !dashes ||
    v.charCodeAt(10) !== 0x54 ||
    v.charCodeAt(13) !== 0x3a ||
    v.charCodeAt(16) !== 0x3a ||
    v.charCodeAt(19) !== 0x2e ||
    v.charCodeAt(23) !== 0x5a
  ) {
    return undefined;
  }
  const year = digits(v, 0, 4);
  const month = digits(v, 5, 7);
  const day = digits(v, 8, 10);
  const hour = digits(v, 11, 13);
  const minute = digits(v, 14, 16);
  const second = digits(v, 17, 19);
  const ms = digits(v, 20, 23);
  if (year < 1990 || year >= 2100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month))
    return undefined;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** Epoch ms of an ISO 8601 instant with a zone, between 1990 and 2100. */
export function checkInstant(raw: string): number | Refusal {
  const v = raw.trim();
  const canonical = canonicalInstant(v);
  if (canonical !== undefined) return canonical;
  const ms = ISO_INSTANT.test(v) && isCalendarDate(v) ? Date.parse(v) : NaN;
  if (Number.isNaN(ms)) return new Refusal('must be an ISO 8601 instant with a zone, such as 2026-11-20T10:00:00Z');
  if (ms < MIN_INSTANT || ms >= MAX_INSTANT) return new Refusal('must be between 1990 and 2100');
  return ms;
}

const instant = z
  .string({ error: 'must be an ISO 8601 instant such as 2026-11-20T10:00:00Z' })
  .transform((raw, ctx) => {
    const ms = checkInstant(raw);
    return ms instanceof Refusal ? refuse(ctx, raw, ms) : ms;
  });

/** The address, trimmed and lower-cased. */
export function checkEmail(raw: string): string | Refusal {
  // Checked before trimming: a trailing CR/LF is as refused as one inside.
  if (/[\r\n\0]/.test(raw)) return new Refusal('must not contain line breaks');
  const v = raw.trim();
  if (v.length > 254) return new Refusal('must be at most 254 characters');
  // zod's own email pattern (what z.email() checks), without a parse per address.
  if (!z.regexes.email.test(v)) return new Refusal('must be a valid email address');
  return v.toLowerCase();
}

/**
 * Rep addresses seen valid in this process: an import names the same few reps on every
 * row. (Customers' addresses are not remembered: a history names hundreds of thousands,
 * and a bounded cache of them only churns.)
 */
const knownRepEmails = new Map<string, string>();

/** checkEmail, remembering the address (for rep addresses, which repeat). */
export function checkRepEmail(raw: string): string | Refusal {
  const known = knownRepEmails.get(raw);
  if (known !== undefined) return known;
  const address = checkEmail(raw);
  if (typeof address === 'string') {
    if (knownRepEmails.size >= 10_000) knownRepEmails.clear();
    knownRepEmails.set(raw, address);
  }
  return address;
}

const emailSchema = (check: (raw: string) => string | Refusal) =>
  z.string({ error: 'must be an email address' }).transform((raw, ctx) => {
    const address = check(raw);
    return address instanceof Refusal ? refuse(ctx, raw, address) : address;
  });

export const email = emailSchema(checkEmail);
/** A rep's address (the same checks as `email`). */
const repEmail = emailSchema(checkRepEmail);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

const id = (what: string) =>
  z
    .string({ error: `must be a ${what}` })
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters');

export const repInput = z.object({
  email,
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200),
  team: optionalText(100),
});
export type RepInput = z.infer<typeof repInput>;

/** Skills are lower-case slugs, created on first use. */
export const skillSlug = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .max(60)
  .transform((v) =>
    v
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, ''),
  )
  .refine((v) => v.length > 0, 'must contain letters or digits');

export const trainingRecordInput = z.object({
  externalId: optionalText(200),
  repEmail,
  skill: skillSlug,
  kind: z.enum(TRAINING_KINDS, { error: 'must be course, assessment or coaching' }),
  completedAt: instant,
  score: z
    .number({ error: 'must be a number from 0 to 100' })
    .min(0, 'must be at least 0')
    .max(100, 'must be at most 100')
    .nullish()
    .transform((v) => v ?? null),
});
export type TrainingRecordInput = z.infer<typeof trainingRecordInput>;

const safeUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'must be an http(s) URL')
  .nullish()
  .transform((v) => v ?? null);

export const contentItemInput = z.object({
  id: id('content id'),
  title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(300),
  url: z.union([z.literal(''), safeUrl]).transform((v) => v || null),
  stage: optionalText(100),
  topic: optionalText(100),
});
export type ContentItemInput = z.infer<typeof contentItemInput>;

/** Content items one interaction may name (API, CSV and the staff form alike). */
export const MAX_CONTENT_IDS = 50;

export const interactionInput = z.object({
  externalId: id('string'),
  repEmail,
  customer: z.object(
    {
      email,
      name: optionalText(200),
      locale: z
        .enum(LOCALES, { error: 'must be en, es or de' })
        .nullish()
        .transform((v) => v ?? 'en'),
      company: optionalText(200),
    },
    { error: 'must be an object with at least an email' },
  ),
  type: z.enum(INTERACTION_TYPES, { error: 'must be call, meeting, demo, quote or support' }),
  occurredAt: instant,
  quoteRequestedAt: instant.nullish().transform((v) => v ?? null),
  quoteDeliveredAt: instant.nullish().transform((v) => v ?? null),
  contentIds: z
    .array(id('content id'), { error: 'must be an array of content ids' })
    .max(MAX_CONTENT_IDS, `must list at most ${MAX_CONTENT_IDS} items`)
    .nullish()
    .transform((v) => [...new Set(v ?? [])]),
});
export type InteractionInput = z.infer<typeof interactionInput>;

const yesNo = z
  .union([z.boolean(), z.enum(['yes', 'no']), z.literal(0), z.literal(1)], { error: 'must be yes or no' })
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : v === true || v === 'yes' || v === 1 ? 1 : 0));
const oneToFive = z
  .number({ error: 'must be a whole number from 1 to 5' })
  .int('must be a whole number from 1 to 5')
  .min(1, 'must be from 1 to 5')
  .max(5, 'must be from 1 to 5')
  .nullish()
  .transform((v) => v ?? null);

export const COMMENT_MAX = 2000;

const answersInput = z.object({
  resolved_first_contact: yesNo,
  content_useful: oneToFive,
  decision_clearer: oneToFive,
  added_value: oneToFive,
  comment: z
    .string({ error: 'must be text' })
    .max(COMMENT_MAX, `must be at most ${COMMENT_MAX} characters`)
    .nullish()
    .transform((v) => (v?.trim() ? v : null)),
});

export const responseImportInput = z.object({
  interactionExternalId: id('string'),
  answeredAt: instant,
  answers: answersInput,
});
export type ResponseImportInput = z.infer<typeof responseImportInput>;

export const MAX_BATCH = 1000;
