import { type CountryProfile, careLevelOfKind, tierOfKind } from '../../platform/profile.ts';
import { type CardReason, type ParsedCard, parseCardNumber } from './card.rules.ts';
import type { CardStatus, CareType, VisitKind } from './insurance.enums.ts';

/**
 * Eligibility at the point of care (Vietnam, Health Insurance Law 46/2014 art. 22 as amended), as a
 * pure function of the profile's `insurance.benefit` data, the card on file and the visit. The order
 * of the rules is the law's: is the card good on the date; is the visit on-route; then the benefit
 * (100% at a commune station; on-route: co-payment exemption, low-cost visit, the card's level;
 * off-route: the card's level times the off-route rate of the facility's place). A schedule of rates
 * names the old law's tiers (tuyến) or the amended law's levels of care (51/2024, from 2025-07-01:
 * primary, basic, specialised), or both, so either scheme is profile data with its dates.
 */

export type { CareType, VisitKind };

/** A card as the registry holds it. */
export interface CardOnFile {
  number: string;
  validFrom: string;
  validTo: string;
  status: CardStatus;
  registeredFacilityCode: string | null;
  /** Province of the registered facility, when known; otherwise the card's own province code. */
  registeredProvinceCode?: string | null;
  /** The date five consecutive years of coverage are reached. */
  fiveYearsOn?: string | null;
  /** The date the co-payment exemption certificate takes effect (it lasts to the end of that year). */
  copayExemptFrom?: string | null;
}

export interface VisitFacility {
  code: string;
  kind: string;
  provinceCode: string;
  /** The facility's level of care (its own classification or its kind's); its kind's when omitted. */
  careLevel?: string | null;
}

/** Where a facility stands for the off-route rates: its tier and its level of care. */
export interface RatePlace {
  tier?: string;
  careLevel?: string | null;
}

type OffRouteRates = NonNullable<CountryProfile['insurance']['benefit']>['offRouteRates'];
type OffRouteRateRow = OffRouteRates[number]['rates'][number];

export interface Visit {
  date: string;
  kind: VisitKind;
  careType?: CareType;
  /** Total cost of the visit covered by insurance, in the profile's currency. */
  cost?: number;
}

export type RouteRule =
  | 'registered-facility'
  | 'referral'
  | 'emergency'
  | 're-examination'
  | 'same-province-primary'
  | 'self-referred';
export type BenefitRule =
  | 'card-number'
  | 'card-withdrawn'
  | 'card-not-yet-valid'
  | 'card-expired'
  | 'commune-station'
  | 'copay-exemption'
  | 'low-cost'
  | 'benefit-level'
  | 'off-route-rate';

export interface EligibilityAnswer {
  valid: boolean;
  reason: CardReason;
  benefitPercent: number;
  /** Null when the card is refused before the route is looked at. */
  onRoute: boolean | null;
  /** The rule that decided the answer (and the benefit). */
  rule: BenefitRule;
  /** The rule that decided the route, when the card is valid. */
  routeRule: RouteRule | null;
  card: ParsedCard | null;
}

/** The base salary in force on a date (the latest step starting on or before it), or undefined. */
export function baseSalaryOn(profile: CountryProfile, date: string): number | undefined {
  const steps = profile.insurance.benefit?.baseSalary ?? [];
  return latestFrom(steps, date)?.amount;
}

/**
 * The insurer's share of a level's on-route cost on a date, in percent (VN 1:100, 2:100, 3:95, 4:80,
 * 5:100): the level's latest step on or before the date (a step without `from` has always applied).
 */
export function benefitPercentOfLevel(
  profile: CountryProfile,
  level: number,
  date: string,
): number | undefined {
  const steps = (profile.insurance.benefit?.levels ?? [])
    .filter((l) => l.level === level)
    .map((l) => ({ ...l, from: l.from ?? '0000-01-01' }));
  return latestFrom(steps, date)?.percent;
}

/**
 * The off-route rate at a place for a care type on a date (percent of the card's rate); 0 if the
 * schedule in force has none for it.
 */
export function offRouteRate(
  profile: CountryProfile,
  place: RatePlace,
  careType: CareType,
  date: string,
): number {
  const rate = offRouteRateRow(profile, place, date);
  return rate ? rate[careType] : 0;
}

/**
 * The rate row of the schedule in force that speaks for a place: of the rows whose every named key
 * (tier, level of care) the place matches, the one naming the most. So "basic level, formerly
 * provincial" wins over "basic level" for a former provincial hospital.
 */
function offRouteRateRow(
  profile: CountryProfile,
  place: RatePlace,
  date: string,
): OffRouteRateRow | undefined {
  const schedule = latestFrom(profile.insurance.benefit?.offRouteRates ?? [], date);
  let best: OffRouteRateRow | undefined;
  let bestKeys = -1;
  for (const row of schedule?.rates ?? []) {
    if (row.tier !== undefined && row.tier !== place.tier) continue;
    if (row.careLevel !== undefined && row.careLevel !== place.careLevel) continue;
    const keys = Number(row.tier !== undefined) + Number(row.careLevel !== undefined);
    if (keys > bestKeys) [best, bestKeys] = [row, keys];
  }
  return best;
}

/** The words for the place a rate row speaks for: "the district level", "the basic level of care (formerly provincial)". */
function placeWords(row: OffRouteRateRow | undefined, place: RatePlace): string {
  if (row?.careLevel === undefined) return `the ${place.tier ?? 'unknown'} level`;
  return row.tier === undefined
    ? `the ${row.careLevel} level of care`
    : `the ${row.careLevel} level of care (formerly ${row.tier})`;
}

/**
 * Whether a visit is on-route and why: at the registered facility; referred, emergency and
 * re-examination by appointment; a self-referred visit at a tier the profile opens within the
 * province of registration, from the date it opens them (VN: district and commune since 2016-01-01).
 * Anything else is off-route.
 */
export function decideRoute(
  profile: CountryProfile,
  card: CardOnFile & { provinceCode: string },
  facility: VisitFacility,
  visit: Pick<Visit, 'kind' | 'date'>,
): { onRoute: boolean; rule: RouteRule; message: string } {
  const { kind } = visit;
  if (card.registeredFacilityCode && facility.code === card.registeredFacilityCode) {
    return { onRoute: true, rule: 'registered-facility', message: 'at the registered first-point facility' };
  }
  if (kind === 'referred')
    return { onRoute: true, rule: 'referral', message: 'referred with a referral paper' };
  if (kind === 'emergency') return { onRoute: true, rule: 'emergency', message: 'an emergency' };
  if (kind === 're-examination') {
    return { onRoute: true, rule: 're-examination', message: 're-examination by appointment' };
  }
  const tier = tierOfKind(profile, facility.kind);
  const home = card.registeredProvinceCode ?? card.provinceCode;
  const benefit = profile.insurance.benefit;
  const opened = !benefit?.sameProvinceOnRouteFrom || benefit.sameProvinceOnRouteFrom <= visit.date;
  const openTiers = opened ? (benefit?.sameProvinceOnRouteTiers ?? []) : [];
  if (tier && openTiers.includes(tier) && facility.provinceCode === home) {
    return {
      onRoute: true,
      rule: 'same-province-primary',
      message: `self-referred to the ${tier} level in the province`,
    };
  }
  const where = facility.provinceCode === home ? '' : ` outside the card's province (${home})`;
  const notRegistered = kind === 'registered' ? ' (not the registered facility)' : '';
  return {
    onRoute: false,
    rule: 'self-referred',
    message: `self-referred${notRegistered}${where}: off-route`,
  };
}

/**
 * Answers whether a card is good for a visit and what share insurance pays.
 *
 * @example
 * checkEligibility(vn, { card, facility: districtCentre, visit: { date: '2025-03-01', kind: 'referred' } })
 * // => { valid: true, onRoute: true, routeRule: 'referral', rule: 'benefit-level', benefitPercent: 80, ... }
 */
export function checkEligibility(
  profile: CountryProfile,
  input: { card: CardOnFile; facility: VisitFacility; visit: Visit },
): EligibilityAnswer {
  const { card, facility, visit } = input;
  const parsed = parseCardNumber(profile, card.number);
  if (!parsed.ok) return refused('card-number', parsed.reason, null);
  const refusal = checkValidity(card, visit.date);
  if (refusal) return refused(refusal.rule, refusal.reason, parsed.card);
  return judgeVisit(profile, parsed.card, card, facility, visit);
}

/**
 * A visit judged on what the person shows, with no card on file to hold it against: a card kept by the
 * defence or police social security (001/002), a child under 6 with only birth papers (130). The shown
 * group's level decides the benefit; the route follows the kind of visit, a "registered" visit being
 * at the facility the card or papers name.
 */
export function checkShownCard(
  profile: CountryProfile,
  input: { shown: ParsedCard; facility: VisitFacility; visit: Visit },
): EligibilityAnswer {
  const { shown, facility, visit } = input;
  const onItsFace: CardOnFile = {
    number: shown.number,
    validFrom: visit.date,
    validTo: visit.date,
    status: 'active',
    registeredFacilityCode: visit.kind === 'registered' ? facility.code : null,
    registeredProvinceCode: shown.provinceCode,
  };
  return judgeVisit(profile, shown, onItsFace, facility, visit);
}

/** Route, then benefit, for a card good on the visit date. */
function judgeVisit(
  profile: CountryProfile,
  parsed: ParsedCard,
  card: CardOnFile,
  facility: VisitFacility,
  visit: Visit,
): EligibilityAnswer {
  const route = decideRoute(profile, { ...card, provinceCode: parsed.provinceCode }, facility, visit);
  const levelPercent = benefitPercentOfLevel(profile, parsed.benefitLevel, visit.date) ?? 0;
  const benefit = decideBenefit(profile, { card, facility, visit, onRoute: route.onRoute, levelPercent });
  return {
    valid: true,
    reason: { code: 'valid', agencyCode: '000', message: `Card valid; ${route.message}; ${benefit.message}` },
    benefitPercent: benefit.percent,
    onRoute: route.onRoute,
    rule: benefit.rule,
    routeRule: route.rule,
    card: parsed,
  };
}

/** Withdrawn (110), not yet valid, or expired (010) on the visit date; dates compare as strings. */
function checkValidity(card: CardOnFile, date: string): { rule: BenefitRule; reason: CardReason } | null {
  if (card.status === 'withdrawn') {
    return {
      rule: 'card-withdrawn',
      reason: { code: 'withdrawn', agencyCode: '110', message: 'The card was withdrawn' },
    };
  }
  if (date < card.validFrom) {
    const message = `The card is not yet valid on ${date} (valid from ${card.validFrom})`;
    return { rule: 'card-not-yet-valid', reason: { code: 'not-yet-valid', message } };
  }
  if (date > card.validTo) {
    const message = `The card expired on ${card.validTo}`;
    return { rule: 'card-expired', reason: { code: 'expired', agencyCode: '010', message } };
  }
  return null;
}

function decideBenefit(
  profile: CountryProfile,
  v: { card: CardOnFile; facility: VisitFacility; visit: Visit; onRoute: boolean; levelPercent: number },
): { percent: number; rule: BenefitRule; message: string } {
  const rules = profile.insurance.benefit;
  if (rules?.fullBenefitFacilityKinds.includes(v.facility.kind)) {
    return { percent: 100, rule: 'commune-station', message: '100% at a commune health station' };
  }
  // Self-referred off-route: the exemption (art. 22.1đ excludes it) and the low-cost rule do not apply.
  if (!v.onRoute) {
    const place: RatePlace = {
      tier: tierOfKind(profile, v.facility.kind),
      careLevel:
        v.facility.careLevel !== undefined ? v.facility.careLevel : careLevelOfKind(profile, v.facility.kind),
    };
    const careType = v.visit.careType ?? 'outpatient';
    const row = offRouteRateRow(profile, place, v.visit.date);
    const rate = row ? row[careType] : 0;
    const percent = round2((v.levelPercent * rate) / 100);
    const where = placeWords(row, place);
    const message =
      rate === 0
        ? `off-route ${careType} care at ${where} is not covered`
        : `off-route rate ${rate}% of the card's ${v.levelPercent}% at ${where}: ${percent}%`;
    return { percent, rule: 'off-route-rate', message };
  }
  if (isCopayExempt(v.card, v.visit.date)) {
    return {
      percent: 100,
      rule: 'copay-exemption',
      message: '100%: co-payment exemption (five consecutive years)',
    };
  }
  const salary = baseSalaryOn(profile, v.visit.date);
  if (rules && salary !== undefined && v.visit.cost !== undefined) {
    const threshold = (salary * rules.lowCostPercentOfBaseSalary) / 100;
    if (v.visit.cost < threshold) {
      const message = `100%: the visit costs under ${rules.lowCostPercentOfBaseSalary}% of the base salary (${threshold})`;
      return { percent: 100, rule: 'low-cost', message };
    }
  }
  return {
    percent: v.levelPercent,
    rule: 'benefit-level',
    message: `the card's benefit level: ${v.levelPercent}%`,
  };
}

/**
 * The exemption needs five consecutive years reached and an exemption certificate in force: from its
 * date to the end of that calendar year (co-payments above six months of base salary in the year).
 */
export function isCopayExempt(
  card: Pick<CardOnFile, 'fiveYearsOn' | 'copayExemptFrom'>,
  date: string,
): boolean {
  const { fiveYearsOn, copayExemptFrom } = card;
  if (!fiveYearsOn || !copayExemptFrom) return false;
  return fiveYearsOn <= date && copayExemptFrom <= date && copayExemptFrom.slice(0, 4) === date.slice(0, 4);
}

function refused(rule: BenefitRule, reason: CardReason, card: ParsedCard | null): EligibilityAnswer {
  return { valid: false, reason, benefitPercent: 0, onRoute: null, rule, routeRule: null, card };
}

function latestFrom<T extends { from: string }>(steps: readonly T[], date: string): T | undefined {
  let found: T | undefined;
  for (const step of steps) if (step.from <= date && (!found || step.from > found.from)) found = step;
  return found;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
