import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../../../src/platform/profile.ts';
import { MESSAGES } from '../../i18n/catalog.ts';
import { type InsuranceWordKey, insuranceRecordOf, insuranceWord, reasonKey } from './insurance-words.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

/** Every word that names what a person holds, as each profile's counter reads it. */
const KEYS: InsuranceWordKey[] = [
  'residents.nav.check',
  'residents.check.title',
  'residents.check.intro',
  'residents.check.number',
  'residents.check.numberHint',
  'residents.search.hint',
  'residents.card.none',
  'residents.expiring.title',
  'residents.expiring.count',
  'residents.expiring.unavailable',
  'residents.expiring.none',
];

describe('insurance words follow the profile', () => {
  test('VN people hold cards, CN people enrolments (参保登记)', () => {
    expect(insuranceRecordOf(vn)).toBe('card');
    expect(insuranceRecordOf(cn)).toBe('enrolment');
    expect(insuranceRecordOf(undefined)).toBe('card');
  });

  test.each(KEYS)('%s: a card under VN, an enrolment under CN', (key) => {
    expect(insuranceWord('card', key)).toBe(key);
    expect(insuranceWord('enrolment', key)).not.toBe(key);
    // The Chinese words for an enrolment name no card (医保卡, 卡号, a 15-character number).
    const zh = MESSAGES.zh[insuranceWord(insuranceRecordOf(cn), key)];
    expect(zh).not.toMatch(/卡|15位/);
    expect(MESSAGES.en[insuranceWord('enrolment', key)]).not.toMatch(/\bcard/i);
  });

  test('the Chinese check under CN asks for the citizen id, not a card number', () => {
    expect(MESSAGES.zh[insuranceWord('enrolment', 'residents.check.number')]).toBe('公民身份号码');
    expect(MESSAGES.zh[insuranceWord('card', 'residents.check.number')]).toBe('医保卡号或身份证号');
  });

  test.each([
    ['valid', 'residents.eligibility.reason.validEnrolment'],
    ['expired', 'residents.eligibility.reason.expiredEnrolment'],
    ['no-enrolment', 'residents.eligibility.reason.noEnrolment'],
    ['outside-insured-area', 'residents.eligibility.reason.outsideInsuredArea'],
    ['no-rate-for-level', 'residents.eligibility.reason.noRateForLevel'],
    ['wrong-name', 'residents.eligibility.reason.wrongName'],
  ])("an enrolment's reason %s is worded as %s", (code, key) => {
    expect(reasonKey('enrolment', code)).toBe(key);
  });

  test("a card's reasons keep the card's words; an unknown code has none", () => {
    expect(reasonKey('card', 'valid')).toBe('residents.eligibility.reason.valid');
    expect(reasonKey('card', 'child-without-card')).toBe('residents.eligibility.reason.childWithoutCard');
    expect(reasonKey('card', 'no-enrolment')).toBeUndefined();
  });
});
