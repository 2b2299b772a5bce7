/** The overview at `/` on the demo workspace: page and fragment, URL filters, scope, suppression, Spanish. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledControls, setLocale } from '../admin/setup';
import { get, hx, text, tile, workspaceFixture, type WorkspaceFixture } from './setup';

describe('overview', () => {
  let f: WorkspaceFixture;
  beforeAll(async () => {
    f = await workspaceFixture();
  });
  afterAll(async () => f.t.close());

  /** "(709 responses of 1,284 invited)" in a tile: the responses behind the figures. */
  const responses = (html: string) =>
    Number(/\(([\d,]+) responses of/.exec(text(tile(html, 'fcr')))?.[1]?.replace(/,/g, ''));

  it('serves the full page with filters, a tile per CPI, trends and the by-team table', async () => {
    const res = await get(f, '/overview', f.cookies.lead);
    expect(res.status).toBe(200);
    expect(res.html).toMatch(/^<!doctype html><html/);
    expect(res.html).toContain('data-testid="home-title"');
    expect(res.headers.get('vary')).toContain('HX-Request');
    expect(res.headers.get('cache-control')).toBe('no-store');
    for (const cpi of ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'])
      expect(res.html).toContain(`data-cpi="${cpi}"`);
    // The 12-month trends load right after the page (htmx), or inline through a plain link without JavaScript.
    expect(res.html).toMatch(/<section id="overview-trends"[^>]*hx-get="\/overview\/trends[^"]*" hx-trigger="load"/);
    expect(res.html).toContain('href="/overview?trends=1#overview-trends"');
    for (const source of [
      await get(f, '/overview/trends', f.cookies.lead),
      await get(f, '/overview?trends=1', f.cookies.lead),
    ]) {
      expect(source.status).toBe(200);
      for (const cpi of ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'])
        expect(source.html).toContain(`id="trend-${cpi}"`);
    }
    const page = text(res.html);
    expect(page).toContain('No period chosen: showing the last 12 months, the current one to date.');
    expect(page).toContain('All teams · Last 12 months · 2025-12-01 to 2026-11-20');
    // The form is a real GET form that htmx enhances.
    expect(res.html).toMatch(
      /<form id="overview-filters"[^>]*method="get" action="\/overview" hx-get="\/overview" hx-target="#overview-results" hx-push-url="true"/,
    );
    expect(unlabelledControls(res.html)).toEqual([]);
    expect(res.html).not.toMatch(/\sstyle="/);
    expect(res.html).not.toMatch(/NaN|undefined/);
  });

  it('shows each figure with its interval and n, the response rate, target, baseline and change', async () => {
    const fcr = text(tile((await get(f, '/overview', f.cookies.lead)).html, 'fcr'));
    expect(fcr).toMatch(/^First-contact resolution \d+% 95% interval \d+–\d+% · n = [\d,]+ /);
    expect(fcr).toMatch(/Response rate \d+% \([\d,]+ responses of [\d,]+ invited\)/);
    // Demo targets: FCR 70% org-wide, baseline the first three whole months (2025-12 to 2026-02).
    expect(fcr).toContain('Target 70% (org-wide)');
    expect(fcr).toMatch(/Baseline \d+% 95% interval \d+–\d+% · n = [\d,]+ · 2025-12-01 – 2026-02-28/);
    expect(fcr).toMatch(/Change since baseline [+−][\d.]+ pp \(95% interval [+−−]?[\d.]+ pp to [+−]?[\d.]+ pp\)/);
    const turnaround = text(tile((await get(f, '/overview', f.cookies.lead)).html, 'quoteTurnaround'));
    expect(turnaround).toMatch(/^Quote turnaround [\d.]+ h median /);
    expect(turnaround).toMatch(/Within the 48 h SLA: \d+% \(95% interval \d+–\d+%\)/);
  });

  it('answers htmx with the results region only, and the same route without htmx with the whole page', async () => {
    const fragment = await get(f, '/overview?period=2026-Q3', f.cookies.lead, hx);
    expect(fragment.status).toBe(200);
    expect(fragment.html).not.toContain('<html');
    expect(fragment.html).not.toContain('data-testid="home-title"');
    expect(fragment.html).toContain('data-cpi="fcr"');
    expect(text(fragment.html)).toContain('All teams · 2026-Q3 ·');
    // A history restore asks for the whole page.
    const restore = await get(f, '/overview?period=2026-Q3', f.cookies.lead, {
      ...hx,
      'HX-History-Restore-Request': 'true',
    });
    expect(restore.html).toContain('<html');
  });

  it('honours the filters in the URL: team, quarter, month and interaction type change the numbers', async () => {
    const all = responses((await get(f, '/overview?period=2026-Q3', f.cookies.lead)).html);
    const iberia = await get(f, `/overview?team=${f.teams.Iberia}&period=2026-Q3`, f.cookies.lead);
    expect(text(iberia.html)).toContain('Iberia · 2026-Q3 · All interaction types');
    expect(iberia.html).toMatch(new RegExp(`<option value="${f.teams.Iberia}" selected`));
    expect(responses(iberia.html)).toBeGreaterThan(0);
    expect(responses(iberia.html)).toBeLessThan(all);
    const month = responses((await get(f, '/overview?period=2026-08', f.cookies.lead)).html);
    expect(month).toBeLessThan(all);
    const quotes = await get(f, '/overview?period=2026-Q3&type=quote', f.cookies.lead);
    expect(text(quotes.html)).toContain('2026-Q3 · Quote');
    expect(responses(quotes.html)).toBeLessThan(all);
  });

  it("uses the team's own target when a team is chosen", async () => {
    // Demo: Iberia has its own decision-clarity target (3.7); FCR falls back to the org's.
    const iberia = (await get(f, `/overview?team=${f.teams.Iberia}`, f.cookies.lead)).html;
    expect(text(tile(iberia, 'decisionClearer'))).toContain('Target 3.70 (team)');
    expect(text(tile(iberia, 'fcr'))).toContain('Target 70% (org-wide)');
  });

  it('notes a custom range, and warns when it is shorter than a month (an admin: others choose whole months)', async () => {
    const short = text((await get(f, '/overview?period=custom&from=2026-11-01&to=2026-11-10', f.cookies.admin)).html);
    expect(short).toContain('2026-11-01 to 2026-11-10 (custom range)');
    expect(short).toContain('Custom range of 10 days, shorter than a month');
  });

  it('answers a bad period or type with 422 naming the field, page and fragment alike', async () => {
    const bad = await get(f, '/overview?period=2026-Q9&type=fax', f.cookies.lead);
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<html');
    expect(text(bad.html)).toContain('Period: choose the last 3, 6, 12 or 24 months, a quarter');
    expect(text(bad.html)).toContain('Interaction type: choose one of the listed types.');
    expect(bad.html).toMatch(/id="overview-filters-period" name="period" aria-invalid="true"/);
    const fragment = await get(f, '/overview?period=custom&from=2026-11-10&to=2026-11-01', f.cookies.lead, hx);
    expect(fragment.status).toBe(422);
    expect(fragment.html).not.toContain('<html');
    expect(text(fragment.html)).toContain('From: the first day must not be after the last day.');
  });

  it('shows "not enough responses" for a tiny team, and hides a second team in the by-team table', async () => {
    const tiny = await get(f, `/overview?team=${f.teams.Tiny}`, f.cookies.lead);
    expect(tiny.status).toBe(200);
    for (const cpi of ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround']) {
      const t = text(tile(tiny.html, cpi));
      expect(t).toContain('not enough responses');
      expect(t).toContain('n = 3: at least 5 responses are needed');
      expect(t).not.toMatch(/\d+% 95% interval/);
    }
    const table = tiny.html.slice(tiny.html.indexOf('class="ws-teams"'));
    expect(text(table)).toMatch(/Tiny 3 not enough responses/);
    expect(table).toContain('class="ws-hidden"');
    expect(text(table)).toContain('Hidden so that a team with too few responses cannot be worked out');
  });

  it('shows a trainer only their teams; another team is 404, page and fragment', async () => {
    const own = await get(f, '/overview', f.cookies.trainer);
    expect(own.status).toBe(200);
    const select = own.html.slice(
      own.html.indexOf('id="overview-filters-team"'),
      own.html.indexOf('</select>', own.html.indexOf('id="overview-filters-team"')),
    );
    expect(select).toContain('All my teams');
    expect(select).toContain('Iberia');
    expect(select).not.toContain('DACH');
    const table = text(own.html.slice(own.html.indexOf('class="ws-teams"')));
    expect(table).toContain('Iberia');
    expect(table).not.toMatch(/DACH|North America|Tiny/);
    expect((await get(f, `/overview?team=${f.teams.Iberia}`, f.cookies.trainer)).status).toBe(200);
    expect((await get(f, `/overview?team=${f.teams.DACH}`, f.cookies.trainer)).status).toBe(404);
    expect((await get(f, `/overview?team=${f.teams.DACH}`, f.cookies.trainer, hx)).status).toBe(404);
    expect((await get(f, '/overview?team=99999', f.cookies.lead)).status).toBe(404);
    expect((await get(f, '/overview?team=abc', f.cookies.lead)).status).toBe(404);
  });

  it('sends anonymous visitors to sign in', async () => {
    const res = await f.t.request('/overview?period=2026-Q3');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/login?next=${encodeURIComponent('/overview?period=2026-Q3')}`);
  });

  it('speaks Spanish to a Spanish-speaking lead', async () => {
    const lead = Number(
      (await f.t.db.readClient.execute("SELECT id FROM staff_users WHERE email = 'lead@demo.cpilens.test'")).rows[0]
        ?.id,
    );
    await setLocale(f.t, lead, 'es');
    try {
      const page = text((await get(f, `/overview?team=${f.teams.Tiny}`, f.cookies.lead)).html);
      expect(page).toContain('Resumen');
      expect(page).toContain('Resolución al primer contacto');
      expect(page).toContain('respuestas insuficientes');
      expect(page).toContain('Todos los tipos de interacción');
    } finally {
      await setLocale(f.t, lead, 'en');
    }
  });
});
