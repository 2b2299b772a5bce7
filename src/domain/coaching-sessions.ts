/**
 * Planning and logging coaching sessions. A done session always comes with its `coaching`
 * training record (external id `coaching-session-<id>`), written in the same write as the
 * session and its audit entry, so the gap labels and training effects see the coaching.
 *
 * Double posts: a rep has at most one live session per skill and day — a planned session
 * for that day or one done that day (the natural key). Posting the same rep, skill and
 * day again returns the existing session instead of adding one; logging a session on a
 * day one was planned for marks that planned session done. This needs no hidden token,
 * survives a retried request after a lost response, and matches training_records' own
 * natural key (rep, skill, kind, completed_at), since session dates are whole UTC days.
 */
import { z } from 'zod';
import type { Db } from '../../db/client';
import { CPI_KEYS, type CpiKey } from '../../db/schema';
import { recordAudit } from '../../db/queries/audit';
import {
  ensureCoachingRecord,
  findLiveSessionOnDay,
  getSession,
  insertSession,
  setSessionCancelled,
  setSessionDone,
} from '../../db/queries/coaching-sessions';
import { conflict, invalid, notFound } from '../lib/errors';
import type { SessionUser } from '../context';
import { DAY_MS, isoDay, parseCalendarDay, startOfUtcDay } from '../lib/days';

/** How far back a session may be logged and how far ahead one may be planned. */
const SESSION_WINDOW_DAYS = 366;
export const NOTES_MAX = 4000;

type SessionAction = 'plan' | 'log';
export type SessionField = 'rep' | 'skill' | 'date' | 'notes' | 'cpi' | 'action';
export type SessionProblem =
  | 'rep'
  | 'skill'
  | 'date'
  | 'date-future-for-log'
  | 'date-past-for-plan'
  | 'date-too-far'
  | 'notes-too-long'
  | 'cpi'
  | 'action';

export interface SessionInput {
  repId: number;
  skill: string;
  day: number;
  notes: string;
  cpi: CpiKey | null;
  action: SessionAction;
}

/** "2026-11-20" (spaces around allowed) → midnight UTC of that day; undefined unless a real calendar date. */
const parseDateField = (value: string) => parseCalendarDay(value.trim());

const sessionForm = z.object({
  rep: z
    .string()
    .regex(/^\d{1,12}$/, 'rep')
    .transform(Number),
  skill: z.string().trim().min(1, 'skill').max(100, 'skill'),
  date: z
    .string()
    .refine((v) => parseDateField(v) !== undefined, 'date')
    .transform((v) => parseDateField(v)!),
  notes: z
    .string()
    .max(NOTES_MAX, 'notes-too-long')
    .transform((v) => v.trim()),
  cpi: z.union([z.literal(''), z.enum(CPI_KEYS)], { message: 'cpi' }).transform((v) => (v === '' ? null : v)),
  action: z.enum(['plan', 'log'], { message: 'action' }),
});

export type SessionFormValues = Record<SessionField, string>;
export type SessionParse =
  | { ok: true; input: SessionInput }
  | { ok: false; problems: Partial<Record<SessionField, SessionProblem>> };

const PROBLEMS = new Set<string>(['rep', 'skill', 'date', 'notes-too-long', 'cpi', 'action']);

/** Validates the form; the date must be today or earlier to log, today or later to plan, within a year. */
export function parseSessionForm(
  values: SessionFormValues,
  ctx: { now: number; skills: readonly string[] },
): SessionParse {
  const problems: Partial<Record<SessionField, SessionProblem>> = {};
  const parsed = sessionForm.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'action') as SessionField;
      problems[field] ??= (
        PROBLEMS.has(issue.message) ? issue.message : field === 'notes' ? 'notes-too-long' : field
      ) as SessionProblem;
    }
    return { ok: false, problems };
  }
  const input: SessionInput = {
    repId: parsed.data.rep,
    skill: parsed.data.skill,
    day: parsed.data.date,
    notes: parsed.data.notes,
    cpi: parsed.data.cpi,
    action: parsed.data.action,
  };
  if (!ctx.skills.includes(input.skill)) problems.skill = 'skill';
  const today = startOfUtcDay(ctx.now);
  if (input.action === 'log' && input.day > today) problems.date = 'date-future-for-log';
  else if (input.action === 'plan' && input.day < today) problems.date = 'date-past-for-plan';
  else if (Math.abs(input.day - today) > SESSION_WINDOW_DAYS * DAY_MS) problems.date = 'date-too-far';
  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, input };
}

export type DoneDateProblem = 'date-required' | 'date' | 'date-future' | 'date-too-old' | 'date-before-plan';

/**
 * The day a planned session took place, from the mark-done form. Blank means "the day it was
 * planned for" — unless that day is still to come: then the form must say when it happened
 * ('date-required'), so a session planned for 10 December and held on 6 December is not
 * silently recorded on either day. A given day must be today or earlier, within a year, and
 * not before the day the session was planned (`createdAt`): it cannot have taken place before.
 */
export function parseDoneDate(
  raw: string | undefined,
  ctx: { now: number; plannedFor: number | null; createdAt?: number | undefined },
): { ok: true; day: number | undefined } | { ok: false; problem: DoneDateProblem } {
  const today = startOfUtcDay(ctx.now);
  const text = (raw ?? '').trim();
  if (text === '')
    return ctx.plannedFor !== null && ctx.plannedFor > today
      ? { ok: false, problem: 'date-required' }
      : { ok: true, day: undefined };
  const day = parseCalendarDay(text);
  if (day === undefined) return { ok: false, problem: 'date' };
  if (day > today) return { ok: false, problem: 'date-future' };
  if (day < today - SESSION_WINDOW_DAYS * DAY_MS) return { ok: false, problem: 'date-too-old' };
  if (ctx.createdAt !== undefined && day < startOfUtcDay(ctx.createdAt))
    return { ok: false, problem: 'date-before-plan' };
  return { ok: true, day };
}

/** The mark-done form asks for the day: the session was planned for a day still to come. */
export const needsDoneDate = (s: { status: string; plannedFor: number | null }, now: number): boolean =>
  s.status === 'planned' && s.plannedFor !== null && s.plannedFor > startOfUtcDay(now);

export type SessionOutcome = 'planned' | 'logged' | 'completed-planned' | 'duplicate';

/** Plans or logs a session for a rep already checked to be in the user's scope. */
export async function recordSession(
  db: Db,
  r: { input: SessionInput; skillId: number; user: SessionUser; now: number },
): Promise<{ sessionId: number; outcome: SessionOutcome }> {
  const { input, user, now } = r;
  return db.write(async (tx) => {
    const existing = await findLiveSessionOnDay(tx, input.repId, r.skillId, input.day);
    if (existing && !(input.action === 'log' && existing.status === 'planned'))
      return { sessionId: existing.id, outcome: 'duplicate' as const };
    if (existing) {
      const recordId = await ensureCoachingRecord(
        tx,
        { sessionId: existing.id, repId: input.repId, skillId: r.skillId, completedAt: input.day },
        now,
      );
      await setSessionDone(tx, existing.id, input.day, recordId, now);
      await recordAudit(tx, now, {
        actor: user.email,
        action: 'coaching.session.done',
        subject: `coaching-session:${existing.id}`,
        detail: { repId: input.repId, skill: input.skill, date: isoDay(input.day), trainingRecordId: recordId },
      });
      return { sessionId: existing.id, outcome: 'completed-planned' as const };
    }
    const done = input.action === 'log';
    const sessionId = await insertSession(
      tx,
      {
        repId: input.repId,
        skillId: r.skillId,
        trainerId: user.id,
        status: done ? 'done' : 'planned',
        cpi: input.cpi,
        plannedFor: input.day,
        completedAt: done ? input.day : null,
        notes: input.notes,
      },
      now,
    );
    let trainingRecordId: number | null = null;
    if (done) {
      trainingRecordId = await ensureCoachingRecord(
        tx,
        { sessionId, repId: input.repId, skillId: r.skillId, completedAt: input.day },
        now,
      );
      await setSessionDone(tx, sessionId, input.day, trainingRecordId, now);
    }
    await recordAudit(tx, now, {
      actor: user.email,
      action: done ? 'coaching.session.logged' : 'coaching.session.planned',
      subject: `coaching-session:${sessionId}`,
      detail: { repId: input.repId, skill: input.skill, date: isoDay(input.day), cpi: input.cpi, trainingRecordId },
    });
    return { sessionId, outcome: done ? ('logged' as const) : ('planned' as const) };
  });
}

/**
 * Marks a planned session done (idempotent: a done one stays as it is). The date is the
 * one given, else the planned day; a session planned for a later day needs the day it took
 * place (see parseDoneDate) and is refused without one.
 */
export async function completeSession(
  db: Db,
  r: { sessionId: number; day: number | undefined; user: SessionUser; now: number },
): Promise<'done' | 'already-done'> {
  return db.write(async (tx) => {
    const session = await getSession(tx, r.sessionId);
    if (!session) throw notFound();
    if (session.status === 'done') return 'already-done' as const;
    if (session.status === 'cancelled') throw conflict('A cancelled session cannot be marked done.');
    const today = startOfUtcDay(r.now);
    if (r.day === undefined && needsDoneDate(session, r.now))
      throw invalid([{ path: ['date'], message: 'Say the day the session took place.' }]);
    const day = r.day ?? Math.min(session.plannedFor ?? today, today);
    const recordId = await ensureCoachingRecord(
      tx,
      { sessionId: session.id, repId: session.repId, skillId: session.skillId, completedAt: day },
      r.now,
    );
    await setSessionDone(tx, session.id, day, recordId, r.now);
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: 'coaching.session.done',
      subject: `coaching-session:${session.id}`,
      detail: { repId: session.repId, skill: session.skill, date: isoDay(day), trainingRecordId: recordId },
    });
    return 'done' as const;
  });
}

/** Cancels a planned session (idempotent); a done session keeps its record and cannot be cancelled. */
export async function cancelSession(
  db: Db,
  r: { sessionId: number; user: SessionUser; now: number },
): Promise<'cancelled' | 'already-cancelled'> {
  return db.write(async (tx) => {
    const session = await getSession(tx, r.sessionId);
    if (!session) throw notFound();
    if (session.status === 'cancelled') return 'already-cancelled' as const;
    if (session.status === 'done') throw conflict('A logged session cannot be cancelled.');
    await setSessionCancelled(tx, session.id, r.now);
    await recordAudit(tx, r.now, {
      actor: r.user.email,
      action: 'coaching.session.cancelled',
      subject: `coaching-session:${session.id}`,
      detail: { repId: session.repId, skill: session.skill },
    });
    return 'cancelled' as const;
  });
}
