import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledControls } from '../admin/setup';
import { likertMean } from '../../src/stats';
import { HX, demoFixture, elementWith, expectFragment, get, rows, setLocale, type DemoFixture } from './setup';

/** Content ids in the order the library lists them. */
const order = (html: string) => [...html.matchAll(/<tr data-content-id="([^"]+)">/g)].map((m) => m[1]!);

describe('content library GET /content (demo workspace)', () => {
  let f: DemoFixture;

  beforeAll(async () => {
    f = await demoFixture();
    const now = f.clock.nowMs();
    await f.t.db.write(async (tx) => {
      await tx.run(
        `INSERT INTO content_items (id, title, url, stage, topic, created_at, updated_at) VALUES ('zz-script', 'Sneaky link', 'javascript:alert(1)', 'decision', 'security', ${now}, ${now})`,
      );
      await tx.run(
        `INSERT INTO content_items (id, title, url, stage, topic, created_at, updated_at) VALUES ('zz-new', 'Presentación nueva', 'https://content.example.com/new', 'awareness', 'Producto', ${now}, ${now})`,
      );
    });
  });
  afterAll(async () => f.t.close());

  it('is open to every staff role and lists every item with stage, topic, usefulness with interval and n, top-2-box and shares', async () => {
    for (const cookie of [f.cookies.trainer, f.cookies.lead, f.cookies.admin])
      expect((await get(f, '/content', cookie)).status).toBe(200);
    const html = (await get(f, '/content', f.cookies.trainer)).html;
    expect(order(html)).toHaveLength(14);
    const roi = elementWith(html, 'data-content-id="deck-roi"', 'tr');
    expect(roi).toContain('ROI calculator deck');
    expect(roi).toContain('consideration');
    expect(roi).toMatch(
      /<td class="num">\d\.\d\d<\/td><td>\d\.\d\d to \d\.\d\d<\/td><td class="num">\d+%<br\/?><span class="muted small">\d+% to \d+%<\/span><\/td><td class="num">\d+<\/td><td class="num">\d+<\/td><td>consideration<\/td><td>roi<\/td>/,
    );
    expect(unlabelledControls(html)).toEqual([]);
    expect(html).not.toMatch(/\sstyle=|NaN|undefined/);
  });

  it('computes usefulness from the responses joined with the content shared (checked against SQL here)', async () => {
    const [s] = await rows<{ n: number; sum: number; sq: number }>(
      f.t,
      `SELECT count(r.content_useful) AS n, sum(r.content_useful) AS sum, sum(r.content_useful * r.content_useful) AS sq
       FROM interaction_content ic JOIN responses r ON r.interaction_id = ic.interaction_id
       WHERE ic.content_id = 'deck-roi' AND r.status = 'submitted' AND r.occurred_at >= ? AND r.occurred_at < ?`,
      [Date.parse('2025-12-01T00:00:00Z'), f.clock.nowMs()],
    );
    const m = likertMean({ n: Number(s!.n), sum: Number(s!.sum), sumOfSquares: Number(s!.sq) });
    const [shares] = await rows<{ n: number }>(
      f.t,
      `SELECT count(*) AS n FROM interaction_content ic JOIN interactions i ON i.id = ic.interaction_id WHERE ic.content_id = 'deck-roi' AND i.occurred_at >= ?`,
      [Date.parse('2025-12-01T00:00:00Z')],
    );
    const roi = elementWith((await get(f, '/content', f.cookies.lead)).html, 'data-content-id="deck-roi"', 'tr');
    expect(roi).toContain(
      `<td class="num">${m.mean.toFixed(2)}</td><td>${m.lower.toFixed(2)} to ${m.upper.toFixed(2)}</td>`,
    );
    expect(roi).toContain(
      `<td class="num">${Number(s!.n)}</td><td class="num">${Number(shares!.n)}</td><td>consideration</td>`,
    );
  });

  it('ranks by usefulness (best item first, items without enough answers last), by shares, or by title', async () => {
    const useful = order((await get(f, '/content', f.cookies.lead)).html);
    expect(useful[0]).toBe('deck-roi');
    expect(useful.slice(-2).sort()).toEqual(['zz-new', 'zz-script']);
    expect(useful.indexOf('webinar-trends')).toBeGreaterThan(useful.indexOf('case-study-retail'));
    const shared = (await get(f, '/content?sort=shared', f.cookies.lead)).html;
    const counts = [...shared.matchAll(/<td class="num">(\d+)<\/td><td>[^<]*<\/td><td>[^<]*<\/td><\/tr>/g)].map((m) =>
      Number(m[1]),
    );
    expect(counts).toHaveLength(14);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const titles = order((await get(f, '/content?sort=title', f.cookies.lead)).html);
    const all = await rows<{ id: string; title: string }>(f.t, 'SELECT id, title FROM content_items');
    expect(titles).toEqual([...all].sort((a, b) => a.title.localeCompare(b.title, 'en')).map((r) => r.id));
    expect(titles[0]).toBe('guide-comparison'); // "Buyer’s comparison guide"
    expect(elementWith(shared, 'data-content-id="zz-new"', 'tr')).toContain('not enough responses');
  });

  it('searches title, topic, stage and id, case- and accent-insensitively', async () => {
    const search = async (q: string) =>
      order((await get(f, `/content?q=${encodeURIComponent(q)}`, f.cookies.lead)).html);
    expect((await search('CASE STUDY')).sort()).toEqual(['case-study-manufacturing', 'case-study-retail']);
    expect(await search('pricing')).toEqual(['pricing-sheet']);
    expect(await search('DECK-ROI')).toEqual(['deck-roi']);
    expect(await search('presentacion')).toEqual(['zz-new']);
    expect((await search('onboarding')).sort()).toEqual(['video-onboarding']);
    expect((await search('decision')).length).toBeGreaterThanOrEqual(3);
    const none = (await get(f, '/content?q=nothing-like-this', f.cookies.lead)).html;
    expect(none).toContain('No content matches this search.');
    expect(none).toContain('0 of 14 items match “nothing-like-this”');
  });

  it('links only http(s) URLs, in a new tab without opener or referrer', async () => {
    const html = (await get(f, '/content', f.cookies.lead)).html;
    const roi = elementWith(html, 'data-content-id="deck-roi"', 'tr');
    expect(roi).toContain(
      '<a class="content-title" href="https://content.example.com/library/deck-roi" target="_blank" rel="noopener noreferrer">',
    );
    const script = elementWith(html, 'data-content-id="zz-script"', 'tr');
    expect(script).not.toContain('href=');
    expect(html).not.toContain('javascript:');
  });

  it('answers htmx with the list region; the search field searches live with a plain form behind it', async () => {
    const res = await get(f, '/content?q=deck&sort=title', f.cookies.trainer, HX);
    expect(res.status).toBe(200);
    expectFragment(res.html, 'content-results');
    expect(res.html.trimStart().startsWith('<div id="content-results"')).toBe(true);
    expect(order(res.html).sort()).toEqual(['deck-roi', 'deck-security']);
    const page = (await get(f, '/content?q=deck', f.cookies.lead)).html;
    expect(page).toMatch(/<form id="content-filters"[^>]*method="get"[^>]*action="\/content"/);
    expect(page).toMatch(
      /<input id="content-filters-q" type="search" name="q" value="deck"[^>]*hx-trigger="input changed delay:300ms/,
    );
    expect(page).toContain('hx-include="closest form"');
  });

  it('counts usefulness and shares over the chosen period; bad input is named', async () => {
    const week = (await get(f, '/content?period=custom&from=2026-11-16&to=2026-11-19&sort=shared', f.cookies.lead))
      .html;
    expect(week).toContain('2026-11-16 to 2026-11-19');
    expect(week).toContain('not enough responses');
    const bad = await get(f, `/content?sort=best&q=${'x'.repeat(201)}`, f.cookies.lead);
    expect(bad.status).toBe(422);
    expect(bad.html).toContain('<code>sort</code>');
    expect(bad.html).toContain('<code>q</code>');
  });

  it('renders in Spanish', async () => {
    await setLocale(f.t, f.users.trainer, 'es');
    const html = (await get(f, '/content', f.cookies.trainer)).html;
    await setLocale(f.t, f.users.trainer, 'en');
    expect(html).toContain('Biblioteca de contenidos');
    expect(html).toContain('Veces compartido');
    expect(html).toContain('respuestas insuficientes');
    expect(html).toMatch(/<td class="num">\d,\d\d<\/td>/);
  });
});
