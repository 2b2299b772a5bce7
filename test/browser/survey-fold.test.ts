/**
 * Issue 18, the customer's side in a real browser: on a 390×844 phone a three-question survey
 * shows its one send button without scrolling, in en, es and de; sending it empty asks for an
 * answer (422, data-outcome="empty") and records nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, saveScreenshot } from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { hashToken, newApiKey } from '../../src/lib/tokens';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const LOCALES = ['en', 'es', 'de'] as const;

describeBrowser('the survey on a phone', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let db: Client;
  const links = new Map<string, string>();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-survey-fold-'));
    const path = join(dir, 'survey.db');
    const created = await createDb({ url: `file:${path}` });
    await migrate(created.adminClient);
    await created.close();
    db = createClient({ url: `file:${path}` });
    const key = newApiKey();
    await db.execute({
      sql: "INSERT INTO api_keys (name, scope, prefix, key_hash, created_at) VALUES ('crm', 'all', ?, ?, 0)",
      args: [key.prefix, hashToken(key.key)],
    });
    [server, browser] = await Promise.all([
      startTestServer(
        { DATABASE_URL: `file:${path}`, MAIL_FROM: 'Acme Sales <feedback@acme.test>' },
        { waitForSetupLink: false },
      ),
      launchBrowser(),
    ]);
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}/api/v1${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
      });
    expect((await post('/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }])).status).toBe(200);
    for (const locale of LOCALES) {
      // No content shared: the survey asks three questions (and the optional comment).
      const item = {
        externalId: `crm-fold-${locale}`,
        repEmail: 'ana@acme.test',
        customer: { email: `${locale}@cliente.test`, name: 'Lucía', locale },
        type: 'demo',
        occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      };
      expect((await post('/interactions', item)).status).toBe(201);
      const mail = await db.execute({
        sql: 'SELECT text_body FROM outbox WHERE to_address = ?',
        args: [`${locale}@cliente.test`],
      });
      links.set(locale, /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0]);
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the one send button without scrolling on 390×844, in en, es and de', async () => {
    for (const locale of LOCALES) {
      const page = await (await browser.newContext(PHONE)).newPage();
      await page.goto(links.get(locale)!);
      expect(await page.locator('html').getAttribute('lang')).toBe(locale);
      expect(await page.getByRole('radiogroup').count()).toBe(3);
      const buttons = page.locator('form.survey button');
      expect(await buttons.count()).toBe(1);
      const box = (await buttons.first().boundingBox())!;
      await saveScreenshot(page, `survey-fold-${locale}-390`);
      expect(box.y + box.height, `${locale}: the button ends at ${box.y + box.height}px`).toBeLessThanOrEqual(844);
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(Number(await page.evaluate('window.scrollY'))).toBe(0);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      await page.context().close();
    }
  }, 60_000);

  it('sending with no answer asks for one (422, data-outcome="empty") and records nothing', async () => {
    for (const locale of LOCALES) {
      const page = await (await browser.newContext(PHONE)).newPage();
      await page.goto(links.get(locale)!);
      const [response] = await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST'),
        page.locator('form.survey button').click(),
      ]);
      expect(response.status()).toBe(422);
      expect(await page.locator('main').getAttribute('data-outcome')).toBe('empty');
      expect(await page.getByRole('alert').first().textContent()).toMatch(
        /at least one question|al menos una pregunta|mindestens eine Frage/,
      );
      await page.context().close();
    }
    const submitted = await db.execute("SELECT count(*) AS n FROM responses WHERE status = 'submitted'");
    expect(Number(submitted.rows[0]!.n)).toBe(0);
    const open = await db.execute("SELECT count(*) AS n FROM invitations WHERE status = 'responded'");
    expect(Number(open.rows[0]!.n)).toBe(0);
  }, 60_000);
});
