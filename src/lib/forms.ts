import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors';

/** Field name → value, or values in posted order when the name repeats. No prototype: `__proto__` is a field like any other. */
export type FormFields = Record<string, string | string[]>;

/**
 * The most fields one post may carry. Our largest form (the admin's team checkboxes, the
 * interaction form's content items) stays far below it; anything above is refused with 413
 * before a single pair is stored, so the work per request is bounded and linear.
 */
export const MAX_FORM_FIELDS = 1000;

const tooManyFields = (limit: number) =>
  new AppError(413, 'too_many_fields', `The form has more than ${limit} fields; nothing was read.`, [], undefined, {
    limit,
  });

/**
 * Reads an urlencoded or multipart form (files ignored); repeated fields become arrays.
 * Linear in the body's size: the pairs are counted before they are parsed (more than
 * MAX_FORM_FIELDS → 413), and repeats are appended in place. The body itself was already
 * bounded by the app's body limit, which runs before any parsing.
 */
export async function readForm(c: Context): Promise<FormFields> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const body = await c.req.text();
    if (countOccurrences(body, '&') >= MAX_FORM_FIELDS) throw tooManyFields(MAX_FORM_FIELDS);
    return collect(new URLSearchParams(body));
  }
  if (type.startsWith('multipart/form-data')) {
    const { body } = await readMultipartBody(c, MAX_FORM_FIELDS);
    const data = await parseMultipart(body, type);
    const pairs: [string, string][] = [];
    data.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
    });
    return collect(pairs);
  }
  return Object.create(null) as FormFields;
}

/**
 * Reads a multipart body and counts its parts (each starts with the boundary line), so a
 * body of thousands of tiny parts is refused with 413 before any parser sees it.
 */
export async function readMultipartBody(c: Context, maxParts: number): Promise<{ body: Buffer; type: string }> {
  const type = c.req.header('Content-Type') ?? '';
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const body = Buffer.from(await c.req.arrayBuffer());
  const delimiter = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  // A part's delimiter line; the closing one adds "--", so parts = delimiters − 1.
  if (boundary && countOccurrences(body, delimiter) - 1 > maxParts) throw tooManyFields(maxParts);
  return { body, type };
}

/** Parses a multipart body read by readMultipartBody. */
export async function parseMultipart(body: Uint8Array, type: string): Promise<FormData> {
  try {
    return await new Response(body, { headers: { 'Content-Type': type } }).formData();
  } catch {
    throw new AppError(400, 'bad_request', 'The form data could not be read.');
  }
}

function countOccurrences(haystack: string | Buffer, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

function collect(pairs: Iterable<[string, string]>): FormFields {
  const out = Object.create(null) as FormFields;
  for (const [key, value] of pairs) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

export const field = (form: FormFields, name: string): string | undefined => {
  const value = form[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
};

/**
 * Every value of a repeated field (checkboxes, multi-selects). `max` is what the form can
 * really offer (the teams or content items there are to tick); more values than that is
 * not a form we rendered, and is refused with 422 naming the field.
 */
export const fieldList = (form: FormFields, name: string, max: number): string[] => {
  const value = form[name];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  if (list.length > max) {
    throw new AppError(422, 'invalid', `Too many values for ${name} (at most ${max}).`, [
      { path: [name], message: `at most ${max} values` },
    ]);
  }
  return list;
};

export type ParseResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: Record<string, string>; issues: FieldIssue[] };

/** Validates with zod and returns errors keyed by field name for re-rendering a form inline. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  const errors: Record<string, string> = {};
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '_');
    errors[name] ??= issue.message;
  }
  return { ok: false, errors, issues };
}
