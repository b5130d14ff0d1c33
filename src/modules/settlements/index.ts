/**
 * The quarterly settlement of insurance claims (issue 23): advances, the `settlements.run` job, sign-off,
 * reconciliation reports, /api/settlements. Other modules import only this file.
 */
import './settlements.jobs.ts';

export {
  type RunPayload,
  type RunState,
  runSettlements,
  SETTLEMENT_RUN,
  settleFacility,
} from './run.service.ts';
export { ADVANCE_BASES, ADVANCE_SOURCES, SETTLEMENT_STATUSES } from './settlements.enums.ts';
export { settlementRoutes } from './settlements.routes.ts';
export type { Reconciliation, Settlement, SettlementDetail, SettlementRollUp } from './settlements.schema.ts';
export { getSettlement, listSettlements, recordAdvance, signSettlement } from './settlements.service.ts';
