/**
 * Reports to share (issue 17): the staff pages a lead prints — the landing page, the gap
 * analysis and the training results — printed by real Chromium (`page.pdf`, A4) on the demo
 * workspace fit on at most two pages each, without navigation or filters, and open with the
 * print header (team, period, date) that the screen does not show.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeBrowser, launchBrowser } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { loadConfig } from '../../src/config';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { createClock } from '../../src/lib/clock';
import { loadDemoWorkspace } from '../../db/demo';

async function demoDatabase(): Promise<{ dir: string; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'cpi-lens-print-'));
  const url = `file:${join(dir, 'demo.db')}`;
  const config = loadConfig({ BASE_URL: 'http://127.0.0.1', DATABASE_URL: url, SEND_INTERVAL_SECONDS: '0' });
  const db = await createDb({ url, writeDeadlineMs: config.writeDeadlineMs });
  try {
    await migrate(db.adminClient);
    await loadDemoWorkspace({ config, db, clock: createClock(), wakeSender: () => {} });
    return { dir, url };
  } finally {
    await db.close();
  }
}

/** Pages of a PDF as Chromium writes it: one `/Type /Page` object each (`/Type /Pages` is the tree). */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

describeBrowser('printing shared reports (demo workspace, A4)', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let demo: { dir: string; url: string } | undefined;

  beforeAll(async () => {
    demo = await demoDatabase();
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: demo.url }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
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

  /** How many elements matching a selector take up room on the page. */
  const shown = async (selector: string) =>
    Number(
      await page.evaluate(
        `[...document.querySelectorAll(${JSON.stringify(selector)})].filter((el) => el.getClientRects().length > 0).length`,
      ),
    );

  /** Opens a page, waits until it is complete, checks the print header, and prints it. */
  async function print(path: string, ready: string): Promise<number> {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.locator(ready).first().waitFor({ state: 'attached', timeout: 90_000 });
    await page.waitForLoadState('networkidle');
    const header = page.locator('.print-header').first();
    expect(await header.isVisible(), `${path}: the print header is hidden on screen`).toBe(false);
    await page.emulateMedia({ media: 'print' });
    try {
      expect(await header.isVisible(), `${path}: the print header shows on paper`).toBe(true);
      const text = (await header.textContent()) ?? '';
      expect(text).toMatch(/Team/);
      expect(text).toMatch(/Period/);
      expect(text).toMatch(/Printed\s*\d{4}-\d\d-\d\d/);
      for (const hidden of ['.topbar', 'nav', 'form', 'button', 'summary'])
        expect(await shown(hidden), `${path}: ${hidden} on paper`).toBe(0);
    } finally {
      await page.emulateMedia({ media: null });
    }
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    return pdfPageCount(pdf);
  }

  it('prints the landing page on at most two A4 pages', { timeout: 120_000 }, async () => {
    const pages = await print('/', '.print-header');
    console.log(`[print] / → ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('prints the overview on at most two A4 pages', { timeout: 120_000 }, async () => {
    const pages = await print('/overview', '.print-header');
    console.log(`[print] /overview → ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('prints the gap analysis on at most two A4 pages', { timeout: 180_000 }, async () => {
    // The first visit may start the period's analysis; the page fills itself in when it is done.
    await page.goto('/gaps');
    await page.locator('td.link-cell').first().waitFor({ state: 'attached', timeout: 150_000 });
    const pages = await print('/gaps', 'td.link-cell');
    console.log(`[print] /gaps → ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });

  it('prints the training results on at most two A4 pages', { timeout: 180_000 }, async () => {
    const pages = await print(
      '/training',
      '#training-results[data-state="ready"], #training-results[data-state="stale"]',
    );
    console.log(`[print] /training → ${pages} A4 pages`);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
  });
});
