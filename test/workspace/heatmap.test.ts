/** The reps × CPIs heatmap at `/reps` on the demo workspace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlabelledControls } from '../admin/setup';
import { get, hx, text, TINY_REP, workspaceFixture, type WorkspaceFixture } from './setup';

/** The body rows of the heatmap: name, team and the six cells (class, shown text). */
function rows(html: string) {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return body
    .split('<tr>')
    .slice(1)
    .map((row) => ({
      name: text(/<th scope="row">([\s\S]*?)<\/th>/.exec(row)?.[1] ?? ''),
      href: /href="([^"]+)"/.exec(row)?.[1],
      cells: [
        ...row.matchAll(
          /<td class="heat (heat-[a-z]+)" tabindex="0" aria-describedby="([^"]+)"><span class="heat-value">([^<]*)<\/span>/g,
        ),
      ].map((m) => ({
        level: m[1]!,
        tip: m[2]!,
        shown: m[3]!,
      })),
    }));
}

const percent = (s: string) => Number(s.replace('%', ''));

describe('reps heatmap', () => {
  let f: WorkspaceFixture;
  beforeAll(async () => {
    f = await workspaceFixture();
  });
  afterAll(async () => f.t.close());

  it('lists every rep in scope with six focusable cells and tips for hover and keyboard focus', async () => {
    const res = await get(f, '/reps', f.cookies.lead);
    expect(res.status).toBe(200);
    expect(res.html).toContain('<html');
    expect(unlabelledControls(res.html)).toEqual([]);
    expect(res.html).not.toMatch(/\sstyle="/);
    const list = rows(res.html);
    expect(list).toHaveLength(37);
    for (const row of list) {
      expect(row.href).toMatch(/^\/reps\/\d+$/);
      expect(row.cells).toHaveLength(6);
      for (const cell of row.cells) expect(res.html).toContain(`role="tooltip" id="${cell.tip}"`);
    }
    // A shown cell's tip holds the raw estimate, its interval and n.
    const shown = list[0]!.cells.find((c) => c.level !== 'heat-suppressed' && c.level !== 'heat-hidden')!;
    const tip = text(new RegExp(`id="${shown.tip}">([^<]*)<`).exec(res.html)![1]!);
    expect(tip).toMatch(/95% interval .* n = \d+/);
  });

  it('marks the tiny rep "not enough responses" and hides a second cell per column', async () => {
    const list = rows((await get(f, '/reps', f.cookies.lead)).html);
    const tina = list.find((r) => r.name.startsWith(TINY_REP.name))!;
    expect(tina.cells.every((c) => c.level === 'heat-suppressed' && c.shown === 'not enough responses')).toBe(true);
    for (let column = 0; column < 6; column++) {
      const hiddenOrSuppressed = list.filter((r) =>
        ['heat-suppressed', 'heat-hidden'].includes(r.cells[column]!.level),
      );
      expect(hiddenOrSuppressed.length, `column ${column}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('sorts by any column through links, suppressed cells last', async () => {
    const res = await get(f, '/reps?sort=fcr&dir=desc', f.cookies.lead);
    expect(res.html).toMatch(/aria-sort="descending"><a href="\/reps\?sort=fcr&amp;dir=asc"/);
    const values = rows(res.html)
      .map((r) => r.cells[0]!)
      .filter((c) => c.level !== 'heat-suppressed' && c.level !== 'heat-hidden')
      .map((c) => percent(c.shown));
    expect(values.length).toBeGreaterThan(20);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    const last = rows(res.html).at(-1)!.cells[0]!;
    expect(['heat-suppressed', 'heat-hidden']).toContain(last.level);
    const asc = rows((await get(f, '/reps?sort=name&dir=asc', f.cookies.lead)).html).map((r) => r.name);
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
  });

  it('serves the results as an htmx fragment that keeps the form’s sort in step', async () => {
    const res = await get(f, `/reps?team=${f.teams.DACH}&sort=responseRate&dir=asc`, f.cookies.lead, hx);
    expect(res.status).toBe(200);
    expect(res.html).not.toContain('<html');
    expect(res.html).toContain('id="reps-sort-state" hx-swap-oob="true"');
    expect(res.html).toContain('name="sort" value="responseRate"');
    expect(rows(res.html)).toHaveLength(12);
  });

  it('filters by team (the numbers change) and keeps former reps with a marker', async () => {
    const dach = rows((await get(f, `/reps?team=${f.teams.DACH}&period=2026-Q3`, f.cookies.lead)).html);
    expect(dach).toHaveLength(12);
    const anna = 'anna.schneider@demo.cpilens.test';
    await f.t.db.write((tx) => tx.run(`UPDATE reps SET active = 0 WHERE email = '${anna}'`));
    try {
      const html = (await get(f, `/reps?team=${f.teams.DACH}&period=2026-Q3`, f.cookies.lead)).html;
      const row = html.slice(html.indexOf('Anna Schneider'), html.indexOf('</tr>', html.indexOf('Anna Schneider')));
      expect(row).toContain('ws-former');
      expect(rows(html)).toHaveLength(12);
    } finally {
      await f.t.db.write((tx) => tx.run(`UPDATE reps SET active = 1 WHERE email = '${anna}'`));
    }
  });

  it("shows a trainer only their team's reps; another team is 404, page and fragment", async () => {
    const res = await get(f, '/reps', f.cookies.trainer);
    expect(res.status).toBe(200);
    const list = rows(res.html);
    expect(list).toHaveLength(12);
    expect(text(res.html.slice(res.html.indexOf('<tbody>'), res.html.indexOf('</tbody>')))).not.toMatch(
      /DACH|North America|Tiny/,
    );
    expect((await get(f, `/reps?team=${f.teams.DACH}`, f.cookies.trainer)).status).toBe(404);
    expect((await get(f, `/reps?team=${f.teams.DACH}`, f.cookies.trainer, hx)).status).toBe(404);
  });

  it('answers a bad filter with 422 naming the field', async () => {
    const res = await get(f, '/reps?period=someday', f.cookies.lead, hx);
    expect(res.status).toBe(422);
    expect(text(res.html)).toContain('Period: choose the last 3, 6, 12 or 24 months, a quarter');
  });
});
