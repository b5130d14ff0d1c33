import type { Locale } from './locales.ts';

/**
 * A feature's messages in every language. English is the reference: TypeScript refuses a Vietnamese or
 * Chinese catalog that lacks a key or has one too many (and catalog.test.ts checks it again at run time).
 * Messages are ICU MessageFormat: `{name}` is a placeholder filled by `t(key, { name })`; a count that
 * names a thing takes the plural form, `{count, plural, one {# facility} other {# facilities}}` in
 * English and `{count, plural, other {# cơ sở}}` in Vietnamese and Chinese (no plural inflection), and
 * catalog.test.ts checks that each plural has the forms its language needs.
 */
export function defineMessages<const E extends Record<string, string>>(catalogs: {
  en: E;
  vi: { [K in keyof E]: string };
  zh: { [K in keyof E]: string };
}): Record<Locale, { [K in keyof E]: string }> {
  return catalogs;
}
