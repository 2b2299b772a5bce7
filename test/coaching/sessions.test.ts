/**
 * Planning and logging coaching sessions on the demo workspace: the form page and fragment,
 * scope (404 outside the trainer's teams), inline 422 errors naming the field, one session
 * and one coaching training record per log (a double post adds nothing), plan → done,
 * cancel, the htmx answers (form + the rep's session list out of band), audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coachingFixture, count, DEMO_TIMEOUT, HX, iso, rows, unlabelledControls, type CoachingFixture } from './setup';
import { DAY_MS } from '../../src/lib/days';
import { login } from '../helpers/app';

let f: CoachingFixture;
let today: string;

beforeAll(async () => {
  f = await coachingFixture();
  today = iso(f.clock.nowMs());
}, DEMO_TIMEOUT);
afterAll(async () => f?.t.close());

const sessionsOf = (repId: number, extra = '') =>
  rows<{
    id: number;
    status: string;
    trainer_id: number;
    training_record_id: number | null;
    completed_at: number | null;
    planned_for: number;
    notes: string;
    cpi: string | null;
  }>(f.t, `SELECT * FROM coaching_sessions WHERE rep_id = ${repId} ${extra} ORDER BY id`);
const coachingRecords = (repId: number) =>
  rows<{ id: number; external_id: string; completed_at: number; skill_id: number }>(
    f.t,
    `SELECT * FROM training_records WHERE rep_id = ${repId} AND kind = 'coaching' ORDER BY id`,
  );
const form = (over: Record<string, string> = {}) => ({
  rep: String(f.reps.iberia),
  skill: 'objection-handling',
  date: today,
  notes: 'Practised the price objection with two real calls.',
  cpi: 'decisionClearer',
  action: 'log',
  back: '/coaching',
  ...over,
});

describe('the session form', () => {
  it('is served as a page and as a fragment, prefilled from the URL, with labelled fields', async () => {
    const page = await f.t.request(`/coaching/sessions/new?rep=${f.reps.iberia}&skill=quoting`, {
      cookie: f.cookies.trainer,
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<option value="${f.reps.iberia}" selected="">`);
    expect(html).toContain('<option value="quoting" selected="">');
    expect(html).toContain(`value="${today}"`);
    expect(html).toMatch(/<textarea[^>]*maxlength="4000"/);
    expect(unlabelledControls(html)).toEqual([]);
    expect(html).not.toMatch(/\sstyle="/);
    // Only reps of the trainer's team are offered.
    expect(html).not.toContain(`<option value="${f.reps.dach}"`);
    const fragment = await f.t.request(`/coaching/sessions/new?rep=${f.reps.iberia}`, {
      cookie: f.cookies.trainer,
      headers: HX,
    });
    expect(fragment.status).toBe(200);
    const part = await fragment.text();
    expect(part.startsWith('<form')).toBe(true);
    expect(part).not.toContain('<html');
  });

  it('answers 404 to a trainer for another team’s rep, on the form and on every post', async () => {
    const before = await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions');
    for (const headers of [{}, HX]) {
      expect(
        (await f.t.request(`/coaching/sessions/new?rep=${f.reps.dach}`, { cookie: f.cookies.trainer, headers })).status,
      ).toBe(404);
      expect(
        (
          await f.t.postForm('/coaching/sessions', form({ rep: String(f.reps.dach) }), {
            cookie: f.cookies.trainer,
            headers,
          })
        ).status,
      ).toBe(404);
      expect(
        (await f.t.postForm('/coaching/sessions', form({ rep: '999999' }), { cookie: f.cookies.trainer, headers }))
          .status,
      ).toBe(404);
    }
    const dachSession = (
      await rows<{ id: number }>(
        f.t,
        `SELECT s.id FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id WHERE r.team_id = ${f.teams.dach} LIMIT 1`,
      )
    )[0]!.id;
    for (const action of ['done', 'cancel'])
      expect(
        (
          await f.t.postForm(
            `/coaching/sessions/${dachSession}/${action}`,
            { back: '/coaching' },
            { cookie: f.cookies.trainer },
          )
        ).status,
      ).toBe(404);
    expect(await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions')).toBe(before);
    // A lead may coach anyone.
    expect((await f.t.request(`/coaching/sessions/new?rep=${f.reps.dach}`, { cookie: f.cookies.lead })).status).toBe(
      200,
    );
  });

  it('re-renders the form inline with 422 and a message naming each bad field', async () => {
    const before = await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions');
    const cases: [Record<string, string>, string, string][] = [
      [{ rep: '' }, 'rep', 'choose a rep from the list'],
      [{ skill: 'juggling' }, 'skill', 'choose a skill from the list'],
      [{ date: '2026-02-30' }, 'date', 'enter a date as YYYY-MM-DD'],
      [{ date: iso(f.clock.nowMs() + 2 * DAY_MS) }, 'date', 'cannot be logged as done'],
      [{ date: iso(f.clock.nowMs() - 2 * DAY_MS), action: 'plan' }, 'date', 'cannot be planned in the past'],
      [{ date: '2024-01-01' }, 'date', 'within a year of today'],
      [{ notes: 'x'.repeat(4001) }, 'notes', 'at most 4,000 characters'],
      [{ cpi: 'happiness' }, 'cpi', 'choose an indicator from the list'],
      [{ action: 'delete' }, 'action', 'plan or log'],
    ];
    for (const [over, fieldName, message] of cases) {
      const res = await f.t.postForm('/coaching/sessions', form(over), { cookie: f.cookies.trainer });
      expect(res.status, fieldName).toBe(422);
      const html = await res.text();
      expect(html.startsWith('<!doctype html>')).toBe(true);
      expect(html, fieldName).toContain(`id="session-${fieldName}-error"`);
      expect(html, fieldName).toContain(message);
      if (fieldName !== 'action') expect(html).toMatch(new RegExp(`id="session-${fieldName}"[^>]*aria-invalid="true"`));
      // What was typed is kept.
      if (over.notes === undefined) expect(html).toContain('Practised the price objection');
    }
    const htmx = await f.t.postForm('/coaching/sessions', form({ skill: '' }), {
      cookie: f.cookies.trainer,
      headers: HX,
    });
    expect(htmx.status).toBe(422);
    const part = await htmx.text();
    expect(part.startsWith('<form')).toBe(true);
    expect(part).toContain('hx-post="/coaching/sessions"');
    expect(part).toContain('Skill: choose a skill from the list.');
    expect(await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions')).toBe(before);
  });
});

describe('logging a session', () => {
  it('creates the session and its coaching training record once, in one audited write; a double post adds nothing', async () => {
    const repId = f.reps.iberia;
    const before = { sessions: (await sessionsOf(repId)).length, records: (await coachingRecords(repId)).length };
    const res = await f.t.postForm('/coaching/sessions', form(), { cookie: f.cookies.trainer });
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(new RegExp(`^/coaching\\?saved=\\d+&outcome=logged#rep-${repId}$`));
    const sessions = await sessionsOf(repId);
    expect(sessions).toHaveLength(before.sessions + 1);
    const session = sessions[sessions.length - 1]!;
    expect(session).toMatchObject({
      status: 'done',
      trainer_id: f.users.trainer,
      cpi: 'decisionClearer',
      notes: 'Practised the price objection with two real calls.',
    });
    expect(Number(session.completed_at)).toBe(Date.parse(`${today}T00:00:00Z`));
    const records = await coachingRecords(repId);
    expect(records).toHaveLength(before.records + 1);
    const record = records[records.length - 1]!;
    expect(record.external_id).toBe(`coaching-session-${session.id}`);
    expect(Number(record.completed_at)).toBe(Number(session.completed_at));
    expect(Number(session.training_record_id)).toBe(Number(record.id));
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'coaching.session.logged' AND subject = 'coaching-session:${session.id}' AND actor = 'trainer@demo.cpilens.test'`,
      ),
    ).toBe(1);

    // The same post again (a double click, a retried request): the same session, nothing new.
    const again = await f.t.postForm('/coaching/sessions', form(), { cookie: f.cookies.trainer });
    expect(again.status).toBe(303);
    expect(again.headers.get('location')).toContain(`saved=${session.id}&outcome=duplicate`);
    const htmxAgain = await f.t.postForm('/coaching/sessions', form(), { cookie: f.cookies.trainer, headers: HX });
    expect(htmxAgain.status).toBe(200);
    expect(await htmxAgain.text()).toContain('was already recorded; nothing was added');
    expect(await sessionsOf(repId)).toHaveLength(before.sessions + 1);
    expect(await coachingRecords(repId)).toHaveLength(before.records + 1);

    // The plan says what happened after the redirect (GET changes nothing) and lists the session.
    const sessionCount = await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions');
    const plan = await (await f.t.request(location.replace(/#.*/, ''), { cookie: f.cookies.trainer })).text();
    expect(plan).toContain('logged; it counts as coaching from that day');
    expect(plan).toContain(`data-session-id="${session.id}"`);
    expect(await count(f.t, 'SELECT count(*) AS n FROM coaching_sessions')).toBe(sessionCount);
  });

  it('answers an htmx post with a fresh form and the rep’s session list out of band', async () => {
    const repId = Number(
      (
        await rows<{ id: number }>(
          f.t,
          `SELECT id FROM reps WHERE team_id = ${f.teams.iberia} ORDER BY id LIMIT 1 OFFSET 1`,
        )
      )[0]!.id,
    );
    const res = await f.t.postForm(
      '/coaching/sessions',
      form({ rep: String(repId), skill: 'discovery', cpi: '', back: `/coaching?team=${f.teams.iberia}` }),
      { cookie: f.cookies.trainer, headers: HX },
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).not.toContain('<html');
    expect(html.startsWith('<form')).toBe(true);
    expect(html).toContain('class="flash flash-ok"');
    expect(html).toMatch(/Session with .+ in Discovery on \d{4}-\d{2}-\d{2} logged/);
    expect(html).toContain(`<div class="session-list" id="sessions-rep-${repId}" hx-swap-oob="true">`);
    expect(html).toContain(
      '<section id="coaching-agenda" class="agenda" aria-labelledby="agenda-title" hx-swap-oob="true">',
    );
    expect(html).toContain(`name="back" value="/coaching?team=${f.teams.iberia}"`);
    // The fresh form has no rep chosen.
    expect(html).not.toMatch(/<option value="\d+" selected="">/);
    const [session] = await sessionsOf(repId, "AND status = 'done' AND cpi IS NULL");
    expect(session).toBeDefined();
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM training_records WHERE external_id = 'coaching-session-${session!.id}'`,
      ),
    ).toBe(1);
  });
});

describe('planning, then marking done or cancelling', () => {
  it('plans a session (no training record), then marking it done writes the record once', async () => {
    const repId = f.reps.iberia;
    const planned = iso(f.clock.nowMs() + 3 * DAY_MS);
    const res = await f.t.postForm(
      '/coaching/sessions',
      form({ action: 'plan', date: planned, skill: 'value-messaging', cpi: 'addedValue' }),
      { cookie: f.cookies.trainer },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toContain('outcome=planned');
    const [session] = await sessionsOf(repId, "AND status = 'planned' AND cpi = 'addedValue'");
    expect(session).toMatchObject({
      planned_for: Date.parse(`${planned}T00:00:00Z`),
      completed_at: null,
      training_record_id: null,
    });
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM training_records WHERE external_id = 'coaching-session-${session!.id}'`,
      ),
    ).toBe(0);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'coaching.session.planned' AND subject = 'coaching-session:${session!.id}'`,
      ),
    ).toBe(1);

    const page = await (await f.t.request('/coaching', { cookie: f.cookies.trainer })).text();
    expect(page).toContain(`action="/coaching/sessions/${session!.id}/done"`);
    expect(page).toContain(`action="/coaching/sessions/${session!.id}/cancel"`);

    // Planned for a later day: the mark-done form asks the day it took place (today by default, at most today).
    expect(page).toMatch(
      new RegExp(
        `<input id="done-date-${session!.id}" name="date" type="date" required="" min="${today}" max="${today}" value="${today}"`,
      ),
    );
    // Without that day, or with a day still to come, nothing changes: 422 naming the field.
    for (const date of [undefined, iso(f.clock.nowMs() + DAY_MS), 'soon', iso(f.clock.nowMs() - DAY_MS)]) {
      const refused = await f.t.postForm(
        `/coaching/sessions/${session!.id}/done`,
        { back: `/coaching?team=${f.teams.iberia}`, ...(date === undefined ? {} : { date }) },
        { cookie: f.cookies.trainer },
      );
      expect(refused.status, String(date)).toBe(422);
      const html = await refused.text();
      expect(html).toContain('<label for="done-date">Day it took place</label>');
      expect(html).toContain('aria-invalid="true"');
      expect(html).toMatch(date === undefined ? /say the day the session took place/ : /Day it took place: /);
    }
    const fragment = await f.t.postForm(
      `/coaching/sessions/${session!.id}/done`,
      { back: '/coaching', date: iso(f.clock.nowMs() + DAY_MS) },
      { cookie: f.cookies.trainer, headers: HX },
    );
    expect(fragment.status).toBe(422);
    const part = await fragment.text();
    expect(part.startsWith(`<div class="session-list" id="sessions-rep-${repId}"`)).toBe(true);
    expect(part).toContain(`id="done-date-${session!.id}-error"`);
    expect(part).toContain('a session cannot be done on a day still to come');
    expect(await sessionsOf(repId, `AND id = ${session!.id} AND status = 'planned'`)).toHaveLength(1);

    // Done early, on the day it really took place: two days later the trainer marks it done on the
    // day it was planned on (the 20th): that day is recorded — neither today nor the planned day.
    const started = f.clock.nowMs();
    f.clock.advance(2 * DAY_MS);
    let after: { status: string; completed_at: number; training_record_id: number } | undefined;
    try {
      // Two days on, the morning's sign-in has timed out: sign in again (the old session is left untouched).
      const cookie = await login(f.t, 'trainer@demo.cpilens.test', 'demo-trainer-pass');
      const done = await f.t.postForm(
        `/coaching/sessions/${session!.id}/done`,
        { back: `/coaching?team=${f.teams.iberia}`, date: today },
        { cookie },
      );
      expect(done.status).toBe(303);
      expect(done.headers.get('location')).toBe(
        `/coaching?team=${f.teams.iberia}&saved=${session!.id}&outcome=done#rep-${repId}`,
      );
      [after] = await rows<{ status: string; completed_at: number; training_record_id: number }>(
        f.t,
        `SELECT * FROM coaching_sessions WHERE id = ${session!.id}`,
      );
    } finally {
      f.clock.set(started);
    }
    expect(after).toMatchObject({ status: 'done', completed_at: Date.parse(`${today}T00:00:00Z`) });
    const records = await rows<{ id: number; kind: string }>(
      f.t,
      `SELECT id, kind FROM training_records WHERE external_id = 'coaching-session-${session!.id}'`,
    );
    expect(records).toEqual([{ id: after!.training_record_id, kind: 'coaching' }]);
    // Marking it done again changes nothing.
    expect(
      (
        await f.t.postForm(
          `/coaching/sessions/${session!.id}/done`,
          { back: '/coaching' },
          { cookie: f.cookies.trainer },
        )
      ).status,
    ).toBe(303);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM training_records WHERE external_id = 'coaching-session-${session!.id}'`,
      ),
    ).toBe(1);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'coaching.session.done' AND subject = 'coaching-session:${session!.id}'`,
      ),
    ).toBe(1);
    // A logged session cannot be cancelled.
    expect(
      (
        await f.t.postForm(
          `/coaching/sessions/${session!.id}/cancel`,
          { back: '/coaching' },
          { cookie: f.cookies.trainer },
        )
      ).status,
    ).toBe(409);
  });

  it('logging on the day a session was planned marks that planned session done', async () => {
    const repId = f.reps.iberia;
    const planned = await f.t.postForm(
      '/coaching/sessions',
      form({ action: 'plan', skill: 'quoting', cpi: 'quoteTurnaround' }),
      { cookie: f.cookies.trainer },
    );
    const id = Number(/saved=(\d+)/.exec(planned.headers.get('location')!)![1]);
    const logged = await f.t.postForm('/coaching/sessions', form({ skill: 'quoting', cpi: 'quoteTurnaround' }), {
      cookie: f.cookies.trainer,
    });
    expect(logged.headers.get('location')).toContain(`saved=${id}&outcome=completed-planned`);
    expect(await rows(f.t, `SELECT status FROM coaching_sessions WHERE id = ${id}`)).toEqual([{ status: 'done' }]);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM coaching_sessions WHERE rep_id = ${repId} AND skill_id = (SELECT id FROM skills WHERE slug = 'quoting') AND status <> 'cancelled' AND planned_for = ${Date.parse(`${today}T00:00:00Z`)}`,
      ),
    ).toBe(1);
    expect(
      await count(f.t, `SELECT count(*) AS n FROM training_records WHERE external_id = 'coaching-session-${id}'`),
    ).toBe(1);
  });

  it('cancels a planned session; with htmx the answer is the rep’s session list', async () => {
    const repId = f.reps.iberia;
    const res = await f.t.postForm(
      '/coaching/sessions',
      form({ action: 'plan', date: iso(f.clock.nowMs() + 10 * DAY_MS), skill: 'content-usage', cpi: '' }),
      { cookie: f.cookies.trainer },
    );
    const id = Number(/saved=(\d+)/.exec(res.headers.get('location')!)![1]);
    // The planned session is on the agenda at the top of the plan, linking to its rep.
    const plan = await (await f.t.request('/coaching', { cookie: f.cookies.trainer })).text();
    const agenda = plan.slice(
      plan.indexOf('id="coaching-agenda"'),
      plan.indexOf('</section>', plan.indexOf('id="coaching-agenda"')),
    );
    expect(agenda).toMatch(new RegExp(`<li data-session-id="${id}"><time[^>]*>[^<]*</time> <a href="#rep-${repId}">`));
    const cancelled = await f.t.postForm(
      `/coaching/sessions/${id}/cancel`,
      { back: '/coaching' },
      { cookie: f.cookies.trainer, headers: HX },
    );
    expect(cancelled.status).toBe(200);
    const html = await cancelled.text();
    expect(html.startsWith(`<div class="session-list" id="sessions-rep-${repId}">`)).toBe(true);
    expect(html).not.toContain(`data-session-id="${id}"`);
    // The agenda, replaced out of band, no longer lists it.
    expect(html).toContain(
      '<section id="coaching-agenda" class="agenda" aria-labelledby="agenda-title" hx-swap-oob="true">',
    );
    expect(await rows(f.t, `SELECT status, training_record_id FROM coaching_sessions WHERE id = ${id}`)).toEqual([
      { status: 'cancelled', training_record_id: null },
    ]);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'coaching.session.cancelled' AND subject = 'coaching-session:${id}'`,
      ),
    ).toBe(1);
    // Cancelling twice is harmless; marking a cancelled session done is refused.
    expect(
      (await f.t.postForm(`/coaching/sessions/${id}/cancel`, { back: '/coaching' }, { cookie: f.cookies.trainer }))
        .status,
    ).toBe(303);
    expect(
      (await f.t.postForm(`/coaching/sessions/${id}/done`, { back: '/coaching' }, { cookie: f.cookies.trainer }))
        .status,
    ).toBe(409);
  });

  it('follows `back` only to the coaching plan, and refuses a cross-origin post', async () => {
    const res = await f.t.postForm(
      '/coaching/sessions',
      form({ skill: 'product-knowledge', back: '//evil.test/coaching' }),
      { cookie: f.cookies.trainer },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(/^\/coaching\?saved=\d+/);
    const cross = await f.t.postForm(
      '/coaching/sessions',
      form({ skill: 'discovery', date: iso(f.clock.nowMs() - DAY_MS) }),
      { cookie: f.cookies.trainer, headers: { Origin: 'http://evil.test' } },
    );
    expect(cross.status).toBe(403);
  });
});
