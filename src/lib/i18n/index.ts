/**
 * Translations. Customers see English, Spanish and German; staff pages are in English
 * and Spanish (German staff fall back to English). `translator(dict, locale)` returns a
 * `t(key, vars)` that fills `{name}` placeholders and plural forms (below).
 */
import type { Locale } from '../../../db/schema';

export type Dict<K extends string> = Record<K, string>;
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

/** `{n, plural, one {# response} other {# responses}}`: a form per CLDR plural category (`=0` for an exact number). */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g;
const FORM = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g;

/**
 * Picks the plural form of `count` in `locale` (Intl.PluralRules): an exact `=N` form first,
 * then its category, then `other`; `#` in the form is the count as passed (a formatted string
 * stays as it is). A count passed as text is read as a number when it is one, else it takes `other`.
 *
 * @example
 * pluralForm('en', 1, { one: '# response', other: '# responses' }); // => '1 response'
 */
export function pluralForm(locale: Locale, count: string | number, forms: Record<string, string>): string {
  const n = typeof count === 'number' ? count : /^\d+$/.test(count) ? Number(count) : Number.NaN;
  const exact = forms[`=${n}`];
  const form = exact ?? (Number.isNaN(n) ? undefined : forms[rules(locale).select(n)]) ?? forms.other ?? '';
  return form.replace(/#/g, String(count));
}

const pluralRules = new Map<Locale, Intl.PluralRules>();
function rules(locale: Locale): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale)));
  return r;
}

export function translator<K extends string>(dict: Dict<K>, locale: Locale): Translate<K> {
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text
      .replace(PLURAL, (match, name: string, body: string) => {
        if (!(name in vars)) return match;
        const forms: Record<string, string> = {};
        for (const [, category = '', form = ''] of body.matchAll(FORM)) forms[category] = form;
        return pluralForm(locale, vars[name]!, forms);
      })
      .replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

/** The Intl locale of each language, for numbers and dates: British English, Spain's Spanish, German. */
export const INTL_LOCALES: Record<Locale, string> = { en: 'en-GB', es: 'es-ES', de: 'de-DE' };

export const LOCALE_NAMES: Record<Locale, string> = { en: 'English', es: 'Español', de: 'Deutsch' };

/** Picks the first supported language from an Accept-Language header. */
export function localeFromAcceptLanguage(header: string | undefined, supported: readonly Locale[]): Locale | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { lang: tag.trim().slice(0, 2).toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((x) => !Number.isNaN(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.lang).find((lang): lang is Locale => (supported as readonly string[]).includes(lang));
}

export function isLocale(value: string | undefined, supported: readonly Locale[]): value is Locale {
  return value !== undefined && (supported as readonly string[]).includes(value);
}
