/**
 * The analysis pages in real Chromium against the real server on the demo workspace: the
 * rep page, the skill-gap analysis and the content library at 1280 px and 390 px
 * (screenshots in test-output/screenshots/), axe-core with no serious or critical
 * violations, no sideways page scroll on a phone, htmx filters that change the URL, and no
 * console errors (a CSP violation would be one).
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
import { loadDemoWorkspace } from '../../db/demo';

/** Loads the demo into a fresh database file before the server opens it (data ends now, as the server's clock). */
async function demoDatabase(): Promise<{ dir: string; url: string; repId: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-lens-analysis-browser-'));
  const url = `file:${join(dir, 'demo.db')}`;
  const config = loadConfig({ BASE_URL: 'http://127.0.0.1', DATABASE_URL: url, SEND_INTERVAL_SECONDS: '0' });
  const db = await createDb({ url, writeDeadlineMs: config.writeDeadlineMs });
  try {
    await migrate(db.adminClient);
    await loadDemoWorkspace({ config, db, clock: createClock(), wakeSender: () => {} });
    const found = await db.readClient.execute("SELECT id FROM reps WHERE name = 'Lucía Fernández'");
    return { dir, url, repId: Number(found.rows[0]?.id) };
  } finally {
    await db.close();
  }
}

const pageWidth = async (page: Page) => Number(await page.evaluate('document.documentElement.scrollWidth'));

describeBrowser('analysis pages in a browser (demo workspace)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: ReturnType<typeof collectPageErrors>;
  let demo: { dir: string; url: string; repId: number };

  beforeAll(async () => {
    demo = await demoDatabase();
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: demo.url }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    errors = collectPageErrors(page);
    await page.goto('/login');
    await page.locator('input[name="email"]').fill('lead@demo.cpilens.test');
    await page.locator('input[name="password"]').fill('demo-lead-pass');
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form button[type="submit"]').first().click(),
    ]);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    if (demo) rmSync(demo.dir, { recursive: true, force: true });
  });

  /** Visits a page at a width: screenshot, no sideways scroll on a phone, no serious axe violations. */
  async function check(path: string, name: string, width: number) {
    await page.setViewportSize({ width, height: width > 600 ? 900 : 844 });
    const response = await page.goto(path, { waitUntil: 'load' });
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, `${name}-${width}`);
    if (width <= 390) expect(await pageWidth(page), `${path} page width at ${width} px`).toBeLessThanOrEqual(width);
    expect(await seriousAxeViolations(page), `axe on ${path} at ${width} px`).toEqual([]);
  }

  it('shows the rep page at 1280 px and 390 px, accessible and without sideways scrolling', {
    timeout: 120_000,
  }, async () => {
    errors.clear();
    await check(`/reps/${demo.repId}`, 'rep', 1280);
    await expect.poll(() => page.locator('#trend-fcr svg').isVisible()).toBe(true);
    // The gaps section fills itself in once the period's analysis is computed.
    await expect.poll(() => page.locator('#rep-gaps [data-testid="rep-gaps"]').count(), { timeout: 90_000 }).toBe(1);
    await check(`/reps/${demo.repId}`, 'rep', 390);
    expect(errors.errors).toEqual([]);
  });

  it('shows the gap analysis at 1280 px and 390 px, accessible and without sideways scrolling; while computed, the region fills itself in', {
    timeout: 120_000,
  }, async () => {
    errors.clear();
    // The first visit may find the period's analysis still being computed: the region asks again by itself (htmx).
    await check('/gaps', 'gaps', 1280);
    await expect
      .poll(() => page.locator('[data-skill="product-knowledge"][data-cpi="fcr"][data-tier="finding"]').count(), {
        timeout: 90_000,
      })
      .toBe(1);
    expect(await page.locator('[data-analysis="computing"]').count()).toBe(0);
    await expect
      .poll(() => page.locator('.computed-note').textContent())
      .toMatch(/Computed at \d{4}-\d\d-\d\d \d\d:\d\d UTC\./);
    await check('/gaps', 'gaps', 390);
    expect(errors.errors).toEqual([]);
  });

  it('opens a link’s figures from the keyboard; before that only plain labels show', { timeout: 120_000 }, async () => {
    errors.clear();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto('/gaps');
    await page.waitForLoadState('networkidle');
    const cell = page.locator('td.link-cell[data-skill="product-knowledge"][data-cpi="fcr"]');
    await expect.poll(() => cell.count(), { timeout: 90_000 }).toBe(1);
    expect(await cell.locator('.badge').textContent()).toBe('clear link');
    expect(await cell.locator('details dl').isVisible()).toBe(false);
    await cell.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => cell.locator('details dl').isVisible()).toBe(true);
    expect(await cell.locator('details dl').textContent()).toContain('Change per SD of skill');
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors.errors).toEqual([]);
  });

  it('shows the content library at 390 px and 1280 px, accessible and without sideways scrolling', async () => {
    errors.clear();
    await check('/content', 'content', 390);
    await check('/content', 'content', 1280);
    expect(errors.errors).toEqual([]);
  });

  it('applies the rep page filters with htmx: the region changes and the URL holds the filters', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/reps/${demo.repId}`);
    await page.waitForLoadState('networkidle');
    await page.locator('#rep-filters-type').selectOption('call');
    await page.waitForURL(/type=call/);
    await expect
      .poll(() => page.locator('[data-testid="period-note"]').textContent())
      .toContain('only Call interactions');
    expect(await page.locator('h1').count()).toBe(1);
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('type=call'));
    await expect
      .poll(() => page.locator('[data-testid="period-note"]').textContent())
      .toContain('all interaction types');
  });

  it('switches the quadrant chart’s CPI with htmx, and the team filter keeps it', async () => {
    await page.goto('/gaps');
    await page.waitForLoadState('networkidle');
    await expect.poll(() => page.locator('#quadrant-cpi').count(), { timeout: 90_000 }).toBe(1);
    await page.locator('#quadrant-cpi').selectOption('decisionClearer');
    await page.waitForURL(/cpi=decisionClearer/);
    await expect.poll(() => page.locator('#quadrant .chart-title').textContent()).toContain('Decision clarity');
    expect(await page.locator('#gaps-filter-cpi').inputValue()).toBe('decisionClearer');
    await page.locator('#gaps-filters-team').selectOption({ label: 'DACH' });
    await page.waitForURL(/team=\d+/);
    await expect.poll(() => page.locator('[data-testid="period-note"]').textContent()).toContain('team DACH');
    expect(new URL(page.url()).searchParams.get('cpi')).toBe('decisionClearer');
    await expect
      .poll(() => page.locator('#quadrant .chart-title').textContent(), { timeout: 90_000 })
      .toContain('Decision clarity');
  });

  it('searches the content library as you type, keeping the search in the URL', async () => {
    errors.clear();
    await page.goto('/content');
    await page.waitForLoadState('networkidle');
    await page.locator('#content-filters-q').pressSequentially('case study', { delay: 20 });
    await page.waitForURL(/q=case(\+|%20)study/);
    await expect.poll(() => page.locator('[data-testid="content-library"] tbody tr').count()).toBe(2);
    expect(await page.locator('#content-filters-q').inputValue()).toBe('case study');
    expect(errors.errors).toEqual([]);
  });
});
