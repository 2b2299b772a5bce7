/**
 * /admin/webhooks in a real browser at 390 px: an admin adds an endpoint (a real receiver on
 * loopback, WEBHOOK_ALLOW_LOCAL=1) with the event checkboxes, sees the secret once, and the page
 * has no sideways scroll, no serious axe findings and no console errors (CSP: no inline script).
 */
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
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook-receiver';

const admin = { name: 'Hana Hook', email: 'hana@staff.test', password: 'correct horse battery staple' };
const WIDTH = 390;

describeBrowser('admin webhooks page at 390 px', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let pageErrors: ReturnType<typeof collectPageErrors>;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    [server, browser] = await Promise.all([
      startTestServer({ WEBHOOK_ALLOW_LOCAL: '1', SEND_INTERVAL_SECONDS: '1' }),
      launchBrowser(),
    ]);
    context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: WIDTH, height: 844 } });
    page = await context.newPage();
    pageErrors = collectPageErrors(page);
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
    await receiver?.close();
  });

  async function checkPage(name: string) {
    await page.waitForLoadState('networkidle');
    expect(Number(await page.evaluate('document.documentElement.scrollWidth')), name).toBeLessThanOrEqual(WIDTH);
    expect(await seriousAxeViolations(page), name).toEqual([]);
    expect(pageErrors.errors, name).toEqual([]);
    await saveScreenshot(page, `webhooks-${name}-${WIDTH}`);
    pageErrors.clear();
  }

  it('adds an endpoint with its events and shows the secret once', async () => {
    await page.goto(server.setupLink!);
    await page.locator('input[name="name"]').fill(admin.name);
    await page.locator('input[name="email"]').fill(admin.email);
    await page.locator('input[name="password"]').fill(admin.password);
    await Promise.all([page.waitForURL(`${server.baseUrl}/`), page.locator('form button[type="submit"]').click()]);
    pageErrors.clear();

    await page.goto('/admin/webhooks');
    expect(await page.locator('[data-testid="webhooks-empty"]').isVisible()).toBe(true);
    await checkPage('empty');

    await page.locator('input[name="url"]').fill(receiver.url);
    await page.locator('input[name="events"][value="import.finished"]').check();
    await page.locator('input[name="events"][value="response.submitted"]').check();
    await Promise.all([page.waitForEvent('load'), page.locator('form[action="/admin/webhooks"] button').click()]);
    const secret = await page.locator('[data-testid="webhook-secret"]').textContent();
    expect(secret).toMatch(/^whsec_/);
    await checkPage('added');

    await page.goto('/admin/webhooks');
    expect(await page.content()).not.toContain(secret!);
    expect(await page.locator('table code').first().textContent()).toBe(receiver.url);
  }, 60_000);
});
