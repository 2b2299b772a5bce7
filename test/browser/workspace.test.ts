/**
 * The lead workspace in real Chromium against the real server on the demo workspace:
 * filters applied with htmx change the URL and the back button brings the previous view
 * back; heatmap tips open on keyboard focus; screenshots at 1280 and 390 px; no sideways
 * scrolling on a phone; axe-core finds no serious or critical violations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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

/** Loads the demo workspace into a database file before the server opens it (as `npm run demo` does). */
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

async function signIn(page: Page, baseUrl: string) {
  await page.goto('/login');
  await page.locator('input[name="email"]').fill(lead.email);
  await page.locator('input[name="password"]').fill(lead.password);
  await Promise.all([page.waitForURL(`${baseUrl}/`), page.locator('form button[type="submit"]').click()]);
}

describeBrowser('lead workspace in a browser', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: ReturnType<typeof collectPageErrors>;
  let faviconMisses = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-lens-workspace-'));
    const dbPath = await demoDatabase(dir);
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: `file:${dbPath}`, NOW }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
    // Chromium asks for /favicon.ico on every page load, and there is none (not a page error).
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.endsWith('/favicon.ico')) faviconMisses++;
    });
    await signIn(page, server.baseUrl);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const heading = () => page.locator('#overview-heading');

  it('filters to one team and a quarter with htmx, pushing the URL; the back button restores the previous view', async () => {
    await page.goto('/overview', { waitUntil: 'networkidle' });
    await expect.poll(() => heading().textContent()).toContain('All teams · Last 12 months');
    // A marker on the window survives an htmx swap but not a page load.
    await page.evaluate('window.__samePage = true');
    await page.locator('#overview-filters-team').selectOption({ label: 'DACH' });
    await page.locator('#overview-filters-period').selectOption('2026-Q3');
    await Promise.all([
      page.waitForURL(/\?team=\d+&period=2026-Q3/),
      page.getByRole('button', { name: 'Apply filters' }).click(),
    ]);
    await expect.poll(() => heading().textContent()).toContain('DACH · 2026-Q3 · All interaction types');
    expect(await page.evaluate('window.__samePage === true')).toBe(true);
    expect(new URL(page.url()).searchParams.get('period')).toBe('2026-Q3');

    await page.goBack();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(() => heading().textContent()).toContain('All teams · Last 12 months');
    // The whole page came back (history cache off: htmx reloads it), with the form as the URL says.
    await expect.poll(() => page.locator('h1[data-testid="home-title"]').isVisible()).toBe(true);
    expect(await page.locator('#overview-filters-team').inputValue()).toBe('');
    expect(await page.locator('#overview-filters-period').inputValue()).toBe('12m');

    await page.goForward();
    await expect.poll(() => heading().textContent()).toContain('DACH · 2026-Q3');
    expect(await page.locator('#overview-filters-team option:checked').textContent()).toBe('DACH');
    expect(pageErrors.errors.length).toBe(faviconMisses);
  });

  it('sorts the heatmap by a column link and opens a cell’s tip on keyboard focus', async () => {
    await page.goto('/reps', { waitUntil: 'networkidle' });
    await Promise.all([page.waitForURL(/sort=fcr&dir=desc/), page.locator('thead a[href*="sort=fcr"]').click()]);
    await expect.poll(() => page.locator('th[aria-sort="descending"]').count()).toBe(1);
    expect(await page.locator('#reps-filters input[name="sort"]').inputValue()).toBe('fcr');
    const cell = page.locator('td.heat').first();
    await cell.focus();
    const tip = page.locator(`#${await cell.getAttribute('aria-describedby')}`);
    await expect.poll(() => tip.isVisible()).toBe(true);
    expect(await tip.textContent()).toMatch(/n = \d+/);
  });

  it('takes screenshots at 1280 px and 390 px without sideways scrolling on a phone', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      for (const [name, path] of [
        ['overview', '/overview'],
        ['heatmap', '/reps'],
        ['targets', '/targets'],
      ] as const) {
        await page.goto(path, { waitUntil: 'networkidle' });
        if (name !== 'targets') await saveScreenshot(page, `${name}-${width}`);
        const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
        expect(scrollWidth, `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('has no serious or critical axe-core violations on the overview, targets and heatmap pages', async () => {
    const axeContext = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const axePage = await axeContext.newPage();
      await signIn(axePage, server.baseUrl);
      for (const path of ['/overview', '/overview?period=2026-Q3&type=quote', '/targets', '/reps']) {
        await axePage.goto(path, { waitUntil: 'networkidle' });
        const serious = await seriousAxeViolations(axePage);
        expect(serious, `${path}: ${JSON.stringify(serious, null, 1)}`).toEqual([]);
      }
    } finally {
      await axeContext.close();
    }
  });
});
