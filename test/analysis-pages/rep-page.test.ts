import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../helpers/app';
import { unlabelledControls } from '../admin/setup';
import {
  HX,
  demoFixture,
  elementWith,
  expectFragment,
  get,
  getAnalysed,
  rows,
  setLocale,
  type DemoFixture,
} from './setup';
import { COMPUTING } from '../helpers/analysis';

describe('rep page GET /reps/:id (demo workspace)', () => {
  let f: DemoFixture;
  let first: string;
  let page: string;

  beforeAll(async () => {
    f = await demoFixture();
    const res = await get(f, `/reps/${f.reps.iberia.id}`, f.cookies.lead);
    expect(res.status).toBe(200);
    first = res.html;
    page = (await getAnalysed(f, `/reps/${f.reps.iberia.id}`, f.cookies.lead)).html;
  });
  afterAll(async () => f.t.close());

  it('shows the header, filters in a real form with htmx on it, and the default period of 12 months', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(`<h1>${f.reps.iberia.name}`);
    expect(page).toContain('Iberia');
    expect(page).toContain('Current rep');
    expect(page).toMatch(/<form id="rep-filters"[^>]*method="get"[^>]*action="\/reps\/\d+"/);
    expect(page).toMatch(/hx-get="\/reps\/\d+" hx-target="#rep-results" hx-swap="outerHTML" hx-push-url="true"/);
    expect(page).toMatch(/<option value="12m" selected="">Last 12 months<\/option>/);
    expect(page).toContain('2025-12-01 to 2026-11-20');
    expect(unlabelledControls(page)).toEqual([]);
    expect(page).not.toMatch(/\sstyle=/);
  });

  it('draws a trend chart per CPI with its interval band, target line and the training timeline as markers on the same months', () => {
    for (const cpi of ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'])
      expect(page).toContain(`id="trend-${cpi}"`);
    const fcr = elementWith(page, 'id="trend-fcr"', 'figure');
    expect(fcr).toContain('class="band"');
    expect(fcr).toContain('class="target"');
    expect(fcr).toMatch(/class="marker marker-(course|assessment|coaching)"/);
    expect(fcr).toContain('<th scope="col">Month</th>');
    expect(fcr).toContain('2026-03');
    expect(page).not.toMatch(/NaN|undefined/);
  });

  it('lists the training timeline with date, kind, skill and score, from the database', async () => {
    const records = await rows<{ kind: string; completed_at: number; score: number | null }>(
      f.t,
      'SELECT kind, completed_at, score FROM training_records WHERE rep_id = ? AND completed_at >= ? ORDER BY completed_at',
      [f.reps.iberia.id, Date.parse('2025-12-01T00:00:00Z')],
    );
    expect(records.length).toBeGreaterThan(0);
    // Coaching the trainer has planned for the rep is on the timeline too.
    const planned = await rows<{ n: number }>(
      f.t,
      "SELECT count(*) AS n FROM coaching_sessions WHERE rep_id = ? AND status = 'planned' AND planned_for >= ?",
      [f.reps.iberia.id, Date.parse('2025-12-01T00:00:00Z')],
    );
    const table = elementWith(page, 'data-testid="timeline"', 'table');
    expect(table.match(/<tr data-kind=/g)?.length).toBe(records.length + Number(planned[0]!.n));
    const first = records[0]!;
    expect(table).toContain(new Date(Number(first.completed_at)).toISOString().slice(0, 10));
    const assessed = records.find((r) => r.kind === 'assessment' && r.score !== null)!;
    expect(table).toContain(`<td class="num">${Math.round(Number(assessed.score))}</td>`);
  });

  it('shows CPIs with n, intervals and the response rate beside them', () => {
    expect(page).toMatch(/\d+ responses in the period; response rate \d+% of \d+ invitations\./);
    const summary = elementWith(page, 'class="cpi-summary"', 'table');
    expect(summary).toContain('First-contact resolution');
    expect(summary).toMatch(/\d+% to \d+%/);
  });

  it('shows the page at once while the gaps are computed: the gaps section asks again by itself (HX-Target rep-gaps)', async () => {
    const id = f.reps.iberia.id;
    expect(first).toContain('class="cpi-summary"');
    expect(first).toContain(
      `<section id="rep-gaps" aria-labelledby="rep-gaps-h" hx-get="/reps/${id}" hx-trigger="load delay:2s" hx-swap="outerHTML">`,
    );
    expect(elementWith(first, 'id="rep-gaps"', 'section')).toContain(COMPUTING);
    expect(elementWith(first, 'id="rep-gaps"', 'section')).toContain(`<a href="/reps/${id}">Reload the page</a>`);
    const section = await getAnalysed(f, `/reps/${id}`, f.cookies.lead, { ...HX, 'HX-Target': 'rep-gaps' });
    expectFragment(section.html, 'rep-gaps');
    expect(section.html.trimStart().startsWith('<section id="rep-gaps" aria-labelledby="rep-gaps-h">')).toBe(true);
    expect(section.html).toContain('data-testid="rep-gaps"');
    expect(section.html).not.toContain('cpi-summary');
    expect(section.html).toContain('Computed at 2026-11-20 10:00 UTC.');
  });

  it('ranks gaps by score with 80% intervals, labels, evidence in plain words and "low confidence"; says "associated with", never "caused by"', () => {
    const table = elementWith(page, 'data-testid="rep-gaps"', 'table');
    const skills = [...table.matchAll(/<tr data-skill="([^"]+)" data-label="([^"]+)"/g)].map((m) => ({
      skill: m[1]!,
      label: m[2]!,
    }));
    expect(skills.map((s) => s.skill).sort()).toEqual([
      'content-usage',
      'discovery',
      'objection-handling',
      'product-knowledge',
      'quoting',
      'value-messaging',
    ]);
    const scores = [...table.matchAll(/<td class="num">([\d.]+)<\/td>/g)].map((m) => Number(m[1]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of skills)
      expect([
        'untrained',
        'trained-not-transferred',
        'coached-improving',
        'coached-not-improving',
        'coached-too-early-to-tell',
        'none',
      ]).toContain(s.label);
    // Discovery is linked with nothing in the demo: no CPI counts toward its gap.
    const discovery = elementWith(table, 'data-skill="discovery"', 'tr');
    expect(discovery).toContain('No CPI is clearly or possibly linked with this skill');
    // The top gap carries its evidence: CPI vs target, P(below target), the link in plain words, its numbers behind a toggle.
    const top = elementWith(table, `data-skill="${skills[0]!.skill}"`, 'tr');
    expect(top).toMatch(/against target/);
    expect(top).toMatch(/P\(below target\) (&gt; )?\d+%/);
    expect(top).toMatch(
      /Link across reps \(other skills held fixed\): <span class="badge badge-(finding|exploratory)">(clear|possible) link<\/span>/,
    );
    expect(top).toContain('<summary>Figures</summary>');
    expect(top.replace(/<details[\s\S]*?<\/details>/g, '')).not.toContain('ρ');
    expect(page).toContain('id="rep-gaps-chart"');
    expect(page).toContain('An association, not proof of cause');
    expect(page).toContain('<a href="/methods">What these figures mean (methods)</a>');
    for (const word of ['caused by', 'holds back', 'drives']) expect(page.toLowerCase()).not.toContain(word);
  });

  it('answers htmx with the results region only, for the filters in the URL', async () => {
    const res = await getAnalysed(f, `/reps/${f.reps.iberia.id}?period=6m&type=call`, f.cookies.lead, HX);
    expect(res.status).toBe(200);
    expectFragment(res.html, 'rep-results');
    expect(res.html.trimStart().startsWith('<div id="rep-results"')).toBe(true);
    expect(res.html).toContain('only Call interactions');
    expect(res.html).toContain('2026-06-01 to 2026-11-20');
    expect(res.html).toContain('Gaps use all interaction types');
    const full = await get(f, `/reps/${f.reps.iberia.id}?period=6m&type=call`, f.cookies.lead);
    expect(full.html).toMatch(/<option value="call" selected="">Call<\/option>/);
    expect(full.html).toMatch(/<option value="6m" selected="">/);
  });

  it('takes a custom range of days and reports bad filters by field with 422, using the defaults', async () => {
    const custom = await get(
      f,
      `/reps/${f.reps.iberia.id}?period=custom&from=2026-03-01&to=2026-05-31`,
      f.cookies.lead,
    );
    expect(custom.status).toBe(200);
    expect(custom.html).toContain('2026-03-01 to 2026-05-31');
    const bad = await get(f, `/reps/${f.reps.iberia.id}?period=forever&type=fax`, f.cookies.lead);
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<li data-field="period">Period: choose the last 3, 6, 12 or 24 months');
    expect(bad.html).toContain('<li data-field="type">Interaction type: choose one of the listed types.');
    expect(bad.html).toMatch(/id="rep-filters-period" name="period" aria-invalid="true"/);
    expect(bad.html).toContain('2025-12-01 to 2026-11-20');
  });

  it('lets a trainer open reps of their team, and answers 404 for another team’s rep, page and fragment alike', async () => {
    expect((await get(f, `/reps/${f.reps.iberia.id}`, f.cookies.trainer)).status).toBe(200);
    expect((await get(f, `/reps/${f.reps.iberia.id}`, f.cookies.trainer, HX)).status).toBe(200);
    for (const headers of [{}, HX]) {
      const other = await get(f, `/reps/${f.reps.dach.id}?period=3m&type=demo`, f.cookies.trainer, headers);
      expect(other.status).toBe(404);
      expect(other.html).not.toContain(f.reps.dach.name);
    }
    expect((await get(f, `/reps/${f.reps.dach.id}`, f.cookies.admin)).status).toBe(200);
    expect((await get(f, '/reps/999999', f.cookies.lead)).status).toBe(404);
    const anonymous = await f.t.request(`/reps/${f.reps.iberia.id}`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toMatch(/^\/login\?next=/);
  });

  it('says "not enough responses" instead of numbers when the rep has too few in the period', async () => {
    const res = await getAnalysed(
      f,
      `/reps/${f.reps.iberia.id}?period=custom&from=2026-11-18&to=2026-11-19`,
      f.cookies.admin,
    );
    expect(res.status).toBe(200);
    expect(elementWith(res.html, 'data-testid="rep-suppressed"', 'p')).toMatch(
      /Not enough responses: \d in the period, at least 5 are needed/,
    );
    expect(res.html).toContain('Gaps are not scored: this rep has fewer than 5 responses in the period.');
    expect(res.html).not.toContain('class="cpi-summary"');
    expect(res.html).not.toMatch(/NaN|undefined/);
  });

  it('hides comments below settings.minComments responses and says why', async () => {
    // Ten days hold fewer than 10 responses of any one rep.
    const res = await get(f, `/reps/${f.reps.iberia.id}?period=custom&from=2026-11-10&to=2026-11-19`, f.cookies.admin);
    expect(res.status).toBe(200);
    const hidden = elementWith(res.html, 'data-testid="comments-hidden"', 'p');
    expect(hidden).toMatch(
      /Comments are not shown: this rep has \d responses in the period, and comments appear from 10 on/,
    );
    expect(res.html).not.toContain('data-testid="comments"');
    // Raising the threshold hides them over the whole year too.
    await f.t.db.write((tx) =>
      tx.run(`INSERT INTO settings (key, value, updated_at) VALUES ('minComments', '1000', ${f.clock.nowMs()})`),
    );
    const raised = await get(f, `/reps/${f.reps.iberia.id}`, f.cookies.lead);
    await f.t.db.write((tx) => tx.run(`DELETE FROM settings WHERE key = 'minComments'`));
    expect(raised.html).toContain('data-testid="comments-hidden"');
    expect(raised.html).toContain('comments appear from 1000 on');
    expect(page).toContain('data-testid="comments"');
  });

  it('names the customer only where they consented to be contacted; otherwise "anonymous"', async () => {
    const list = await rows<{ id: number; customer_id: number }>(
      f.t,
      `SELECT r.id, i.customer_id FROM responses r JOIN interactions i ON i.id = r.interaction_id
       WHERE r.rep_id = ? AND r.status = 'submitted' AND r.occurred_at >= ?
         AND NOT EXISTS (SELECT 1 FROM responses o JOIN interactions oi ON oi.id = o.interaction_id WHERE oi.customer_id = i.customer_id AND o.contact_consent = 1)
       ORDER BY r.occurred_at DESC LIMIT 20`,
      [f.reps.iberia.id, f.clock.nowMs() - 200 * DAY],
    );
    // Two recent answers of two different customers who never agreed to be contacted (a rep's regular customers answer often).
    const answers = list.map((r) => ({ id: Number(r.id), customer: Number(r.customer_id) }));
    const consented = answers[0];
    const withheld = answers.find((a) => a.customer !== consented!.customer);
    await f.t.db.write(async (tx) => {
      await tx.run(
        `UPDATE customers SET name = 'Olga Consenting', company = 'Open Ltd' WHERE id = ${consented!.customer}`,
      );
      await tx.run(
        `UPDATE responses SET comment = 'Marker: consented comment', contact_consent = 1 WHERE id = ${consented!.id}`,
      );
      await tx.run(
        `UPDATE customers SET name = 'Zelda Private', company = 'Hidden GmbH' WHERE id = ${withheld!.customer}`,
      );
      await tx.run(
        `UPDATE responses SET comment = 'Marker: private comment', contact_consent = 0 WHERE id = ${withheld!.id}`,
      );
    });
    const html = (await get(f, `/reps/${f.reps.iberia.id}`, f.cookies.lead)).html;
    const open = elementWith(html, 'Marker: consented comment', 'li');
    expect(open).toContain('Olga Consenting, Open Ltd');
    expect(open).toContain('agreed to be contacted');
    const closed = elementWith(html, 'Marker: private comment', 'li');
    expect(closed).toContain('anonymous');
    expect(html).not.toContain('Zelda Private');
    expect(html).not.toContain('Hidden GmbH');
    // The answers given come with the comment.
    expect(closed).toMatch(/<dt>(First-contact resolution|Decision clarity|Added value)<\/dt><dd>/);
  });

  it('marks a former rep and keeps their history', async () => {
    await f.t.db.write((tx) => tx.run(`UPDATE reps SET active = 0 WHERE id = ${f.reps.dach.id}`));
    const res = await get(f, `/reps/${f.reps.dach.id}`, f.cookies.lead);
    await f.t.db.write((tx) => tx.run(`UPDATE reps SET active = 1 WHERE id = ${f.reps.dach.id}`));
    expect(res.status).toBe(200);
    expect(res.html).toContain('former rep');
    expect(res.html).toContain('Former rep (history kept)');
    expect(res.html).toContain('id="trend-fcr"');
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.lead, 'es');
    const html = (await getAnalysed(f, `/reps/${f.reps.iberia.id}`, f.cookies.lead)).html;
    await setLocale(f.t, f.users.lead, 'en');
    expect(html).toContain('lang="es"');
    expect(html).toContain('Tendencias y formación');
    expect(html).toContain('Brechas de habilidades ordenadas');
    expect(html).toContain('Una asociación, no prueba de una causa');
    expect(html).toMatch(/vínculo (claro|posible)/);
    expect(html).toMatch(/\d,\d\d a \d,\d\d/);
    expect(html.toLowerCase()).not.toContain('causado por');
  });
});
