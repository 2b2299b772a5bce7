/**
 * GET /coaching on the demo workspace: scoped ranking with evidence, the htmx fragment,
 * team filters in the URL, customer quotes (identity only with consent, none below
 * minComments), suppression, Spanish; and the coaching exports (scoped, audited, formula-safe).
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addResponse,
  analysedPage,
  coachingFixture,
  count,
  DEMO_TIMEOUT,
  HX,
  planRepIds,
  rows,
  unlabelledControls,
  type CoachingFixture,
} from './setup';
import { COMPUTING } from '../helpers/analysis';

let f: CoachingFixture;
let iberiaReps: number[];
/** The plan's first answer, before the period's analysis was computed. */
let first: string;

beforeAll(async () => {
  f = await coachingFixture();
  iberiaReps = (
    await rows<{ id: number }>(f.t, `SELECT id FROM reps WHERE team_id = ${f.teams.iberia} AND active = 1`)
  ).map((r) => Number(r.id));
  first = await (await f.t.request('/coaching', { cookie: f.cookies.trainer })).text();
}, DEMO_TIMEOUT);
afterAll(async () => f?.t.close());

describe('coaching plan', () => {
  const get = (path: string, cookie: string, headers: Record<string, string> = {}) =>
    f.t.request(path, { cookie, headers });

  it('shows the session form at once while the ranking is computed; the ranking asks again by itself (HX-Target plan-ranking)', async () => {
    expect(first).toContain('id="session-form"');
    expect(first).toMatch(
      /<section id="plan-ranking" class="ranked" aria-labelledby="ranked-title" hx-get="\/coaching" hx-trigger="load delay:2s" hx-swap="outerHTML">/,
    );
    expect(first).toContain(COMPUTING);
    // The reps are listed unranked meanwhile, with their sessions.
    expect(new Set(planRepIds(first))).toEqual(new Set(iberiaReps));
    expect(first).not.toContain('<span class="rank">');
    expect(first).toContain('Gap not ranked yet: the analysis is being computed.');
    const ranking = await analysedPage(f.t, '/coaching', f.cookies.trainer, { ...HX, 'HX-Target': 'plan-ranking' });
    expect(ranking.html.startsWith('<section id="plan-ranking" class="ranked" aria-labelledby="ranked-title">')).toBe(
      true,
    );
    expect(ranking.html).not.toContain('session-form');
    expect(ranking.html).toContain('Computed at 2026-11-20 10:00 UTC.');
    expect(new Set(planRepIds(ranking.html))).toEqual(new Set(iberiaReps));
  });

  it('shows the Iberia trainer only Iberia reps, ranked by gap score, with the evidence', async () => {
    const res = await analysedPage(f.t, '/coaching', f.cookies.trainer);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = res.html;
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(new Set(planRepIds(html))).toEqual(new Set(iberiaReps));
    for (const text of [
      '95% CI',
      'n = ',
      'Response rate',
      'Gap score',
      'associated with',
      'other skills held fixed',
      'not proof of cause',
      '<summary>Figures</summary>',
      'Change per SD of skill',
    ])
      expect(html, text).toContain(text);
    expect(html).toMatch(/<span class="badge badge-(finding|exploratory)">(clear|possible) link<\/span>/);
    expect(html.replace(/<details[\s\S]*?<\/details>/g, '')).not.toMatch(/ρ|\bq [=<]/);
    expect(html).toMatch(
      /badge-(untrained|trained-not-transferred|coached-improving|coached-not-improving|coached-too-early-to-tell)/,
    );
    expect(html).toContain('<a href="/methods">What these figures mean (methods)</a>');
    expect(html).not.toMatch(/caused by|holds back|drives/i);
    expect(html).not.toMatch(/\sstyle="/);
    expect(unlabelledControls(html)).toEqual([]);
    // Ranks run 1, 2, 3… in page order.
    const ranks = [...html.matchAll(/<span class="rank">(\d+)\.<\/span>/g)].map((m) => Number(m[1]));
    expect(ranks.length).toBeGreaterThan(5);
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
    // Scores in the export (same plan) are in descending order.
    const csv = parse(await (await get('/exports/coaching-plan.csv?format=raw', f.cookies.trainer)).text(), {
      columns: true,
    }) as Record<string, string>[];
    const scores = csv.filter((r) => r.status === 'gap').map((r) => Number(r.score));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('links the main navigation by role, with the session form and export links on the page', async () => {
    const trainer = await (await get('/coaching', f.cookies.trainer)).text();
    for (const href of ['/', '/reps', '/gaps', '/coaching', '/content', '/interactions/new', '/account'])
      expect(trainer).toContain(`href="${href}"`);
    expect(trainer).not.toContain('href="/follow-ups"');
    expect(trainer).not.toContain('href="/admin"');
    expect(trainer).toContain('href="/coaching" aria-current="page"');
    expect(trainer).toContain('action="/coaching/sessions"');
    expect(trainer).toContain('href="/exports/coaching-plan.csv"');
    expect(trainer).toMatch(/href="\/exports\/responses\.csv\?from=\d{4}-\d{2}-\d{2}&amp;to=\d{4}-\d{2}-\d{2}"/);
    const lead = await (await get('/coaching', f.cookies.lead)).text();
    expect(lead).toContain('href="/follow-ups"');
    expect(lead).not.toContain('href="/admin"');
    const admin = await (await get('/coaching', f.cookies.admin)).text();
    expect(admin).toContain('href="/follow-ups"');
    expect(admin).toContain('href="/admin"');
  });

  it('answers an htmx request with the plan region only', async () => {
    const res = await analysedPage(f.t, '/coaching?months=3', f.cookies.trainer, HX);
    expect(res.status).toBe(200);
    const html = res.html;
    expect(html.startsWith('<div id="coaching-plan"')).toBe(true);
    expect(html).not.toContain('<html');
    expect(html).not.toContain('<!doctype');
    expect(new Set(planRepIds(html))).toEqual(new Set(iberiaReps));
    // The old `months` parameter is read as the staff filters' `period=3m`, and links carry the new one.
    expect(html).toContain('href="/exports/coaching-plan.csv?period=3m"');
  });

  it('keeps the team filter in the URL: leads see every team or one; a trainer gets 404 outside theirs', async () => {
    const all = await (await get('/coaching', f.cookies.lead)).text();
    expect(planRepIds(all)).toHaveLength(36);
    const dach = await get(`/coaching?team=${f.teams.dach}`, f.cookies.lead);
    expect(dach.status).toBe(200);
    const dachIds = new Set(
      (await rows<{ id: number }>(f.t, `SELECT id FROM reps WHERE team_id = ${f.teams.dach}`)).map((r) => Number(r.id)),
    );
    const shown = planRepIds(await dach.text());
    expect(shown.length).toBe(12);
    for (const id of shown) expect(dachIds.has(id)).toBe(true);
    for (const headers of [{}, HX]) {
      expect((await get(`/coaching?team=${f.teams.dach}`, f.cookies.trainer, headers)).status).toBe(404);
      expect((await get('/coaching?team=999', f.cookies.lead, headers)).status).toBe(404);
      expect((await get('/coaching?team=abc', f.cookies.lead, headers)).status).toBe(404);
    }
    expect((await get(`/coaching?team=${f.teams.iberia}`, f.cookies.trainer)).status).toBe(200);
  });

  it('quotes customers by name only when they consented, and no comments below minComments', async () => {
    const csv = parse(await (await get('/exports/coaching-plan.csv?format=raw', f.cookies.trainer)).text(), {
      columns: true,
    }) as Record<string, string>[];
    const target = csv.find((r) => r.status === 'gap' && r.cpi === 'decisionClearer')!;
    expect(target).toBeDefined();
    const repId = Number(
      (await rows<{ id: number }>(f.t, `SELECT id FROM reps WHERE email = '${target.repEmail}'`))[0]!.id,
    );
    const now = f.clock.nowMs();
    await addResponse(f.t, {
      repId,
      occurredAt: now - 60_000,
      comment: 'CONSENTED-QUOTE: unclear next steps',
      consent: true,
      decisionClearer: 1,
      customer: { email: 'carla.consent@quote.test', name: 'Carla Consent', company: 'Quote Co' },
    });
    await addResponse(f.t, {
      repId,
      occurredAt: now - 120_000,
      comment: 'PRIVATE-QUOTE: still confused',
      consent: false,
      decisionClearer: 2,
      customer: { email: 'nina.noconsent@quote.test', name: 'Nina Noconsent', company: 'Hidden Co' },
    });
    const html = await (await get('/coaching', f.cookies.trainer)).text();
    const card = html.slice(
      html.indexOf(`id="rep-${repId}"`),
      html.indexOf('</article>', html.indexOf(`id="rep-${repId}"`)),
    );
    expect(card).toContain('CONSENTED-QUOTE');
    expect(card).toContain('Carla Consent, Quote Co');
    expect(card).toContain('PRIVATE-QUOTE');
    expect(card).toContain('a customer (not consented to be contacted)');
    expect(html).not.toContain('Nina Noconsent');
    expect(html).not.toContain('nina.noconsent@quote.test');
    expect(html).not.toContain('Hidden Co');

    await f.t.db.write((tx) =>
      tx.run(`INSERT INTO settings (key, value, updated_at) VALUES ('minComments', '1000', ${now})`),
    );
    try {
      const few = await (await get('/coaching', f.cookies.trainer)).text();
      expect(few).not.toContain('CONSENTED-QUOTE');
      expect(few).not.toContain('<blockquote');
      expect(few).toContain('Comments are shown from 1000 responses on');
    } finally {
      await f.t.db.write((tx) => tx.run(`DELETE FROM settings WHERE key = 'minComments'`));
    }
  });

  it('lists a rep without enough responses last, marked "not enough responses", with no numbers', async () => {
    const now = f.clock.nowMs();
    await f.t.db.write((tx) =>
      tx.run(
        `INSERT INTO reps (email, name, team_id, created_at, updated_at) VALUES ('newbie@demo.cpilens.test', 'Nuevo Novato', ${f.teams.iberia}, ${now}, ${now})`,
      ),
    );
    const id = Number(
      (await rows<{ id: number }>(f.t, "SELECT id FROM reps WHERE email = 'newbie@demo.cpilens.test'"))[0]!.id,
    );
    const html = await (await get('/coaching', f.cookies.trainer)).text();
    const ids = planRepIds(html);
    expect(ids[ids.length - 1]).toBe(id);
    const card = html.slice(html.indexOf(`id="rep-${id}"`));
    expect(card).toContain('Not enough responses in this period to rank a gap (0 responses)');
    expect(card.slice(0, card.indexOf('</article>'))).not.toContain('95% CI');
    await f.t.db.write((tx) => tx.run(`UPDATE reps SET active = 0 WHERE id = ${id}`));
  });

  it('speaks Spanish to a Spanish-speaking trainer', async () => {
    await f.t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = 'es' WHERE id = ${f.users.trainer}`));
    try {
      const html = await (await get('/coaching', f.cookies.trainer)).text();
      expect(html).toContain('<html lang="es">');
      for (const text of [
        'Plan de coaching',
        'Comerciales por brecha de habilidad',
        'IC 95 %',
        'Tasa de respuesta',
        'Registrar sesión (realizada)',
      ])
        expect(html, text).toContain(text);
      expect(html).toMatch(/Puntuación de brecha \d+,\d{2}/);
      expect(html).not.toContain('Coaching plan');
    } finally {
      await f.t.db.write((tx) => tx.run(`UPDATE staff_users SET locale = 'en' WHERE id = ${f.users.trainer}`));
    }
  });

  it('sends anonymous visitors to sign in', async () => {
    for (const path of [
      '/coaching',
      '/coaching/follow-up',
      '/coaching/sessions/new',
      '/follow-ups',
      '/exports/responses.csv',
      '/exports/coaching-plan.csv',
    ]) {
      const res = await f.t.request(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toMatch(/^\/login\?next=/);
    }
  });
});

describe('coaching exports', () => {
  const csvOf = async (path: string, cookie: string) => {
    // The machine columns (format=raw); the readable form: test/workspace/readable-exports.test.ts.
    const res = await f.t.request(`${path}${path.includes('?') ? '&' : '?'}format=raw`, { cookie });
    expect(res.status, path).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    const text = await res.text();
    return { text, records: parse(text, { columns: true }) as Record<string, string>[] };
  };

  it('gives the trainer only Iberia responses, leads every team, and 404 for another team', async () => {
    const from = '2025-11-01';
    const to = '2026-11-21';
    const trainer = await csvOf(`/exports/responses.csv?from=${from}&to=${to}`, f.cookies.trainer);
    expect(trainer.records.length).toBeGreaterThan(100);
    expect(new Set(trainer.records.map((r) => r.team))).toEqual(new Set(['Iberia']));
    const lead = await csvOf(`/exports/responses.csv?from=${from}&to=${to}`, f.cookies.lead);
    expect(new Set(lead.records.map((r) => r.team))).toEqual(new Set(['Iberia', 'DACH', 'North America']));
    const leadDach = await csvOf(`/exports/responses.csv?from=${from}&to=${to}&team=${f.teams.dach}`, f.cookies.lead);
    expect(new Set(leadDach.records.map((r) => r.team))).toEqual(new Set(['DACH']));
    expect(
      (await f.t.request(`/exports/responses.csv?team=${f.teams.dach}`, { cookie: f.cookies.trainer })).status,
    ).toBe(404);
    expect(
      (await f.t.request(`/exports/coaching-plan.csv?team=${f.teams.dach}`, { cookie: f.cookies.trainer })).status,
    ).toBe(404);
    expect((await f.t.request('/exports/responses.csv?from=yesterday', { cookie: f.cookies.lead })).status).toBe(422);
  });

  it('exports the plan as shown: scoped rows, one per rep, the columns the page shows', async () => {
    const trainer = await csvOf('/exports/coaching-plan.csv', f.cookies.trainer);
    expect(trainer.text.split('\r\n')[0]).toBe(
      'rank,repEmail,repName,team,status,skill,cpi,score,lower,upper,label,lowConfidence,responses,plannedSessions,doneSessions,lastDoneSession',
    );
    expect(trainer.records).toHaveLength(12);
    expect(new Set(trainer.records.map((r) => r.team))).toEqual(new Set(['Iberia']));
    // The demo's planned Iberia sessions are counted on their rep's row.
    expect(trainer.records.reduce((n, r) => n + Number(r.plannedSessions), 0)).toBeGreaterThan(0);
    const lead = await csvOf(`/exports/coaching-plan.csv?team=${f.teams.dach}&months=12`, f.cookies.lead);
    expect(new Set(lead.records.map((r) => r.team))).toEqual(new Set(['DACH']));
  });

  it('audits every export in its own write', async () => {
    const before = await count(
      f.t,
      "SELECT count(*) AS n FROM audit_log WHERE action IN ('export.responses', 'export.coaching-plan')",
    );
    await csvOf('/exports/responses.csv', f.cookies.trainer);
    await csvOf('/exports/coaching-plan.csv', f.cookies.trainer);
    const entries = await rows<{ action: string; actor: string }>(
      f.t,
      "SELECT action, actor FROM audit_log WHERE action IN ('export.responses', 'export.coaching-plan') ORDER BY id DESC LIMIT 2",
    );
    expect(
      await count(
        f.t,
        "SELECT count(*) AS n FROM audit_log WHERE action IN ('export.responses', 'export.coaching-plan')",
      ),
    ).toBe(before + 2);
    expect(entries.map((e) => e.action).sort()).toEqual(['export.coaching-plan', 'export.responses']);
    expect(entries.every((e) => e.actor === 'trainer@demo.cpilens.test')).toBe(true);
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    const now = f.clock.nowMs();
    await addResponse(f.t, {
      repId: f.reps.iberia,
      occurredAt: now - 3_600_000,
      comment: '=HYPERLINK("http://evil.test","x")',
      consent: true,
      fcr: 0,
      customer: { email: 'formula@quote.test', name: '@SUM(A1)', company: '+cmd' },
    });
    await f.t.db.write((tx) =>
      tx.run(
        `INSERT INTO reps (email, name, team_id, created_at, updated_at) VALUES ('formula.rep@demo.cpilens.test', '-2+3', ${f.teams.iberia}, ${now}, ${now})`,
      ),
    );
    const responses = await csvOf('/exports/responses.csv', f.cookies.trainer);
    const row = responses.records.find((r) => r.comment?.includes('HYPERLINK'))!;
    expect(row.comment).toBe(`'=HYPERLINK("http://evil.test","x")`);
    const plan = await csvOf('/exports/coaching-plan.csv', f.cookies.trainer);
    expect(plan.records.find((r) => r.repEmail === 'formula.rep@demo.cpilens.test')?.repName).toBe("'-2+3");
    for (const record of [...responses.records, ...plan.records])
      for (const cell of Object.values(record)) expect(cell).not.toMatch(/^[=+@\t\r]|^-[^\d.]/);
  });
});
