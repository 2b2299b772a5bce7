/**
 * GET /gaps on the demo workspace, served from the period's joint-model link analysis:
 * the region that asks again while it is computed, then plain labels first (the numbers
 * behind a toggle), the planner, importance–performance from the model's LMG shares, the
 * largest gaps in the reader's scope, "computed at", and Spanish. The demo is regenerated
 * from time to time: assertions hold for what the joint model robustly finds in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledControls } from '../admin/setup';
import { HX, demoFixture, elementWith, expectFragment, get, getAnalysed, setLocale, type DemoFixture } from './setup';
import { COMPUTING } from '../helpers/analysis';
import { serveAnalysis } from '../../src/domain/analysis/cache';
import { analysisPeriod } from '../../src/domain/analysis/period';
import { readFilters } from '../../src/domain/filters';
import { repsNeededToDetect } from '../../src/stats';

const LABELS = [
  'untrained',
  'trained-not-transferred',
  'coached-improving',
  'coached-not-improving',
  'coached-too-early-to-tell',
];

/** Link-grid cells as skill→cpi with their tier. */
function cells(html: string) {
  return [...html.matchAll(/data-skill="([^"]+)" data-cpi="([^"]+)" data-tier="([^"]+)"/g)].map((m) => ({
    pair: `${m[1]}→${m[2]}`,
    skill: m[1]!,
    tier: m[3]!,
  }));
}

/** Team names in the "largest gaps" table. */
function topGapTeams(html: string): string[] {
  const table = elementWith(html, 'data-testid="top-gaps"', 'table');
  return [...table.matchAll(/<\/a><\/th><td>([^<]+)<\/td>/g)].map((m) => m[1]!);
}

/** The page as read before opening any toggle: every <details> element taken out. */
const withoutDetails = (html: string) => html.replace(/<details[\s\S]*?<\/details>/g, '');

describe('skill gap analysis GET /gaps (demo workspace)', () => {
  let f: DemoFixture;
  let first: string;
  let page: string;

  beforeAll(async () => {
    f = await demoFixture();
    const res = await get(f, '/gaps', f.cookies.lead);
    expect(res.status).toBe(200);
    first = res.html;
    page = (await getAnalysed(f, '/gaps', f.cookies.lead)).html;
  });
  afterAll(async () => f.t.close());

  it('first says the analysis is being computed, in a region that asks again with htmx, then shows the results', async () => {
    const region = elementWith(first, 'id="gaps-results"', 'div');
    expect(first).toContain(COMPUTING);
    expect(first).toContain('The analysis is being computed for this period…');
    expect(first).toMatch(
      /<div id="gaps-results" class="results" hx-get="\/gaps" hx-trigger="load delay:2s" hx-swap="outerHTML">/,
    );
    // Without JavaScript: a plain link to the same page.
    expect(region).toMatch(/<a href="\/gaps">Reload the page<\/a>/);
    expect(first).not.toContain('data-testid="link-matrix"');
    expect(first).not.toMatch(/<script(?![^>]*src=)/);
    // A later request gets the results, saying when they were computed.
    expect(page).not.toContain(COMPUTING);
    expect(page).toContain('data-testid="link-matrix"');
    expect(page).toContain('Computed at 2026-11-20 10:00 UTC.');
    // The htmx request of a period not computed yet: the region alone, asking again for the same URL.
    const fragment = await get(f, '/gaps?period=3m', f.cookies.lead, HX);
    expectFragment(fragment.html, 'gaps-results');
    expect(fragment.html.trimStart()).toMatch(
      /^<div id="gaps-results" class="results" hx-get="\/gaps\?period=3m" hx-trigger="load delay:2s" hx-swap="outerHTML">/,
    );
    expect(fragment.html).toContain(COMPUTING);
    const later = await getAnalysed(f, '/gaps?period=3m', f.cookies.lead, HX);
    expect(later.html.trimStart().startsWith('<div id="gaps-results" class="results">')).toBe(true);
  });

  it('labels every skill × CPI cell in plain words; the joint model finds what the demo plants most strongly, and nothing for discovery', () => {
    const all = cells(page);
    expect(all).toHaveLength(30);
    const findings = all.filter((c) => c.tier === 'finding').map((c) => c.pair);
    expect(findings).toEqual(expect.arrayContaining(['product-knowledge→fcr', 'quoting→quoteTurnaround']));
    expect(all.filter((c) => c.skill === 'discovery').every((c) => c.tier !== 'finding')).toBe(true);
    const pk = elementWith(page, 'data-skill="product-knowledge" data-cpi="fcr"', 'td');
    expect(pk).toContain('clear link');
    expect(pk).toContain('higher score, better');
    // Quote turnaround: lower is better, so a skill that goes with faster quotes reads "better".
    expect(elementWith(page, 'data-skill="quoting" data-cpi="quoteTurnaround"', 'td')).toContain(
      'higher score, better',
    );
    for (const c of all.filter((x) => x.tier === 'no-evidence')) {
      const cell = elementWith(page, `data-skill="${c.skill}" data-cpi="${c.pair.split('→')[1]}"`, 'td');
      expect(cell).toContain('no evidence yet');
      expect(cell, c.pair).toMatch(/could detect ≥ \d+(\.\d+)?(% quote time| pp| points) per SD/);
      expect(cell).not.toMatch(/no effect/i);
    }
    expect(page).toMatch(/\d+ clear and \d+ possible links among \d+ skill × CPI pairs tested\./);
    expect(page).toContain('which is not the same as no effect');
  });

  it('keeps ρ, q and the coefficients behind a toggle: plain labels first', () => {
    const visible = withoutDetails(page);
    expect(visible).not.toContain('ρ');
    expect(visible).not.toMatch(/\bq\s*(=|&lt;|<|\d)/);
    expect(visible).not.toContain('VIF');
    const cell = elementWith(page, 'data-skill="product-knowledge" data-cpi="fcr"', 'td');
    const figures = elementWith(cell, 'class="link-figures"', 'details');
    expect(figures).toContain('<summary>Figures</summary>');
    expect(figures).toMatch(/Change per SD of skill \(others held fixed\)<\/dt><dd>\+\d+\.\d pp<\/dd>/);
    expect(figures).toMatch(/95% interval<\/dt><dd>[+−]?\d+\.\d pp to \+\d+\.\d pp<\/dd>/);
    expect(figures).toMatch(/q \(all pairs tested together\)<\/dt><dd>(&lt; 0\.001|0\.0\d\d)<\/dd>/);
    expect(figures).toMatch(/Smallest effect it could detect<\/dt><dd>\d+\.\d pp per SD of skill<\/dd>/);
    expect(figures).toMatch(/VIF \(overlap with other skills\)<\/dt><dd>\d\.\d\d<\/dd>/);
    expect(figures).toMatch(/Unadjusted ρ \(description only\)<\/dt><dd>[+−]?0\.\d\d<\/dd>/);
  });

  it('says per CPI what the analysis can detect and the reps it takes to detect a reference effect, from the model', async () => {
    const planner = elementWith(page, 'data-testid="planner"', 'ul');
    expect(planner.match(/<li data-cpi=/g)).toHaveLength(5);
    const served = await serveAnalysis(
      f.t.deps,
      'links',
      analysisPeriod(readFilters({ period: '12m' }, f.clock.nowMs()).filters.period.period, f.clock.nowMs()),
      'wait',
    );
    if (served.status !== 'ready') throw new Error('not served');
    const fcr = served.result.models.find((m) => m.cpi === 'fcr')!;
    expect(fcr.kind).not.toBe('none');
    const needed = repsNeededToDetect(0.03, fcr.n, fcr.plannerMde!);
    const mde = (fcr.plannerMde! * 100).toFixed(1);
    const line = elementWith(planner, 'data-cpi="fcr"', 'li');
    expect(line).toContain(
      needed > fcr.n
        ? `First-contact resolution: with ${fcr.n} assessed reps this analysis can detect effects of at least ${mde} pp per SD of skill; to detect 3.0 pp you need about ${needed} reps.`
        : `First-contact resolution: with ${fcr.n} assessed reps this analysis can detect effects of at least ${mde} pp per SD of skill, so effects of 3.0 pp are already within reach.`,
    );
    expect(elementWith(planner, 'data-cpi="quoteTurnaround"', 'li')).toMatch(
      /can detect effects of at least \d+% quote time per SD of skill/,
    );
    expect(page).toContain('3 pp of first-contact resolution, 0.1 points on the 1–5 questions, 10% quote time');
  });

  it('draws importance–performance from the model’s LMG shares, with the four quadrant labels and "uncertain" marked', async () => {
    const section = elementWith(page, 'id="quadrant"', 'section');
    expect(section).toContain('Skills by importance for First-contact resolution and performance');
    expect(section).toContain('share of what the joint model explains for this CPI (LMG)');
    for (const label of ['concentrate here', 'keep up the good work', 'low priority', 'possible overkill'])
      expect(section).toContain(label);
    expect(section).toContain('class="divider"');
    // Product knowledge, a clear link for FCR, carries the largest share of it.
    const shares = [...section.matchAll(/<th scope="row">([^<]+)<\/th><td>[^<]*<\/td><td>(\d\.\d\d)<\/td>/g)].map(
      (m) => ({ skill: m[1]!, share: Number(m[2]) }),
    );
    expect(shares).toHaveLength(6);
    expect(shares.reduce((a, b) => (b.share > a.share ? b : a)).skill).toBe('Product knowledge');
    const dc = await getAnalysed(f, '/gaps?cpi=decisionClearer', f.cookies.lead);
    const quadrant = elementWith(dc.html, 'id="quadrant"', 'section');
    expect(quadrant).toContain('Skills by importance for Decision clarity and performance');
    expect(quadrant).toMatch(/<option value="decisionClearer" selected="">/);
    expect(quadrant).toMatch(
      /dot dot-(uncertain|concentrate-here|low-priority|keep-up-the-good-work|possible-overkill)/,
    );
  });

  it('answers htmx: the results region, or only the quadrant when htmx targets it (with the main form’s cpi out of band)', async () => {
    const results = await getAnalysed(f, '/gaps?period=6m', f.cookies.lead, HX);
    expect(results.status).toBe(200);
    expectFragment(results.html, 'gaps-results');
    expect(results.html.trimStart().startsWith('<div id="gaps-results"')).toBe(true);
    expect(results.html).toContain('2026-06-01 to 2026-11-20');
    const quadrant = await getAnalysed(f, '/gaps?cpi=addedValue', f.cookies.lead, { ...HX, 'HX-Target': 'quadrant' });
    expect(quadrant.status).toBe(200);
    expectFragment(quadrant.html, 'quadrant');
    expect(quadrant.html.trimStart().startsWith('<section id="quadrant"')).toBe(true);
    expect(quadrant.html).not.toContain('link-matrix');
    expect(quadrant.html).toMatch(
      /<input type="hidden" name="cpi" id="gaps-filter-cpi" value="addedValue" hx-swap-oob="true"/,
    );
    expect(page).toMatch(
      /<form id="gaps-filters"[^>]*hx-get="\/gaps" hx-target="#gaps-results"[^>]*hx-push-url="true"/,
    );
    expect(page).toMatch(/hx-get="\/gaps" hx-target="#quadrant" hx-swap="outerHTML" hx-push-url="true"/);
  });

  it('points to the training results for the effects of courses and coaching', () => {
    const section = elementWith(page, 'id="effects-h"', 'h2');
    expect(section).toContain('Training effects');
    expect(page).toContain('<a href="/training">');
  });

  it('shows the most and least useful content with n and interval', () => {
    const most = elementWith(page, 'data-testid="content-most"', 'ol');
    expect(most.match(/<li>/g)).toHaveLength(3);
    expect(most).toMatch(/\d\.\d\d \(\d\.\d\d to \d\.\d\d; n \d+\)/);
    expect(page).toContain('data-testid="content-least"');
  });

  it('lists the largest labelled gaps with links to rep pages, "low confidence" and a scoped CSV link; links the Methods page; never speaks of cause', () => {
    const table = elementWith(page, 'data-testid="top-gaps"', 'table');
    expect(table.match(/<a href="\/reps\/\d+">/g)).toHaveLength(10);
    expect(new Set(topGapTeams(page)).size).toBeGreaterThan(1);
    const labels = [...table.matchAll(/class="badge gap-label gap-([a-z-]+)"/g)].map((m) => m[1]!);
    expect(labels).toHaveLength(10);
    for (const label of labels) expect(LABELS).toContain(label);
    expect(table).toContain('Linked CPI');
    expect(page).toContain('href="/exports/gaps.csv"');
    expect(page).toContain('<a href="/methods">What these figures mean (methods)</a>');
    expect(unlabelledControls(page)).toEqual([]);
    expect(page).not.toMatch(/\sstyle=|NaN|undefined/);
    for (const word of ['caused by', 'holds back', 'drives', 'causes']) expect(page.toLowerCase()).not.toContain(word);
  });

  it('filters by team in the URL; a team outside a trainer’s scope is 404, their own team and the org-wide links are shown', async () => {
    const dach = await getAnalysed(f, `/gaps?team=${f.teams.dach}`, f.cookies.lead);
    expect(dach.status).toBe(200);
    expect(dach.html).toContain('team DACH');
    expect(new Set(topGapTeams(dach.html))).toEqual(new Set(['DACH']));
    expect(dach.html).toContain(`href="/exports/gaps.csv?team=${f.teams.dach}"`);

    const trainer = await getAnalysed(f, '/gaps', f.cookies.trainer);
    expect(trainer.status).toBe(200);
    expect(new Set(topGapTeams(trainer.html))).toEqual(new Set(['Iberia']));
    expect(cells(trainer.html).map((c) => `${c.pair}:${c.tier}`)).toEqual(
      cells(page).map((c) => `${c.pair}:${c.tier}`),
    );
    expect(trainer.html).not.toMatch(/<option value="\d+"[^>]*>DACH<\/option>/);
    for (const headers of [{}, HX, { ...HX, 'HX-Target': 'quadrant' }]) {
      expect((await get(f, `/gaps?team=${f.teams.dach}`, f.cookies.trainer, headers)).status).toBe(404);
    }
    expect((await get(f, `/gaps?team=${f.teams.iberia}`, f.cookies.trainer, HX)).status).toBe(200);
  });

  it('serves the latest result at once after the data changed, saying newer data is being analysed, until the new one is in', async () => {
    await f.t.db.write((tx) =>
      tx.run(`UPDATE reps SET name = name || '' , updated_at = updated_at + 1 WHERE id = ${f.reps.dach.id}`),
    );
    const stale = await get(f, '/gaps', f.cookies.lead);
    expect(stale.html).not.toContain(COMPUTING);
    expect(stale.html).toContain('data-stale="true"');
    expect(stale.html).toMatch(
      /Updated 2026-11-20 10:00 UTC; newer data is being analysed\. <a href="\/gaps">Reload the page<\/a>/,
    );
    for (let i = 0; i < 400; i++) {
      const again = await get(f, '/gaps', f.cookies.lead);
      if (!again.html.includes('data-stale="true"')) {
        expect(again.html).toContain('Computed at 2026-11-20 10:00 UTC.');
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    throw new Error('the newer result never came');
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.lead, 'es');
    const html = (await getAnalysed(f, '/gaps', f.cookies.lead)).html;
    await setLocale(f.t, f.users.lead, 'en');
    expect(html).toContain('lang="es"');
    expect(html).toContain('Análisis de brechas de habilidades');
    expect(html).toContain('vínculo claro');
    expect(html).toContain('aún sin evidencia');
    expect(html).toMatch(
      /Resolución al primer contacto: con \d+ comerciales evaluados este análisis puede detectar efectos de al menos \d+,\d pp por DE de la habilidad/,
    );
    expect(html).toContain('concentrarse aquí');
    expect(html).toContain('Efectos de la formación');
    expect(html).toContain('Qué significan estas cifras (métodos)');
    expect(html.toLowerCase()).not.toContain('causado por');
  });
});
