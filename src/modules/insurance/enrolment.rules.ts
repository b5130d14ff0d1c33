import type { FieldError } from '../../platform/http/errors.ts';
import { type CountryProfile, tierOfKind } from '../../platform/profile.ts';
import { normaliseCardNumber, parseCardNumber } from './card.rules.ts';
import type { VisitKind } from './insurance.rules.ts';
import { reimburseVisit } from './reimbursement.rules.ts';

/**
 * Which insurance record a country keeps, as the profile says: a card with a structured number
 * (`insurance.card`, VN) or an enrolment in a scheme with its insured area (`insurance.enrolment`, CN
 * basic medical insurance, 职工 or 城乡居民). Both are stored in `insurance_card`; these pure rules read
 * a posted record under the profile and answer eligibility for an enrolment, with the deductible and
 * reimbursement ratio of the facility's level from `reimbursement.rules.ts`.
 */

/** The record fields a posted card or enrolment comes with (the API body's names). */
export interface CardFieldsInput {
  cardNumber?: string;
  scheme?: string;
  insuredArea?: string;
  fiveYearsOn?: string;
  copayExemptFrom?: string;
}

/** The insured area as the registry knows it (undefined when `insuredArea` names no area). */
export interface InsuredAreaRef {
  code: string;
  level: string;
  path: string;
}

/** The format-specific part of a stored record: a VN card's parts, or an enrolment's scheme and area. */
export interface CardFields {
  cardNumber: string | null;
  beneficiaryGroup: string | null;
  benefitLevel: number | null;
  provinceCode: string | null;
  socialInsuranceNumber: string | null;
  scheme: string | null;
  insuredAreaPath: string | null;
}

export type CardFieldsResult = { ok: true; fields: CardFields } | { ok: false; errors: FieldError[] };

/** What a profile's record is called and what it needs, for messages that say what to send. */
export function expectedRecord(profile: CountryProfile): string {
  const { card, enrolment, reimbursement } = profile.insurance;
  if (card) return `cardNumber (${card.label})`;
  if (enrolment) {
    const schemes = (reimbursement?.schemes ?? []).map((s) => s.id).join(' or ');
    const number = enrolment.number ? `, cardNumber (${enrolment.number.label})` : '';
    return `scheme (${schemes}) and insuredArea (an area code at the ${enrolment.insuredAreaLevels.join(' or ')} level)${number}`;
  }
  return 'nothing: the profile keeps no insurance records';
}

/**
 * Reads a posted record under the profile: a VN card number parsed into its parts, or an enrolment's
 * scheme (one of the profile's schemes), insured area (an area at one of the profile's insured-area
 * levels) and member number (only when the profile has a pattern for one). Fields of the other
 * format are refused, saying what this profile expects.
 *
 * @example
 * readCardFields(cn, { scheme: 'resident', insuredArea: '110105' }, { code: '110105', level: 'county', path: '11.1101.110105' })
 * // => { ok: true, fields: { scheme: 'resident', insuredAreaPath: '11.1101.110105', cardNumber: null, ... } }
 * readCardFields(cn, { cardNumber: 'DN4560123456789' }, undefined)
 * // => { ok: false, errors: [{ field: 'body.cardNumber', message: '中国 enrolments have no card number ...' }, ...] }
 */
export function readCardFields(
  profile: CountryProfile,
  body: CardFieldsInput,
  insuredArea: InsuredAreaRef | undefined,
): CardFieldsResult {
  const { card, enrolment, benefit } = profile.insurance;
  const errors: FieldError[] = [];
  const expected = expectedRecord(profile);
  if (!benefit) {
    for (const field of ['fiveYearsOn', 'copayExemptFrom'] as const)
      if (body[field] !== undefined)
        errors.push({ field: `body.${field}`, message: `not used in ${profile.name}: send ${expected}` });
  }
  if (card) {
    for (const field of ['scheme', 'insuredArea'] as const)
      if (body[field] !== undefined)
        errors.push({
          field: `body.${field}`,
          message: `not part of a card in ${profile.name}: send ${expected}`,
        });
    if (body.cardNumber === undefined) {
      errors.push({ field: 'body.cardNumber', message: `required: ${card.label}` });
      return { ok: false, errors };
    }
    const parsed = parseCardNumber(profile, body.cardNumber);
    if (!parsed.ok) errors.push({ field: 'body.cardNumber', message: parsed.reason.message });
    if (errors.length > 0 || !parsed.ok) return { ok: false, errors };
    const c = parsed.card;
    return {
      ok: true,
      fields: {
        cardNumber: c.number,
        beneficiaryGroup: c.beneficiaryGroup,
        benefitLevel: c.benefitLevel,
        provinceCode: c.provinceCode,
        socialInsuranceNumber: c.socialInsuranceNumber,
        scheme: null,
        insuredAreaPath: null,
      },
    };
  }
  if (!enrolment) {
    return { ok: false, errors: [{ field: 'body', message: `${profile.name} keeps no insurance records` }] };
  }

  let number: string | null = null;
  if (body.cardNumber !== undefined) {
    if (!enrolment.number) {
      errors.push({
        field: 'body.cardNumber',
        message: `${profile.name} enrolments have no card number (the citizen id is the key): send ${expected}`,
      });
    } else {
      number = normaliseCardNumber(body.cardNumber);
      if (!new RegExp(enrolment.number.pattern).test(number))
        errors.push({
          field: 'body.cardNumber',
          message: `${number || 'the number'} does not match ${enrolment.number.pattern} (${enrolment.number.label})`,
        });
    }
  } else if (enrolment.number) {
    errors.push({ field: 'body.cardNumber', message: `required: ${enrolment.number.label}` });
  }
  const schemes = profile.insurance.reimbursement?.schemes ?? [];
  if (body.scheme === undefined) {
    errors.push({ field: 'body.scheme', message: `required: ${schemes.map((s) => s.id).join(' or ')}` });
  } else if (!schemes.some((s) => s.id === body.scheme)) {
    errors.push({
      field: 'body.scheme',
      message: `unknown scheme ${body.scheme}: ${schemes.map((s) => `${s.id} (${s.label})`).join(' or ')}`,
    });
  }
  const levels = enrolment.insuredAreaLevels;
  if (body.insuredArea === undefined) {
    errors.push({
      field: 'body.insuredArea',
      message: `required: an area code at the ${levels.join(' or ')} level`,
    });
  } else if (!insuredArea) {
    errors.push({ field: 'body.insuredArea', message: `no area with id or code ${body.insuredArea}` });
  } else if (!levels.includes(insuredArea.level)) {
    errors.push({
      field: 'body.insuredArea',
      message: `${insuredArea.code} is a ${insuredArea.level}: the insured area is the ${levels.join(' or ')} running the scheme`,
    });
  }
  if (errors.length > 0 || !insuredArea || body.scheme === undefined) return { ok: false, errors };
  return {
    ok: true,
    fields: {
      cardNumber: number,
      beneficiaryGroup: null,
      benefitLevel: null,
      provinceCode: null,
      socialInsuranceNumber: null,
      scheme: body.scheme,
      insuredAreaPath: insuredArea.path,
    },
  };
}

/** The code of an area from its path (the last label: paths are made of area codes). */
export function areaCodeOfPath(path: string): string {
  return path.slice(path.lastIndexOf('.') + 1);
}

/** Whether a place lies in an area (the area itself or below it), by their ltree paths. */
export function isWithinPath(placePath: string, areaPath: string): boolean {
  return placePath === areaPath || placePath.startsWith(`${areaPath}.`);
}

/** An enrolment as the registry holds it. */
export interface EnrolmentOnFile {
  scheme: string;
  validFrom: string;
  validTo: string;
  status: 'active' | 'withdrawn';
  insuredAreaPath: string;
}

export interface EnrolmentVisit {
  date: string;
  kind: VisitKind;
  /** Eligible cost of the visit; gives the reimbursed amount when known. */
  cost?: number;
}

export type EnrolmentRule =
  | 'enrolment-on-file'
  | 'enrolment-withdrawn'
  | 'enrolment-not-yet-valid'
  | 'enrolment-expired'
  | 'insured-area'
  | 'facility-level';
/** Why the place of the visit was accepted or not. */
export type AreaRule = 'inside-insured-area' | 'excepted-visit' | 'outside-covered' | 'outside-insured-area';

export interface EnrolmentAnswer {
  valid: boolean;
  reason: {
    code:
      | 'valid'
      | 'no-enrolment'
      | 'withdrawn'
      | 'not-yet-valid'
      | 'expired'
      | 'outside-insured-area'
      | 'no-rate-for-level';
    message: string;
  };
  /** The rule that decided the answer (for a valid one: the facility level's rate). */
  rule: EnrolmentRule;
  areaRule: AreaRule | null;
  scheme: string | null;
  /** The facility's tier (profile tier id), when the profile knows its kind. */
  tier: string | null;
  deductible: number | null;
  /** Reimbursement ratio of the amount above the deductible; 0 when not valid. */
  ratioPercent: number;
  reimbursement: { cost: number; deductibleApplied: number; reimbursed: number; selfPaid: number } | null;
}

/**
 * Eligibility of an enrolment for a visit: on file, not withdrawn, valid on the date; inside the
 * insured area unless the profile covers visits outside it or the visit is of an excepted kind
 * (CN: emergency, referral); then the deductible and ratio of the facility's level for the scheme,
 * and the reimbursed amount when the cost is known (the deductible taken as not yet paid this year).
 *
 * @example
 * checkEnrolmentEligibility(cn, { enrolment, facility: { kind: 'community_health_centre', areaPath: '11.1101.110105.110105001' }, visit: { date: '2025-06-01', kind: 'registered', cost: 1300 } })
 * // => { valid: true, rule: 'facility-level', areaRule: 'inside-insured-area', deductible: 300, ratioPercent: 85, reimbursement: { reimbursed: 850, ... } }
 */
export function checkEnrolmentEligibility(
  profile: CountryProfile,
  input: {
    enrolment: EnrolmentOnFile | null;
    facility: { kind: string; areaPath: string };
    visit: EnrolmentVisit;
  },
): EnrolmentAnswer {
  const { enrolment, facility, visit } = input;
  const tier = tierOfKind(profile, facility.kind) ?? null;
  const refuse = (
    rule: EnrolmentRule,
    code: EnrolmentAnswer['reason']['code'],
    message: string,
    areaRule: AreaRule | null = null,
  ): EnrolmentAnswer => ({
    valid: false,
    reason: { code, message },
    rule,
    areaRule,
    scheme: enrolment?.scheme ?? null,
    tier,
    deductible: null,
    ratioPercent: 0,
    reimbursement: null,
  });
  if (!enrolment) return refuse('enrolment-on-file', 'no-enrolment', 'No enrolment on file for this person');
  if (enrolment.status === 'withdrawn')
    return refuse('enrolment-withdrawn', 'withdrawn', 'The enrolment was withdrawn');
  if (visit.date < enrolment.validFrom)
    return refuse(
      'enrolment-not-yet-valid',
      'not-yet-valid',
      `The enrolment is not yet valid on ${visit.date} (valid from ${enrolment.validFrom})`,
    );
  if (visit.date > enrolment.validTo)
    return refuse('enrolment-expired', 'expired', `The enrolment expired on ${enrolment.validTo}`);

  const home = areaCodeOfPath(enrolment.insuredAreaPath);
  const area = decideArea(profile, enrolment.insuredAreaPath, facility.areaPath, visit.kind);
  if (area.rule === 'outside-insured-area') {
    return refuse(
      'insured-area',
      'outside-insured-area',
      `The facility is outside the insured area ${home}: a visit elsewhere needs a filing (or an emergency or referral)`,
      area.rule,
    );
  }
  const levelLabel = profile.tiers.find((t) => t.id === tier)?.label;
  const rate = reimburseVisit(profile, {
    scheme: enrolment.scheme,
    tier: tier ?? '',
    cost: visit.cost ?? 0,
  });
  if (!rate.ok) {
    return refuse(
      'facility-level',
      'no-rate-for-level',
      `The ${enrolment.scheme} scheme has no rate at the ${tier ?? `unknown (${facility.kind})`} level`,
      area.rule,
    );
  }
  const scheme = profile.insurance.reimbursement?.schemes.find((s) => s.id === enrolment.scheme);
  const amounts =
    visit.cost === undefined
      ? ''
      : `; of ${visit.cost}: ${rate.reimbursed} reimbursed, ${rate.selfPaid} self-paid (deductible taken as unpaid this year)`;
  return {
    valid: true,
    reason: {
      code: 'valid',
      message: `Enrolled in ${scheme?.label ?? enrolment.scheme} of ${home}; ${area.message}; at the ${tier} level (${levelLabel}): deductible ${rate.deductible}, ${rate.ratioPercent}% above it${amounts}`,
    },
    rule: 'facility-level',
    areaRule: area.rule,
    scheme: enrolment.scheme,
    tier,
    deductible: rate.deductible,
    ratioPercent: rate.ratioPercent,
    reimbursement:
      visit.cost === undefined
        ? null
        : {
            cost: visit.cost,
            deductibleApplied: rate.deductibleApplied,
            reimbursed: rate.reimbursed,
            selfPaid: rate.selfPaid,
          },
  };
}

/** Inside the insured area, or outside it and covered by the profile or by the kind of visit. */
export function decideArea(
  profile: CountryProfile,
  insuredAreaPath: string,
  facilityAreaPath: string,
  kind: VisitKind,
): { rule: AreaRule; message: string } {
  if (isWithinPath(facilityAreaPath, insuredAreaPath))
    return { rule: 'inside-insured-area', message: 'inside the insured area' };
  const outside = profile.insurance.enrolment?.outsideInsuredArea;
  if (outside?.covered) return { rule: 'outside-covered', message: 'outside the insured area, covered' };
  if (outside?.exceptVisitKinds.includes(kind))
    return { rule: 'excepted-visit', message: `outside the insured area, covered as ${kind}` };
  return { rule: 'outside-insured-area', message: 'outside the insured area' };
}
