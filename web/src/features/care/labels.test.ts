import { describe, expect, test } from 'vitest';
import { MESSAGES } from '../../i18n/catalog.ts';
import { formatMessage } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { frequencyLabel, kindLabel, medicineName, nameIn, observationLabel, unitLabel } from './labels.ts';

const i18n = (locale: Locale) => ({
  locale,
  t: (key: keyof (typeof MESSAGES)['en'], params?: Record<string, string | number>) =>
    formatMessage(locale, MESSAGES[locale][key], params),
});

describe('care labels', () => {
  test.each([
    { unit: 'mm[Hg]', locale: 'en', want: 'mmHg' },
    { unit: 'Cel', locale: 'vi', want: '°C' },
    { unit: '/min', locale: 'vi', want: 'lần/phút' },
    { unit: 'wk', locale: 'zh', want: '周' },
    { unit: 'mmol/L', locale: 'en', want: 'mmol/L' },
  ] as const)('the unit $unit reads $want in $locale', ({ unit, locale, want }) => {
    expect(unitLabel(unit, i18n(locale))).toBe(want);
  });

  test('ids in the reader’s language; an id the server adds later shows as itself', () => {
    expect(kindLabel('home-visit', i18n('vi'))).toBe('Khám tại nhà');
    expect(frequencyLabel('twice-daily', i18n('zh'))).toBe('每日两次');
    expect(observationLabel('systolic', i18n('en'))).toBe('Systolic BP');
    expect(observationLabel('ankle-brachial-index', i18n('en'))).toBe('ankle-brachial-index');
  });

  test('a medicine’s strength is written once; a name falls back to English', () => {
    expect(medicineName({ name: 'Amlodipin 5 mg', strength: '5 mg' })).toBe('Amlodipin 5 mg');
    expect(medicineName({ name: 'Metformin', strength: '500 mg' })).toBe('Metformin 500 mg');
    expect(nameIn({ vi: '', zh: '高血压', en: 'Hypertension' }, { locale: 'vi' })).toBe('Hypertension');
  });
});
