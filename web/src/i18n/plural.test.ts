import { describe, expect, it } from 'vitest';
import { MESSAGES, type MessageKey } from './catalog.ts';
import { formatMessage } from './format.ts';
import type { Locale } from './locales.ts';

const t = (locale: Locale, key: MessageKey, params: Record<string, string | number>) =>
  formatMessage(locale, MESSAGES[locale][key], params);

describe('counts read right in every language (ICU plural forms)', () => {
  it.each([
    // English inflects: one and other.
    { locale: 'en', count: 1, want: 'Map of 1 facility' },
    { locale: 'en', count: 5, want: 'Map of 5 facilities' },
    { locale: 'en', count: 0, want: 'Map of 0 facilities' },
    { locale: 'en', count: 1234, want: 'Map of 1,234 facilities' },
    // Vietnamese and Chinese do not: one form, the number written their way.
    { locale: 'vi', count: 1, want: 'Bản đồ 1 cơ sở y tế' },
    { locale: 'vi', count: 1234, want: 'Bản đồ 1.234 cơ sở y tế' },
    { locale: 'zh', count: 1, want: '1 个医疗机构的地图' },
    { locale: 'zh', count: 1234, want: '1,234 个医疗机构的地图' },
  ] as const)('$locale: $count facilities on the map', ({ locale, count, want }) => {
    expect(t(locale, 'facilities.map.svgLabel', { count })).toBe(want);
  });

  it.each([
    { locale: 'en', count: 1, days: 1, want: '1 resident’s card expires within 1 day' },
    { locale: 'en', count: 169, days: 30, want: '169 residents’ cards expire within 30 days' },
    { locale: 'vi', count: 1, days: 30, want: '1 người có thẻ hết hạn trong 30 ngày' },
    { locale: 'zh', count: 169, days: 30, want: '169 位居民的医保卡将在 30 天内到期' },
  ] as const)('$locale: two counts in one message ($count, $days)', ({ locale, count, days, want }) => {
    expect(t(locale, 'residents.expiring.count', { count, days })).toBe(want);
  });

  it.each([
    { locale: 'en', count: 1, want: '1 facility has no coordinates and is not on the map.' },
    { locale: 'en', count: 2, want: '2 facilities have no coordinates and are not on the map.' },
    { locale: 'vi', count: 2, want: '2 cơ sở chưa có tọa độ nên không hiện trên bản đồ.' },
  ] as const)('$locale: the verb agrees with $count', ({ locale, count, want }) => {
    expect(t(locale, 'facilities.map.missing', { count })).toBe(want);
  });

  it('plain placeholders still take text, and a missing value shows the gap instead of failing', () => {
    expect(formatMessage('en', 'Open the page of {name}', { name: 'Trạm Y tế Sơn Bình' })).toBe(
      'Open the page of Trạm Y tế Sơn Bình',
    );
    expect(formatMessage('en', 'Hello {name}', {})).toBe('Hello {name}');
  });
});
