import type { Generated, Insertable, Selectable } from 'kysely';
import type { AdvanceBasis, AdvanceSource, SettlementStatus } from './settlements.enums.ts';

/**
 * The settlement's tables (migration 2026_12_08_1100). Amounts are numeric columns in the profile's
 * currency, read by the driver as numbers; the code sums them in integer cents (settlement.rules.ts).
 */

/** The advance paid to a facility at the start of a quarter: one per facility and quarter. */
export interface SettlementAdvanceTable {
  id: string;
  facility_id: string;
  quarter: string;
  amount: number;
  paid_on: string;
  source: AdvanceSource;
  /** A rule's advance: what it was taken of, the base and the percent. */
  basis: AdvanceBasis | null;
  base: number | null;
  percent: number | null;
  /** A rule's advance: the signed settlement of the quarter before that gave it. */
  from_settlement_id: string | null;
  /** A manual advance: the fingerprint of the body that recorded it (a repeat answers it, another body 409). */
  fingerprint: string | null;
  recorded_by: string | null;
  recorded_at: Date;
  area_path: string;
}

/** A facility's quarter: computed by a run (again by the next), then signed and frozen. */
export interface SettlementTable {
  id: string;
  facility_id: string;
  quarter: string;
  status: SettlementStatus;
  currency: string;
  claims_count: Generated<number>;
  accepted_count: Generated<number>;
  rejected_count: Generated<number>;
  pending_count: Generated<number>;
  claimed: Generated<number>;
  accepted: Generated<number>;
  rejected: Generated<number>;
  advance: Generated<number>;
  adjustments: Generated<number>;
  balance: Generated<number>;
  next_advance: Generated<number>;
  next_advance_basis: AdvanceBasis | null;
  job_id: string | null;
  computed_at: Date;
  signed_by: string | null;
  signed_at: Date | null;
  area_path: string;
}

/** What a settlement pays for one claim (0 once a re-run finds it no longer accepted). */
export interface SettlementClaimTable {
  settlement_id: string;
  claim_id: string;
  amount: number;
  area_path: string;
}

/** A correction of a signed quarter's claim, landing in a later open quarter's settlement. */
export interface SettlementAdjustmentTable {
  id: string;
  settlement_id: string;
  facility_id: string;
  quarter: string;
  claim_id: string;
  from_quarter: string;
  amount: number;
  reason: string;
  computed_at: Date;
  area_path: string;
}

export type SettlementRow = Selectable<SettlementTable>;
export type NewSettlementRow = Insertable<SettlementTable>;
export type SettlementAdvanceRow = Selectable<SettlementAdvanceTable>;
export type SettlementAdjustmentRow = Selectable<SettlementAdjustmentTable>;
