/** The claims module's public surface (issue 23). Other modules import only this file. */
export * from './claims.enums.ts';
export {
  type ClaimForSettlement,
  type ClaimReconciliationRow,
  claimsForReconciliation,
  claimsOfFacilityQuarters,
  claimTotalsByFacility,
  type FacilityClaimTotals,
  markClaimsPaid,
} from './settlement.queries.ts';
