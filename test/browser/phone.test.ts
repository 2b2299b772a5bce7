/**
 * Every staff page on a phone (390×844) in real Chromium against the real server on the demo
 * workspace, signed in as the lead, the trainer and the admin: the menu folds into one bar
 * and opens without script, the overview's filters fold behind one button and its first CPI
 * tile is above the fold; no page is taller than 6,000 px or scrolls sideways; chart text is
 * drawn at 11 px or more and no two labels of a chart overlap; no ρ or q shows until a
 * toggle is opened; axe-core finds no serious or critical violation.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, launchBrowser, seriousAxeViolations } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { loadConfig } from '../../src/config';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { createClock } from '../../src/lib/clock';
import { DEMO_LOGINS, loadDemoWorkspace } from '../../db/demo';

const NOW = '2026-11-20T10:00:00Z';
const PHONE = { width: 390, height: 844 };
const MAX_HEIGHT = 6000;
const MIN_CHART_TEXT_PX = 11;

type Role = (typeof DEMO_LOGINS)[number]['role'];

/** The demo workspace in a database file, and a rep of the trainer's team (Iberia). */
async function demoDatabase(dir: string): Promise<{ url: string; repId: number }> {
  const url = `file:${join(dir, 'demo.db')}`;
  const config = loadConfig({ BASE_URL: 'http://127.0.0.1', DATABASE_URL: url, SEND_INTERVAL_SECONDS: '0', NOW });
  const db = await createDb({ url, writeDeadlineMs: config.writeDeadlineMs });
  try {
    await migrate(db.adminClient);
    await loadDemoWorkspace({ config, db, clock: createClock(NOW), wakeSender: () => {} });
    const found = await db.readClient.execute(
      "SELECT reps.id FROM reps JOIN teams ON teams.id = reps.team_id WHERE teams.name = 'Iberia' ORDER BY reps.id LIMIT 1",
    );
    return { url, repId: Number(found.rows[0]?.id) };
  } finally {
    await db.close();
  }
}

/** What one page looks like on the phone, measured in the page. */
interface Measure {
  height: number;
  scrollWidth: number;
  /** Chart texts drawn smaller than the minimum: "chart id: text (px)". */
  smallText: string[];
  /** Pairs of chart texts whose boxes overlap: "chart id: a / b". */
  overlaps: string[];
  /** Visible text showing ρ or a q-value outside any closed toggle. */
  statistics: string[];
  /** Interval and method words in view (reported, not checked: test-output/phone-report.json). */
  jargon: string[];
}

/** Runs in the page (a string, so no transpiled helpers leak into it). */
const MEASURE = `(() => {
  const min = ${MIN_CHART_TEXT_PX};
  const smallText = [];
  const overlaps = [];
  for (const svg of document.querySelectorAll('svg')) {
    if (!svg.checkVisibility()) continue;
    const chart = svg.closest('figure, section, [id]');
    const name = (chart && chart.id) || svg.getAttribute('aria-label') || 'svg';
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const box = svg.getBoundingClientRect();
    const scale = vb && vb.width ? Math.min(box.width / vb.width, box.height / vb.height) : 1;
    const texts = [...svg.querySelectorAll('text')].filter((t) => t.checkVisibility() && t.textContent.trim());
    for (const t of texts) {
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < min - 0.05) smallText.push(name + ': ' + t.textContent + ' (' + px.toFixed(1) + ' px)');
    }
    const rects = texts.map((t) => t.getBoundingClientRect());
    for (let i = 0; i < rects.length; i++)
      for (let j = i + 1; j < rects.length; j++) {
        const a = rects[i], b = rects[j];
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0.5 && h > 0.5) overlaps.push(name + ': ' + texts[i].textContent + ' / ' + texts[j].textContent);
      }
  }
  const statistics = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const pattern = /ρ|\\bq\\s*[=<≤]|\\bq-value/;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent || '';
    if (!pattern.test(text)) continue;
    const el = node.parentElement;
    if (!el || !el.checkVisibility() || el.closest('.visually-hidden, title')) continue;
    statistics.push(text.trim().slice(0, 80));
  }
  const jargon = [];
  const words = /interval|Benjamini|bootstrap|exploratory|regression|p-value|\bps*[=<]/i;
  const walker2 = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker2.nextNode(); node; node = walker2.nextNode()) {
    const text = node.textContent || '';
    const el = node.parentElement;
    if (!words.test(text) || !el || !el.checkVisibility() || el.closest('.visually-hidden, title, script')) continue;
    jargon.push(text.trim().slice(0, 100));
  }
  return {
    jargon,
    height: document.documentElement.scrollHeight,
    scrollWidth: document.documentElement.scrollWidth,
    smallText,
    overlaps,
    statistics,
  };
})()`;

describeBrowser('staff pages on a phone (390×844, demo workspace)', () => {
  let dir: string;
  let repId: number;
  let server: TestServer;
  let browser: Browser;
  const contexts = new Map<Role, BrowserContext>();
  const heights: string[] = [];
  const report: Record<string, unknown> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-lens-phone-'));
    const demo = await demoDatabase(dir);
    repId = demo.repId;
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: demo.url, NOW }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
  }, 180_000);

  afterAll(async () => {
    if (heights.length) {
      console.log(`[phone] page heights at 390 px:\n${heights.join('\n')}`);
      mkdirSync('test-output', { recursive: true });
      writeFileSync(join('test-output', 'phone-report.json'), JSON.stringify(report, null, 2));
    }
    for (const context of contexts.values()) await context.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function signedIn(role: Role): Promise<Page> {
    let context = contexts.get(role);
    if (!context) {
      context = await browser.newContext({ baseURL: server.baseUrl, viewport: PHONE });
      contexts.set(role, context);
      const page = await context.newPage();
      const login = DEMO_LOGINS.find((l) => l.role === role)!;
      await page.goto('/login');
      await page.locator('input[name="email"]').fill(login.email);
      await page.locator('input[name="password"]').fill(login.password);
      await Promise.all([
        page.waitForURL((url) => url.pathname !== '/login'),
        page.locator('form button[type="submit"]').first().click(),
      ]);
      await page.close();
    }
    const page = await context.newPage();
    collectPageErrors(page);
    return page;
  }

  /** Opens a page, waits for its analyses to be filled in, and measures it. */
  async function visit(page: Page, path: string): Promise<Measure> {
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    await expect
      .poll(() => page.locator('[data-analysis="computing"]').count(), { timeout: 90_000, message: `${path} computed` })
      .toBe(0);
    await page.waitForLoadState('networkidle');
    return (await page.evaluate(MEASURE)) as Measure;
  }

  async function checkPage(role: Role, page: Page, path: string) {
    const m = await visit(page, path);
    heights.push(`${role.padEnd(8)} ${path.padEnd(40)} ${m.height} px`);
    const axe = await seriousAxeViolations(page);
    report[`${role} ${path}`] = { ...m, axe };
    expect.soft(m.scrollWidth, `${path} (${role}) scrolls sideways`).toBeLessThanOrEqual(PHONE.width);
    expect.soft(m.height, `${path} (${role}) height at 390 px`).toBeLessThanOrEqual(MAX_HEIGHT);
    expect.soft(m.smallText, `${path} (${role}) chart text below ${MIN_CHART_TEXT_PX} px`).toEqual([]);
    expect.soft(m.overlaps, `${path} (${role}) overlapping chart labels`).toEqual([]);
    expect.soft(m.statistics, `${path} (${role}) statistics shown before a toggle is opened`).toEqual([]);
    expect.soft(axe, `axe on ${path} (${role})`).toEqual([]);
  }

  async function checkPages(role: Role, paths: string[]) {
    const page = await signedIn(role);
    try {
      for (const path of paths) await checkPage(role, page, path);
    } finally {
      await page.close();
    }
  }

  it('folds the menu into one bar that opens without script and from the keyboard', { timeout: 60_000 }, async () => {
    const page = await signedIn('lead');
    await page.route('**/assets/*.js', (route) => route.abort());
    await page.goto('/');
    const menu = page.locator('details.menu');
    const bar = await page.locator('header.topbar').boundingBox();
    expect(bar?.height ?? 0, 'the top bar on a phone').toBeLessThanOrEqual(64);
    expect(await page.getByRole('link', { name: 'Skill gaps', exact: true }).isVisible()).toBe(false);
    await menu.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('link', { name: 'Skill gaps', exact: true }).isVisible()).toBe(true);
    await page.close();
  });

  it('folds the overview filters behind one button naming the period and team; the first CPI tile is above the fold', {
    timeout: 120_000,
  }, async () => {
    const page = await signedIn('lead');
    await visit(page, '/overview');
    const filters = page.locator('details.filters-fold').first();
    expect(await filters.locator('summary').textContent()).toMatch(/Filters: .*Last 12 months.*All teams/);
    expect(await page.locator('#overview-filters-period').isVisible()).toBe(false);
    const tile = await page.locator('.tile, [data-cpi-tile]').first().boundingBox();
    expect(tile, 'a CPI tile').not.toBeNull();
    expect(tile!.y, 'the first CPI tile starts above the fold').toBeLessThan(PHONE.height - 80);
    await filters.locator('summary').click();
    expect(await page.locator('#overview-filters-period').isVisible()).toBe(true);
    // Applied with htmx (only the results are swapped), the summary follows the form.
    await page.locator('#overview-filters-team').selectOption({ label: 'DACH' });
    await Promise.all([page.waitForURL(/team=\d+/), page.getByRole('button', { name: 'Apply filters' }).click()]);
    await expect.poll(() => filters.locator('summary').textContent()).toMatch(/Filters: .*Last 12 months.*DACH/);
    await page.close();
  });

  it('keeps every lead page short, narrow, legible and plain at 390 px', { timeout: 600_000 }, async () => {
    const page = await signedIn('lead');
    const effect = await (async () => {
      await visit(page, '/training');
      return page.locator('a[href^="/training/effect"]').first().getAttribute('href');
    })();
    await page.close();
    await checkPages('lead', [
      '/',
      '/overview',
      '/reps',
      `/reps/${repId}`,
      '/gaps',
      '/training',
      ...(effect ? [effect] : []),
      '/coaching',
      '/content',
      '/follow-ups',
      '/targets',
      '/interactions/new',
      '/account',
    ]);
  });

  it('keeps every trainer page short, narrow, legible and plain at 390 px', { timeout: 600_000 }, async () => {
    await checkPages('trainer', [
      '/',
      '/overview',
      '/reps',
      `/reps/${repId}`,
      '/gaps',
      '/training',
      '/coaching',
      '/content',
    ]);
  });

  it('keeps every admin page short and without sideways scrolling at 390 px', { timeout: 600_000 }, async () => {
    await checkPages('admin', [
      '/admin',
      '/admin/setup',
      '/admin/users',
      '/admin/teams',
      '/admin/reps',
      '/admin/skills',
      '/admin/content',
      '/admin/api-keys',
      '/admin/webhooks',
      '/admin/rules',
      '/admin/mail',
      '/admin/outbox',
      '/admin/suppressions',
      '/admin/imports',
      '/admin/privacy',
      '/admin/audit',
    ]);
  });
});
