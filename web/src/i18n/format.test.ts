import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatPercent,
  interpolate,
} from './format.ts';
import { preferredLocale } from './locales.ts';

describe('formatting per language', () => {
  it.each([
    ['vi', '2025-03-07', /7.*3.*2025/],
    ['en', '2025-03-07', /7 Mar 2025/],
    ['zh', '2025-03-07', /2025年3月7日/],
    ['en', '2025-01-01', /1 Jan 2025/],
  ] as const)('%s calendar date %s stays on its day', (locale, iso, expected) => {
    expect(formatDate(locale, iso)).toMatch(expected);
  });

  it.each([
    // 17:41 UTC on 3 December is 00:41 on the 4th in Vietnam and 01:41 in China.
    ['en', 'Asia/Ho_Chi_Minh', /4 Dec 2026.*00:41/],
    ['en', 'Asia/Shanghai', /4 Dec 2026.*01:41/],
    ['zh', 'Asia/Shanghai', /2026年12月4日.*01:41/],
    ['en', 'UTC', /3 Dec 2026.*17:41/],
  ] as const)('%s instant in %s', (locale, zone, expected) => {
    expect(formatDateTime(locale, '2026-12-03T17:41:00Z', zone)).toMatch(expected);
  });

  it.each([
    ['vi', 1234567.5, '1.234.567,5'],
    ['en', 1234567.5, '1,234,567.5'],
    ['zh', 1234567.5, '1,234,567.5'],
  ] as const)('%s number %d', (locale, n, expected) => {
    expect(formatNumber(locale, n)).toBe(expected);
  });

  it.each([
    ['vi', 0.9204, /92,0\s?%/],
    ['en', 0.9204, /92\.0%/],
    ['zh', 0.95, /95\.0%/],
  ] as const)('%s percent %d', (locale, share, expected) => {
    expect(formatPercent(locale, share)).toMatch(expected);
  });

  it.each([
    ['vi', 2_340_000, 'VND', /2\.340\.000\s?₫/],
    ['en', 2_340_000, 'VND', /₫\s?2,340,000/],
    ['zh', 128.5, 'CNY', /¥128\.50/],
    ['en', 128.5, 'CNY', /CN¥128\.50/],
  ] as const)('%s money %d %s', (locale, amount, currency, expected) => {
    expect(formatMoney(locale, amount, currency)).toMatch(expected);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{count} residents in {place}', { count: 3, place: 'Sơn Bình' })).toBe(
      '3 residents in Sơn Bình',
    );
    expect(interpolate('Hello {name}', {})).toBe('Hello {name}');
  });

  it.each([
    [['vi-VN', 'en'], 'vi'],
    [['zh-CN'], 'zh'],
    [['fr-FR', 'en-US'], 'en'],
    [['de'], 'en'],
    [[], 'en'],
  ] as const)('browser languages %j → %s', (languages, expected) => {
    expect(preferredLocale(languages)).toBe(expected);
  });
});
