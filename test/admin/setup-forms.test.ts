/**
 * The first hour (issue 18): the setup checklist ticks itself from the data, and admins
 * add and edit teams, reps, skills and content items through plain forms — 422 naming the
 * field with the value kept, 409 on a taken name with nothing written, an audit entry per change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addApiKey,
  addUser,
  api,
  countRows,
  createTestApp,
  interaction,
  login,
  manualClock,
  type TestApp,
} from '../helpers/app';
import { setLocale, unlabelledControls } from './setup';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, ' ');
const stepState = (html: string, step: string) => new RegExp(`data-step="${step}" data-state="(\\w+)"`).exec(html)?.[1];
const redirectedTo = (res: Response) => res.headers.get('location');

describe('setup checklist and admin record forms on an empty workspace', () => {
  let t: TestApp;
  let admin: { id: number; email: string; cookie: string };
  let lead: string;
  const get = async (path: string, cookie = admin.cookie) => t.request(path, { cookie });
  const html = async (path: string, cookie = admin.cookie) => (await get(path, cookie)).text();
  const post = (path: string, fields: Record<string, string>) => t.postForm(path, fields, { cookie: admin.cookie });
  const one = async (sql: string) => (await t.db.readClient.execute(sql)).rows[0];

  beforeAll(async () => {
    t = await createTestApp({}, manualClock('2026-11-20T12:00:00Z'));
    const user = await addUser(t, 'admin', { email: 'ada@staff.test' });
    admin = { id: user.id, email: user.email, cookie: await login(t, user.email, user.password) };
    const leadUser = await addUser(t, 'lead');
    lead = await login(t, leadUser.email, leadUser.password);
  });
  afterAll(async () => t.close());

  it('sends /admin to the checklist, with nothing done on an empty workspace', async () => {
    const res = await get('/admin');
    expect(res.status).toBe(303);
    expect(redirectedTo(res)).toBe('/admin/setup');
    const page = await html('/admin/setup');
    expect(text(page)).toContain('0 of 6 steps done');
    for (const [step, href] of [
      ['people', '/admin/teams'],
      ['skills', '/admin/skills'],
      ['crm', '/admin/api-keys'],
      ['mail', '/admin/mail'],
      ['rules', '/admin/rules'],
      ['testSurvey', '/interactions/new'],
    ]) {
      expect(stepState(page, step!), step).toBe('todo');
      expect(page).toMatch(new RegExp(`data-step="${step}"[\\s\\S]*?href="${href}"`));
    }
  });

  it('shows one empty state on the overview instead of tiles and charts, and the checklist to the admin only', async () => {
    const adminHome = await html('/');
    expect(adminHome).toContain('data-testid="overview-empty"');
    expect(adminHome).toContain('data-testid="setup-banner"');
    expect(adminHome).not.toContain('not enough responses');
    expect(adminHome).not.toContain('id="overview-filters"');
    expect(adminHome).toContain('href="/admin/setup"');
    const leadHome = await html('/', lead);
    expect(leadHome).toContain('data-testid="overview-empty"');
    expect(leadHome).not.toContain('data-testid="setup-banner"');
    expect(text(leadHome)).toContain('An admin is setting up the surveys');
  });

  it('says what to do next on every empty table', async () => {
    expect(text(await html('/admin/teams'))).toContain('No teams yet. Add the first one below');
    const reps = await html('/admin/reps');
    expect(text(reps)).toContain('No reps yet. Add the first one below');
    expect(reps).not.toContain('<table');
    expect(text(await html('/admin/skills'))).toContain('No skills yet.');
    expect(text(await html('/admin/content'))).toContain('No content items yet.');
    const keys = await html('/admin/api-keys');
    expect(text(keys)).toContain('No API keys yet. To connect a CRM, create a key with the ingest scope below');
    expect(keys).not.toContain('<table');
  });

  it('adds a team; a blank name is 422 naming the field; a taken name (any case) is 409 with nothing written', async () => {
    const created = await post('/admin/teams', { name: '  Iberia ' });
    expect(created.status).toBe(303);
    const id = Number((await one("SELECT id FROM teams WHERE name = 'Iberia'"))?.id);
    expect(redirectedTo(created)).toBe(`/admin/teams?created=${id}`);
    expect(text(await html(redirectedTo(created)!))).toContain('Team Iberia added.');

    const blank = await post('/admin/teams', { name: '   ' });
    expect(blank.status).toBe(422);
    expect(text(await blank.text())).toContain('Team name: is required');

    const taken = await post('/admin/teams', { name: 'IBERIA' });
    expect(taken.status).toBe(409);
    const body = await taken.text();
    expect(text(body)).toContain('Team name: a team with this name exists already');
    expect(body).toMatch(/id="f-name"[^>]*value="IBERIA"/);
    expect(await countRows(t.db, 'teams')).toBe(1);
    expect(stepState(await html('/admin/setup'), 'people')).toBe('partial');
  });

  it('adds a rep with a team; a bad email is 422 keeping the values; a taken email is 409', async () => {
    const iberia = Number((await one("SELECT id FROM teams WHERE name = 'Iberia'"))?.id);
    const page = await html('/admin/reps');
    expect(unlabelledControls(page)).toEqual([]);
    expect(page).toContain(`<option value="${iberia}">Iberia</option>`);

    const bad = await post('/admin/reps', { name: 'Ana Ruiz', email: 'ana-at-acme', teamId: String(iberia) });
    expect(bad.status).toBe(422);
    const badBody = await bad.text();
    expect(text(badBody)).toMatch(/Email: .+/);
    expect(badBody).toMatch(/id="f-name"[^>]*value="Ana Ruiz"/);
    expect(badBody).toMatch(new RegExp(`<option value="${iberia}" selected="">Iberia</option>`));

    const unknownTeam = await post('/admin/reps', { name: 'Ana Ruiz', email: 'ana@acme.test', teamId: '9999' });
    expect(unknownTeam.status).toBe(422);
    expect(text(await unknownTeam.text())).toContain('Team: must be one of the teams listed');
    expect(await countRows(t.db, 'reps')).toBe(0);

    const ok = await post('/admin/reps', { name: 'Ana Ruiz', email: 'Ana@Acme.test', teamId: String(iberia) });
    expect(ok.status).toBe(303);
    const rep = await one('SELECT id, email, team_id FROM reps');
    expect(rep?.email).toBe('ana@acme.test');
    expect(Number(rep?.team_id)).toBe(iberia);
    expect(text(await html(redirectedTo(ok)!))).toContain('Rep Ana Ruiz added.');

    const taken = await post('/admin/reps', { name: 'Other Ana', email: 'ana@acme.test', teamId: '' });
    expect(taken.status).toBe(409);
    expect(text(await taken.text())).toContain('Email: a rep with this email exists already');
    expect(await countRows(t.db, 'reps')).toBe(1);
    expect(stepState(await html('/admin/setup'), 'people')).toBe('done');
  });

  it('edits a rep (new team) and renames a team; a rename onto a taken name changes nothing', async () => {
    await post('/admin/teams', { name: 'DACH' });
    const dach = Number((await one("SELECT id FROM teams WHERE name = 'DACH'"))?.id);
    const repId = Number((await one('SELECT id FROM reps'))?.id);
    const form = await html(`/admin/reps/${repId}/edit`);
    expect(form).toContain(`action="/admin/reps/${repId}"`);
    expect(form).toMatch(/id="f-email"[^>]*value="ana@acme.test"/);
    const saved = await post(`/admin/reps/${repId}`, {
      name: 'Ana Ruiz Gil',
      email: 'ana@acme.test',
      teamId: String(dach),
    });
    expect(saved.status).toBe(303);
    const rep = await one(`SELECT name, team_id FROM reps WHERE id = ${repId}`);
    expect(rep?.name).toBe('Ana Ruiz Gil');
    expect(Number(rep?.team_id)).toBe(dach);

    const clash = await post(`/admin/teams/${dach}`, { name: 'iberia' });
    expect(clash.status).toBe(409);
    expect((await one(`SELECT name FROM teams WHERE id = ${dach}`))?.name).toBe('DACH');
    expect((await post(`/admin/teams/${dach}`, { name: 'DACH & Nordics' })).status).toBe(303);
    expect((await one(`SELECT name FROM teams WHERE id = ${dach}`))?.name).toBe('DACH & Nordics');
    expect((await get('/admin/teams/99999/edit')).status).toBe(404);
    expect((await get('/admin/reps/abc/edit')).status).toBe(404);
  });

  it('adds a skill with its proficiency target (key from the name), validates the target, edits it', async () => {
    const outOfRange = await post('/admin/skills', { name: 'Discovery', proficiencyTarget: '150' });
    expect(outOfRange.status).toBe(422);
    const body = await outOfRange.text();
    expect(text(body)).toContain('Proficiency target (0–100): must be at most 100');
    expect(body).toMatch(/id="f-proficiencyTarget"[^>]*value="150"/);
    expect((await post('/admin/skills', { name: 'Discovery', proficiencyTarget: 'high' })).status).toBe(422);

    expect((await post('/admin/skills', { name: 'Needs Discovery', proficiencyTarget: '75' })).status).toBe(303);
    const skill = await one('SELECT id, slug, name, proficiency_target FROM skills');
    expect(skill).toMatchObject({ slug: 'needs-discovery', name: 'Needs Discovery', proficiency_target: 75 });
    const taken = await post('/admin/skills', { name: 'needs discovery', proficiencyTarget: '80' });
    expect(taken.status).toBe(409);
    expect(text(await taken.text())).toContain('Skill name: a skill with this key exists already');
    expect(await countRows(t.db, 'skills')).toBe(1);

    expect((await post(`/admin/skills/${skill?.id}`, { name: 'Discovery', proficiencyTarget: '82.5' })).status).toBe(
      303,
    );
    expect(await one('SELECT slug, name, proficiency_target FROM skills')).toMatchObject({
      slug: 'needs-discovery',
      name: 'Discovery',
      proficiency_target: 82.5,
    });
    expect(stepState(await html('/admin/setup'), 'skills')).toBe('done');
  });

  it('adds and edits a content item by the CRM’s id; a bad link is 422, a taken id 409', async () => {
    const bad = await post('/admin/content', { id: 'deck-q4', title: 'Q4 deck', url: 'javascript:alert(1)' });
    expect(bad.status).toBe(422);
    expect(text(await bad.text())).toContain('Link: must be an http(s) URL');
    const ok = await post('/admin/content', {
      id: 'deck/q4',
      title: 'Q4 deck',
      url: 'https://acme.test/q4',
      stage: 'proposal',
      topic: '',
    });
    expect(ok.status).toBe(303);
    expect(text(await html(redirectedTo(ok)!))).toContain('Content item Q4 deck added.');
    expect(await one("SELECT title, url, stage, topic FROM content_items WHERE id = 'deck/q4'")).toMatchObject({
      title: 'Q4 deck',
      url: 'https://acme.test/q4',
      stage: 'proposal',
      topic: null,
    });
    const taken = await post('/admin/content', { id: 'deck/q4', title: 'Another' });
    expect(taken.status).toBe(409);
    expect(text(await taken.text())).toContain('Content id: a content item with this id exists already');

    const edit = await html('/admin/content/deck%2Fq4/edit');
    expect(edit).toContain('action="/admin/content/deck%2Fq4"');
    expect(
      (await post('/admin/content/deck%2Fq4', { title: 'Q4 pricing deck', url: '', topic: 'pricing' })).status,
    ).toBe(303);
    expect(await one("SELECT title, url, topic FROM content_items WHERE id = 'deck/q4'")).toMatchObject({
      title: 'Q4 pricing deck',
      url: null,
      topic: 'pricing',
    });
    expect(await countRows(t.db, 'content_items')).toBe(1);
  });

  it('records each change in the audit log', async () => {
    const actions = (
      await t.db.readClient.execute(`SELECT action FROM audit_log WHERE actor = '${admin.email}' ORDER BY id`)
    ).rows.map((r) => r.action);
    expect(actions).toEqual([
      'team.create',
      'rep.create',
      'team.create',
      'rep.update',
      'team.update',
      'skill.create',
      'skill.update',
      'content.create',
      'content.update',
    ]);
  });

  it('ticks the CRM, rules and test-survey steps from the data, then leaves the overview', async () => {
    const { key } = await addApiKey(t, 'ingest');
    expect(stepState(await html('/admin/setup'), 'crm')).toBe('partial');
    const sent = await api(t, key, 'POST', '/interactions', interaction({ repEmail: 'ana@acme.test' }));
    expect(sent.status).toBeLessThan(300);
    expect(stepState(await html('/admin/setup'), 'crm')).toBe('done');

    const rules = await post('/admin/rules/call', {
      sendDelayMinutes: '0',
      fatigueDays: '14',
      expiryDays: '7',
      reminderAfterDays: '',
      questions: 'added_value',
    });
    expect(rules.status).toBeLessThan(400);
    expect(stepState(await html('/admin/setup'), 'rules')).toBe('done');

    expect(stepState(await html('/admin/setup'), 'testSurvey')).toBe('todo');
    const test = await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ repEmail: 'ana@acme.test', customer: { email: admin.email, name: 'Ada', locale: 'en' } }),
    );
    expect(test.status).toBeLessThan(300);
    const page = await html('/admin/setup');
    expect(stepState(page, 'testSurvey')).toBe('done');
    // Mail is the one step left: no SMTP_URL here and nothing delivered.
    expect(stepState(page, 'mail')).toBe('todo');
    expect(text(page)).toContain('5 of 6 steps done');
    expect(await html('/')).toContain('data-testid="setup-banner"');
  });

  it('refuses a cross-origin post to every new form (CSRF) and writes nothing', async () => {
    const before = {
      teams: await countRows(t.db, 'teams'),
      reps: await countRows(t.db, 'reps'),
      skills: await countRows(t.db, 'skills'),
      content: await countRows(t.db, 'content_items'),
    };
    const forms: [string, Record<string, string>][] = [
      ['/admin/teams', { name: 'Evil team' }],
      ['/admin/reps', { name: 'Mole', email: 'mole@evil.test', teamId: '' }],
      ['/admin/reps/1', { name: 'Mole', email: 'mole@evil.test', teamId: '' }],
      ['/admin/skills', { name: 'Exfiltration', proficiencyTarget: '1' }],
      ['/admin/content', { id: 'evil', title: 'Evil' }],
    ];
    for (const [path, fields] of forms) {
      const res = await t.postForm(path, fields, { cookie: admin.cookie, headers: { Origin: 'http://evil.test' } });
      expect(res.status, path).toBe(403);
    }
    expect({
      teams: await countRows(t.db, 'teams'),
      reps: await countRows(t.db, 'reps'),
      skills: await countRows(t.db, 'skills'),
      content: await countRows(t.db, 'content_items'),
    }).toEqual(before);
    expect(await countRows(t.db, 'reps', "email = 'mole@evil.test'")).toBe(0);
  });

  it('speaks Spanish to a Spanish-speaking admin, conflicts included', async () => {
    await setLocale(t, admin.id, 'es');
    try {
      const page = text(await html('/admin/setup'));
      expect(page).toContain('Configurar CPI Lens');
      expect(page).toContain('5 de 6 pasos hechos');
      const taken = await post('/admin/teams', { name: 'iberia' });
      expect(taken.status).toBe(409);
      expect(text(await taken.text())).toContain('Nombre del equipo: ya existe un equipo con este nombre');
    } finally {
      await setLocale(t, admin.id, 'en');
    }
  });

  it('keeps every new page and form admin-only', async () => {
    for (const path of ['/admin/setup', '/admin/teams', '/admin/skills', '/admin/content', '/admin/reps/1/edit'])
      expect((await get(path, lead)).status, path).toBe(403);
    const res = await t.postForm('/admin/teams', { name: 'Sneaky' }, { cookie: lead });
    expect(res.status).toBe(403);
    expect(await countRows(t.db, 'teams', "name = 'Sneaky'")).toBe(0);
  });
});

describe('setup checklist with SMTP configured', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SMTP_URL: 'smtp://127.0.0.1:2525' }, manualClock('2026-11-20T12:00:00Z'));
  });
  afterAll(async () => t.close());

  it('ticks the mail step and, with everything else done, leaves the overview and /admin', async () => {
    const user = await addUser(t, 'admin');
    const cookie = await login(t, user.email, user.password);
    expect(stepState(await (await t.request('/admin/setup', { cookie })).text(), 'mail')).toBe('done');
    const { key } = await addApiKey(t, 'all');
    await api(t, key, 'POST', '/reps', [{ email: 'ana@acme.test', name: 'Ana', team: 'Iberia' }]);
    await t.postForm('/admin/skills', { name: 'Discovery', proficiencyTarget: '80' }, { cookie });
    await t.postForm(
      '/admin/rules/call',
      { sendDelayMinutes: '0', fatigueDays: '14', expiryDays: '7', reminderAfterDays: '', questions: 'added_value' },
      { cookie },
    );
    await api(
      t,
      key,
      'POST',
      '/interactions',
      interaction({ repEmail: 'ana@acme.test', customer: { email: user.email, name: 'Me', locale: 'en' } }),
    );
    const page = await (await t.request('/admin/setup', { cookie })).text();
    expect(text(page)).toContain('6 of 6 steps done');
    expect(text(page)).toContain('Setup is complete');
    const res = await t.request('/admin', { cookie });
    expect(res.headers.get('location')).toBe('/admin/users');
    expect(await (await t.request('/', { cookie })).text()).not.toContain('data-testid="setup-banner"');
  });
});
