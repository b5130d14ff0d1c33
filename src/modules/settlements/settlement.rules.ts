import type { SettlementProfile } from '../../platform/profile.schema.ts';
import type { ClaimStatus } from '../claims/claims.enums.ts';
import type { AdvanceBasis, SettlementStatus } from './settlements.enums.ts';

/**
 * The quarterly settlement between the insurer and a facility, as pure functions of plain figures.
 * Money is integer cents (hundredths of the currency unit: the claims' numeric(16,2)), never floats;
 * what is paid (the balance, an advance) is rounded to the profile's `decimals` (VN whole đồng, CN
 * fen), half away from zero.
 *
 * - balance = accepted + adjustments − advance: positive, the insurer owes the facility; negative, the
 *   facility owes the insurer back (the advance was more than was accepted).
 * - next advance = the rule's percent of the quarter's accepted amount, or of its claimed amount while
 *   nothing is accepted (a first quarter) when the rule says so (VN: Health Insurance Law art. 32, 80%;
 *   the percent is profile data with effective dates: the rule in force on the next quarter's first day).
 */

export type AdvanceRule = SettlementProfile['advances'][number];

/** A quarter label as the claims carry it: '2026-Q4'. */
const QUARTER = /^(\d{4})-Q([1-4])$/;

export function isQuarter(q: string): boolean {
  return QUARTER.test(q);
}

function parts(q: string): { year: number; n: number } {
  const m = QUARTER.exec(q);
  if (!m) throw new Error(`not a quarter: ${q}`);
  return { year: Number(m[1]), n: Number(m[2]) };
}

/** The quarter `by` quarters after (before, when negative) `q`: '2026-Q4' + 1 = '2027-Q1'. */
export function addQuarters(q: string, by: number): string {
  const { year, n } = parts(q);
  const total = year * 4 + (n - 1) + by;
  return `${Math.floor(total / 4)}-Q${(total % 4) + 1}`;
}

/** The first day of a quarter: '2027-Q1' → '2027-01-01'. */
export function quarterStart(q: string): string {
  const { year, n } = parts(q);
  return `${year}-${String((n - 1) * 3 + 1).padStart(2, '0')}-01`;
}

/** The quarter of a date: '2026-12-31' → '2026-Q4'. */
export function quarterOfDay(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A numeric(…,2) amount as the driver reads it (a number, or a string) in integer cents. */
export function toCents(amount: number | string | null | undefined): number {
  if (amount === null || amount === undefined) return 0;
  const cents = Math.round(Number(amount) * 100);
  if (!Number.isSafeInteger(cents)) throw new Error(`amount out of range: ${amount}`);
  return cents;
}

/** Cents back to the currency's units, for a numeric column or an API answer: 12345 → 123.45. */
export function fromCents(cents: number): number {
  return cents / 100;
}

/** `cents` rounded to `decimals` of the currency (0: whole units; 2: cents as they are), half away from zero. */
export function roundToDecimals(cents: number, decimals: number): number {
  const step = 10 ** Math.max(0, 2 - decimals);
  if (step === 1) return cents;
  const sign = cents < 0 ? -1 : 1;
  return sign * Math.floor((Math.abs(cents) + step / 2) / step) * step;
}

/** The advance rule in force on `date` (the latest whose `from` is on or before it), or undefined. */
export function advanceRuleOn(rules: readonly AdvanceRule[], date: string): AdvanceRule | undefined {
  let found: AdvanceRule | undefined;
  for (const r of rules) if (r.from <= date && (!found || r.from >= found.from)) found = r;
  return found;
}

export interface NextAdvance {
  /** Cents, rounded to the profile's decimals. */
  amount: number;
  basis: AdvanceBasis | null;
  /** The base it was taken of, in cents. */
  base: number;
  percent: number;
  ruleFrom: string | null;
}

/**
 * The advance for the quarter after one with these figures, by the rule in force on that quarter's
 * first day. Exact: the percent is taken in hundredths (33.33 % → 3333) and the product rounded once.
 *
 * @example nextAdvance(rules, { quarter: '2026-Q4', accepted: 1_000_000_00, claimed: 0 }, 0) // 800,000 đồng
 */
export function nextAdvance(
  rules: readonly AdvanceRule[],
  figures: { quarter: string; accepted: number; claimed: number },
  decimals: number,
): NextAdvance {
  const rule = advanceRuleOn(rules, quarterStart(addQuarters(figures.quarter, 1)));
  if (!rule) return { amount: 0, basis: null, base: 0, percent: 0, ruleFrom: null };
  let basis: AdvanceBasis | null = 'accepted';
  let base = figures.accepted;
  if (base === 0) {
    basis = rule.whenNoneAccepted === 'claimed' ? 'claimed' : null;
    base = basis === 'claimed' ? figures.claimed : 0;
  }
  const hundredths = Math.round(rule.percent * 100);
  // base × percent / 100 in cents, rounded to the decimals in one step, in bigint (no float on the way).
  const step = BigInt(10 ** Math.max(0, 2 - decimals));
  const num = BigInt(Math.max(0, base)) * BigInt(hundredths);
  const den = 10_000n * step;
  const amount = Number(((num + den / 2n) / den) * step);
  return { amount, basis, base, percent: rule.percent, ruleFrom: rule.from };
}

export interface SettlementFigures {
  claimed: number;
  accepted: number;
  rejected: number;
  advance: number;
  adjustments: number;
}

/** What the insurer owes the facility for the quarter (negative: the facility owes back), rounded to pay. */
export function balanceOf(
  f: Pick<SettlementFigures, 'accepted' | 'adjustments' | 'advance'>,
  decimals: number,
): number {
  return roundToDecimals(f.accepted + f.adjustments - f.advance, decimals);
}

/** What a run may do with the facility's quarter: compute it (again), or leave it (signed: frozen). */
export function runDecision(existing: { status: SettlementStatus } | undefined): 'compute' | 'frozen' {
  return existing?.status === 'signed' ? 'frozen' : 'compute';
}

/** A claim of a signed quarter as it stands now: what it is accepted for (null: under review again). */
export interface ClaimStanding {
  claimId: string;
  quarter: string;
  /** Cents now accepted (0 when rejected); null while the claim is being rebuilt, checked or reviewed. */
  accepted: number | null;
}

/**
 * The corrections a run of `quarter` adds: for every claim of an earlier, signed quarter whose
 * accepted amount now differs from what the settlements paid for it so far (its signed settlement and
 * the adjustments since), the difference. A claim under review again waits until it is decided.
 * Idempotent: `paidSoFar` leaves out this run's own settlement, so a re-run finds the same difference
 * (and updates its adjustment); a claim this settlement already adjusts (`adjusted`) is answered even
 * when the difference is now 0, so that adjustment is set back to 0.
 */
export function correctionsOf(
  quarter: string,
  claims: readonly ClaimStanding[],
  paidSoFar: ReadonlyMap<string, number>,
  adjusted: ReadonlySet<string> = new Set(),
): { claimId: string; fromQuarter: string; amount: number }[] {
  const out: { claimId: string; fromQuarter: string; amount: number }[] = [];
  for (const c of claims) {
    if (c.accepted === null || c.quarter >= quarter) continue;
    const amount = c.accepted - (paidSoFar.get(c.claimId) ?? 0);
    if (amount !== 0 || adjusted.has(c.claimId))
      out.push({ claimId: c.claimId, fromQuarter: c.quarter, amount });
  }
  return out;
}

/** A claim of the quarter being settled, as the settlement reads it (amounts in cents). */
export interface ClaimToSettle {
  id: string;
  status: ClaimStatus;
  insurancePays: number;
  accepted: number | null;
  rejected: number | null;
}

/** The statuses a settlement pays: accepted in full or in part (and paid, by this settlement's earlier run). */
export const SETTLED_STATUSES: readonly ClaimStatus[] = ['accepted', 'partly-accepted', 'paid'];
/** The statuses a run marks paid. */
export const PAYABLE_STATUSES: readonly ClaimStatus[] = ['accepted', 'partly-accepted'];
/** Claimed: submitted to the insurer, decided or not. */
export const CLAIMED_STATUSES: readonly ClaimStatus[] = ['submitted', ...SETTLED_STATUSES, 'rejected'];

/** What a claim of a signed quarter now stands accepted for: null while it is not decided (again). */
export function standingOf(status: ClaimStatus, accepted: number | null): number | null {
  if (SETTLED_STATUSES.includes(status)) return accepted ?? 0;
  return status === 'rejected' ? 0 : null;
}

/**
 * The quarter's claimed, accepted and rejected amounts and counts, and what is paid per claim. A claim
 * not yet submitted is not claimed; a submitted one is claimed and pending; a rejected one whose
 * rejected amount is not set is rejected for what it claimed.
 */
export function quarterFigures(claims: readonly ClaimToSettle[]): {
  claims: number;
  acceptedCount: number;
  rejectedCount: number;
  pending: number;
  claimed: number;
  accepted: number;
  rejected: number;
  paid: { claimId: string; amount: number }[];
} {
  const f = {
    claims: 0,
    acceptedCount: 0,
    rejectedCount: 0,
    pending: 0,
    claimed: 0,
    accepted: 0,
    rejected: 0,
  };
  const paid: { claimId: string; amount: number }[] = [];
  for (const c of claims) {
    if (!CLAIMED_STATUSES.includes(c.status)) continue;
    f.claims++;
    f.claimed += c.insurancePays;
    if (c.status === 'submitted') f.pending++;
    else if (c.status === 'rejected') {
      f.rejectedCount++;
      f.rejected += c.rejected ?? c.insurancePays;
    } else {
      f.acceptedCount++;
      const amount = c.accepted ?? 0;
      f.accepted += amount;
      f.rejected += c.rejected ?? 0;
      paid.push({ claimId: c.id, amount });
    }
  }
  return { ...f, paid };
}

/** Sums figures (an area's roll-up of its facilities' settlements). */
export function sumFigures<T extends SettlementFigures & { balance: number; nextAdvance: number }>(
  rows: readonly T[],
): SettlementFigures & { balance: number; nextAdvance: number } {
  const total = {
    claimed: 0,
    accepted: 0,
    rejected: 0,
    advance: 0,
    adjustments: 0,
    balance: 0,
    nextAdvance: 0,
  };
  for (const r of rows) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return total;
}
