import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGES } from './catalog.ts';
import { LOCALES } from './locales.ts';

const placeholders = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Words that are the same in every language: names, codes, units. */
const SAME_EVERYWHERE = new Set(['Grassroots', 'OK', 'ID', 'CSV', 'SVG', 'km', '%']);

describe('the message catalogs', () => {
  it('every language has exactly the keys of every feature catalog', () => {
    for (const catalog of CATALOGS) {
      const keys = Object.keys(catalog.en).sort();
      for (const locale of LOCALES) expect(Object.keys(catalog[locale]).sort(), locale).toEqual(keys);
    }
  });

  it('no key is defined by two features (a later catalog would silently win)', () => {
    const seen = new Map<string, number>();
    CATALOGS.forEach((catalog, i) => {
      for (const key of Object.keys(catalog.en)) {
        expect(seen.has(key), `${key} in catalogs ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });

  it('every message is written, with the same placeholders in every language', () => {
    for (const [key, en] of Object.entries(MESSAGES.en)) {
      for (const locale of LOCALES) {
        const message = MESSAGES[locale][key as keyof typeof MESSAGES.en];
        expect(message.trim(), `${locale} ${key}`).not.toBe('');
        expect(placeholders(message), `${locale} ${key}`).toEqual(placeholders(en));
      }
    }
  });

  it('Vietnamese and Chinese are translations, not copies of the English', () => {
    const copies = Object.entries(MESSAGES.en)
      .filter(([, en]) => /[a-z]{3}/i.test(en) && !SAME_EVERYWHERE.has(en))
      .flatMap(([key, en]) =>
        (['vi', 'zh'] as const)
          .filter((locale) => MESSAGES[locale][key as keyof typeof MESSAGES.en] === en)
          .map((locale) => `${locale} ${key}`),
      );
    expect(copies).toEqual([]);
  });
});
