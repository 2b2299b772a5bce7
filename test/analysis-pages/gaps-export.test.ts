import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { demoFixture, get, rows, type DemoFixture } from './setup';

const HEADER = [
  'rep',
  'rep_email',
  'team',
  'skill',
  'cpi',
  'score',
  'lower',
  'upper',
  'label',
  'low_confidence',
  'link_tier',
  'link_estimate',
  'link_se',
  'link_lower',
  'link_upper',
  'link_q',
  'link_mde',
];
const LABELS = [
  'untrained',
  'trained-not-transferred',
  'coached-improving',
  'coached-not-improving',
  'coached-too-early-to-tell',
  '',
];
const TIERS = ['finding', 'exploratory', 'no-evidence', 'not-separable', 'insufficient'];

async function exportCsv(f: DemoFixture, query: string, cookie: string) {
  // The machine columns (format=raw); the readable form is checked in test/workspace/readable-exports.test.ts.
  const res = await f.t.request(`/exports/gaps.csv${query}${query ? '&' : '?'}format=raw`, { cookie });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    table: res.status === 200 ? (parse(text) as string[][]) : [],
  };
}

describe('GET /exports/gaps.csv (demo workspace)', () => {
  let f: DemoFixture;

  beforeAll(async () => {
    f = await demoFixture();
  });
  afterAll(async () => f.t.close());

  it('exports every rep × skill gap with score, 80% interval, label and the link behind it, as an audited download, without waiting for a page to ask first', async () => {
    const res = await exportCsv(f, '', f.cookies.lead);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="gaps-2026-11-20\.csv"/);
    expect(res.headers.get('x-computed-at')).toBe('2026-11-20T10:00:00.000Z');
    const [header, ...body] = res.table;
    expect(header).toEqual(HEADER);
    expect(body.length).toBe(36 * 6);
    expect(new Set(body.map((r) => r[2]))).toEqual(new Set(['Iberia', 'DACH', 'North America']));
    for (const r of body) expect(LABELS).toContain(r[8]);
    const scored = body.filter((r) => r[5] !== '');
    // A percentile interval of a score bounded at 0 need not hold a near-zero score itself.
    expect(scored.every((r) => Number(r[6]) >= 0 && Number(r[6]) <= Number(r[7]) + 1e-9 && Number(r[5]) >= 0)).toBe(
      true,
    );
    for (const r of scored) expect(['yes', 'no']).toContain(r[9]);
    // A gap that names a CPI carries that skill × CPI link of the joint model.
    const named = body.filter((r) => r[4] !== '');
    expect(named.length).toBeGreaterThan(0);
    for (const r of named) {
      expect(TIERS).toContain(r[10]);
      if (r[10] === 'finding' || r[10] === 'exploratory') {
        expect(Number(r[13])).toBeLessThanOrEqual(Number(r[11]));
        expect(Number(r[11])).toBeLessThanOrEqual(Number(r[14]));
        expect(Number(r[15])).toBeLessThanOrEqual(0.2);
        expect(Number(r[16])).toBeGreaterThan(0);
      }
    }
    const pk = named.find((r) => r[3] === 'product-knowledge' && r[4] === 'fcr');
    expect(pk?.[10]).toBe('finding');
    const audit = await rows<{ actor: string; detail: string }>(
      f.t,
      "SELECT actor, detail FROM audit_log WHERE action = 'export.gaps' ORDER BY id DESC LIMIT 1",
    );
    expect(audit[0]?.actor).toBe('lead@demo.cpilens.test');
    expect(JSON.parse(String(audit[0]?.detail))).toMatchObject({ team: null, rows: 36 * 6 });
  });

  it('gives a trainer only the rows of their teams, and 404 for another team', async () => {
    const res = await exportCsv(f, '', f.cookies.trainer);
    expect(res.status).toBe(200);
    const body = res.table.slice(1);
    expect(body.length).toBe(12 * 6);
    expect(new Set(body.map((r) => r[2]))).toEqual(new Set(['Iberia']));
    expect((await exportCsv(f, `?team=${f.teams.dach}`, f.cookies.trainer)).status).toBe(404);
    expect((await exportCsv(f, `?team=${f.teams.iberia}`, f.cookies.trainer)).status).toBe(200);
    const dach = await exportCsv(f, `?team=${f.teams.dach}&period=6m`, f.cookies.lead);
    expect(new Set(dach.table.slice(1).map((r) => r[2]))).toEqual(new Set(['DACH']));
  });

  it('neutralises cells a spreadsheet would run as formulas', async () => {
    await f.t.db.write((tx) =>
      tx.run(`UPDATE reps SET name = '=HYPERLINK("http://evil.test","x")' WHERE id = ${f.reps.iberia.id}`),
    );
    await f.t.db.write((tx) => tx.run(`UPDATE teams SET name = '+Iberia' WHERE id = ${f.teams.iberia}`));
    const res = await exportCsv(f, '', f.cookies.lead);
    await f.t.db.write((tx) => tx.run(`UPDATE reps SET name = '${f.reps.iberia.name}' WHERE id = ${f.reps.iberia.id}`));
    await f.t.db.write((tx) => tx.run(`UPDATE teams SET name = 'Iberia' WHERE id = ${f.teams.iberia}`));
    const mine = res.table.filter((r) => r[1] === f.reps.iberia.email);
    expect(mine).toHaveLength(6);
    for (const r of mine) {
      expect(r[0]).toBe(`'=HYPERLINK("http://evil.test","x")`);
      expect(r[2]).toBe(`'+Iberia`);
    }
    expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('refuses bad filters by name and sends anonymous users to sign in', async () => {
    const bad = await get(f, '/exports/gaps.csv?period=custom&from=2026-13-45&to=2026-01-01', f.cookies.lead);
    expect(bad.status).toBe(422);
    const anonymous = await f.t.request('/exports/gaps.csv');
    expect(anonymous.status).toBe(303);
  });
});
