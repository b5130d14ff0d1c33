import type { CountryProfile } from '../../platform/profile.ts';

/**
 * The Vietnamese 15-character health insurance card number `AA N PP SSSSSSSSSS`: beneficiary group,
 * benefit-level digit, province code, 10-digit social insurance number. The groups, the digit each
 * group carries and the province codes come from the profile (`insurance.card`).
 */

export interface ParsedCard {
  number: string;
  beneficiaryGroup: string;
  benefitLevel: number;
  provinceCode: string;
  socialInsuranceNumber: string;
}

/**
 * Why a card (or a visit on it) is refused; `agencyCode` is the insurance agency's lookup answer:
 * 000 valid, 003 old card expired and a new one issued, 004 old card still valid and a new one issued,
 * 010 expired, 050 no card data, 051 wrong card number, 052 wrong province code, 053 wrong benefit
 * code, 060 wrong name, 070 wrong date of birth, 110 withdrawn; 001/002 a card kept by the defence or
 * police social security, to be checked on its face; 130 a child under 6 covered without a card. The
 * agency has no code for "not yet valid".
 */
export interface CardReason {
  code:
    | 'valid'
    | 'no-card-scheme'
    | 'no-card-data'
    | 'wrong-card-number'
    | 'unknown-group'
    | 'wrong-benefit-code'
    | 'wrong-province-code'
    | 'expired'
    | 'not-yet-valid'
    | 'withdrawn'
    | 'old-card-expired-new-issued'
    | 'old-card-valid-new-issued'
    | 'wrong-name'
    | 'wrong-birth-date'
    | 'kept-elsewhere'
    | 'child-without-card';
  agencyCode?: string;
  message: string;
}

export type CardParse = { ok: true; card: ParsedCard } | { ok: false; reason: CardReason };

/** Upper-cases a typed card number and drops spaces, dots and dashes. */
export function normaliseCardNumber(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/** A normalised number that is the 10-digit social insurance number newer cards print alone. */
export function isSocialInsuranceNumber(number: string): boolean {
  return /^\d{10}$/.test(number);
}

/**
 * Parses and checks a card number against the profile: shape (051), known group (051), the group's
 * benefit digit (053, character 3), a real province code (052, characters 4-5).
 *
 * @example
 * parseCardNumber(vn, 'DN4560123456789') // => { ok: true, card: { beneficiaryGroup: 'DN', benefitLevel: 4, provinceCode: '56', ... } }
 * parseCardNumber(vn, 'DN3560123456789') // => { ok: false, reason: { code: 'wrong-benefit-code', agencyCode: '053', ... } }
 */
export function parseCardNumber(profile: CountryProfile, value: string): CardParse {
  const scheme = profile.insurance.card;
  if (!scheme) {
    return {
      ok: false,
      reason: { code: 'no-card-scheme', message: `${profile.name} has no card number scheme` },
    };
  }
  const number = normaliseCardNumber(value);
  if (!new RegExp(scheme.pattern).test(number)) {
    return fail(
      'wrong-card-number',
      '051',
      `${number || 'the card number'} does not match ${scheme.pattern}`,
    );
  }
  const beneficiaryGroup = number.slice(0, 2);
  const benefitLevel = Number(number[2]);
  const provinceCode = number.slice(3, 5);
  const group = scheme.groups.find((g) => g.code === beneficiaryGroup);
  if (!group)
    return fail('unknown-group', '051', `beneficiary group ${beneficiaryGroup} is not a known group`);
  if (group.benefitLevel !== benefitLevel) {
    return fail(
      'wrong-benefit-code',
      '053',
      `wrong benefit code: group ${beneficiaryGroup} carries benefit level ${group.benefitLevel}, not ${benefitLevel}`,
    );
  }
  if (!scheme.provinceCodes.some((p) => p.code === provinceCode)) {
    return fail('wrong-province-code', '052', `wrong province code: ${provinceCode} is not a province code`);
  }
  return {
    ok: true,
    card: { number, beneficiaryGroup, benefitLevel, provinceCode, socialInsuranceNumber: number.slice(5) },
  };
}

function fail(code: CardReason['code'], agencyCode: string, message: string): CardParse {
  return { ok: false, reason: { code, agencyCode, message } };
}

/**
 * The body that keeps cards of a province code when it is not the agency this registry mirrors (VN: 97
 * defence, 98 police social security), with the agency's answer for them (001, 002).
 */
export function keptElsewhere(
  profile: CountryProfile,
  provinceCode: string,
): { agencyCode: string; keeper: string } | undefined {
  const entry = profile.insurance.card?.provinceCodes.find((p) => p.code === provinceCode);
  return entry?.keptElsewhere
    ? { agencyCode: entry.keptElsewhere.agencyCode, keeper: entry.label }
    : undefined;
}
