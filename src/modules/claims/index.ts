import { buildClaims } from './claims.build.service.ts';
import { onVisitBilled } from './encounters.refs.ts';
import './claims.jobs.ts';

/**
 * The claims module's public surface (issue 23): the enums, the routes, the backfill, and for
 * settlements and the claim files their reads (settlement.queries.ts: totals by facility, the paid
 * marking). Other modules import only this file. A visit closed or amended tells the claims
 * (encounters' onVisitBilled): its claim is built or rebuilt in the same transaction.
 */
export * from './claims.enums.ts';
export { type BuildPayload, buildClaimsIn } from './claims.jobs.ts';
export { claimRoutes } from './claims.routes.ts';
export type { Claim, ClaimSummary, ClaimsSummary } from './claims.schema.ts';
export {
  type ClaimForSettlement,
  type ClaimReconciliationRow,
  claimsForReconciliation,
  claimsOfFacilityQuarters,
  claimTotalsByFacility,
  type FacilityClaimTotals,
  markClaimsPaid,
} from './settlement.queries.ts';

onVisitBilled((ctx, trx, events) =>
  buildClaims(
    trx,
    ctx,
    events.map((e) => e.encounterId),
    events[0]?.userId ?? null,
  ).then(() => undefined),
);
