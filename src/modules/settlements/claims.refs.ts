import type { Db } from '../../platform/db/database.ts';
import {
  type ClaimReconciliationRow,
  claimsForReconciliation,
  claimsOfFacilityQuarters,
  claimTotalsByFacility,
  type FacilityClaimTotals,
  markClaimsPaid,
} from '../claims/index.ts';
import { type ClaimStanding, type ClaimToSettle, standingOf, toCents } from './settlement.rules.ts';

/**
 * What the settlement needs of the claims, in one place, through the claims module's index.ts
 * (its settlement.queries.ts): the quarter's claims to settle, what the claims of signed quarters
 * stand at now, totals by facility, the reconciliation's rows, and marking claims paid. In cents.
 */

export type { ClaimReconciliationRow, FacilityClaimTotals };
export { claimsForReconciliation, claimTotalsByFacility, markClaimsPaid };

/** The facility's claims of the quarter being settled. */
export async function claimsToSettle(db: Db, facilityId: string, quarter: string): Promise<ClaimToSettle[]> {
  const rows = await claimsOfFacilityQuarters(db, facilityId, [quarter]);
  return rows.map((c) => ({
    id: c.id,
    status: c.status,
    insurancePays: toCents(c.insurancePays),
    accepted: c.acceptedAmount === null ? null : toCents(c.acceptedAmount),
    rejected: c.rejectedAmount === null ? null : toCents(c.rejectedAmount),
  }));
}

/** What the facility's claims of these (signed) quarters stand accepted for now, and which may be paid. */
export async function claimStandings(
  db: Db,
  facilityId: string,
  quarters: readonly string[],
): Promise<(ClaimStanding & { payable: boolean })[]> {
  const rows = await claimsOfFacilityQuarters(db, facilityId, quarters);
  return rows.map((c) => ({
    claimId: c.id,
    quarter: c.quarter,
    accepted: standingOf(c.status, c.acceptedAmount === null ? null : toCents(c.acceptedAmount)),
    payable: c.status === 'accepted' || c.status === 'partly-accepted',
  }));
}
