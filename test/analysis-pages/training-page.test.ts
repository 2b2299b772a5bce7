/**
 * The training results page (issue 15): by default the latest quarter whose after windows have
 * ended; effects sorted by evidence with plain words first and numbers behind a toggle; the
 * computing state polls itself; a detail view month by month; a CSV of the same rows; a
 * trainer filters by their own teams only.
 */
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiKey, addUser, createTestApp, login, manualClock, type TestApp } from '../helpers/app';
import { loadTrainingOrg } from '../helpers/training-org';

describe('/training', () => {
  let t: TestApp;
  let lead: string;
  let trainer: string;
  let beta: number;
  const get = async (path: string, cookie = lead, headers: Record<string, string> = {}) => {
    const res = await t.request(path, { cookie, headers });
    return { status: res.status, html: await res.text(), headers: res.headers };
  };
  const visibleText = (html: string) => html.replace(/<details[\s\S]*?<\/details>/g, '').replace(/<[^>]+>/g, ' ');

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-25T12:00:00Z'));
    await loadTrainingOrg(t, (await addApiKey(t, 'all')).key);
    const teams = await t.db.readClient.execute('SELECT id, name FROM teams');
    const id = (name: string) => Number(teams.rows.find((r) => r.name === name)!.id);
    beta = id('Beta');
    lead = await login(t, ...(Object.values(await addUser(t, 'lead')).slice(1) as [string, string]));
    const tr = await addUser(t, 'trainer', { teamIds: [id('Alpha')] });
    trainer = await login(t, tr.email, tr.password);
  }, 180_000);
  afterAll(async () => t.close());

  it('shows the computing state first (polling itself), then the results of the default quarter', async () => {
    const first = await get('/training?period=range&from=2026-06&to=2026-08');
    expect(first.status).toBe(200);
    expect(first.html).toContain('data-state="computing"');
    expect(first.html).toMatch(
      /hx-get="\/training\?period=range&amp;from=2026-06&amp;to=2026-08" hx-trigger="load delay:2s"/,
    );
    const byDefault = await get('/training');
    expect(byDefault.html).toContain('Courses and coaching completed in 2026-Q2');
  });

  it('says in plain words that the course improved added value, sorted first, numbers behind a toggle', async () => {
    let page = await get('/training?period=range&from=2026-06&to=2026-08', lead, { 'HX-Request': 'true' });
    for (let i = 0; i < 50 && page.html.includes('data-state="computing"'); i++) {
      await new Promise((r) => setTimeout(r, 200));
      page = await get('/training?period=range&from=2026-06&to=2026-08', lead, { 'HX-Request': 'true' });
    }
    expect(page.html).toContain('data-state="ready"');
    const first =
      /<li class="effect effect-(\w[\w-]*)" data-verdict="[^"]+" data-skill="([^"]+)" data-kind="([^"]+)" data-cpi="([^"]+)"/.exec(
        page.html,
      );
    expect(first?.slice(1)).toEqual(['better', 'value-messaging', 'course', 'addedValue']);
    expect(page.html).toMatch(
      /Reps who completed the value messaging course improved added value by \+\d\.\d\d more than similar reps in the same months\./,
    );
    expect(visibleText(page.html)).not.toMatch(/\bq\b|p \/ q/);
    expect(page.html).toContain('<details class="numbers">');
    expect(page.html).toContain('<svg class="intervals');
  });

  it('opens one effect month by month, and exports the rows', async () => {
    const detail = await get(
      '/training/effect?period=range&from=2026-06&to=2026-08&effectSkill=value-messaging&effectKind=course&cpi=addedValue',
    );
    expect(detail.status).toBe(200);
    expect(detail.html).toMatch(/\+1 month(?![s(])/);
    expect(detail.html).toContain('+2 months');
    expect(detail.html).toContain('id="event-study"');
    const csv = await t.request('/exports/training-effects.csv?period=range&from=2026-06&to=2026-08', { cookie: lead });
    expect(csv.status).toBe(200);
    const rows = parse(await csv.text(), { columns: true }) as Record<string, string>[];
    expect(rows[0]).toMatchObject({ Skill: 'value messaging', Kind: 'Course', CPI: 'Added value', Result: 'better' });
    const raw = parse(
      await (
        await t.request('/exports/training-effects.csv?period=range&from=2026-06&to=2026-08&format=raw', {
          cookie: lead,
        })
      ).text(),
      { columns: true },
    ) as Record<string, string>[];
    expect(Object.keys(raw[0]!)).toEqual([
      'skill',
      'kind',
      'cpi',
      'status',
      'reason',
      'effect',
      'lower',
      'upper',
      'p',
      'q',
      'treatedReps',
      'controlReps',
      'cohorts',
      'preTrendOk',
    ]);
  });

  it('lets a trainer filter by their own teams only', async () => {
    expect((await get(`/training?team=${beta}`, trainer)).status).toBe(404);
    expect((await get('/training', trainer)).status).toBe(200);
    expect((await get('/training?period=2026-Q9', lead)).status).toBe(422);
  });
});
