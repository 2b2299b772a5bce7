/**
 * The invitation email in a real rendering engine (issue 18): on a 390 px screen, with images and
 * remote content blocked and scripts off, in a light and a dark colour scheme (and dark with the <style>
 * block stripped, as some webmails do), the two
 * first-question buttons are at least 44 px tall and every piece of text keeps a readable
 * contrast (4.5:1) against the background it is drawn on — no text colour that vanishes on dark.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, saveScreenshot } from '../helpers/browser';
import { fillSenderName, renderSurveyMessage } from '../../src/mail/render';
import { LOCALES } from '../../src/lib/vocabulary';

/** For each element with its own text: its colour and the first opaque background behind it. */
const TEXT_COLOURS = `(() => {
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own) continue;
    let bg = 'rgba(0, 0, 0, 0)';
    for (let p = el; p && bg.startsWith('rgba') && bg.endsWith(', 0)'); p = p.parentElement) bg = getComputedStyle(p).backgroundColor;
    if (bg.startsWith('rgba') && bg.endsWith(', 0)')) bg = getComputedStyle(document.documentElement).backgroundColor;
    out.push({ text: el.textContent.trim().slice(0, 40), fg: getComputedStyle(el).color, bg });
  }
  return out;
})()`;

describeBrowser('the invitation email in a browser engine', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => browser?.close());

  it('shows 44 px answer buttons and readable text in light and dark mode, without images', async () => {
    // dark-no-style: a client in dark mode that strips <style> (many webmails): the inline pairs must hold alone.
    for (const variant of ['light', 'dark', 'dark-no-style'] as const) {
      const colorScheme = variant === 'light' ? 'light' : 'dark';
      for (const locale of LOCALES) {
        const mailFrom = 'Acme Sales <surveys@acme.test>';
        const stored = renderSurveyMessage({
          kind: 'invitation',
          baseUrl: 'https://feedback.acme.test',
          mailFrom,
          locale,
          customerName: 'Lucía',
          repName: 'Ana Ruiz',
          interactionType: 'support',
          occurredAt: Date.parse('2026-12-04T10:00:00Z'),
          expiresAt: Date.parse('2026-12-18T10:00:00Z'),
          surveyToken: 'A'.repeat(43),
          unsubscribeToken: 'B'.repeat(43),
        });
        const htmlBody = fillSenderName(stored.htmlBody, mailFrom, 'html');
        const context = await browser.newContext({
          viewport: { width: 390, height: 844 },
          colorScheme,
          javaScriptEnabled: false,
        });
        const page = await context.newPage();
        await page.route('**/*', (route) => route.abort()); // no images, nothing remote
        await page.setContent(
          variant === 'dark-no-style' ? htmlBody.replace(/<style>[\s\S]*?<\/style>/, '') : htmlBody,
        );
        const answers = page.locator('a[href*="first="]');
        expect(await answers.count()).toBe(2);
        for (const answer of await answers.all()) {
          const box = (await answer.boundingBox())!;
          expect(box.height, `${locale} ${variant}`).toBeGreaterThanOrEqual(44);
          expect(box.width, `${locale} ${variant}`).toBeGreaterThanOrEqual(88);
        }
        const texts = (await page.evaluate(TEXT_COLOURS)) as { text: string; fg: string; bg: string }[];
        expect(texts.length).toBeGreaterThan(5);
        for (const { text, fg, bg } of texts)
          expect(contrast(fg, bg), `${locale} ${variant} "${text}": ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
        expect(Number(await page.evaluate('document.documentElement.scrollWidth'))).toBeLessThanOrEqual(390);
        await saveScreenshot(page, `email-${locale}-${variant}-390`);
        await context.close();
      }
    }
  }, 60_000);
});

/** WCAG 2 contrast ratio of two CSS rgb()/rgba() colours (alpha ignored: backgrounds here are opaque). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r = 0, g = 0, bl = 0] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
