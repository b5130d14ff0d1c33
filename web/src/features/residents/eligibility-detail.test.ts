import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../../../src/platform/profile.ts';
import { MESSAGES } from '../../i18n/catalog.ts';
import { formatDate, formatMessage, formatMoney, formatPercent } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Eligibility } from './api.ts';
import { eligibilityDetail } from './eligibility-detail.ts';

const cn = loadProfile('cn');
const vn = loadProfile('vn');

/** The app's words in one language, as useI18n() gives them. */
const words = (locale: Locale) => ({
  t: (key: keyof (typeof MESSAGES)['en'], params?: Record<string, string | number>) =>
    formatMessage(locale, MESSAGES[locale][key], params),
  percent: (share: number, digits?: number) => formatPercent(locale, share, digits),
  money: (amount: number, currency: string) => formatMoney(locale, amount, currency),
  date: (value: string | Date) => formatDate(locale, value),
});

const card = (over: Partial<NonNullable<Eligibility['card']>>) =>
  ({
    cardNumber: null,
    beneficiaryGroup: null,
    benefitLevel: null,
    provinceCode: null,
    scheme: 'resident',
    insuredAreaCode: '520330',
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    registeredFacilityCode: null,
    fiveYearsOn: null,
    copayExemptFrom: null,
    status: 'active',
    nameMatches: null,
    birthDateMatches: null,
    ...over,
  }) as NonNullable<Eligibility['card']>;

/** A CN enrolment's answer at a township health centre, as GET /api/eligibility gives it. */
const enrolmentAnswer: Eligibility = {
  valid: true,
  reason: {
    code: 'valid',
    message:
      'Enrolled in 城乡居民基本医疗保险 of 520330; inside the insured area; at the grassroots level (基层): deductible 300, 85% above it; of 1300: 850 reimbursed, 450 self-paid (deductible taken as unpaid this year)',
  },
  benefitPercent: 85,
  onRoute: null,
  rule: 'facility-level',
  routeRule: null,
  date: '2026-11-25',
  facility: { code: 'T520330104', kind: 'township_health_centre', tier: 'grassroots' },
  card: card({}),
  scheme: 'resident',
  areaRule: 'inside-insured-area',
  deductible: 300,
  ratioPercent: 85,
  reimbursement: { cost: 1300, deductibleApplied: 300, reimbursed: 850, selfPaid: 450 },
};

/** A VN card's answer at its registered commune station. */
const cardAnswer: Eligibility = {
  valid: true,
  reason: {
    code: 'valid',
    agencyCode: '000',
    message: 'Card valid; at the registered first-point facility; 100% at a commune health station',
  },
  benefitPercent: 100,
  onRoute: true,
  rule: 'commune-station',
  routeRule: 'registered-facility',
  date: '2026-11-25',
  facility: { code: '56101', kind: 'commune_health_station', tier: 'commune' },
  card: card({ cardNumber: 'DN4565600000001', scheme: null, insuredAreaCode: null }),
};

describe("the eligibility answer's detail line, worded by the app from codes and figures", () => {
  test('a CN enrolment in Chinese: scheme and insured area, the place, the level, the amounts', () => {
    const detail = eligibilityDetail(enrolmentAnswer, cn, words('zh'));
    expect(detail).toEqual([
      '城乡居民基本医疗保险，参保地 520330',
      '在参保地内',
      expect.stringMatching(/^基层级别：起付线 ¥300\.00，超出部分报销 85%$/),
      expect.stringMatching(/^费用 ¥1,300\.00：报销 ¥850\.00，个人自付 ¥450\.00/),
    ]);
    // Not a word of the server's English sentence.
    expect(detail.join(' ')).not.toMatch(/Enrolled|deductible|reimbursed|inside/);
  });

  test('the same answer in English and Vietnamese', () => {
    expect(eligibilityDetail(enrolmentAnswer, cn, words('en'))[1]).toBe('inside the insured area');
    expect(eligibilityDetail(enrolmentAnswer, cn, words('vi'))[1]).toBe('trong nơi tham gia bảo hiểm');
  });

  test('outside the insured area on an emergency, without a cost', () => {
    const detail = eligibilityDetail(
      { ...enrolmentAnswer, areaRule: 'excepted-visit', reimbursement: null },
      cn,
      words('zh'),
    );
    expect(detail).toHaveLength(3);
    expect(detail[1]).toBe('在参保地外，按急诊或转诊报销');
  });

  test('a VN card keeps its route and benefit, now in the reader’s language', () => {
    expect(eligibilityDetail(cardAnswer, vn, words('vi'))).toEqual([
      'tại nơi đăng ký KCB ban đầu',
      '100% tại trạm y tế xã',
    ]);
    const offRoute = {
      ...cardAnswer,
      rule: 'off-route-rate',
      routeRule: 'self-referred',
      benefitPercent: 32,
    };
    expect(eligibilityDetail(offRoute, vn, words('en'))).toEqual([
      'self-referred: off-route',
      'the off-route rate of the card’s benefit: 32%',
    ]);
  });

  test("a code the app does not know yet brings the server's sentence in", () => {
    const answer = { ...cardAnswer, routeRule: 'some-new-rule' };
    expect(eligibilityDetail(answer, vn, words('zh'))).toEqual([
      cardAnswer.reason.message,
      '在乡镇卫生站报销 100%',
    ]);
  });

  test('a refusal adds only the dates a date refusal was held against', () => {
    const expired = {
      ...enrolmentAnswer,
      valid: false,
      reason: { code: 'expired', message: 'The enrolment expired on 2025-12-31' },
      rule: 'enrolment-expired',
      card: card({ validFrom: '2025-01-01', validTo: '2025-12-31' }),
    };
    expect(eligibilityDetail(expired, cn, words('en'))).toEqual(['1 Jan 2025 – 31 Dec 2025']);
    const noEnrolment = { ...expired, reason: { code: 'no-enrolment', message: '' }, card: null };
    expect(eligibilityDetail(noEnrolment, cn, words('zh'))).toEqual([]);
  });
});
