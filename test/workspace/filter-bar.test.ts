/** Every staff page offers the same filters from the one model (src/domain/filters.ts), kept in the URL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, text, workspaceFixture, type WorkspaceFixture } from './setup';

const EXPECTED_PERIODS = [
  '3m',
  '6m',
  '12m',
  '24m',
  '2026-Q4',
  '2026-Q3',
  '2026-Q2',
  '2026-Q1',
  '2025-Q4',
  '2025-Q3',
  '2026-11',
  '2026-10',
  '2026-09',
  '2026-08',
  '2026-07',
  '2026-06',
  '2026-05',
  '2026-04',
  '2026-03',
  '2026-02',
  '2026-01',
  '2025-12',
  'custom',
];

/** The period select of a page: its option values and the chosen one. */
function periodSelect(html: string) {
  const start = html.search(/<select id="[a-z-]+-period" name="period"/);
  expect(start, 'a period select').toBeGreaterThan(-1);
  const select = html.slice(start, html.indexOf('</select>', start));
  return {
    id: /id="([^"]+)"/.exec(select)?.[1],
    values: [...select.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1]),
    selected: /<option value="([^"]*)" selected=""/.exec(select)?.[1],
  };
}

describe('the staff filter bar', () => {
  let f: WorkspaceFixture;
  let repId: number;
  beforeAll(async () => {
    f = await workspaceFixture();
    const row = await f.t.db.readClient.execute({
      sql: 'SELECT id FROM reps WHERE team_id = ? ORDER BY id LIMIT 1',
      args: [f.teams.Iberia],
    });
    repId = Number(row.rows[0]?.id);
  });
  afterAll(async () => f.t.close());

  const pages = () => ['/overview', '/reps', `/reps/${repId}`, '/gaps', '/content', '/coaching', '/coaching/follow-up'];

  it('offers the same period choices and the same default on every staff page', async () => {
    for (const path of pages()) {
      const res = await get(f, path, f.cookies.lead);
      expect(res.status, path).toBe(200);
      const select = periodSelect(res.html);
      expect(select.values, path).toEqual(EXPECTED_PERIODS);
      expect(select.selected, path).toBe('12m');
      // A real GET form to the page itself, the values kept in the URL.
      expect(res.html, path).toMatch(new RegExp(`<form id="[a-z-]+"[^>]*method="get" action="${path}"`));
    }
  });

  it('keeps a chosen period and team on every page, and answers a bad one with 422 naming the field', async () => {
    for (const path of pages()) {
      const chosen = await get(f, `${path}?period=2026-Q3&team=${f.teams.Iberia}`, f.cookies.lead);
      expect(chosen.status, path).toBe(200);
      expect(periodSelect(chosen.html).selected, path).toBe('2026-Q3');
      const bad = await get(f, `${path}?period=someday`, f.cookies.lead);
      expect(bad.status, path).toBe(422);
      expect(text(bad.html), path).toContain('Period: choose the last 3, 6, 12 or 24 months');
      expect(bad.html, path).toMatch(/name="period" aria-invalid="true"/);
      // Exports carry on the filters applied, not the bad value (a reload of the page itself keeps its URL).
      expect(bad.html, path).not.toMatch(/href="\/exports\/[^"]*period=someday/);
    }
  });

  it('answers 404 for a team outside the reader’s scope on every page', async () => {
    for (const path of pages().filter((p) => !p.startsWith('/reps/'))) {
      expect((await get(f, `${path}?team=${f.teams.DACH}`, f.cookies.trainer)).status, path).toBe(404);
      expect((await get(f, `${path}?team=DACH`, f.cookies.lead)).status, path).toBe(404);
    }
  });

  it('reads the old parameters as their equivalents', async () => {
    const months = await get(f, '/coaching?months=3', f.cookies.lead);
    expect(months.status).toBe(200);
    expect(periodSelect(months.html).selected).toBe('3m');
    const dates = await get(f, '/gaps?from=2026-02-01&to=2026-02-28', f.cookies.lead);
    expect(dates.status).toBe(200);
    expect(periodSelect(dates.html).selected).toBe('custom');
    expect(dates.html).toMatch(/value="2026-02-01"/);
  });

  it('keeps the whole-month rule for non-admins where figures are per team or rep', async () => {
    const days = '?period=custom&from=2026-07-02&to=2026-07-31';
    for (const path of ['/overview', '/reps', `/reps/${repId}`, '/coaching', '/coaching/follow-up']) {
      const lead = await get(f, `${path}${days}`, f.cookies.lead);
      expect(lead.status, path).toBe(422);
      expect(text(lead.html), path).toContain('From: custom ranges run over whole months');
      expect((await get(f, `${path}${days}`, f.cookies.admin)).status, path).toBe(200);
    }
  });
});
