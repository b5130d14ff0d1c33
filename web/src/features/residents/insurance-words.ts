import { type CountryProfile, useProfile } from '../../api/profile.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

/**
 * What a person holds, by the profile: a card (VN: a 15-character number, a beneficiary group and a
 * benefit digit) or an enrolment (CN 参保登记: a scheme and an insured area, keyed by the citizen id).
 */
export type InsuranceRecord = 'card' | 'enrolment';

export function insuranceRecordOf(profile: Pick<CountryProfile, 'insurance'> | undefined): InsuranceRecord {
  return profile?.insurance.enrolment ? 'enrolment' : 'card';
}

/** The words that name a card, and the same words for an enrolment. */
const FOR_ENROLMENT = {
  'residents.nav.check': 'residents.nav.checkEnrolment',
  'residents.check.title': 'residents.check.titleEnrolment',
  'residents.check.intro': 'residents.check.introEnrolment',
  'residents.check.number': 'residents.check.numberEnrolment',
  'residents.check.numberHint': 'residents.check.numberHintEnrolment',
  'residents.search.hint': 'residents.search.hintEnrolment',
  'residents.card.none': 'residents.card.noneEnrolment',
  'residents.expiring.title': 'residents.expiring.titleEnrolment',
  'residents.expiring.count': 'residents.expiring.countEnrolment',
  'residents.expiring.unavailable': 'residents.expiring.unavailableEnrolment',
  'residents.expiring.none': 'residents.expiring.noneEnrolment',
} as const satisfies Partial<Record<MessageKey, MessageKey>>;

export type InsuranceWordKey = keyof typeof FOR_ENROLMENT;

/** The catalog key of `key` for what the profile's people hold. */
export function insuranceWord(record: InsuranceRecord, key: InsuranceWordKey): MessageKey {
  return record === 'enrolment' ? FOR_ENROLMENT[key] : key;
}

/** The API's reason codes, in the reader's language; an unlisted code is shown as it came. */
const CARD_REASONS: Record<string, MessageKey> = {
  valid: 'residents.eligibility.reason.valid',
  withdrawn: 'residents.eligibility.reason.withdrawn',
  expired: 'residents.eligibility.reason.expired',
  'not-yet-valid': 'residents.eligibility.reason.notYetValid',
  'no-card-data': 'residents.eligibility.reason.noCardData',
  'wrong-card-number': 'residents.eligibility.reason.wrongCardNumber',
  'unknown-group': 'residents.eligibility.reason.unknownGroup',
  'wrong-benefit-code': 'residents.eligibility.reason.wrongBenefitCode',
  'wrong-province-code': 'residents.eligibility.reason.wrongProvinceCode',
  'old-card-expired-new-issued': 'residents.eligibility.reason.oldExpiredNewIssued',
  'old-card-valid-new-issued': 'residents.eligibility.reason.oldValidNewIssued',
  'wrong-name': 'residents.eligibility.reason.wrongName',
  'wrong-birth-date': 'residents.eligibility.reason.wrongBirthDate',
  'kept-elsewhere': 'residents.eligibility.reason.keptElsewhere',
  'child-without-card': 'residents.eligibility.reason.childWithoutCard',
};
/** An enrolment's reasons (src/modules/insurance/enrolment.rules.ts); a card's for the holder checks. */
const ENROLMENT_REASONS: Record<string, MessageKey> = {
  ...CARD_REASONS,
  valid: 'residents.eligibility.reason.validEnrolment',
  withdrawn: 'residents.eligibility.reason.withdrawnEnrolment',
  expired: 'residents.eligibility.reason.expiredEnrolment',
  'not-yet-valid': 'residents.eligibility.reason.notYetValidEnrolment',
  'no-enrolment': 'residents.eligibility.reason.noEnrolment',
  'outside-insured-area': 'residents.eligibility.reason.outsideInsuredArea',
  'no-rate-for-level': 'residents.eligibility.reason.noRateForLevel',
};

/** The catalog key of an eligibility reason code, or undefined for a code the app does not know. */
export function reasonKey(record: InsuranceRecord, code: string): MessageKey | undefined {
  return (record === 'enrolment' ? ENROLMENT_REASONS : CARD_REASONS)[code];
}

/** What the profile in force has its people hold; a card until the profile has loaded. */
export function useInsuranceRecord(): InsuranceRecord {
  return insuranceRecordOf(useProfile().data);
}
