import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../../src/platform/profile.ts';
import { localeOfTag, preferredLocale } from './locales.ts';

describe("the app's language", () => {
  test.each([
    ['cn', 'zh'],
    ['vn', 'vi'],
  ])("profile %s opens the app in its country's language (%s)", (id, language) => {
    expect(localeOfTag(loadProfile(id).locale)).toBe(language);
  });

  test.each([
    ['zh-CN', 'zh'],
    ['ZH', 'zh'],
    ['en-GB', 'en'],
    ['fr-FR', null],
    [undefined, null],
    [42, null],
  ])('the tag %s is the language %s', (tag, language) => {
    expect(localeOfTag(tag)).toBe(language);
  });

  test("the browser's language stays the fallback before the profile answers", () => {
    expect(preferredLocale(['fr-FR', 'zh-TW'])).toBe('zh');
    expect(preferredLocale(['fr-FR'])).toBe('en');
  });
});
