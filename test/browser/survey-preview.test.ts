/**
 * The admin's survey preview in a real browser (issue 18): the e-mail renders in a sandboxed
 * frame with its inline styles applied (its own CSP allows them there only) and no script, and
 * the survey page frame shows the real page with every control disabled. Chromium missing:
 * skipped with a message, or a failure with REQUIRE_BROWSER=1 (test/helpers/browser.ts).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { collectPageErrors, describeBrowser, launchBrowser, saveScreenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';

const admin = { name: 'Pia Preview', email: 'pia@staff.test', password: 'correct horse battery staple' };

describeBrowser('the survey preview in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer({ MAIL_FROM: 'Acme Sales <feedback@acme.test>' }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(server.setupLink!);
    await page.locator('input[name="name"]').fill(admin.name);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.locator('form button[type="submit"]').click()]);
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it('shows the e-mail with its inline styles in a sandboxed frame, and the page disabled', async () => {
    const errors = collectPageErrors(page);
    await page.goto('/admin/rules');
    await Promise.all([
      page.waitForURL(/\/admin\/rules\/preview\?type=demo/),
      page.locator('[data-testid="preview-demo"]').click(),
    ]);
    await page.locator('select[name="lang"]').selectOption('es');
    await Promise.all([page.waitForURL(/lang=es/), page.locator('form.preview-form button[type="submit"]').click()]);

    const emailFrame = page.locator('iframe[data-testid="preview-email"]');
    expect(await emailFrame.getAttribute('sandbox')).toBe('');
    const email = page.frameLocator('iframe[data-testid="preview-email"]');
    await expect
      .poll(() => email.locator('body').textContent(), { timeout: 10_000 })
      .toContain('El equipo de Acme Sales');
    // The inline styles took effect: an answer button is drawn as a coloured block at least 44 px tall.
    const button = email.locator('a', { hasText: /^\s*Sí\s*$/ }).first();
    const box = await button.boundingBox();
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(await button.evaluate((a) => a.ownerDocument.defaultView!.getComputedStyle(a).backgroundColor)).toBe(
      'rgb(29, 78, 216)',
    );
    // Sandboxed without allow-scripts: nothing can run in the e-mail's document.
    const scripts = await email.locator('script').count();
    expect(scripts).toBe(0);

    expect(await page.locator('iframe[data-testid="preview-page"]').getAttribute('sandbox')).toBe('allow-same-origin');
    const survey = page.frameLocator('iframe[data-testid="preview-page"]');
    await expect.poll(() => survey.locator('h1').textContent(), { timeout: 10_000 }).toBeTruthy();
    expect(await survey.locator('[data-testid="preview-banner"]').isVisible()).toBe(true);
    expect(await survey.locator('button[type="submit"]').isDisabled()).toBe(true);
    expect(await survey.locator('input[type="radio"]').first().isDisabled()).toBe(true);
    // The page frame keeps the app's stylesheet (style-src 'self'): the fieldset wrapper draws no border.
    expect(
      await survey
        .locator('fieldset.preview-wrap')
        .evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).borderTopStyle),
    ).toBe('none');
    await saveScreenshot(page, 'admin-survey-preview-1280');
    expect(errors.errors.filter((e) => !/Blocked script execution|sandboxed/.test(e))).toEqual([]);
  });
});
