/**
 * The trainer's workspace in real Chromium against the real server on the demo workspace:
 * the Iberia trainer logs a coaching session with the keyboard only and sees it listed;
 * screenshots of the plan (1280 and 390 px) and the follow-up view; no sideways page
 * scroll at 390 px; axe-core finds no serious or critical violations.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const TRAINER = { email: 'trainer@demo.cpilens.test', password: 'demo-trainer-pass' };
const LEAD = { email: 'lead@demo.cpilens.test', password: 'demo-lead-pass' };

/** The demo workspace in a database file, written before the server opens it. */
async function demoDatabase(dir: string): Promise<string> {
  const dbPath = join(dir, 'demo.db');
  const config = loadConfig({ DATABASE_URL: `file:${dbPath}`, SEND_INTERVAL_SECONDS: '0' });
  const db = await createDb({ url: config.databaseUrl });
  try {
    await migrate(db.adminClient);
    await loadDemoWorkspace({ config, db, clock: createClock(), wakeSender: () => {} });
  } finally {
    await db.close();
  }
  return dbPath;
}

async function signIn(context: BrowserContext, who: { email: string; password: string }, next: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(who.email);
  await page.locator('input[name="password"]').fill(who.password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === next),
    page.locator('form button[type="submit"]').click(),
  ]);
  return page;
}

describeBrowser('the coaching workspace in a browser', () => {
  let dir: string;
  let server: TestServer;
  let browser: Browser;
  let trainer: BrowserContext;
  let page: Page;
  let pageErrors: ReturnType<typeof collectPageErrors>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cpi-lens-coaching-browser-'));
    const dbPath = await demoDatabase(dir);
    [server, browser] = await Promise.all([
      startTestServer({ DATABASE_URL: `file:${dbPath}` }, { waitForSetupLink: false }),
      launchBrowser(),
    ]);
    trainer = await browser.newContext({
      baseURL: server.baseUrl,
      viewport: { width: 1280, height: 800 },
      locale: 'en-US',
    });
    page = await signIn(trainer, TRAINER, '/coaching');
    pageErrors = collectPageErrors(page);
  }, 240_000);

  afterAll(async () => {
    await trainer?.close();
    await browser?.close();
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const focused = () =>
    page.evaluate(
      `(() => { const e = document.activeElement; return e ? { tag: e.tagName.toLowerCase(), name: e.getAttribute('name'), value: e.getAttribute('value'), href: e.getAttribute('href') } : null; })()`,
    ) as Promise<{ tag: string; name: string | null; value: string | null; href: string | null } | null>;

  /** Presses Tab until the focused element matches (the only way this test moves focus). */
  async function tabTo(
    match: (e: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean,
    limit = 80,
  ): Promise<void> {
    for (let i = 0; i < limit; i++) {
      const e = await focused();
      if (e && match(e)) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`tabTo: not reached after ${limit} presses; focus is on ${JSON.stringify(await focused())}`);
  }

  it('logs a coaching session using only the keyboard, then sees it listed', async () => {
    await page.goto('/coaching');
    await page.waitForLoadState('networkidle');
    pageErrors.clear();
    // The in-page link to the form, then into the form: Tab, Enter, arrow keys and typing only.
    await tabTo((e) => e.tag === 'a' && e.href === '#session-form');
    await page.keyboard.press('Enter');
    await tabTo((e) => e.name === 'rep', 5);
    await page.keyboard.press('ArrowDown');
    const rep = (await page.evaluate(
      `(() => { const s = document.querySelector('#session-rep'); return { id: s.value, name: s.selectedOptions[0].textContent.trim() }; })()`,
    )) as { id: string; name: string };
    expect(rep.id).toMatch(/^\d+$/);
    await page.keyboard.press('Tab');
    expect((await focused())?.name).toBe('skill');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const skill = (await page.evaluate(
      `document.querySelector('#session-skill').selectedOptions[0].textContent.trim()`,
    )) as string;
    expect(skill).not.toBe('Choose a skill');
    // The date is today already; Tab through its fields to the notes.
    await tabTo((e) => e.name === 'notes', 6);
    const notes = `Keyboard-only session ${Date.now()}: role-played the pricing objection.`;
    await page.keyboard.type(notes);
    await page.keyboard.press('Tab');
    expect((await focused())?.name).toBe('cpi');
    await page.keyboard.press('ArrowDown');
    await tabTo((e) => e.tag === 'button' && e.value === 'log', 3);
    await page.keyboard.press('Enter');

    // htmx swaps the form (with a status message) and the rep's session list on the plan.
    await expect
      .poll(() => page.locator('#session-form .flash-ok').textContent(), { timeout: 15_000 })
      .toContain(`Session with ${rep.name} in ${skill}`);
    await expect.poll(() => page.locator(`#sessions-rep-${rep.id}`).textContent()).toContain(notes);
    expect(pageErrors.errors).toEqual([]);

    // Still there after a reload (it was saved, not just drawn).
    await page.reload();
    await expect
      .poll(() => page.locator(`#rep-${rep.id} .session-done`).allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining(notes)]));
  });

  it('renders the plan at 1280 px and 390 px and the follow-up view, without sideways scrolling', async () => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 600 ? 800 : 844 });
      await page.goto('/coaching');
      await expect.poll(() => page.locator('h1[data-testid="coaching-title"]').isVisible()).toBe(true);
      await saveScreenshot(page, `coaching-${width}`);
      expect(
        Number(await page.evaluate('document.documentElement.scrollWidth')),
        `/coaching at ${width}`,
      ).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/coaching/follow-up');
    await expect.poll(() => page.locator('h1[data-testid="follow-up-title"]').isVisible()).toBe(true);
    await saveScreenshot(page, 'follow-up-1280');

    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ['/coaching/follow-up', '/coaching/sessions/new']) {
      await page.goto(path);
      expect(Number(await page.evaluate('document.documentElement.scrollWidth')), `${path} at 390`).toBeLessThanOrEqual(
        390,
      );
    }
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('is a compact list with the agenda on top: the lead’s 36 reps ≤ 6,000 px tall at 390 px, no sideways scroll', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const lead = await signIn(context, LEAD, '/coaching');
      const errors = collectPageErrors(lead);
      for (const width of [1280, 390]) {
        await lead.setViewportSize({ width, height: width > 600 ? 800 : 844 });
        await lead.goto('/coaching');
        await lead.waitForLoadState('networkidle');
        // The ranking is served once the analysis is computed (the region asks again by itself).
        await expect.poll(() => lead.locator('article.rep-card').count(), { timeout: 60_000 }).toBe(36);
        await expect.poll(() => lead.locator('#plan-ranking .rank').count(), { timeout: 60_000 }).toBeGreaterThan(5);
        const agenda = lead.locator('#coaching-agenda');
        expect(await agenda.isVisible()).toBe(true);
        expect(await agenda.locator('a[href^="#rep-"]').count()).toBeGreaterThan(0);
        const height = Number(await lead.evaluate('document.documentElement.scrollHeight'));
        const scrollWidth = Number(await lead.evaluate('document.documentElement.scrollWidth'));
        console.log(`[coaching] lead /coaching at ${width}px: ${height}px tall, ${scrollWidth}px wide`);
        if (width === 390) expect(height, 'lead /coaching at 390 px').toBeLessThanOrEqual(6000);
        expect(scrollWidth, `lead /coaching at ${width}`).toBeLessThanOrEqual(width);
        await saveScreenshot(lead, `coaching-lead-${width}`);
      }
      // A row opens to the gap in plain words; the figures (interval, n, ρ, q) wait behind their own toggle.
      await lead.setViewportSize({ width: 390, height: 844 });
      const row = lead.locator('article.rep-card').first();
      await row.locator('summary').first().click();
      expect(await row.locator('.gap-line').isVisible()).toBe(true);
      expect(await row.locator('.rep-figures > dl.evidence').isVisible()).toBe(false);
      // biome-ignore lint/performance/useDomNodeTextContent: the rendered text only; what a folded <details> holds must not count
      const openRow = String(await row.innerText());
      expect(openRow).not.toMatch(/ρ|\bq [=<]|95% CI/);
      await row.locator('.rep-figures > summary').click();
      expect(await row.locator('.rep-figures > dl.evidence').isVisible()).toBe(true);
      expect(String(await row.locator('.rep-figures > dl.evidence').textContent())).toContain('95% CI');
      expect(Number(await lead.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      expect(errors.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it('asks the day a session planned for later took place before marking it done', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('/coaching');
    await page.waitForLoadState('networkidle');
    const form = page.locator('form.done-form').first();
    const count = await page.locator('form.done-form').count();
    if (count === 0) return; // every planned session's day has come (the demo plans them ahead of its clock)
    const row = page.locator('article.rep-card', { has: form });
    await row.locator('summary').first().click();
    const input = form.locator('input[type="date"]');
    const today = new Date().toISOString().slice(0, 10);
    expect(await input.getAttribute('max')).toBe(today);
    expect(await input.inputValue()).toBe(today);
    expect(await form.locator('label').textContent()).toBe('Day it took place');
  });

  it('filters the plan by period with htmx, pushing the URL', async () => {
    await page.goto('/coaching');
    await page.waitForLoadState('networkidle');
    await page.locator('#coaching-filters-period').selectOption('3m');
    await page.waitForURL((url) => url.search.includes('period=3m'));
    await expect
      .poll(() => page.locator('a[href^="/exports/coaching-plan.csv"]').getAttribute('href'))
      .toBe('/exports/coaching-plan.csv?period=3m');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('period=3m'));
    await expect.poll(() => page.locator('#coaching-filters-period').inputValue()).toBe('12m');
  });

  it('works the follow-ups with htmx: assigning swaps the item in place, the tabs push the URL', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
    try {
      const lead = await signIn(context, LEAD, '/follow-ups');
      const errors = collectPageErrors(lead);
      await lead.waitForLoadState('networkidle');
      const first = lead.locator('article.follow-up').first();
      const id = await first.getAttribute('id');
      await first.locator('select[name="assignee"]').selectOption({ label: 'Rosa Jiménez' });
      await first.getByRole('button', { name: 'Assign' }).click();
      await expect.poll(() => lead.locator(`#${id}`).textContent()).toContain('Saved.');
      expect(await lead.locator(`#${id} dl.facts`).textContent()).toContain('Rosa Jiménez');
      expect(new URL(lead.url()).pathname).toBe('/follow-ups');
      await lead.getByRole('link', { name: /^Resolved/ }).click();
      await lead.waitForURL((url) => url.search.includes('status=resolved'));
      await expect.poll(() => lead.locator('article.follow-up-resolved').count()).toBeGreaterThan(0);
      expect(await lead.locator('article.follow-up-open').count()).toBe(0);
      await lead.goBack();
      await lead.waitForURL((url) => !url.search.includes('status=resolved'));
      await expect.poll(() => lead.locator('article.follow-up-open').count()).toBeGreaterThan(0);
      expect(errors.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  async function axeViolations(context: BrowserContext, path: string) {
    const p = await context.newPage();
    await p.goto(path);
    await p.waitForLoadState('networkidle');
    const violations = await seriousAxeViolations(p);
    await p.close();
    return violations;
  }

  describe('accessibility (axe-core)', () => {
    let trainerAxe: BrowserContext;
    let leadAxe: BrowserContext;

    beforeAll(async () => {
      trainerAxe = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
      leadAxe = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 800 } });
      await (await signIn(trainerAxe, TRAINER, '/coaching')).close();
      await (await signIn(leadAxe, LEAD, '/follow-ups')).close();
    }, 60_000);
    afterAll(async () => {
      await trainerAxe?.close();
      await leadAxe?.close();
    });

    for (const [who, path] of [
      ['trainer', '/coaching'],
      ['lead', '/coaching'],
      ['trainer', '/coaching/follow-up'],
      ['trainer', '/coaching/sessions/new'],
      ['lead', '/follow-ups'],
    ] as const) {
      it(`finds no serious or critical violations on ${path} (${who})`, async () => {
        expect(await axeViolations(who === 'lead' ? leadAxe : trainerAxe, path)).toEqual([]);
      }, 120_000);
    }

    it('has no sideways scrolling on the follow-ups at 390 px', async () => {
      const lead = await leadAxe.newPage();
      await lead.setViewportSize({ width: 390, height: 844 });
      await lead.goto('/follow-ups');
      expect(Number(await lead.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
      await lead.close();
    });
  });
});
