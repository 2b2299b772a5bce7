/**
 * Planning and logging coaching sessions: the form page, the post (from that page or from
 * the plan, where htmx swaps the form and the rep's session list), mark done and cancel.
 * A rep or session outside the user's teams is answered with 404.
 */
import { Hono, type Context } from 'hono';
import type { AppDeps, AppEnv, SessionUser } from '../../context';
import { currentUser, requireRole } from '../../middleware/session';
import { renderHtml, isHtmx } from '../../lib/render';
import { readForm, field, type FormFields } from '../../lib/forms';
import { staffT, type StaffT } from '../../lib/i18n/staff';
import { invalid, notFound } from '../../lib/errors';
import { canViewTeam, teamScopeOf } from '../../domain/access';
import {
  cancelSession,
  completeSession,
  parseDoneDate,
  parseSessionForm,
  type DoneDateProblem,
  recordSession,
  type SessionField,
  type SessionFormValues,
  type SessionProblem,
} from '../../domain/coaching-sessions';
import { listSkills } from '../../../db/queries/training';
import { getRepInScope } from '../../../db/queries/reps';
import { getSession, listSessionsOfReps } from '../../../db/queries/coaching-sessions';
import { SessionNewPage } from '../../../views/pages/coaching/session-new';
import { SessionDonePage } from '../../../views/pages/coaching/session-done';
import { changePin, pinnedQuotesOf } from '../../domain/coaching-pins';
import { staffViewer } from '../../domain/customer-identity';
import { SessionForm } from '../../../views/partials/coaching/session-form';
import { SessionList } from '../../../views/partials/coaching/session-list';
import { sessionMessage } from '../../../views/partials/coaching/messages';
import { repsForForm, safePlanPath, teamIdOfPlanPath, withParams } from './coaching-links';
import { sessionAgenda } from '../../domain/coaching-agenda';
import { Agenda } from '../../../views/partials/coaching/agenda';
import { YEAR_MS, isoDay } from '../../lib/days';

const isId = (v: string | undefined): v is string => v !== undefined && /^\d{1,12}$/.test(v);

function problemText(t: StaffT, problem: SessionProblem): string {
  switch (problem) {
    case 'rep':
      return t('coErrRep');
    case 'skill':
      return t('coErrSkill');
    case 'date':
      return t('coErrDate');
    case 'date-future-for-log':
      return t('coErrDateFutureForLog');
    case 'date-past-for-plan':
      return t('coErrDatePastForPlan');
    case 'date-too-far':
      return t('coErrDateTooFar');
    case 'notes-too-long':
      return t('coErrNotes');
    case 'cpi':
      return t('coErrCpi');
    case 'action':
      return t('coErrAction');
  }
}

function doneDateText(t: StaffT, problem: DoneDateProblem): string {
  switch (problem) {
    case 'date-required':
      return t('coErrDoneDateRequired');
    case 'date':
      return t('coErrDate');
    case 'date-future':
      return t('coErrDoneDateFuture');
    case 'date-too-old':
      return t('coErrDoneDateOld');
    case 'date-before-plan':
      return t('coErrDoneDateBeforePlan');
  }
}

function valuesOf(form: FormFields): SessionFormValues {
  const text = (name: string) => field(form, name) ?? '';
  return {
    rep: text('rep'),
    skill: text('skill'),
    date: text('date'),
    notes: text('notes'),
    cpi: text('cpi'),
    action: text('action'),
  };
}

/** A rep's current session list, with its pinned quotes (for the htmx answers that swap it). */
async function sessionListOf(
  deps: AppDeps,
  t: StaffT,
  user: SessionUser,
  repId: number,
  back: string,
  oob: boolean,
  doneError?: { sessionId: number; date: string; message: string },
) {
  const rep = await getRepInScope(deps.db.read, repId, teamScopeOf(user));
  if (!rep) throw notFound();
  const now = deps.clock.nowMs();
  const sessions = await listSessionsOfReps(deps.db.read, [repId], now - YEAR_MS);
  const pinned = await pinnedQuotesOf(deps.db.read, repId, sessions, staffViewer(user));
  return (
    <SessionList
      t={t}
      repId={repId}
      repName={rep.name}
      sessions={sessions}
      back={back}
      oob={oob}
      now={now}
      pinned={pinned}
      doneError={doneError}
    />
  );
}

/** The plan's agenda (the reps its `back` path shows), sent out of band after a session changed. */
async function agendaOob(deps: AppDeps, t: StaffT, user: SessionUser, back: string) {
  const now = deps.clock.nowMs();
  const reps = await repsForForm(deps, user, teamIdOfPlanPath(back, now));
  const sessions = await listSessionsOfReps(
    deps.db.read,
    reps.map((r) => r.id),
    now - YEAR_MS,
  );
  const weeks = sessionAgenda(
    reps.map((r) => ({ repId: r.id, name: r.name, team: r.team, sessions: sessions.filter((s) => s.repId === r.id) })),
    now,
  );
  return <Agenda t={t} weeks={weeks} oob />;
}

export function coachingSessionRoutes(deps: AppDeps) {
  const app = new Hono<AppEnv>();
  const staff = requireRole('admin', 'lead', 'trainer');

  const skillOptions = async () =>
    (await listSkills(deps.db.read)).map((s) => ({ id: s.id, slug: s.slug, name: s.name }));

  /** The form's markup: the enhanced form alone (htmx, from the plan) or its own page. */
  const formElement = async (
    c: Context<AppEnv>,
    values: SessionFormValues,
    back: string,
    extra: { errors?: Partial<Record<SessionField, string>>; message?: string } = {},
  ) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const fromPlan = isHtmx(c);
    // On the plan the form offers the reps the plan shows (its team filter), so each has a session list to update.
    const [reps, skills] = await Promise.all([
      repsForForm(deps, user, fromPlan ? teamIdOfPlanPath(back, deps.clock.nowMs()) : undefined),
      skillOptions(),
    ]);
    const form = { reps, skills, values, errors: extra.errors, back, message: extra.message };
    return fromPlan ? <SessionForm t={t} {...form} enhanced /> : <SessionNewPage t={t} user={user} form={form} />;
  };

  const renderForm = async (
    c: Context<AppEnv>,
    values: SessionFormValues,
    back: string,
    status: 200 | 422,
    extra: { errors?: Partial<Record<SessionField, string>>; message?: string } = {},
  ) => renderHtml(c, await formElement(c, values, back, extra), status);

  app.get('/coaching/sessions/new', staff, async (c) => {
    const user = currentUser(c);
    const rep = c.req.query('rep');
    if (rep !== undefined && rep !== '') {
      if (!isId(rep) || !(await getRepInScope(deps.db.read, Number(rep), teamScopeOf(user)))) throw notFound();
    }
    const skill = c.req.query('skill') ?? '';
    const known = (await skillOptions()).some((s) => s.slug === skill);
    const values: SessionFormValues = {
      rep: rep ?? '',
      skill: known ? skill : '',
      date: isoDay(deps.clock.nowMs()),
      notes: '',
      cpi: '',
      action: '',
    };
    return renderForm(c, values, safePlanPath(c.req.query('back')), 200);
  });

  app.post('/coaching/sessions', staff, async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const form = await readForm(c);
    const values = valuesOf(form);
    const back = safePlanPath(field(form, 'back'));
    const now = deps.clock.nowMs();
    const scope = teamScopeOf(user);

    // A rep outside the user's teams does not exist for them: 404, before any other check.
    const rep = isId(values.rep) ? await getRepInScope(deps.db.read, Number(values.rep), scope) : undefined;
    if (isId(values.rep) && !rep) throw notFound();
    const skills = await skillOptions();
    const parsed = parseSessionForm(values, { now, skills: skills.map((s) => s.slug) });
    const errors: Partial<Record<SessionField, string>> = {};
    if (!parsed.ok)
      for (const [f, problem] of Object.entries(parsed.problems) as [SessionField, SessionProblem][])
        errors[f] = problemText(t, problem);
    if (rep && !rep.active) errors.rep = t('coErrRepFormer');
    if (!parsed.ok || !rep || Object.keys(errors).length > 0) return renderForm(c, values, back, 422, { errors });

    const skill = skills.find((s) => s.slug === parsed.input.skill)!;
    const result = await recordSession(deps.db, { input: parsed.input, skillId: skill.id, user, now });
    if (!isHtmx(c))
      return c.redirect(
        withParams(back, { saved: String(result.sessionId), outcome: result.outcome }, `rep-${rep.id}`),
        303,
      );

    const session = (await getSession(deps.db.read, result.sessionId))!;
    const fresh: SessionFormValues = { rep: '', skill: '', date: isoDay(now), notes: '', cpi: '', action: '' };
    const [freshForm, list, agenda] = await Promise.all([
      formElement(c, fresh, back, { message: sessionMessage(t, result.outcome, session, rep.name) }),
      sessionListOf(deps, t, user, rep.id, back, true),
      agendaOob(deps, t, user, back),
    ]);
    // The form in place; the rep's session list and the agenda on the plan replaced out of band.
    return c.html(`${await freshForm.toString()}${await list.toString()}${await agenda.toString()}`);
  });

  /** A session the user may act on (its rep in their teams), else 404. */
  const sessionInScope = async (c: Context<AppEnv>) => {
    const id = c.req.param('id');
    const session = isId(id) ? await getSession(deps.db.read, Number(id)) : undefined;
    if (!session || !canViewTeam(currentUser(c), session.repTeamId)) throw notFound();
    return session;
  };

  const afterChange = async (
    c: Context<AppEnv>,
    repId: number,
    back: string,
    outcome: 'done' | 'cancelled',
    sessionId: number,
  ) => {
    const user = currentUser(c);
    if (isHtmx(c)) {
      const t = staffT(user.locale);
      const [list, agenda] = await Promise.all([
        sessionListOf(deps, t, user, repId, back, false),
        agendaOob(deps, t, user, back),
      ]);
      // The rep's session list in place, and the agenda (a session left it) out of band.
      return c.html(`${await list.toString()}${await agenda.toString()}`);
    }
    return c.redirect(withParams(back, { saved: String(sessionId), outcome }, `rep-${repId}`), 303);
  };

  app.post('/coaching/sessions/:id/done', staff, async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const session = await sessionInScope(c);
    const form = await readForm(c);
    const now = deps.clock.nowMs();
    const back = safePlanPath(field(form, 'back'));
    const rawDate = field(form, 'date');
    // A done or cancelled session is answered by completeSession (no change, or 409) whatever the date.
    const parsed =
      session.status === 'planned'
        ? parseDoneDate(rawDate, { now, plannedFor: session.plannedFor, createdAt: session.createdAt })
        : null;
    if (parsed && !parsed.ok) {
      const message = doneDateText(t, parsed.problem);
      const date = rawDate ?? '';
      if (isHtmx(c))
        return renderHtml(
          c,
          await sessionListOf(deps, t, user, session.repId, back, false, { sessionId: session.id, date, message }),
          422,
        );
      const rep = await getRepInScope(deps.db.read, session.repId, teamScopeOf(user));
      if (!rep) throw notFound();
      return renderHtml(
        c,
        <SessionDonePage
          t={t}
          user={user}
          session={session}
          repName={rep.name}
          date={date}
          error={message}
          now={now}
          back={back}
        />,
        422,
      );
    }
    await completeSession(deps.db, { sessionId: session.id, day: parsed?.ok ? parsed.day : undefined, user, now });
    return afterChange(c, session.repId, back, 'done', session.id);
  });

  /** Pins a customer quote to a session, or unpins it (`change`: pin | unpin; `response`: the response id). */
  app.post('/coaching/sessions/:id/pins', staff, async (c) => {
    const user = currentUser(c);
    const t = staffT(user.locale);
    const session = await sessionInScope(c);
    const form = await readForm(c);
    const back = safePlanPath(field(form, 'back'));
    const response = field(form, 'response');
    const change = field(form, 'change') ?? 'pin';
    const refuse = (name: 'response' | 'change', label: string, message: string) =>
      invalid([{ path: [name], message }], `${label}: ${message}`);
    if (change !== 'pin' && change !== 'unpin') throw refuse('change', t('coPinChangeField'), t('coErrPinChange'));
    if (!isId(response)) throw refuse('response', t('coPinField'), t('coErrPinResponse'));
    const result = await changePin(deps.db, {
      sessionId: session.id,
      responseId: Number(response),
      change,
      user,
      now: deps.clock.nowMs(),
    });
    if (result === 'not-a-quote' || result === 'full')
      throw refuse('response', t('coPinField'), t(result === 'full' ? 'coErrPinsFull' : 'coErrPinResponse'));
    if (isHtmx(c)) return renderHtml(c, await sessionListOf(deps, t, user, session.repId, back, false));
    return c.redirect(withParams(back, { saved: String(session.id), outcome: 'pins' }, `rep-${session.repId}`), 303);
  });

  app.post('/coaching/sessions/:id/cancel', staff, async (c) => {
    const user = currentUser(c);
    const session = await sessionInScope(c);
    const form = await readForm(c);
    await cancelSession(deps.db, { sessionId: session.id, user, now: deps.clock.nowMs() });
    return afterChange(c, session.repId, safePlanPath(field(form, 'back')), 'cancelled', session.id);
  });

  return app;
}
