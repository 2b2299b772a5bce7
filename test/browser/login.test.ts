/**
 * First admin through the setup link, sign out, sign in again by keyboard only — in real
 * Chromium against the real server. Also: the CSP blocks inline script, the home page logs no
 * errors, and screenshots at desktop and phone widths.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { collectPageErrors, describeBrowser, launchBrowser, saveScreenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

const admin = { name: 'Ada Admin', email: 'ada@staff.test', password: 'correct horse battery staple' };

describeBrowser('staff sign-in in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: ReturnType<typeof collectPageErrors>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const homeTitle = () => page.locator('h1[data-testid="home-title"]');

  it('creates the first admin from the one-time setup link and lands on the home page', async () => {
    expect(server.setupLink, `setup link in the server output:\n${server.output()}`).toMatch(
      /\/setup\?token=[A-Za-z0-9_-]+$/,
    );
    expect(server.setupLink!.startsWith(`${server.baseUrl}/setup?token=`)).toBe(true);
    const response = await page.goto(server.setupLink!);
    expect(response?.status()).toBe(200);
    await page.locator('input[name="name"]').fill(admin.name);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.locator('form button[type="submit"]').click()]);
    await expect.poll(() => homeTitle().isVisible()).toBe(true);
  });

  it('logs no console errors on the home page', async () => {
    pageErrors.clear();
    await page.goto('/', { waitUntil: 'load' });
    await expect.poll(() => homeTitle().isVisible()).toBe(true);
    // htmx and app.js load deferred; give them a moment to run and report.
    await page.waitForLoadState('networkidle');
    expect(pageErrors.errors).toEqual([]);
  });

  it('serves a CSP under which inline script does not run', async () => {
    const response = await page.goto('/');
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');

    await page.evaluate(`(() => {
      window.__cspViolations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.appendChild(s);
    })()`);
    await expect.poll(() => page.evaluate('window.__cspViolations.length')).toBeGreaterThan(0);
    expect(await page.evaluate('window.__inlineRan === true')).toBe(false);
    expect(await page.evaluate('window.__cspViolations[0]')).toMatch(/^script-src/);
  });

  it('kills the setup link once used', async () => {
    const response = await page.goto(server.setupLink!);
    expect([404, 410]).toContain(response?.status());
    await page.goto('/');
  });

  it('signs out from the top bar', async () => {
    await page.goto('/');
    await Promise.all([page.waitForURL(/\/login$/), page.getByRole('button', { name: 'Sign out' }).click()]);
    const again = await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(again?.status()).toBe(200);
  });

  it('signs in again at /login using only the keyboard', async () => {
    await page.goto('/login');
    const focusedName = () => page.evaluate('document.activeElement && document.activeElement.getAttribute("name")');
    // Tab from the top of the page to the email field.
    for (let presses = 0; presses < 10 && (await focusedName()) !== 'email'; presses++)
      await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('email');
    await page.keyboard.type(admin.email);
    await page.keyboard.press('Tab');
    expect(await focusedName()).toBe('password');
    await page.keyboard.type(admin.password);
    await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.keyboard.press('Enter')]);
    await expect.poll(() => homeTitle().isVisible()).toBe(true);
  });

  it('renders the home page at 1280 px and 390 px without sideways scrolling', async () => {
    const widths = [1280, 390];
    for (const width of widths) {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      await page.goto('/');
      await expect.poll(() => homeTitle().isVisible()).toBe(true);
      await saveScreenshot(page, `home-${width}`);
      const scrollWidth = Number(await page.evaluate('document.documentElement.scrollWidth'));
      expect(scrollWidth, `page width at ${width} px viewport`).toBeLessThanOrEqual(width);
    }
  });
});
