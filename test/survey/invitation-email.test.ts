/**
 * The invitation email as real mail clients get it (issue 18): the first question as large
 * table-based buttons with explicit colours and no images, the sender's name in the text, a
 * plain-text part that reads on its own, and wording without gendered slash forms in any
 * language or interaction type.
 */
import { describe, expect, it } from 'vitest';
import { fillSenderName, renderSurveyMessage as render, type RenderInput } from '../../src/mail/render';
import { INTERACTION_TYPES, LOCALES } from '../../src/lib/vocabulary';
import { surveyT } from '../../src/lib/i18n/survey';

const TOKEN = 'A'.repeat(43);
const input = (over: Partial<RenderInput> = {}): RenderInput => ({
  kind: 'invitation',
  baseUrl: 'https://feedback.acme.test',
  mailFrom: 'Acme Sales <surveys@acme.test>',
  locale: 'en',
  customerName: 'Lucía',
  repName: 'Ana Ruiz',
  interactionType: 'demo',
  occurredAt: Date.parse('2026-12-04T10:00:00Z'),
  expiresAt: Date.parse('2026-12-18T10:00:00Z'),
  surveyToken: TOKEN,
  unsubscribeToken: 'B'.repeat(43),
  ...over,
});
/** The message as the sender sends it: the sender's name filled in. */
function renderSurveyMessage(i: RenderInput) {
  const m = render(i);
  return {
    ...m,
    textBody: fillSenderName(m.textBody, i.mailFrom, 'text'),
    htmlBody: fillSenderName(m.htmlBody, i.mailFrom, 'html'),
  };
}
const withoutUrls = (text: string) => text.replace(/https?:\/\/\S+/g, '<url>');
const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe('the invitation email', () => {
  it('answers the first question with two table-cell buttons: padded links, explicit colours, at least 44 px tall', () => {
    const { htmlBody } = renderSurveyMessage(input());
    for (const answer of ['yes', 'no']) {
      const link = new RegExp(
        `<td([^>]*)>\\s*<a([^>]*href="https://feedback\\.acme\\.test/s/${TOKEN}\\?first=${answer}"[^>]*)>`,
      ).exec(htmlBody);
      expect(link, answer).not.toBeNull();
      const [, cell, anchor] = link!;
      expect(cell).toMatch(/bgcolor="#[0-9a-f]{6}"/i);
      expect(cell).toMatch(/background-color:\s*#[0-9a-f]{6}/i);
      const style = /style="([^"]*)"/.exec(anchor!)![1]!;
      expect(style).toMatch(/display:\s*block/);
      expect(style).toMatch(/(^|;)\s*color:\s*#[0-9a-f]{6}/i);
      expect(style).toMatch(/background-color:\s*#[0-9a-f]{6}/i);
      const padding = /padding:\s*(\d+)px/.exec(style)!;
      const lineHeight = /line-height:\s*(\d+)px/.exec(style)!;
      expect(2 * Number(padding[1]) + Number(lineHeight[1])).toBeGreaterThanOrEqual(44);
    }
    expect(htmlBody).not.toMatch(/<img\b/i);
    expect(htmlBody).toMatch(/<meta name="color-scheme" content="light dark"/);
  });

  it('gives every text-bearing cell both a background and a text colour (nothing vanishes in dark mode)', () => {
    const { htmlBody } = renderSurveyMessage(input());
    const cells = [...htmlBody.matchAll(/<td([^>]*)>/g)].map((m) => m[1]!);
    expect(cells.length).toBeGreaterThan(3);
    for (const cell of cells) {
      const style = /style="([^"]*)"/.exec(cell)?.[1] ?? '';
      if (!/(^|;)\s*color:/.test(style)) continue; // layout-only cells
      expect(style, cell).toMatch(/background-color:\s*#[0-9a-f]{6}/i);
    }
    // Every link carries its own colour: none falls back to a client's default blue on dark.
    for (const [, anchor] of htmlBody.matchAll(/<a([^>]*)>/g))
      expect(anchor).toMatch(/style="(?:[^"]*;)?\s*color:\s*#/);
  });

  it('names the sender in both parts, and the plain-text part reads on its own', () => {
    const { textBody, htmlBody } = renderSurveyMessage(input());
    expect(visibleText(htmlBody)).toContain('The Acme Sales team');
    expect(textBody).toContain('The Acme Sales team');
    expect(textBody).toBe(
      [
        'Hello Lucía,',
        '',
        'Would you answer a few quick questions about your demo with Ana Ruiz (4 December 2026)? It takes about 30 seconds.',
        '',
        'Was your request resolved during the first contact?',
        `  Yes: https://feedback.acme.test/s/${TOKEN}?first=yes`,
        `  No: https://feedback.acme.test/s/${TOKEN}?first=no`,
        '',
        `Open the survey: https://feedback.acme.test/s/${TOKEN}`,
        'The link works until 18 December 2026.',
        '',
        'Thank you,',
        'The Acme Sales team',
        '',
        '-- ',
        'You receive this because you were recently in contact with Acme Sales.',
        `Don’t want these surveys? Unsubscribe: https://feedback.acme.test/u/${'B'.repeat(43)}`,
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['de', 'call', 'zu Ihrem Telefonat mit Ana Ruiz'],
    ['de', 'meeting', 'zu Ihrem Termin mit Ana Ruiz'],
    ['de', 'demo', 'zu Ihrer Demo mit Ana Ruiz'],
    ['de', 'quote', 'zu Ihrem Angebot von Ana Ruiz'],
    ['de', 'support', 'zu Ihrer Support-Anfrage bei Ana Ruiz'],
    ['es', 'call', 'sobre tu llamada con Ana Ruiz'],
    ['es', 'quote', 'sobre la cotización que te preparó Ana Ruiz'],
    ['es', 'support', 'sobre tu solicitud de soporte atendida por Ana Ruiz'],
    ['en', 'quote', 'about your quote from Ana Ruiz'],
  ] as const)('%s %s: says "%s" in the subject and both parts', (locale, interactionType, phrase) => {
    const m = renderSurveyMessage(input({ locale, interactionType }));
    expect(m.subject).toContain(phrase);
    expect(m.textBody).toContain(phrase);
    expect(visibleText(m.htmlBody)).toContain(phrase);
  });

  it('has no gendered slash forms ("ein/e", "Ihrem/r") and no unfilled placeholder, in any language or type', () => {
    for (const locale of LOCALES) {
      for (const interactionType of INTERACTION_TYPES) {
        for (const kind of ['invitation', 'reminder'] as const) {
          const m = renderSurveyMessage(input({ locale, interactionType, kind }));
          for (const text of [m.subject, withoutUrls(m.textBody), visibleText(withoutUrls(m.htmlBody))]) {
            expect(text, `${locale} ${interactionType} ${kind}`).not.toMatch(/\p{L}\/\p{L}|[{}]/u);
          }
        }
        const intro = surveyT(locale)('surveyIntro', {
          about: surveyT(locale)(`about_${interactionType}`, { rep: 'Ana Ruiz' }),
        });
        expect(intro).not.toMatch(/\p{L}\/\p{L}|[{}]/u);
      }
    }
  });
});
