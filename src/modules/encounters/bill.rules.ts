import type { CountryProfile } from '../../platform/profile.ts';
import { baseSalaryOn, reimburseVisit, splitClaimLine } from '../insurance/index.ts';
import type { BillLineCoverage, BillLineKind, BillMethod } from './encounters.enums.ts';

/**
 * The bill of a visit, in ONE place (the claims issue turns it into a claim without a second
 * implementation): every line priced from the catalogue in force on the visit's date and split into
 * what insurance pays, the co-payment and what the resident pays outside the insurance list.
 *
 * - VN (Decision 130 tables 2 and 3; Law 46/2014 art. 22 as amended): per line T_BHTT = THANH_TIEN_BH ×
 *   MUC_HUONG / 100, T_BNCCT = THANH_TIEN_BH − T_BHTT, T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH
 *   (insurance's `splitClaimLine`). MUC_HUONG is the eligibility answer given at opening, except that an
 *   on-route visit at the card's level whose insured total is under 15% of the base salary in force is
 *   paid 100% (art. 22.1e); off-route, the 15% rule does not apply; a commune station is 100% anyway.
 * - CN (basic medical insurance): the visit's insured total above the deductible not yet paid this
 *   year, times the ratio at the facility's tier (insurance's `reimburseVisit`), shared over the
 *   insured lines in proportion to their amounts (largest remainder, so the lines add up to the cent).
 * - A line outside the list (not insured, insured only from a higher level of care than the
 *   facility's, no price in force, no valid card) is paid by the resident in full.
 */

export interface BillItem {
  kind: BillLineKind;
  recordId: string;
  itemId: string;
  code: string;
  insuranceCode: string | null;
  name: string;
  unit: string;
  quantity: number;
  /** The price in force on the visit's date, null when none. */
  unitPrice: number | null;
  insured: boolean;
  /** The lowest level of care (profile careLevels id) at which insurance pays it; null = any. */
  insuredFromCareLevel: string | null;
  /** Services: the lowest level of care allowed to perform it; null = any. */
  lowestCareLevel: string | null;
}

/** What the eligibility answer stored at opening says, as far as the bill needs it. */
export interface BillEligibility {
  valid: boolean;
  benefitPercent: number;
  rule: string;
  /** An enrolment's scheme (CN). */
  scheme?: string | null;
}

export interface BillInput {
  date: string;
  facility: { tier: string; careLevel: string | null };
  eligibility: BillEligibility | null;
  items: readonly BillItem[];
  /** CN: the deductible the resident already paid this year at this tier. */
  deductiblePaid?: number;
}

export interface PricedLine
  extends Omit<BillItem, 'unitPrice' | 'insured' | 'insuredFromCareLevel' | 'lowestCareLevel'> {
  unitPrice: number;
  coverage: BillLineCoverage;
  hospitalAmount: number;
  insuredAmount: number;
  insurancePays: number;
  coPayment: number;
  patientPays: number;
}

export interface PricedBill {
  date: string;
  currency: string;
  method: BillMethod;
  benefitPercent: number;
  rule: string | null;
  deductibleApplied: number | null;
  ratioPercent: number | null;
  lines: PricedLine[];
  totals: {
    hospitalAmount: number;
    insuredAmount: number;
    insurancePays: number;
    coPayment: number;
    patientPays: number;
    residentPays: number;
  };
}

/**
 * Prices and splits a visit.
 *
 * @example
 * billOf(vn, { date: '2026-12-03', facility: { tier: 'commune', careLevel: 'primary' },
 *   eligibility: { valid: true, benefitPercent: 100, rule: 'commune-station' }, items: [amlodipine30] })
 * // => { method: 'benefit-percent', benefitPercent: 100, totals: { insurancePays: 15000, residentPays: 0, ... } }
 */
export function billOf(profile: CountryProfile, input: BillInput): PricedBill {
  // The catalogue's levels name the profile's levels of care (VN) or its tiers (CN): `catalogs.levels`.
  const graded = profile.catalogs?.levels !== 'tiers' && (profile.careLevels ?? []).length > 0;
  const ranks = new Map((graded ? (profile.careLevels ?? []) : profile.tiers).map((l) => [l.id, l.rank]));
  const facilityLevel = graded ? input.facility.careLevel : input.facility.tier;
  const eligible = input.eligibility?.valid === true;
  const lines = input.items.map((item) => {
    const unitPrice = item.unitPrice ?? 0;
    const hospital = cents(unitPrice) * item.quantity;
    const coverage = coverageOf(item, facilityLevel, ranks, eligible);
    return { item, unitPrice, hospital, coverage, insured: coverage === 'insured' ? hospital : 0 };
  });
  const insuredTotal = lines.reduce((t, l) => t + l.insured, 0);
  const method = methodOf(profile, input.eligibility);

  let benefitPercent = 0;
  let rule: string | null = input.eligibility?.rule ?? null;
  let deductibleApplied: number | null = null;
  let ratioPercent: number | null = null;
  let pays: number[] = lines.map(() => 0);

  if (method === 'benefit-percent' && input.eligibility) {
    benefitPercent = input.eligibility.benefitPercent;
    const threshold = lowCostThreshold(profile, input.date);
    if (input.eligibility.rule === 'benefit-level' && threshold !== null && insuredTotal < threshold) {
      benefitPercent = 100;
      rule = 'low-cost';
    }
    pays = lines.map((l) => {
      const split = splitClaimLine({
        hospitalAmount: fromCents(l.hospital),
        insuredAmount: fromCents(l.insured),
        benefitPercent,
      });
      return split.ok ? cents(split.insurancePays) : 0;
    });
  } else if (method === 'deductible-ratio' && input.eligibility?.scheme) {
    const answer = reimburseVisit(profile, {
      scheme: input.eligibility.scheme,
      tier: input.facility.tier,
      cost: fromCents(insuredTotal),
      deductiblePaid: input.deductiblePaid ?? 0,
    });
    if (answer.ok) {
      benefitPercent = answer.ratioPercent;
      ratioPercent = answer.ratioPercent;
      deductibleApplied = answer.deductibleApplied;
      pays = share(
        cents(answer.reimbursed),
        lines.map((l) => l.insured),
      );
    } else {
      rule = answer.reason;
    }
  }

  const priced: PricedLine[] = lines.map((l, i) => {
    const { insured: _i, insuredFromCareLevel: _f, lowestCareLevel: _l, unitPrice: _u, ...rest } = l.item;
    const insurancePays = pays[i] ?? 0;
    return {
      ...rest,
      unitPrice: l.unitPrice,
      coverage: l.coverage,
      hospitalAmount: fromCents(l.hospital),
      insuredAmount: fromCents(l.insured),
      insurancePays: fromCents(insurancePays),
      coPayment: fromCents(l.insured - insurancePays),
      patientPays: fromCents(l.hospital - l.insured),
    };
  });
  const sum = (pick: (l: PricedLine) => number) => fromCents(priced.reduce((t, l) => t + cents(pick(l)), 0));
  const coPayment = sum((l) => l.coPayment);
  const patientPays = sum((l) => l.patientPays);
  return {
    date: input.date,
    currency: profile.currency,
    method,
    benefitPercent,
    rule,
    deductibleApplied,
    ratioPercent,
    lines: priced,
    totals: {
      hospitalAmount: sum((l) => l.hospitalAmount),
      insuredAmount: sum((l) => l.insuredAmount),
      insurancePays: sum((l) => l.insurancePays),
      coPayment,
      patientPays,
      residentPays: fromCents(cents(coPayment) + cents(patientPays)),
    },
  };
}

/** How the insured share is worked out: by the scheme (an enrolment), by the benefit percent (a card), or not at all. */
function methodOf(profile: CountryProfile, eligibility: BillEligibility | null): BillMethod {
  if (!eligibility?.valid) return 'uninsured';
  if (eligibility.scheme && profile.insurance.reimbursement) return 'deductible-ratio';
  return 'benefit-percent';
}

/** 15% (the profile's lowCostPercentOfBaseSalary) of the base salary in force, in cents; null where none. */
function lowCostThreshold(profile: CountryProfile, date: string): number | null {
  const percent = profile.insurance.benefit?.lowCostPercentOfBaseSalary;
  const salary = baseSalaryOn(profile, date);
  if (percent === undefined || salary === undefined) return null;
  return Math.round((cents(salary) * percent) / 100);
}

/**
 * Why a line is paid as it is. A level of care is higher when its rank is lower (specialised 1,
 * basic 2, primary 3): insurance pays a line at a facility whose level is the line's or higher.
 */
function coverageOf(
  item: BillItem,
  facilityLevel: string | null,
  ranks: ReadonlyMap<string, number>,
  eligible: boolean,
): BillLineCoverage {
  if (item.unitPrice === null) return 'no-price';
  if (!item.insured) return 'not-on-list';
  const facilityRank = facilityLevel === null ? undefined : ranks.get(facilityLevel);
  for (const level of [item.insuredFromCareLevel, item.lowestCareLevel]) {
    const rank = level === null ? undefined : ranks.get(level);
    if (rank !== undefined && facilityRank !== undefined && facilityRank > rank) return 'above-care-level';
  }
  return eligible ? 'insured' : 'not-eligible';
}

/**
 * `total` cents shared over `weights` in proportion, each share rounded down and the cents left
 * given to the largest remainders (the earlier line on a tie), so the shares add up to `total`.
 */
export function share(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((t, w) => t + w, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const shares = exact.map(Math.floor);
  let left = total - shares.reduce((t, s) => t + s, 0);
  const order = exact.map((e, i) => ({ i, r: e - Math.floor(e) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    shares[i] = (shares[i] ?? 0) + 1;
    left -= 1;
  }
  return shares;
}

/** Whole cents of an amount, on its written digits (1.005 is 101 cents, not 100). */
export function cents(amount: number): number {
  const written = String(amount);
  return Math.round(written.includes('e') ? amount * 100 : Number(`${written}e2`));
}

function fromCents(c: number): number {
  return c / 100;
}
