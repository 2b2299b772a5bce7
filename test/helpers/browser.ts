/**
 * Headless Chromium (Debian's package) driven by playwright-core, for browser tests.
 *
 * Chromium is looked for at CHROMIUM_PATH, else /usr/bin/chromium. Without it, browser
 * suites are skipped with a message, unless REQUIRE_BROWSER=1: then they fail.
 */
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCREENSHOT_DIR = join(REPO_ROOT, 'test-output', 'screenshots');

/** Flags this machine needs (docs/architecture.md, "Tests"): no sandbox as root, no GPU, no calls home. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

function browserRequired(): boolean {
  return process.env.REQUIRE_BROWSER === '1';
}

/** True when an executable Chromium is at chromiumPath(). */
function browserAvailable(): boolean {
  try {
    accessSync(chromiumPath(), constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

const missingMessage = () =>
  `Chromium was not found at ${chromiumPath()} (set CHROMIUM_PATH, or install it: apt-get install -y chromium)`;

/**
 * A describe block for browser tests. Chromium missing: the block is skipped with a message,
 * or, with REQUIRE_BROWSER=1, replaced by one failing test saying where Chromium was looked for.
 */
export function describeBrowser(name: string, fn: () => void): void {
  if (browserAvailable()) {
    describe(name, fn);
    return;
  }
  if (browserRequired()) {
    describe(name, () => {
      it('has Chromium to run in (REQUIRE_BROWSER=1)', () => {
        throw new Error(`${missingMessage()}; REQUIRE_BROWSER=1 makes this a failure.`);
      });
    });
    return;
  }
  console.warn(`[browser tests] skipping "${name}": ${missingMessage()}.`);
  describe.skipIf(true)(`${name} [skipped: ${missingMessage()}]`, fn);
}

/** Saves a full-page PNG to test-output/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Collects console errors and uncaught page errors, for "no errors on this page" checks. */
export function collectPageErrors(page: Page): { errors: string[]; clear(): void } {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    errors,
    clear() {
      errors.length = 0;
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page and returns the serious and critical violations. axe is served
 * as a same-origin script through page.route (from node_modules), so the page's CSP
 * (script-src 'self') stays in force during the check.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
  await page.route('**/__test-axe.js', (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: '/__test-axe.js' });
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })))`,
  )) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
