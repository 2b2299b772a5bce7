/** Plural forms in messages: `{n, plural, one {…} other {…}}`, chosen by Intl.PluralRules for the message's language. */
import { describe, expect, it } from 'vitest';
import { pluralForm, translator } from '../../src/lib/i18n';
import { staffT } from '../../src/lib/i18n/staff';

describe('plural messages', () => {
  const dict = { items: '{n, plural, =0 {nothing} one {# item} other {# items}} in {place}', plain: '{n} as it is' };

  it('picks one and other by the language’s rules, and an exact form first', () => {
    const t = translator(dict, 'en');
    expect(t('items', { n: 0, place: 'the list' })).toBe('nothing in the list');
    expect(t('items', { n: 1, place: 'the list' })).toBe('1 item in the list');
    expect(t('items', { n: 2, place: 'the list' })).toBe('2 items in the list');
    expect(t('plain', { n: 1 })).toBe('1 as it is');
  });

  it('keeps a count passed as formatted text, reading it as a number when it is one', () => {
    expect(pluralForm('en', '1', { one: '# reply', other: '# replies' })).toBe('1 reply');
    expect(pluralForm('es', '1.234', { one: '# respuesta', other: '# respuestas' })).toBe('1.234 respuestas');
  });

  it('follows each language: French-style 0 is not "one" in English, Spanish or German', () => {
    for (const locale of ['en', 'es', 'de'] as const) {
      expect(pluralForm(locale, 0, { one: 'one', other: 'other' })).toBe('other');
      expect(pluralForm(locale, 1, { one: 'one', other: 'other' })).toBe('one');
      expect(pluralForm(locale, 1.5, { one: 'one', other: 'other' })).toBe('other');
    }
  });

  it('leaves a plural whose count is missing as written', () => {
    expect(translator(dict, 'en')('items', { place: 'x' })).toBe(
      '{n, plural, =0 {nothing} one {# item} other {# items}} in x',
    );
  });

  it('speaks in the staff messages, English and Spanish, with no "(s)" left', () => {
    expect(staffT('en')('coSessionsCount', { n: 1 })).toBe('1 session');
    expect(staffT('en')('coSessionsCount', { n: 3 })).toBe('3 sessions');
    expect(staffT('es')('coSessionsCount', { n: 1 })).toBe('1 sesión');
    expect(staffT('es')('retentionApplied', { responses: 1, interactions: 2, customers: 0 })).toBe(
      'Conservación aplicada: 1 respuesta anonimizada, 2 interacciones desvinculadas, 0 clientes borrados.',
    );
    expect(staffT('en')('eraseNothing', { outbox: 1, comments: 1 })).toBe(
      'No customer with this email; 1 message and 1 comment mentioning it were removed.',
    );
  });
});
