import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

const SRC = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function componentFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return componentFiles(full);
    return entry.name.endsWith('.tsx') ? [full] : [];
  });
}

describe('components', () => {
  it('show no text that bypasses the catalogs (text between tags, or in label/title/placeholder/aria-label)', () => {
    const found: string[] = [];
    for (const file of componentFiles(SRC)) {
      const source = fs.readFileSync(file, 'utf8');
      const lines = source.split('\n');
      lines.forEach((line, i) => {
        const where = `${path.relative(SRC, file)}:${i + 1}`;
        // JSX text: letters between a closing `>` and the next `<` or `{`, outside expressions.
        const text = line.match(/>\s*([^<>{}=;()]*\p{L}{2,}[^<>{}=;()]*)\s*(<|$)/u);
        if (
          text &&
          !/^\s*(\/\/|\*|import|export|const|return|if|type|interface)/.test(line) &&
          !line.includes('=>')
        ) {
          found.push(`${where}: ${text[1]?.trim()}`);
        }
        // JSX text alone on its line (Biome puts long text there): words only, not a keyword.
        // (Two words or more: one bare word on a line is code, an identifier or a boolean attribute.)
        const alone = line.match(/^\s*(\p{L}[\p{L}'’-]*(?:[,.]?\s+[\p{L}'’-]+)+[.!?:]?)\s*$/u);
        if (alone) {
          found.push(`${where}: ${alone[1]?.trim()}`);
        }
        const attribute = line.match(
          /\b(label|title|placeholder|aria-label|alt|description)="([^"]*\p{L}[^"]*)"/u,
        );
        if (attribute) found.push(`${where}: ${attribute[1]}="${attribute[2]}"`);
      });
    }
    expect(found).toEqual([]);
  });
});
