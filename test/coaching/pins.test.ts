/**
 * The compact coaching plan on the demo workspace, as the lead (36 reps) and the Iberia
 * trainer see it: quotes matched to each gap's CPI and never repeated on the page, the agenda
 * of planned sessions by week, and pinning quotes to a session (scoped, same-origin only,
 * 422 naming the field, audited, shown under the session).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addResponse,
  analysedPage,
  coachingFixture,
  count,
  DEMO_TIMEOUT,
  HX,
  rows,
  type CoachingFixture,
} from './setup';
import { isLowAnswer } from '../../src/lib/vocabulary';

let f: CoachingFixture;
let lead: string;
let trainer: string;

beforeAll(async () => {
  f = await coachingFixture();
  lead = (await analysedPage(f.t, '/coaching', f.cookies.lead)).html;
  trainer = (await analysedPage(f.t, '/coaching', f.cookies.trainer)).html;
}, DEMO_TIMEOUT);
afterAll(async () => f?.t.close());

/** Each rep row's gap CPI (from the export: same plan) and the response ids of its quotes (from the pin forms). */
function quotesByRep(html: string): Map<number, { comments: string[]; responseIds: number[] }> {
  const out = new Map<number, { comments: string[]; responseIds: number[] }>();
  for (const card of html.split('<article class="rep-card').slice(1)) {
    const repId = Number(/id="rep-(\d+)"/.exec(card)?.[1]);
    const quotes = card.split('<div class="session-list"')[0]!;
    out.set(repId, {
      comments: [...quotes.matchAll(/<blockquote class="quote"><p>([^<]*)<\/p>/g)].map((m) => m[1]!),
      responseIds: [...quotes.matchAll(/name="response" value="(\d+)"/g)].map((m) => Number(m[1])),
    });
  }
  return out;
}

describe('quotes on the plan', () => {
  it('never repeats a quote on the page: not on one card, not across cards (lead, 36 reps)', () => {
    const all = [...quotesByRep(lead).values()].flatMap((q) => q.comments);
    expect(all.length).toBeGreaterThan(5);
    expect(new Set(all.map((c) => c.trim().toLowerCase())).size).toBe(all.length);
  });

  it('shows under each gap only comments with a low answer in that CPI, none whose lowest answer is another CPI', async () => {
    const csv = (
      await (await f.t.request('/exports/coaching-plan.csv?format=raw', { cookie: f.cookies.trainer })).text()
    )
      .split('\r\n')
      .slice(1);
    expect(csv.length).toBeGreaterThan(5);
    const checked: string[] = [];
    for (const [repId, q] of quotesByRep(trainer)) {
      const card = trainer.slice(trainer.indexOf(`id="rep-${repId}"`));
      const cpiName = /<span class="rep-row-gap"><strong>[^<]*<\/strong> · ([^<]+?) <span/.exec(card)?.[1];
      if (!cpiName || q.responseIds.length === 0) continue;
      const cpi = (
        {
          'First-contact resolution': 'resolved_first_contact',
          'Content usefulness': 'content_useful',
          'Decision clarity': 'decision_clearer',
          'Value-added interactions': 'added_value',
        } as Record<string, string>
      )[cpiName];
      if (!cpi) continue;
      for (const id of q.responseIds) {
        const [r] = await rows<Record<string, number | null>>(
          f.t,
          `SELECT rep_id, resolved_first_contact, content_useful, decision_clearer, added_value FROM responses WHERE id = ${id}`,
        );
        expect(r!.rep_id).toBe(repId);
        const own = r![cpi] ?? null;
        const scaled = (k: string, v: number | null) =>
          v === null ? null : k === 'resolved_first_contact' ? (v === 0 ? 1 : 5) : v;
        expect(cpi === 'resolved_first_contact' ? own === 0 : isLowAnswer(own), `${repId}/${id} low in ${cpi}`).toBe(
          true,
        );
        for (const k of ['resolved_first_contact', 'content_useful', 'decision_clearer', 'added_value'])
          if (k !== cpi) {
            const other = scaled(k, r![k] ?? null);
            if (other !== null)
              expect(other, `${repId}/${id}: ${k} below ${cpi}`).toBeGreaterThanOrEqual(scaled(cpi, own)!);
          }
        checked.push(`${repId}/${id}`);
      }
    }
    expect(checked.length).toBeGreaterThan(2);
  });
});

describe('the agenda of sessions by week', () => {
  it('lists the planned sessions above the rep rows, by ISO week, each linking to its rep', async () => {
    const planned = await rows<{ id: number; rep_id: number }>(
      f.t,
      `SELECT s.id, s.rep_id FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id WHERE s.status = 'planned' AND r.team_id = ${f.teams.iberia}`,
    );
    expect(planned.length).toBeGreaterThan(0);
    const agenda = trainer.slice(
      trainer.indexOf('id="coaching-agenda"'),
      trainer.indexOf('</section>', trainer.indexOf('id="coaching-agenda"')),
    );
    expect(trainer.indexOf('id="coaching-agenda"')).toBeLessThan(trainer.indexOf('<article class="rep-card'));
    expect(agenda).toContain('Sessions by week');
    expect(agenda).toMatch(/Week 2026-W\d\d, from 2026-\d\d-\d\d/);
    for (const s of planned) {
      expect(agenda).toContain(`data-session-id="${s.id}"`);
      expect(agenda).toContain(`href="#rep-${s.rep_id}"`);
    }
    // One row per rep: the details are folded, the figures behind their own toggle.
    expect(trainer).toContain('<details class="rep-row">');
    expect(trainer).toContain('<summary>Figures (interval, sample size, gap score, link)</summary>');
    // The statistics sentence is said once, not on every card.
    expect(trainer.split('other skills held fixed').length - 1).toBe(1);
  });
});

describe('pinning quotes to a session', () => {
  let sessionId: number;
  let repId: number;
  let responseId: number;

  beforeAll(async () => {
    const [s] = await rows<{ id: number; rep_id: number }>(
      f.t,
      `SELECT s.id, s.rep_id FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id
       WHERE s.status = 'planned' AND r.team_id = ${f.teams.iberia} ORDER BY s.planned_for LIMIT 1`,
    );
    sessionId = Number(s!.id);
    repId = Number(s!.rep_id);
    const [resp] = await rows<{ id: number }>(
      f.t,
      `SELECT id FROM responses WHERE rep_id = ${repId} AND status = 'submitted' AND comment IS NOT NULL ORDER BY id DESC LIMIT 1`,
    );
    responseId = Number(resp!.id);
  });

  const pin = (fields: Record<string, string>, cookie: string, headers: Record<string, string> = {}) =>
    f.t.postForm(`/coaching/sessions/${sessionId}/pins`, { back: '/coaching', ...fields }, { cookie, headers });
  const pinsOf = async () =>
    JSON.parse(
      String(
        (
          await rows<{ p: string }>(
            f.t,
            `SELECT pinned_response_ids AS p FROM coaching_sessions WHERE id = ${sessionId}`,
          )
        )[0]!.p,
      ),
    ) as number[];

  it('offers a pin form for each quote of a rep with a planned session', () => {
    const card = trainer.slice(
      trainer.indexOf(`id="rep-${repId}"`),
      trainer.indexOf('</article>', trainer.indexOf(`id="rep-${repId}"`)),
    );
    if (card.includes('<blockquote')) expect(card).toContain(`action="/coaching/sessions/${sessionId}/pins"`);
  });

  it('pins for the trainer of the rep’s team (stored, audited, shown under the session), then unpins; both idempotent', async () => {
    const res = await pin({ response: String(responseId) }, f.cookies.trainer);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/coaching?saved=${sessionId}&outcome=pins#rep-${repId}`);
    expect(await pinsOf()).toEqual([responseId]);
    expect((await pin({ response: String(responseId) }, f.cookies.trainer)).status).toBe(303);
    expect(await pinsOf()).toEqual([responseId]);
    expect(
      await count(
        f.t,
        `SELECT count(*) AS n FROM audit_log WHERE action = 'coaching.session.pinned' AND subject = 'coaching-session:${sessionId}'`,
      ),
    ).toBe(1);
    const [comment] = await rows<{ comment: string }>(f.t, `SELECT comment FROM responses WHERE id = ${responseId}`);
    const page = await (
      await f.t.request(`/coaching?saved=${sessionId}&outcome=pins`, { cookie: f.cookies.trainer })
    ).text();
    const list = page.slice(page.indexOf(`id="sessions-rep-${repId}"`));
    expect(list).toContain('Pinned quotes');
    expect(list).toContain(comment!.comment.replace(/'/g, '&#39;'));
    // The row a post without JavaScript came back to is open.
    expect(page).toMatch(new RegExp(`id="rep-${repId}"[^>]*><details class="rep-row" open=""`));

    const fragment = await pin({ response: String(responseId), change: 'unpin' }, f.cookies.trainer, HX);
    expect(fragment.status).toBe(200);
    expect((await fragment.text()).startsWith(`<div class="session-list" id="sessions-rep-${repId}"`)).toBe(true);
    expect(await pinsOf()).toEqual([]);
    expect((await pin({ response: String(responseId), change: 'unpin' }, f.cookies.trainer)).status).toBe(303);
  });

  it('lets leads and admins pin too; a trainer of another team gets 404 (the session does not exist for them)', async () => {
    const [dach] = await rows<{ id: number }>(
      f.t,
      `SELECT s.id FROM coaching_sessions s JOIN reps r ON r.id = s.rep_id WHERE r.team_id = ${f.teams.dach} LIMIT 1`,
    );
    for (const headers of [{}, HX]) {
      const res = await f.t.postForm(
        `/coaching/sessions/${dach!.id}/pins`,
        { response: String(responseId), back: '/coaching' },
        { cookie: f.cookies.trainer, headers },
      );
      expect(res.status).toBe(404);
    }
    expect((await pin({ response: String(responseId) }, f.cookies.lead)).status).toBe(303);
    expect((await pin({ response: String(responseId), change: 'unpin' }, f.cookies.admin)).status).toBe(303);
    expect(await pinsOf()).toEqual([]);
  });

  it('answers 422 naming the field for a response that is not a comment of this rep’s customers, or a bad change', async () => {
    const [other] = await rows<{ id: number }>(
      f.t,
      `SELECT id FROM responses WHERE rep_id <> ${repId} AND comment IS NOT NULL LIMIT 1`,
    );
    const [silent] = await rows<{ id: number }>(
      f.t,
      `SELECT id FROM responses WHERE rep_id = ${repId} AND comment IS NULL LIMIT 1`,
    );
    for (const [fields, name] of [
      [{ response: String(other!.id) }, 'Quote to pin: choose a comment of this rep’s customers.'],
      [{ response: String(silent!.id) }, 'Quote to pin: choose a comment'],
      [{ response: 'abc' }, 'Quote to pin: choose a comment'],
      [{ response: '' }, 'Quote to pin: choose a comment'],
      [{ response: String(responseId), change: 'move' }, 'Pin or unpin: choose pin or unpin.'],
    ] as const) {
      const res = await pin(fields, f.cookies.trainer);
      expect(res.status, JSON.stringify(fields)).toBe(422);
      expect(await res.text()).toContain(name);
    }
    expect(await pinsOf()).toEqual([]);
  });

  it('names the customer of a pinned quote only where they consented (the one predicate)', async () => {
    const now = f.clock.nowMs();
    const secret = await addResponse(f.t, {
      repId,
      occurredAt: now - 3_600_000,
      comment: 'PINNED-PRIVATE: the price came too late',
      consent: false,
      decisionClearer: 1,
      customer: { email: 'pia.private@pin.test', name: 'Pia Private', company: 'Secret Co' },
    });
    const open = await addResponse(f.t, {
      repId,
      occurredAt: now - 7_200_000,
      comment: 'PINNED-OPEN: still not sure what to choose',
      consent: true,
      decisionClearer: 2,
      customer: { email: 'otto.open@pin.test', name: 'Otto Open', company: 'Open Co' },
    });
    for (const id of [secret, open]) expect((await pin({ response: String(id) }, f.cookies.trainer)).status).toBe(303);
    const list = await (await pin({ response: String(open) }, f.cookies.trainer, HX)).text();
    expect(list).toContain('PINNED-PRIVATE');
    expect(list).toContain('a customer (not consented to be contacted)');
    expect(list).not.toContain('Pia Private');
    expect(list).not.toContain('pia.private@pin.test');
    expect(list).not.toContain('Secret Co');
    expect(list).toContain('PINNED-OPEN');
    expect(list).toContain('Otto Open, Open Co');
    // An admin (who runs the data) sees who wrote it.
    const adminList = await (await pin({ response: String(open) }, f.cookies.admin, HX)).text();
    expect(adminList).toContain('Pia Private, Secret Co');
    for (const id of [secret, open])
      expect((await pin({ response: String(id), change: 'unpin' }, f.cookies.trainer)).status).toBe(303);
    expect(await pinsOf()).toEqual([]);
  });

  it('refuses a cross-origin post (CSRF) and sends anonymous callers to sign in', async () => {
    const cross = await pin({ response: String(responseId) }, f.cookies.trainer, { Origin: 'http://evil.test' });
    expect(cross.status).toBe(403);
    const anonymous = await f.t.postForm(`/coaching/sessions/${sessionId}/pins`, { response: String(responseId) });
    expect(anonymous.status).toBe(303);
    expect(await pinsOf()).toEqual([]);
  });
});
