/**
 * The role homes in real Chromium on the demo workspace (issue 17): a lead and a trainer
 * sign in and land on their home; at 1280×800 the lead sees the team × skill grid and the
 * training results without scrolling, the trainer this week's agenda and three reps to coach
 * with a customer quote on the gap's CPI; no ρ or q shows until a toggle is opened; no
 * sideways scrolling at 390 px; axe-core finds no serious or critical violation.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  collectPageErrors,
  describeBrowser,
  launchBrowser,
  saveScreenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { loadConfig } from '../../src/config';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { createClock } from '../../src/lib/clock';
import { DEMO_LOGINS, loadDemoWorkspace } from '../../db/demo';

const NOW = '2026-11-20T10:00:00Z';
const lead = DEMO_LOGINS.find((l) => l.role === 'lead')!;
const trainer = DEMO_LOGINS.find((l) => l.role === 'trainer')!;

async function demoDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'demo.db');
  const config = loadConfig({
    BASE_URL: 'http://127.0.0.1',
    DATABASE_URL: `file:${dbPath}`,
    SEND_INTERVAL_SECONDS: '0',
    NOW,
  });
  const db = await createDb({ url: config.databaseUrl, writeDeadlineMs: config.writeDeadlineMs });
  try {
    await migrate(db.adminClient);
    await loadDemoWorkspace({ config, db, clock: createClock(NOW), wakeSender: () => {} });
  } finally {
    await db.close();
  }
  return dbPath;
}

/** Signs in at /login and lands on the home (`/`). */
async function signIn(page: Page, baseUrl: string, login: { email: string; password: string }) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(login.email);
  await page.locator('input[name="password"]').fill(login.password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.locator('form button[type="submit"]').click()]);
}

/** The text a reader sees without opening any toggle (closed <details> hide all but their summary). */
const visibleText = (page: Page) => page.evaluate('document.querySelector("main").innerText') as Promise<string>;

/** ρ, or q as a statistic ("q = 0.03", "q 0.03"). */
const STATISTICS = /ρ|\bq\s*[=<≤]|\bq\s+\d/;

/** Waits until no region of the page is still asking for its analysis. */
async function settled(page: Page) {
  await expect
    .poll(() => page.locator('[data-analysis="computing"]').count(), { timeout: 60_000, interval: 500 })
    .toBe(0);
  await page.waitForLoadState('networkidle');
}

/** The element's top `height` px (all of it when null) lie inside the first screen. */
const inFirstScreen = async (page: Page, selector: string, height: number | null = 120) => {
  const box = await page.locator(selector).boundingBox();
  const viewport = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + Math.min(box.height, height ?? box.height) <= viewport.height;
};

describeBrowser('role homes in a browser', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-lens-homes-'));
    const dbPath = await demoDatabase(dir);
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: `file:${dbPath}`, NOW }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a lead lands on the home: CPI tiles, the team × skill grid and training results in the first screen, numbers behind toggles', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await signIn(page, server.baseUrl, lead);
      expect(await page.locator('[data-home="lead"]').count()).toBe(1);
      await settled(page);
      await saveScreenshot(page, 'home-lead-1280');

      expect(await page.locator('.home-tile').count()).toBe(5);
      expect(await page.locator('.home-tile a').first().getAttribute('href')).toMatch(/^\/reps\?sort=/);
      const grid = page.locator('[data-testid="team-skill-grid"]');
      expect(await grid.locator('tbody tr').count()).toBe(3);
      expect(await grid.locator('thead th[data-skill]').count()).toBe(6);
      // The whole grid, and the training results' heading with their first card.
      expect(await inFirstScreen(page, '[data-testid="team-skill-grid"]', null)).toBe(true);
      expect(await inFirstScreen(page, '#home-training .home-card >> nth=0', null)).toBe(true);
      expect(await page.locator('#home-training h2').textContent()).toMatch(/Training results, 2026-Q\d/);
      expect(await page.locator('[data-testid="home-top-gaps"] li').count()).toBe(5);

      // Plain words first: no ρ or q until a toggle is opened.
      expect(await visibleText(page)).not.toMatch(STATISTICS);
      for (const summary of await page.locator('details.numbers > summary').all()) await summary.click();
      expect(await visibleText(page)).toMatch(/q = /);

      // A cell leads to the reps it counts.
      const cell = grid.locator('td a').first();
      const count = Number(await cell.textContent());
      await Promise.all([page.waitForURL(/\/home\/gap-reps\?team=\d+&skill=/), cell.click()]);
      expect(await page.locator('[data-testid="gap-reps"] > li').count()).toBe(count);
      expect(errors.errors.filter((e) => !e.includes('favicon'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a trainer lands on this week: the next seven days by day, three reps to coach with a quote on the gap’s CPI, follow-ups due', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, trainer);
      expect(await page.locator('[data-home="trainer"]').count()).toBe(1);
      await settled(page);
      await saveScreenshot(page, 'home-trainer-1280');
      const week = page.locator('[data-testid="home-week"]');
      // Today (a Friday) and the six days after: the session the demo trainer planned for Monday is on it.
      expect(await week.locator('.home-agenda > li').count()).toBe(7);
      expect(await week.locator('.home-agenda > li').first().getAttribute('data-day')).toBe('2026-11-20');
      expect(await week.locator('.home-agenda [data-session]').count()).toBeGreaterThanOrEqual(1);
      expect(await week.locator('li[data-day="2026-11-23"] [data-session]').count()).toBe(1);
      expect(await inFirstScreen(page, '[data-testid="home-week"]')).toBe(true);
      const next = page.locator('[data-testid="home-next"] .home-card');
      expect(await next.count()).toBe(3);
      expect(await page.locator('[data-testid="home-next"] [data-testid="home-quote"]').count()).toBe(3);
      // Each rep names a skill and the CPI its quote comes from (a low answer on that CPI).
      for (const card of await next.all()) {
        expect(await card.getAttribute('data-skill')).toBeTruthy();
        expect(await card.getAttribute('data-cpi')).toBeTruthy();
      }
      expect(await page.locator('[data-testid="home-due"] h2').textContent()).toBe('Follow-ups due');
      // The demo's July coaching: its three months after (August–October) ended with October.
      expect(await page.locator('[data-testid="home-due"] [data-check="follow-up"]').count()).toBeGreaterThanOrEqual(1);
      expect(await visibleText(page)).not.toMatch(STATISTICS);
    } finally {
      await context.close();
    }
  });

  it('does not scroll sideways at 390 px and has no serious or critical axe-core violations', async () => {
    for (const login of [lead, trainer]) {
      const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 390, height: 844 } });
      try {
        const page = await context.newPage();
        await signIn(page, server.baseUrl, login);
        await settled(page);
        await saveScreenshot(page, `home-${login.role}-390`);
        const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
        expect(scrollWidth, `${login.role} home at 390 px`).toBeLessThanOrEqual(390);
        await page.setViewportSize({ width: 1280, height: 800 });
        const serious = await seriousAxeViolations(page);
        expect(serious, `${login.role} home: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('keeps old overview links: /?period=… goes to /overview with the same query', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await signIn(page, server.baseUrl, lead);
      await page.goto('/?period=2026-Q3', { waitUntil: 'networkidle' });
      expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/overview?period=2026-Q3');
      expect(await page.locator('#overview-heading').textContent()).toContain('2026-Q3');
    } finally {
      await context.close();
    }
  });
});
