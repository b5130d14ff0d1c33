import type { Locale } from './locales.ts';

/**
 * A feature's messages in every language. English is the reference: TypeScript refuses a Vietnamese or
 * Chinese catalog that lacks a key or has one too many (and catalog.test.ts checks it again at run time).
 * `{name}` in a message is a placeholder filled by `t(key, { name })`.
 */
export function defineMessages<const E extends Record<string, string>>(catalogs: {
  en: E;
  vi: { [K in keyof E]: string };
  zh: { [K in keyof E]: string };
}): Record<Locale, { [K in keyof E]: string }> {
  return catalogs;
}
