/**
 * The CSV formats (README.md, "CSV imports"): the JSON field names, flattened. Each kind
 * maps a row to the same input the JSON API takes (validated by the same zod schema), and
 * maps a validation path back to the CSV column it came from.
 */
import type { z } from 'zod';
import type { ImportKind } from '../../../db/schema';
import { LOCALES, INTERACTION_TYPES } from '../../lib/vocabulary';
import {
  checkEmail,
  checkInstant,
  checkRepEmail,
  contentItemInput,
  interactionInput,
  Refusal,
  repInput,
  responseImportInput,
  trainingRecordInput,
  type InteractionInput,
} from '../inputs';
import { headerSpec, type HeaderSpec } from './read-csv';

export interface CsvFormat<S extends z.ZodType = z.ZodType> {
  header: HeaderSpec;
  schema: S;
  toInput(values: Record<string, string>): unknown;
  columnOf(path: readonly PropertyKey[]): string;
  /**
   * The schema's output for a row in the common, plain form, checked without zod (a
   * million-row import spent most of its reading time in it); undefined sends the row
   * through the schema, which decides and words any refusal. It may refuse more than the
   * schema, never accept more: test/survey/plain-rows.test.ts holds the two together.
   */
  plain?(values: Record<string, string>): unknown;
}

const orNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v);
/** A number when the cell looks like one; otherwise the text, so validation names it. */
const numberish = (v: string | undefined) => {
  const text = orNull(v);
  if (text === null) return null;
  const n = Number(text.trim().replace(',', '.'));
  return Number.isFinite(n) ? n : text;
};
const first = (path: readonly PropertyKey[]) => String(path[0] ?? '');

/** A trimmed optional text (null when blank), or undefined when too long for the plain path. */
const plainText = (v: string | undefined, max: number) => {
  const text = (v ?? '').trim();
  return text === '' ? null : text.length > max ? undefined : text;
};
const plainInstant = (v: string | undefined) => {
  if (v === undefined || v.trim() === '') return null;
  const ms = checkInstant(v);
  return ms instanceof Refusal ? undefined : ms;
};
const LOCALE_SET: ReadonlySet<string> = new Set(LOCALES);
const TYPE_SET: ReadonlySet<string> = new Set(INTERACTION_TYPES);

function plainInteraction(v: Record<string, string>): InteractionInput | undefined {
  const externalId = (v.externalId ?? '').trim();
  const repEmail = checkRepEmail(v.repEmail ?? '');
  const email = checkEmail(v.customerEmail ?? '');
  const name = plainText(v.customerName, 200);
  const company = plainText(v.customerCompany, 200);
  const locale = (v.customerLocale ?? '').trim().toLowerCase() || 'en';
  const type = (v.type ?? '').trim().toLowerCase();
  const occurredAt = plainInstant(v.occurredAt);
  const quoteRequestedAt = plainInstant(v.quoteRequestedAt);
  const quoteDeliveredAt = plainInstant(v.quoteDeliveredAt);
  const listed = v.contentIds ?? '';
  const ids =
    listed.trim() === ''
      ? []
      : listed
          .split(';')
          .map((id) => id.trim())
          .filter((id) => id.length > 0);
  if (
    externalId.length === 0 ||
    externalId.length > 200 ||
    typeof repEmail !== 'string' ||
    typeof email !== 'string' ||
    name === undefined ||
    company === undefined ||
    !LOCALE_SET.has(locale) ||
    !TYPE_SET.has(type) ||
    typeof occurredAt !== 'number' ||
    quoteRequestedAt === undefined ||
    quoteDeliveredAt === undefined ||
    ids.length > 50 ||
    ids.some((id) => id.length > 200)
  ) {
    return undefined;
  }
  return {
    externalId,
    repEmail,
    customer: { email, name, locale: locale as InteractionInput['customer']['locale'], company },
    type: type as InteractionInput['type'],
    occurredAt,
    quoteRequestedAt,
    quoteDeliveredAt,
    contentIds: ids.length < 2 ? ids : [...new Set(ids)],
  };
}

const ANSWER_COLUMNS = [
  'resolved_first_contact',
  'content_useful',
  'decision_clearer',
  'added_value',
  'comment',
] as const;

export const CSV_FORMATS: Record<ImportKind, CsvFormat> = {
  reps: {
    header: headerSpec(['email', 'name', 'team'], ['email', 'name']),
    schema: repInput,
    toInput: (v) => ({ email: v.email, name: v.name, team: orNull(v.team) }),
    columnOf: first,
  },
  training: {
    header: headerSpec(
      ['externalId', 'repEmail', 'skill', 'kind', 'completedAt', 'score'],
      ['repEmail', 'skill', 'kind', 'completedAt'],
    ),
    schema: trainingRecordInput,
    toInput: (v) => ({
      externalId: orNull(v.externalId),
      repEmail: v.repEmail,
      skill: v.skill,
      kind: v.kind,
      completedAt: v.completedAt,
      score: numberish(v.score),
    }),
    columnOf: first,
  },
  content: {
    header: headerSpec(['id', 'title', 'url', 'stage', 'topic'], ['id', 'title']),
    schema: contentItemInput,
    toInput: (v) => ({ id: v.id, title: v.title, url: orNull(v.url), stage: orNull(v.stage), topic: orNull(v.topic) }),
    columnOf: first,
  },
  interactions: {
    header: headerSpec(
      [
        'externalId',
        'repEmail',
        'customerEmail',
        'customerName',
        'customerLocale',
        'customerCompany',
        'type',
        'occurredAt',
        'quoteRequestedAt',
        'quoteDeliveredAt',
        'contentIds',
      ],
      ['externalId', 'repEmail', 'customerEmail', 'type', 'occurredAt'],
    ),
    schema: interactionInput,
    toInput: (v) => ({
      externalId: v.externalId,
      repEmail: v.repEmail,
      customer: {
        email: v.customerEmail,
        name: orNull(v.customerName),
        locale: orNull(v.customerLocale)?.trim().toLowerCase() ?? null,
        company: orNull(v.customerCompany),
      },
      type: v.type?.trim().toLowerCase(),
      occurredAt: v.occurredAt,
      quoteRequestedAt: orNull(v.quoteRequestedAt),
      quoteDeliveredAt: orNull(v.quoteDeliveredAt),
      contentIds: (v.contentIds ?? '')
        .split(';')
        .map((id) => id.trim())
        .filter((id) => id.length > 0),
    }),
    columnOf: (path) => {
      if (path[0] === 'customer') {
        const key = String(path[1] ?? 'email');
        return `customer${key.charAt(0).toUpperCase()}${key.slice(1)}`;
      }
      return first(path);
    },
    plain: plainInteraction,
  },
  responses: {
    header: headerSpec(
      ['interactionExternalId', 'answeredAt', ...ANSWER_COLUMNS],
      ['interactionExternalId', 'answeredAt'],
    ),
    schema: responseImportInput,
    toInput: (v) => {
      const yesNo = orNull(v.resolved_first_contact)?.trim().toLowerCase() ?? null;
      return {
        interactionExternalId: v.interactionExternalId,
        answeredAt: v.answeredAt,
        answers: {
          resolved_first_contact:
            yesNo === '1' || yesNo === 'true' ? 'yes' : yesNo === '0' || yesNo === 'false' ? 'no' : yesNo,
          content_useful: numberish(v.content_useful),
          decision_clearer: numberish(v.decision_clearer),
          added_value: numberish(v.added_value),
          comment: orNull(v.comment),
        },
      };
    },
    columnOf: (path) => (path[0] === 'answers' ? String(path[1] ?? 'answers') : first(path)),
  },
};
