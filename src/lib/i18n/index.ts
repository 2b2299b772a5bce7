/**
 * Translations. Customers see English, Spanish and German; staff pages are in English
 * and Spanish (German staff fall back to English). `translator(locale, dict)` returns a
 * `t(key, vars)` that fills `{name}` placeholders.
 */
import type { Locale } from '../../../db/schema';

export type Dict<K extends string> = Record<K, string>;
export type Translate<K extends string> = (key: K, vars?: Record<string, string | number>) => string;

export function translator<K extends string>(dict: Dict<K>): Translate<K> {
  return (key, vars) => {
    const text = dict[key];
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
  };
}

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
