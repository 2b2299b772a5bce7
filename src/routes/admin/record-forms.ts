/** What the admin record forms (teams, reps, skills, content items) share: their zod shapes and the id in the path. */
import type { Context } from 'hono';
import { z } from 'zod';
import { contentItemInput, email, skillSlug } from '../../domain/inputs';
import { notFound } from '../../lib/errors';

export const teamForm = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
});

export const repForm = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'must be at most 200 characters'),
  email,
  /** '' is "no team"; otherwise a team id, checked against the teams there are by the route. */
  teamId: z
    .string()
    .trim()
    .regex(/^\d*$/, 'must be one of the teams listed')
    .transform((v) => (v === '' ? null : Number(v))),
});

const proficiencyTarget = z
  .string({ error: 'is required' })
  .trim()
  .min(1, 'is required')
  .transform(Number)
  .pipe(
    z.number({ error: 'must be a number from 0 to 100' }).min(0, 'must be at least 0').max(100, 'must be at most 100'),
  );

export const skillForm = z.object({
  name: z.string({ error: 'is required' }).trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
  proficiencyTarget,
});

/** The key training records use for a skill, made from its name as the API makes it. */
export const slugOf = (name: string): string | undefined => {
  const parsed = skillSlug.safeParse(name);
  return parsed.success ? parsed.data : undefined;
};

/** The API's content shape; an empty link is "none", and a bad one says what is wrong rather than "Invalid input". */
export const contentForm = contentItemInput.extend({
  url: z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .refine((v) => v === '' || (/^https?:\/\//i.test(v) && URL.canParse(v)), 'must be an http(s) URL')
    .transform((v) => v || null),
});
export const contentEditForm = contentForm.omit({ id: true });

/** A positive integer id from the path, or 404. */
export function idParam(c: Context): number {
  const id = Number(c.req.param('id'));
  if (!Number.isSafeInteger(id) || id <= 0) throw notFound();
  return id;
}

/** The notice after a redirect: `?created=ID` or `?saved=ID` names the record by its id. */
export function savedNotice(c: Context): { kind: 'created' | 'saved'; id: string } | undefined {
  const created = c.req.query('created');
  if (created) return { kind: 'created', id: created };
  const saved = c.req.query('saved');
  return saved ? { kind: 'saved', id: saved } : undefined;
}
