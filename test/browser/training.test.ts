/**
 * The training results page in real Chromium against the real server (issue 15): at 1280 px and
 * 390 px without sideways scrolling, no serious or critical axe violation, the filters and the
 * numbers toggle reachable by keyboard, the computing state replaced by itself, no console error.
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
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
import { addApiKey, addUser, createTestApp, manualClock } from '../helpers/app';
import { loadTrainingOrg } from '../helpers/training-org';

const PATH = '/training?period=range&from=2026-06&to=2026-08';

describeBrowser('training results in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let dir: string;
  let errors: ReturnType<typeof collectPageErrors>;
  const lead = { email: 'lead@training.test', password: 'a long enough password' };

  beforeAll(async () => {
    const t = await createTestApp({}, manualClock('2026-11-25T12:00:00Z'));
    await loadTrainingOrg(t, (await addApiKey(t, 'all')).key);
    await addUser(t, 'lead', lead);
    dir = dirname(t.dbPath);
    await t.db.close();
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: `file:${t.dbPath}`, NOW: '2026-11-25T12:00:00Z' }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    page = await (
      await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } })
    ).newPage();
    errors = collectPageErrors(page);
    await page.goto('/login');
    await page.locator('input[name="email"]').fill(lead.email);
    await page.locator('input[name="password"]').fill(lead.password);
    await Promise.all([
      page.waitForURL((url) => url.pathname !== '/login'),
      page.locator('form button[type="submit"]').first().click(),
    ]);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('computes, then shows the results by itself; keyboard reaches the filters and the numbers', async () => {
    await page.goto(PATH);
    await page.locator('#training-results[data-state="ready"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('.effect').first().getAttribute('data-verdict')).toBe('better');
    // Keyboard: tab from the top to the first "Numbers" toggle, open it with Enter.
    const toggle = page.locator('details.numbers summary').first();
    for (let i = 0; i < 60 && !(await toggle.evaluate((el) => el === el.ownerDocument.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await toggle.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.locator('details.numbers').first().getAttribute('open')).not.toBeNull();
    expect(errors.errors).toEqual([]);
  });

  for (const width of [1280, 390]) {
    it(`fits ${width} px without sideways scrolling, with no serious axe violation`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(PATH);
      await page.locator('#training-results[data-state="ready"]').waitFor({ timeout: 60_000 });
      await saveScreenshot(page, `training-${width}`);
      if (width <= 390)
        expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(width);
      expect(await seriousAxeViolations(page)).toEqual([]);
      expect(errors.errors).toEqual([]);
    });
  }
});
