import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldIssue } from './errors';

export type FormFields = Record<string, string | string[]>;

/** Reads an urlencoded or multipart form (files ignored); repeated fields become arrays. */
export async function readForm(c: Context): Promise<FormFields> {
  const type = c.req.header('Content-Type') ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) return collect(new URLSearchParams(await c.req.text()));
  if (type.startsWith('multipart/form-data')) {
    const data = await c.req.formData();
    const pairs: [string, string][] = [];
    data.forEach((value, key) => {
      if (typeof value === 'string') pairs.push([key, value]);
    });
    return collect(pairs);
  }
  return {};
}

function collect(pairs: Iterable<[string, string]>): FormFields {
  const out: FormFields = {};
  for (const [key, value] of pairs) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

export const field = (form: FormFields, name: string): string | undefined => {
  const value = form[name];
  return Array.isArray(value) ? value[value.length - 1] : value;
};

export const fieldList = (form: FormFields, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; issues: FieldIssue[] };

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
