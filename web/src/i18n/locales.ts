/** The languages of the app. Vietnamese and Simplified Chinese for the two countries, English for everyone. */
export const LOCALES = ['vi', 'zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The BCP 47 tag each language formats dates, numbers and money with. */
export const LOCALE_TAGS: Record<Locale, string> = { vi: 'vi-VN', zh: 'zh-CN', en: 'en-GB' };

/** Each language named in itself, as the switcher shows it. */
export const LOCALE_NAMES: Record<Locale, string> = { vi: 'Tiếng Việt', zh: '简体中文', en: 'English' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The browser's language if the app speaks it, English otherwise. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * The app's language for a BCP 47 tag such as a country profile's `locale` ('zh-CN' → 'zh'), or null
 * when the app does not speak it.
 */
export function localeOfTag(tag: unknown): Locale | null {
  if (typeof tag !== 'string') return null;
  const base = tag.toLowerCase().split('-')[0];
  return isLocale(base) ? base : null;
}
