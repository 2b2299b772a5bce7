import type { Context } from 'hono';
import type { z } from 'zod';
import { badRequest, invalid, tooLarge, unsupportedMediaType, type FieldIssue } from '../../lib/errors';
import { MAX_BATCH } from '../../domain/inputs';

const MAX_ISSUES = 100;

/** Reads a JSON body: 415 if not JSON, 400 if malformed. */
async function readJson(c: Context): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw unsupportedMediaType();
  const text = await c.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw badRequest(`The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}`);
  }
}

/** One JSON object, validated; each invalid field is named by its path (422). */
export async function readOne<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const result = schema.safeParse(await readJson(c));
  if (result.success) return result.data;
  const issues = result.error.issues.slice(0, MAX_ISSUES).map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'number' ? p : String(p))),
    message: issue.message,
  }));
  throw invalid(issues, `${issues.length} invalid field(s).`);
}

/**
 * A batch: one object or an array of at most 1000, every item validated; each invalid
 * field is named by its path starting with the item's index (422).
 */
export async function readBatch<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ items: z.infer<S>[]; single: boolean }> {
  const body = await readJson(c);
  const single = !Array.isArray(body);
  const list: unknown[] = single ? [body] : (body as unknown[]);
  if (list.length > MAX_BATCH) throw tooLarge(`A batch holds at most ${MAX_BATCH} items; this one has ${list.length}.`);
  if (list.length === 0) throw invalid([{ path: [], message: 'the batch is empty' }], 'The batch is empty.');
  const items: z.infer<S>[] = [];
  const issues: FieldIssue[] = [];
  list.forEach((item, index) => {
    const result = schema.safeParse(item);
    if (result.success) items.push(result.data);
    else
      for (const issue of result.error.issues) {
        if (issues.length < MAX_ISSUES)
          issues.push({
            path: [index, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
            message: issue.message,
          });
      }
  });
  if (issues.length > 0)
    throw invalid(issues, `${issues.length === MAX_ISSUES ? 'At least ' : ''}${issues.length} invalid field(s).`);
  return { items, single };
}
