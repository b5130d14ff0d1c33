import type { CountryProfile } from '../../platform/profile.ts';

/**
 * What insurance pays, as money. China's basic medical insurance (employee and urban-rural resident
 * schemes): tiered reimbursement favours grassroots facilities with a lower deductible (起付线) and a
 * higher ratio; the figures are profile data (`insurance.reimbursement.schemes`), set per city.
 * Vietnam: the split of a claim line of Decision 130 tables 2 and 3 by the visit's benefit percent.
 * Money is counted in whole cents so that rounding is half-up on the true value, not on a binary
 * approximation (300.03 - 300 is 0.0299999… in floating point).
 */

export interface ReimbursementInput {
  scheme: string;
  /** The facility's tier (profile tier id: grassroots, county, secondary, tertiary). */
  tier: string;
  /** Eligible cost of the visit. */
  cost: number;
  /** Deductible already paid at this tier earlier in the year (0 when not known). */
  deductiblePaid?: number;
}

export type ReimbursementAnswer =
  | {
      ok: true;
      deductible: number;
      deductibleApplied: number;
      ratioPercent: number;
      reimbursed: number;
      selfPaid: number;
    }
  | { ok: false; reason: 'unknown-scheme' | 'unknown-tier' | 'negative-cost'; message: string };

/**
 * The reimbursed amount of a visit: the part above the remaining deductible, times the tier's ratio,
 * rounded to the cent.
 *
 * @example
 * reimburseVisit(cn, { scheme: 'resident', tier: 'grassroots', cost: 1300 })
 * // => { ok: true, deductible: 300, deductibleApplied: 300, ratioPercent: 85, reimbursed: 850, selfPaid: 450 }
 */
export function reimburseVisit(profile: CountryProfile, input: ReimbursementInput): ReimbursementAnswer {
  const scheme = profile.insurance.reimbursement?.schemes.find((s) => s.id === input.scheme);
  if (!scheme) return { ok: false, reason: 'unknown-scheme', message: `unknown scheme ${input.scheme}` };
  const level = scheme.levels.find((l) => l.tier === input.tier);
  if (!level) {
    return {
      ok: false,
      reason: 'unknown-tier',
      message: `scheme ${scheme.id} has no rate for tier ${input.tier}`,
    };
  }
  if (!(input.cost >= 0)) return { ok: false, reason: 'negative-cost', message: 'cost must be 0 or more' };
  const cost = toCents(input.cost);
  const remaining = Math.max(0, toCents(level.deductible) - toCents(input.deductiblePaid ?? 0));
  const deductibleApplied = Math.min(cost, remaining);
  const reimbursed = percentOfCents(cost - deductibleApplied, level.ratioPercent);
  return {
    ok: true,
    deductible: level.deductible,
    deductibleApplied: fromCents(deductibleApplied),
    ratioPercent: level.ratioPercent,
    reimbursed: fromCents(reimbursed),
    selfPaid: fromCents(cost - reimbursed),
  };
}

/**
 * A line of Decision 130 table 2 (medicines) or 3 (services and supplies), in the facility's
 * currency (VND, two decimals).
 */
export interface ClaimLineAmounts {
  /** THANH_TIEN_BV: the line at the facility's price. */
  hospitalAmount: number;
  /** THANH_TIEN_BH: the part of it within insurance scope. */
  insuredAmount: number;
  /** MUC_HUONG: the visit's benefit percent (from the eligibility answer). */
  benefitPercent: number;
  /** T_NGUONKHAC: other funding (state budget, aid, charity), when any. */
  otherFunding?: number;
}

/** Who pays a claim line: the four parts add up to THANH_TIEN_BV. */
export interface ClaimLineSplit {
  /** T_BHTT: paid by the insurance fund. */
  insurancePays: number;
  /** T_BNCCT: the person's co-payment on the part within scope. */
  coPayment: number;
  /** T_BNTT: the person pays what lies outside insurance scope. */
  patientPays: number;
  /** T_NGUONKHAC: paid by other funding. */
  otherFunding: number;
}

export type ClaimLineAnswer =
  | ({ ok: true } & ClaimLineSplit)
  | {
      ok: false;
      reason: 'negative-amount' | 'insured-above-hospital' | 'benefit-percent' | 'other-funding-above-line';
      message: string;
    };

/**
 * Splits a claim line (Decision 130): T_BHTT = THANH_TIEN_BH × MUC_HUONG / 100, rounded half-up to
 * the cent; T_BNCCT = THANH_TIEN_BH − T_BHTT; T_BNTT = THANH_TIEN_BV − THANH_TIEN_BH. Other funding
 * is taken off T_BNTT first, then T_BNCCT, then T_BHTT, so it relieves the person before the fund.
 *
 * @example
 * splitClaimLine({ hospitalAmount: 150_000, insuredAmount: 100_000, benefitPercent: 80, otherFunding: 60_000 })
 * // => { ok: true, insurancePays: 80_000, coPayment: 10_000, patientPays: 0, otherFunding: 60_000 }
 */
export function splitClaimLine(line: ClaimLineAmounts): ClaimLineAnswer {
  const { hospitalAmount, insuredAmount, benefitPercent } = line;
  const other = line.otherFunding ?? 0;
  if (!(hospitalAmount >= 0 && insuredAmount >= 0 && other >= 0)) {
    return { ok: false, reason: 'negative-amount', message: 'amounts must be 0 or more' };
  }
  if (insuredAmount > hospitalAmount) {
    return {
      ok: false,
      reason: 'insured-above-hospital',
      message: `THANH_TIEN_BH (${insuredAmount}) is above THANH_TIEN_BV (${hospitalAmount})`,
    };
  }
  if (!(benefitPercent >= 0 && benefitPercent <= 100)) {
    return { ok: false, reason: 'benefit-percent', message: 'MUC_HUONG must be from 0 to 100' };
  }
  if (other > hospitalAmount) {
    return {
      ok: false,
      reason: 'other-funding-above-line',
      message: `T_NGUONKHAC (${other}) is above THANH_TIEN_BV (${hospitalAmount})`,
    };
  }
  const insured = toCents(insuredAmount);
  let insurance = percentOfCents(insured, benefitPercent);
  let coPayment = insured - insurance;
  let outsideScope = toCents(hospitalAmount) - insured;
  let left = toCents(other);
  const take = (from: number) => {
    const taken = Math.min(from, left);
    left -= taken;
    return from - taken;
  };
  outsideScope = take(outsideScope);
  coPayment = take(coPayment);
  insurance = take(insurance);
  return {
    ok: true,
    insurancePays: fromCents(insurance),
    coPayment: fromCents(coPayment),
    patientPays: fromCents(outsideScope),
    otherFunding: fromCents(toCents(other)),
  };
}

/** Table 1 (TONG_HOP) totals: the sums of the lines of tables 2 and 3, cent by cent. */
export function claimTotals(lines: readonly (ClaimLineSplit & ClaimLineAmounts)[]): {
  /** T_TONGCHI_BV */
  hospitalAmount: number;
  /** T_TONGCHI_BH */
  insuredAmount: number;
} & ClaimLineSplit {
  const sum = (pick: (l: ClaimLineSplit & ClaimLineAmounts) => number | undefined) =>
    fromCents(lines.reduce((total, l) => total + toCents(pick(l) ?? 0), 0));
  return {
    hospitalAmount: sum((l) => l.hospitalAmount),
    insuredAmount: sum((l) => l.insuredAmount),
    insurancePays: sum((l) => l.insurancePays),
    coPayment: sum((l) => l.coPayment),
    patientPays: sum((l) => l.patientPays),
    otherFunding: sum((l) => l.otherFunding),
  };
}

/**
 * Whole cents of an amount, rounded half-up on its decimal digits: shifting the written number
 * (`1.005e2` is 100.5) instead of multiplying (1.005 × 100 is 100.49999…).
 */
function toCents(amount: number): number {
  const written = String(amount);
  return Math.round(written.includes('e') ? amount * 100 : Number(`${written}e2`));
}

function fromCents(cents: number): number {
  return cents / 100;
}

/** `percent` of an amount in cents, rounded half-up to the cent. */
function percentOfCents(cents: number, percent: number): number {
  return Math.round((cents * percent) / 100);
}
