import { describe, expect, test } from 'vitest';
import { uuidV7 } from './api.ts';
import { itemName } from './item-name.ts';

describe('uuidV7', () => {
  test('is a version-7 UUID whose first 48 bits are the milliseconds', () => {
    const id = uuidV7(0x0190_f1c2_3456);
    expect(id).toMatch(/^0190f1c2-3456-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV7()).not.toBe(uuidV7());
  });
});

describe('itemName', () => {
  const item = { name: 'Khám thai', nameEn: 'Antenatal care' };
  const vn = { locale: 'vi-VN' } as Parameters<typeof itemName>[2];
  test.each([
    { locale: 'vi', want: 'Khám thai' },
    { locale: 'en', want: 'Antenatal care' },
    { locale: 'zh', want: 'Antenatal care' },
  ] as const)('a $locale reader of a VN standard reads $want', ({ locale, want }) => {
    expect(itemName(item, locale, vn)).toBe(want);
  });
});
