import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledControls } from '../admin/setup';
import { HX, demoFixture, elementWith, expectFragment, get, setLocale, type DemoFixture } from './setup';

const PLANTED = ['content-usage→contentUseful', 'objection-handling→decisionClearer', 'product-knowledge→fcr', 'quoting→quoteTurnaround', 'value-messaging→addedValue'];

/** Link-matrix cells as skill→cpi with their tier. */
function cells(html: string) {
  return [...html.matchAll(/data-skill="([^"]+)" data-cpi="([^"]+)" data-tier="([^"]+)"/g)].map((m) => ({ pair: `${m[1]}→${m[2]}`, skill: m[1]!, tier: m[3]! }));
}

/** Team names in the "largest gaps" table. */
function topGapTeams(html: string): string[] {
  const table = elementWith(html, 'data-testid="top-gaps"', 'table');
  return [...table.matchAll(/<\/a><\/th><td>([^<]+)<\/td>/g)].map((m) => m[1]!);
}

describe('skill gap analysis GET /gaps (demo workspace)', () => {
  let f: DemoFixture;
  let page: string;

  beforeAll(async () => {
    f = await demoFixture();
    const res = await get(f, '/gaps', f.cookies.lead);
    expect(res.status).toBe(200);
    page = res.html;
  });
  afterAll(async () => f.t.close());

  it('marks the planted skill → CPI links as findings, and nothing for discovery', () => {
    const all = cells(page);
    expect(all).toHaveLength(30);
    expect(all.filter((c) => c.tier === 'finding').map((c) => c.pair).sort()).toEqual(PLANTED);
    expect(all.filter((c) => c.skill === 'discovery').every((c) => c.tier !== 'finding')).toBe(true);
    const cell = elementWith(page, 'data-skill="objection-handling" data-cpi="decisionClearer"', 'td');
    expect(cell).toMatch(/ρ \+0\.\d\d/);
    expect(cell).toMatch(/[+−]0\.\d\d to [+−]0\.\d\d/);
    expect(cell).toMatch(/n \d\d · q &lt; 0\.001/);
    expect(cell).toContain('badge-finding');
    expect(page).toContain('5 links are findings');
  });

  it('flags Simpson cells where the within-team direction differs', () => {
    const flagged = [...page.matchAll(/data-simpson="true"/g)].length;
    expect(flagged).toBeGreaterThan(0);
    expect(page).toContain('within-team direction differs');
  });

  it('draws the importance–performance quadrants for the chosen CPI, with the four quadrant labels and "uncertain" marked', async () => {
    const section = elementWith(page, 'id="quadrant"', 'section');
    expect(section).toContain('Skills by importance for First-contact resolution and performance');
    for (const label of ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill']) expect(section).toContain(label);
    expect(section).toContain('class="divider"');
    const dc = await get(f, '/gaps?cpi=decisionClearer', f.cookies.lead);
    const quadrant = elementWith(dc.html, 'id="quadrant"', 'section');
    expect(quadrant).toContain('Skills by importance for Decision clarity and performance');
    expect(quadrant).toMatch(/<option value="decisionClearer" selected="">/);
    // Objection handling is what decision clarity goes with, and reps score below the target in it.
    expect(quadrant).toMatch(/<th scope="row">Objection handling<\/th><td>[^<]*<\/td><td>[^<]*<\/td><td>concentrate here/);
    expect(quadrant).toMatch(/dot dot-(uncertain|concentrate-here|low-priority|keep-up-the-good-work|possible-overkill)/);
  });

  it('answers htmx: the results region, or only the quadrant when htmx targets it (with the main form’s cpi out of band)', async () => {
    const results = await get(f, '/gaps?period=6m', f.cookies.lead, HX);
    expect(results.status).toBe(200);
    expectFragment(results.html, 'gaps-results');
    expect(results.html.trimStart().startsWith('<div id="gaps-results"')).toBe(true);
    expect(results.html).toContain('2026-06-01 to 2026-11-20');
    const quadrant = await get(f, '/gaps?cpi=addedValue', f.cookies.lead, { ...HX, 'HX-Target': 'quadrant' });
    expect(quadrant.status).toBe(200);
    expectFragment(quadrant.html, 'quadrant');
    expect(quadrant.html.trimStart().startsWith('<section id="quadrant"')).toBe(true);
    expect(quadrant.html).not.toContain('link-matrix');
    expect(quadrant.html).toMatch(/<input type="hidden" name="cpi" id="gaps-filter-cpi" value="addedValue" hx-swap-oob="true"/);
    expect(page).toMatch(/<form id="gaps-filters"[^>]*hx-get="\/gaps" hx-target="#gaps-results"[^>]*hx-push-url="true"/);
    expect(page).toMatch(/hx-get="\/gaps" hx-target="#quadrant" hx-swap="outerHTML" hx-push-url="true"/);
  });

  it('lists training effects with interval, p, arms and windows, and "not enough data" with the reason', () => {
    const table = elementWith(page, 'data-testid="training-effects"', 'table');
    const row = elementWith(table, 'data-skill="objection-handling" data-kind="course" data-cpi="decisionClearer"', 'tr');
    expect(row).toContain('data-status="ok"');
    expect(row).toMatch(/\+0\.\d\d<\/td><td>\+0\.\d\d to \+0\.\d\d<\/td><td class="num">(&lt; 0\.001|0\.0\d\d)<\/td><td class="num">\d+ \/ \d+<\/td><td>before 20\d\d-\d\d…20\d\d-\d\d, after/);
    expect(page).toContain('data-testid="training-effects-missing"');
    expect(page).toMatch(/not enough data<\/span> \d+ combinations of skill, kind and CPI\. Each needs at least 5 trained and 5 untrained reps with 20 or more responses/);
  });

  it('shows the most and least useful content with n and interval', () => {
    const most = elementWith(page, 'data-testid="content-most"', 'ol');
    expect(most.match(/<li>/g)).toHaveLength(3);
    expect(most).toMatch(/\d\.\d\d \(\d\.\d\d to \d\.\d\d; n \d+\)/);
    expect(page).toContain('data-testid="content-least"');
  });

  it('lists the largest gaps with links to rep pages and a scoped CSV link', () => {
    const table = elementWith(page, 'data-testid="top-gaps"', 'table');
    expect(table.match(/<a href="\/reps\/\d+">/g)).toHaveLength(10);
    expect(new Set(topGapTeams(page)).size).toBeGreaterThan(1);
    expect(page).toContain('href="/exports/gaps.csv"');
    expect(unlabelledControls(page)).toEqual([]);
    expect(page).not.toMatch(/\sstyle=|NaN|undefined/);
    expect(page.toLowerCase()).not.toContain('caused by');
  });

  it('filters by team in the URL; a team outside a trainer’s scope is 404, their own team and the org-wide links are shown', async () => {
    const dach = await get(f, `/gaps?team=${f.teams.dach}`, f.cookies.lead);
    expect(dach.status).toBe(200);
    expect(dach.html).toContain('team DACH');
    expect(new Set(topGapTeams(dach.html))).toEqual(new Set(['DACH']));
    expect(dach.html).toContain(`href="/exports/gaps.csv?team=${f.teams.dach}"`);

    const trainer = await get(f, '/gaps', f.cookies.trainer);
    expect(trainer.status).toBe(200);
    expect(new Set(topGapTeams(trainer.html))).toEqual(new Set(['Iberia']));
    expect(cells(trainer.html).filter((c) => c.tier === 'finding').map((c) => c.pair).sort()).toEqual(PLANTED);
    expect(trainer.html).not.toMatch(/<option value="\d+"[^>]*>DACH<\/option>/);
    for (const headers of [{}, HX, { ...HX, 'HX-Target': 'quadrant' }]) {
      expect((await get(f, `/gaps?team=${f.teams.dach}`, f.cookies.trainer, headers)).status).toBe(404);
    }
    expect((await get(f, `/gaps?team=${f.teams.iberia}`, f.cookies.trainer, HX)).status).toBe(200);
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.lead, 'es');
    const html = (await get(f, '/gaps', f.cookies.lead)).html;
    await setLocale(f.t, f.users.lead, 'en');
    expect(html).toContain('lang="es"');
    expect(html).toContain('Análisis de brechas de habilidades');
    expect(html).toContain('hallazgo');
    expect(html).toContain('concentrarse aquí');
    expect(html).toContain('Efectos de la formación');
    expect(html.toLowerCase()).not.toContain('causado por');
  });
});
