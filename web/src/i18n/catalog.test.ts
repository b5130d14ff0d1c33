import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGES } from './catalog.ts';
import { LOCALE_TAGS, LOCALES, type Locale } from './locales.ts';

/** The parts of a parsed ICU message this test reads: arguments, and the forms of plurals and selects. */
interface Element {
  type: number;
  value?: unknown;
  pluralType?: 'cardinal' | 'ordinal';
  options?: Record<string, { value: Element[] }>;
  children?: Element[];
}

function parsed(locale: Locale, message: string): Element[] {
  return new IntlMessageFormat(message, LOCALE_TAGS[locale], undefined, {
    ignoreTag: true,
  }).getAst() as Element[];
}

function walk(elements: Element[], visit: (e: Element) => void): void {
  for (const e of elements) {
    visit(e);
    for (const option of Object.values(e.options ?? {})) walk(option.value, visit);
    walk(e.children ?? [], visit);
  }
}

/** The names a message is filled with (`{name}`, `{count, plural, ...}`), each once, sorted. */
function argumentsOf(locale: Locale, message: string): string[] {
  const names = new Set<string>();
  walk(parsed(locale, message), (e) => {
    if (typeof e.value === 'string' && e.type !== 0 && e.type !== 7) names.add(e.value);
  });
  return [...names].sort();
}

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
        expect(argumentsOf(locale, message), `${locale} ${key}`).toEqual(argumentsOf('en', en));
      }
    }
  });

  it("every plural has the forms its language's plural rules use (English one and other, Vietnamese and Chinese other)", () => {
    const missing: string[] = [];
    let plurals = 0;
    for (const locale of LOCALES) {
      for (const [key, message] of Object.entries(MESSAGES[locale])) {
        walk(parsed(locale, message), (e) => {
          if (!e.pluralType || !e.options) return;
          plurals++;
          const rules = new Intl.PluralRules(LOCALE_TAGS[locale], { type: e.pluralType });
          for (const form of rules.resolvedOptions().pluralCategories) {
            if (!(form in e.options)) missing.push(`${locale} ${key}: no '${form}' form`);
          }
        });
      }
    }
    expect(missing).toEqual([]);
    expect(plurals).toBeGreaterThan(0);
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
