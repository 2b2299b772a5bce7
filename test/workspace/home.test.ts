/**
 * The role homes at `/` on the demo workspace (issue 17): the lead's tiles, team × skill
 * grid, largest gaps and training results; the trainer's week; regions that are computed
 * ask again by themselves; old overview links redirect; a grid cell's reps stay in scope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, hx, text, workspaceFixture, type WorkspaceFixture } from './setup';
import { setLocale, unlabelledControls } from '../admin/setup';
import { agendaWeek, largestGapsOf, strongestLink, trainerWeek } from '../../src/domain/home';
import type { LinkResult, RepAnalysis } from '../../src/domain/analysis/links';
import type { CoachingPlan } from '../../src/domain/coaching';

/** Asks for one region until its analysis is ready (the in-memory test app computes in-thread). */
async function region(f: WorkspaceFixture, id: string, cookie: string): Promise<string> {
  for (let i = 0; i < 120; i++) {
    const res = await get(f, '/', cookie, { ...hx, 'HX-Target': id });
    expect(res.status).toBe(200);
    if (!res.html.includes('data-analysis="computing"')) return res.html;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${id} still computing`);
}

describe('role homes', () => {
  let f: WorkspaceFixture;
  beforeAll(async () => {
    f = await workspaceFixture();
  });
  afterAll(async () => f.t.close());

  it('gives a lead the CPI tiles linking to each CPI’s reps, and regions that ask again while computed', async () => {
    const res = await get(f, '/', f.cookies.lead);
    expect(res.status).toBe(200);
    expect(res.html).toContain('data-home="lead"');
    expect(res.html).toContain('data-testid="home-title"');
    for (const cpi of ['fcr', 'contentUseful', 'decisionClearer', 'addedValue', 'quoteTurnaround'])
      expect(res.html).toMatch(new RegExp(`data-cpi="${cpi}"><a href="/reps\\?sort=${cpi}&amp;dir=`));
    for (const id of ['home-grid', 'home-training', 'home-top-gaps']) expect(res.html).toContain(`id="${id}"`);
    expect(res.headers.get('vary')).toContain('HX-Target');
  });

  it('shows the team × skill grid (counts link to the cell’s reps), five largest gaps and the latest judged quarter', async () => {
    const grid = await region(f, 'home-grid', f.cookies.lead);
    expect(grid).toContain('data-testid="team-skill-grid"');
    for (const team of ['Iberia', 'DACH', 'North America']) expect(grid).toContain(`data-team="${team}"`);
    expect(grid).toMatch(/class="num tier-(finding|exploratory|no-evidence)"/);
    const link = /href="(\/home\/gap-reps\?team=(\d+)&amp;skill=([a-z-]+))"[^>]*>(\d+)</.exec(grid)!;
    expect(link).not.toBeNull();
    const cell = await get(f, link[1]!.replace(/&amp;/g, '&'), f.cookies.lead);
    expect(cell.status).toBe(200);
    expect((cell.html.match(/<li><a href="\/reps\/\d+">/g) ?? []).length).toBe(Number(link[4]));
    // Plain words first: q and the interval only inside the toggle.
    const beforeToggle = grid.slice(0, grid.indexOf('<details'));
    expect(beforeToggle).not.toMatch(/ρ|q = /);
    expect(grid).toMatch(/<details class="numbers">[\s\S]*q = /);

    const top = await region(f, 'home-top-gaps', f.cookies.lead);
    expect((top.match(/<li><a href="\/reps\/\d+">/g) ?? []).length).toBe(5);
    expect((text(top).match(/80% interval [^,]+, n = \d+ answers on the CPI/g) ?? []).length).toBe(5);
    const training = await region(f, 'home-training', f.cookies.lead);
    expect(text(training)).toContain('Training results, 2026-Q2');
  });

  it('gives a trainer the week, the reps to coach next and sessions due; a cell of another team is 404', async () => {
    const res = await get(f, '/', f.cookies.trainer);
    expect(res.status).toBe(200);
    expect(res.html).toContain('data-home="trainer"');
    expect(res.html).toContain('data-testid="home-week"');
    expect(res.html).toContain('data-testid="home-due"');
    const next = await region(f, 'home-next', f.cookies.trainer);
    expect((next.match(/class="home-card"/g) ?? []).length).toBe(3);
    // Each rep either has a session planned in the skill or a link to plan one, rep and skill filled in.
    expect(
      (
        next.match(
          /Session planned for \d{4}-\d{2}-\d{2}|href="\/coaching\/sessions\/new\?rep=\d+&amp;skill=[a-z-]+"/g,
        ) ?? []
      ).length,
    ).toBe(3);
    expect(next).not.toContain('DACH');
    expect((await get(f, `/home/gap-reps?team=${f.teams.DACH}&skill=discovery`, f.cookies.trainer)).status).toBe(404);
    expect((await get(f, `/home/gap-reps?team=${f.teams.Iberia}&skill=nope`, f.cookies.trainer)).status).toBe(404);
    expect((await get(f, `/home/gap-reps?skill=discovery`, f.cookies.trainer)).status).toBe(404);
  });

  it('speaks Spanish to a Spanish-speaking trainer, and shows an admin the setup checklist while setup is not done', async () => {
    const trainer = Number(
      (await f.t.db.readClient.execute("SELECT id FROM staff_users WHERE email = 'trainer@demo.cpilens.test'")).rows[0]
        ?.id,
    );
    await setLocale(f.t, trainer, 'es');
    try {
      const page = text((await get(f, '/', f.cookies.trainer)).html);
      for (const words of ['Inicio', 'Esta semana', 'Próximo coaching', 'Seguimientos pendientes'])
        expect(page).toContain(words);
      expect(text(await region(f, 'home-next', f.cookies.trainer))).toMatch(/Habilidad: /);
    } finally {
      await setLocale(f.t, trainer, 'en');
    }
    const admin = await get(f, '/', f.cookies.admin);
    expect(admin.status).toBe(200);
    expect(admin.html).toContain('data-home="admin"');
    expect(admin.html).toContain('data-testid="setup-banner"');
    expect(unlabelledControls(admin.html)).toEqual([]);
  });

  it('sends old overview links (`/?period=…&team=…`) to /overview with the same query', async () => {
    const res = await get(f, `/?period=2026-Q3&team=${f.teams.Iberia}`, f.cookies.lead);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`/overview?period=2026-Q3&team=${f.teams.Iberia}`);
  });
});

describe('home rules', () => {
  const link = (skill: string, cpi: string, tier: LinkResult['tier'], estimate: number, se: number) =>
    ({ skill, cpi, tier, estimate, se }) as LinkResult;

  it('labels a skill by its strongest link: best tier, then the largest |β/se|', () => {
    const links = [
      link('a', 'fcr', 'no-evidence', 0.5, 0.1),
      link('a', 'addedValue', 'exploratory', 0.1, 0.1),
      link('a', 'decisionClearer', 'exploratory', 0.3, 0.1),
      link('b', 'fcr', 'insufficient', 0, 0),
    ];
    expect(strongestLink(links, 'a')?.cpi).toBe('decisionClearer');
    expect(strongestLink(links, 'b')?.tier).toBe('insufficient');
    expect(strongestLink(links, 'c')).toBeNull();
  });

  it('counts only a rep’s three largest actionable gaps', () => {
    const gap = (skill: string, score: number, label: string | null = 'untrained') => ({
      skill,
      cpi: 'fcr',
      score,
      lower: null,
      upper: null,
      label,
      lowConfidence: false,
      missingScore: false,
      contributions: [],
    });
    const rep = {
      gaps: [gap('a', 0.1), gap('b', 0.5), gap('c', 0.3), gap('d', 0.9, null), gap('e', 0.2), gap('f', -1)],
    } as unknown as RepAnalysis;
    expect(largestGapsOf(rep).map((g) => g.skill)).toEqual(['b', 'c', 'e']);
  });

  it('puts today and the six days after on the agenda; earlier planned sessions are due, and coaching whose after window just ended', () => {
    const now = Date.UTC(2026, 10, 20, 10); // Friday
    expect(agendaWeek(now)).toEqual({ from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 27) });
    const session = (id: number, plannedFor: number, status = 'planned') => ({
      id,
      plannedFor,
      completedAt: status === 'done' ? plannedFor : null,
      status,
      skillName: 'S',
    });
    const plan = {
      computing: false,
      reps: [
        {
          name: 'Ann',
          team: 'T',
          status: 'gap',
          sessions: [
            session(1, Date.UTC(2026, 10, 23, 9)),
            session(2, Date.UTC(2026, 10, 18, 9)),
            session(3, Date.UTC(2026, 10, 20, 9), 'done'),
            session(4, Date.UTC(2026, 10, 30, 9)),
            // Done in July: August–October, its follow-up's after window, ended with October.
            session(5, Date.UTC(2026, 6, 31, 9), 'done'),
            session(6, Date.UTC(2026, 5, 30, 9), 'done'),
            session(7, Date.UTC(2026, 7, 1, 9), 'done'),
          ],
        },
      ],
    } as unknown as CoachingPlan;
    const week = trainerWeek(plan, now);
    expect(week.days.map((d) => d.sessions.map((s) => s.session.id))).toEqual([[], [], [], [1], [], [], []]);
    expect(week.due.map((s) => s.session.id)).toEqual([2]);
    expect(week.toCheck.map((s) => s.session.id)).toEqual([5]);
    expect(week.next).toHaveLength(1);
  });
});
