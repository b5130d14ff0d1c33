import type { CountryProfile } from '../../platform/profile.ts';

/**
 * China's basic medical insurance (employee and urban-rural resident schemes): tiered reimbursement
 * favours grassroots facilities with a lower deductible (起付线) and a higher ratio. The figures are
 * profile data (`insurance.reimbursement.schemes`), set per city.
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
  const remaining = Math.max(0, level.deductible - (input.deductiblePaid ?? 0));
  const deductibleApplied = Math.min(input.cost, remaining);
  const reimbursed = roundCents(((input.cost - deductibleApplied) * level.ratioPercent) / 100);
  return {
    ok: true,
    deductible: level.deductible,
    deductibleApplied,
    ratioPercent: level.ratioPercent,
    reimbursed,
    selfPaid: roundCents(input.cost - reimbursed),
  };
}

function roundCents(n: number): number {
  return Math.round(n * 100) / 100;
}
