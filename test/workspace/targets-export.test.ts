/** Targets and baselines (GET/POST /targets) and the CPI export (GET /exports/cpis.csv) on the demo workspace. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { unlabelledControls } from '../admin/setup';
import { addRepWithResponses, get, hx, text, tile, workspaceFixture, type WorkspaceFixture } from './setup';

describe('targets and baselines', () => {
  let f: WorkspaceFixture;
  beforeAll(async () => {
    f = await workspaceFixture();
  });
  afterAll(async () => f.t.close());

  const audit = async (action: string) =>
    (
      await f.t.db.readClient.execute({
        sql: 'SELECT actor, subject, detail FROM audit_log WHERE action = ? ORDER BY id',
        args: [action],
      })
    ).rows;

  it('shows leads a form per CPI and scope; trainers the org and their teams, read-only', async () => {
    const lead = await get(f, '/targets', f.cookies.lead);
    expect(lead.status).toBe(200);
    expect(lead.html.match(/<form method="post" action="\/targets"/g)).toHaveLength(5);
    expect(unlabelledControls(lead.html)).toEqual([]);
    expect(lead.html).not.toMatch(/\sstyle="/);
    expect(text(lead.html)).toContain('First-contact resolution Target 70% Baseline period 2025-12-01 – 2026-02-28');
    const team = await get(f, `/targets?team=${f.teams.DACH}`, f.cookies.lead);
    expect(text(team.html)).toContain('Quote turnaround Target 30.0 h');
    expect(text(team.html)).toContain('not set; the org-wide target 70% applies');

    const trainer = await get(f, '/targets', f.cookies.trainer);
    expect(trainer.status).toBe(200);
    expect(trainer.html).not.toContain('<form method="post" action="/targets"');
    expect(text(trainer.html)).toContain('enablement leads and admins change them');
    const list = text(trainer.html.slice(trainer.html.indexOf('All targets you can see')));
    expect(list).toContain('Iberia');
    expect(list).not.toMatch(/DACH|North America/);
    expect((await get(f, `/targets?team=${f.teams.Iberia}`, f.cookies.trainer)).status).toBe(200);
    expect((await get(f, `/targets?team=${f.teams.DACH}`, f.cookies.trainer)).status).toBe(404);
    expect(
      (await f.t.postForm('/targets', { cpi: 'fcr', team: '', target: '80' }, { cookie: f.cookies.trainer })).status,
    ).toBe(403);
  });

  it('answers invalid values with 422, naming the field inline and keeping what was typed', async () => {
    const res = await f.t.postForm(
      '/targets',
      { cpi: 'fcr', team: '', target: '150', baselineFrom: '2026-01-01', baselineTo: '2026-03-31', action: 'save' },
      { cookie: f.cookies.lead },
    );
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain('<html');
    expect(html).toMatch(/id="target-fcr-target" name="target" type="text" value="150"[^>]*aria-invalid="true"/);
    expect(text(html)).toContain('Target: enter a percentage from 0 to 100.');

    const future = await f.t.postForm(
      '/targets',
      { cpi: 'decisionClearer', team: '', target: '3.9', baselineFrom: '2026-10-01', baselineTo: '2026-12-31' },
      { cookie: f.cookies.lead },
    );
    expect(future.status).toBe(422);
    expect(text(await future.text())).toContain('Baseline to (last day included): the baseline must be a past period');

    const order = await f.t.postForm(
      '/targets',
      {
        cpi: 'quoteTurnaround',
        team: String(f.teams.DACH),
        target: '-2',
        baselineFrom: '2026-03-01',
        baselineTo: '2026-01-01',
      },
      { cookie: f.cookies.lead, headers: hx },
    );
    expect(order.status).toBe(422);
    const fragment = await order.text();
    expect(fragment).not.toContain('<html');
    expect(fragment).toMatch(/^<section class="card ws-target-card" id="target-quoteTurnaround"/);
    expect(text(fragment)).toContain('Target: enter a number of hours greater than 0');
    expect(text(fragment)).toContain('Baseline from: the first day must be before the last day.');

    const unknown = await f.t.postForm('/targets', { cpi: 'nps', team: '', target: '1' }, { cookie: f.cookies.lead });
    expect(unknown.status).toBe(422);
    expect(
      (await f.t.postForm('/targets', { cpi: 'fcr', team: '99999', target: '70' }, { cookie: f.cookies.lead })).status,
    ).toBe(404);
    expect(await audit('target.save')).toHaveLength(0);
  });

  it('saves a valid target with its audit entry and shows it on the overview tile', async () => {
    const res = await f.t.postForm(
      '/targets',
      { cpi: 'fcr', team: '', target: '75', baselineFrom: '2026-01-01', baselineTo: '2026-03-31', action: 'save' },
      { cookie: f.cookies.admin },
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/targets?saved=fcr#target-fcr');
    const page = text((await get(f, '/targets?saved=fcr', f.cookies.lead)).html);
    expect(page).toContain('First-contact resolution Saved. Target 75% Baseline period 2026-01-01 – 2026-03-31');
    const overview = text(tile((await get(f, '/overview', f.cookies.lead)).html, 'fcr'));
    expect(overview).toContain('Target 75% (org-wide)');
    expect(overview).toContain('2026-01-01 – 2026-03-31');
    const [entry] = await audit('target.save');
    expect(entry?.actor).toBe('admin@demo.cpilens.test');
    expect(entry?.subject).toBe('fcr:org');
  });

  it('saves a team target through htmx and the team view of the overview uses it; removing it falls back to the org', async () => {
    const res = await f.t.postForm(
      '/targets',
      {
        cpi: 'addedValue',
        team: String(f.teams.Iberia),
        target: '3.9',
        baselineFrom: '',
        baselineTo: '',
        action: 'save',
      },
      { cookie: f.cookies.lead, headers: hx },
    );
    expect(res.status).toBe(200);
    const card = await res.text();
    expect(card).not.toContain('<html');
    expect(text(card)).toContain('Saved. Target 3.90');
    expect(text(tile((await get(f, `/overview?team=${f.teams.Iberia}`, f.cookies.lead)).html, 'addedValue'))).toContain(
      'Target 3.90 (team)',
    );

    const removed = await f.t.postForm(
      '/targets',
      { cpi: 'addedValue', team: String(f.teams.Iberia), action: 'delete' },
      { cookie: f.cookies.lead },
    );
    expect(removed.status).toBe(303);
    expect(text(tile((await get(f, `/overview?team=${f.teams.Iberia}`, f.cookies.lead)).html, 'addedValue'))).toContain(
      'Target 3.80 (org-wide)',
    );
    expect((await audit('target.delete')).map((r) => r.subject)).toEqual([`addedValue:team:${f.teams.Iberia}`]);
  });

  it('refuses a cross-origin post', async () => {
    const res = await f.t.postForm(
      '/targets',
      { cpi: 'fcr', team: '', target: '10' },
      { cookie: f.cookies.lead, headers: { Origin: 'http://evil.test' } },
    );
    expect(res.status).toBe(403);
  });
});

describe('CPI export', () => {
  let f: WorkspaceFixture;
  beforeAll(async () => {
    f = await workspaceFixture();
    // A rep whose name a spreadsheet would run as a formula.
    await addRepWithResponses(
      f.t,
      f.key,
      { email: 'formula@tiny.test', name: '=HYPERLINK("http://evil.test","x")', team: 'Iberia' },
      6,
    );
  });
  afterAll(async () => f.t.close());

  const csv = async (path: string, cookie: string) => {
    // The machine columns (format=raw); the readable form: test/workspace/readable-exports.test.ts.
    const res = await f.t.request(`${path}${path.includes('?') ? '&' : '?'}format=raw`, { cookie });
    const body = await res.text();
    return { res, body, rows: res.status === 200 ? (parse(body, { columns: true }) as Record<string, string>[]) : [] };
  };

  it('exports CPIs by team with the total, audited', async () => {
    const { res, rows } = await csv('/exports/cpis.csv?groupBy=team&period=2026-Q3', f.cookies.lead);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain('cpis_by-team_2026-Q3.csv');
    expect(rows.map((r) => [r.kind, r.name])).toEqual([
      ['team', 'DACH'],
      ['team', 'Iberia'],
      ['team', 'North America'],
      ['total', 'all'],
    ]);
    expect(Number(rows[0]!.fcr)).toBeGreaterThan(0);
    expect(Number(rows[0]!.fcrLower)).toBeLessThan(Number(rows[0]!.fcr));
    const [entry] = (
      await f.t.db.readClient.execute("SELECT actor, detail FROM audit_log WHERE action = 'export.cpis'")
    ).rows;
    expect(entry?.actor).toBe('lead@demo.cpilens.test');
    expect(JSON.parse(String(entry?.detail))).toMatchObject({ groupBy: 'team', period: '2026-Q3' });
  });

  it('exports suppressed groups with n and "suppressed" only, and hides a second team', async () => {
    const { rows } = await csv('/exports/cpis.csv?groupBy=team', f.cookies.lead);
    const tiny = rows.find((r) => r.name === 'Tiny')!;
    expect(tiny.responses).toBe('3');
    expect(tiny.status).toBe('suppressed');
    const figures = Object.entries(tiny).filter(
      ([k, v]) => !['kind', 'name', 'team', 'responses', 'status'].includes(k) && v !== '',
    );
    expect(figures).toEqual([]);
    expect(rows.some((r) => r.kind === 'team' && r.status === 'shown' && r.fcr === 'suppressed')).toBe(true);
  });

  it('exports CPIs by rep, formula-safe', async () => {
    const { body, rows } = await csv('/exports/cpis.csv?groupBy=rep', f.cookies.lead);
    expect(rows).toHaveLength(38 + 1);
    const formula = rows.find((r) => r.repEmail === 'formula@tiny.test')!;
    expect(formula.name).toBe(`'=HYPERLINK("http://evil.test","x")`);
    expect(body).not.toMatch(/(^|,)=HYPERLINK/m);
    const tina = rows.find((r) => r.repEmail === 'tina@tiny.test')!;
    expect([tina.responses, tina.status, tina.fcr]).toEqual(['3', 'suppressed', '']);
    expect(Number(rows.find((r) => r.repEmail === 'anna.schneider@demo.cpilens.test')!.fcrShrunk)).toBeGreaterThan(0);
  });

  it("gives a trainer their teams' rows only, and 404 for another team", async () => {
    const { rows } = await csv('/exports/cpis.csv?groupBy=rep', f.cookies.trainer);
    expect(rows.filter((r) => r.kind === 'rep').every((r) => r.team === 'Iberia')).toBe(true);
    expect(rows.filter((r) => r.kind === 'rep')).toHaveLength(13);
    const teams = await csv('/exports/cpis.csv?groupBy=team', f.cookies.trainer);
    expect(teams.rows.map((r) => r.name)).toEqual(['Iberia', 'all']);
    expect((await csv(`/exports/cpis.csv?groupBy=rep&team=${f.teams.DACH}`, f.cookies.trainer)).res.status).toBe(404);
  });

  it('answers a bad groupBy or period with 422', async () => {
    expect((await csv('/exports/cpis.csv?groupBy=customer', f.cookies.lead)).res.status).toBe(422);
    expect((await csv('/exports/cpis.csv?period=2031-Q1', f.cookies.lead)).res.status).toBe(422);
  });
});
