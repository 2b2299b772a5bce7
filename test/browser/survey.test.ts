/**
 * Issue 3: a customer answers the survey on a 390 px phone, by keyboard only, in Spanish —
 * against the real server, with the link taken from the outbox (no SMTP configured).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type Client } from '@libsql/client';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  collectPageErrors,
  describeBrowser,
  launchBrowser,
  saveScreenshot,
  seriousAxeViolations,
} from '../helpers/browser';
import { startTestServer, type TestServer } from '../helpers/server';
import { createDb } from '../../db/client';
import { migrate } from '../../db/migrate';
import { hashToken, newApiKey } from '../../src/lib/tokens';

describeBrowser('a customer answers by keyboard on a phone, in Spanish', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  let db: Client;
  let link: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-survey-browser-'));
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
      startTestServer({ DATABASE_URL: `file:${path}` }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    const post = (path: string, body: unknown) =>
      fetch(`${server.baseUrl}/api/v1${path}`, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { Authorization: `Bearer ${key.key}`, 'Content-Type': 'application/json' },
      });
    expect((await post('/reps', [{ email: 'ana@acme.test', name: 'Ana Ruiz', team: 'Iberia' }])).status).toBe(200);
    const interaction = {
      externalId: 'crm-phone-1',
      repEmail: 'ana@acme.test',
      customer: { email: 'lucia@cliente.test', name: 'Lucía', locale: 'es' },
      type: 'demo',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      contentIds: ['deck-roi'],
    };
    expect((await post('/interactions', interaction)).status).toBe(201);
    const mail = await db.execute("SELECT text_body FROM outbox WHERE to_address = 'lucia@cliente.test'");
    link = /https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0];
    page = await (
      await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
    ).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    db?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const focused = async () =>
    String(
      await page.evaluate(
        `(() => { const el = document.activeElement; return el ? el.tagName.toLowerCase() + ':' + (el.getAttribute('name') || '') + ':' + (el.getAttribute('value') || '') : ''; })()`,
      ),
    );
  async function tabTo(prefix: string) {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      if ((await focused()).startsWith(prefix)) return;
    }
    throw new Error(`Tab never reached ${prefix} (at ${await focused()})`);
  }

  it('shows the questions in Spanish, lets the customer answer with the keyboard only, and records the answers once', async () => {
    const errors = collectPageErrors(page);
    await page.goto(link);
    expect(await page.locator('main').getAttribute('data-outcome')).toBeNull();
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(
      await page.getByRole('radiogroup', { name: /¿Se resolvió tu solicitud en el primer contacto\?/ }).isVisible(),
    ).toBe(true);
    expect(await page.getByRole('radiogroup', { name: /¿Qué tan útil fue el contenido/ }).isVisible()).toBe(true);
    expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);

    await tabTo('input:resolved_first_contact');
    await page.keyboard.press('Space'); // "Sí"
    await tabTo('input:content_useful');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight'); // 4
    await tabTo('input:decision_clearer');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight'); // 5
    await tabTo('input:added_value');
    for (let i = 0; i < 2; i++) await page.keyboard.press('ArrowRight'); // 3
    await tabTo('textarea:comment');
    await page.keyboard.type('Muy clara la demo <b>gracias</b>');
    await tabTo('input:contact_consent');
    await page.keyboard.press('Space');
    // Each answer was saved as it was given (htmx): the partial response holds them already.
    await expect
      .poll(
        async () =>
          (
            await db.execute(
              "SELECT count(*) AS n FROM responses WHERE status = 'partial' AND content_useful = 4 AND decision_clearer = 5",
            )
          ).rows[0]!.n,
        { timeout: 10_000 },
      )
      .toBe(1);
    await saveScreenshot(page, 'survey-es-390');
    await tabTo('button:action:submit');
    await Promise.all([page.waitForURL(/\/thanks/), page.keyboard.press('Enter')]);
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('submitted');
    expect(await page.locator('h1').textContent()).toBe('¡Gracias!');
    await saveScreenshot(page, 'survey-thanks-es-390');
    const rows = await db.execute(
      'SELECT status, resolved_first_contact, content_useful, decision_clearer, added_value, comment, contact_consent FROM responses',
    );
    expect(rows.rows).toHaveLength(1);
    expect({ ...rows.rows[0] }).toEqual({
      status: 'submitted',
      resolved_first_contact: 1,
      content_useful: 4,
      decision_clearer: 5,
      added_value: 3,
      comment: 'Muy clara la demo <b>gracias</b>',
      contact_consent: 1,
    });
    await page.goto(link);
    expect(await page.locator('main').getAttribute('data-outcome')).toBe('already-submitted');
    expect(errors.errors).toEqual([]);
  }, 120_000);

  it('has no serious or critical accessibility violations on the survey page', async () => {
    const fresh = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
    const mail = await db.execute("SELECT text_body FROM outbox WHERE to_address = 'lucia@cliente.test'");
    await fresh.goto(/https?:\/\/\S+\/s\/[A-Za-z0-9_-]{43}/.exec(String(mail.rows[0]!.text_body))![0]);
    expect(await seriousAxeViolations(fresh)).toEqual([]);
  }, 60_000);
});
