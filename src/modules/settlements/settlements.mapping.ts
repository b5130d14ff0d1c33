import type { FacilityName } from '../facilities/index.ts';
import type { Adjustment, Advance, Settlement } from './settlements.schema.ts';
import type { SettlementAdjustmentRow, SettlementAdvanceRow, SettlementRow } from './settlements.table.ts';

/** Rows to API objects, in one place. */

export function toSettlement(r: SettlementRow, facility: FacilityName | undefined): Settlement {
  return {
    id: r.id,
    facility: facility ?? { id: r.facility_id, code: '', name: '' },
    quarter: r.quarter,
    status: r.status,
    currency: r.currency,
    counts: {
      claims: r.claims_count,
      accepted: r.accepted_count,
      rejected: r.rejected_count,
      pending: r.pending_count,
    },
    claimed: Number(r.claimed),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    advance: Number(r.advance),
    adjustments: Number(r.adjustments),
    balance: Number(r.balance),
    nextAdvance: Number(r.next_advance),
    nextAdvanceBasis: r.next_advance_basis,
    jobId: r.job_id,
    computedAt: new Date(r.computed_at).toISOString(),
    signedBy: r.signed_by,
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
  };
}

export function toAdvance(r: SettlementAdvanceRow): Advance {
  return {
    id: r.id,
    facilityId: r.facility_id,
    quarter: r.quarter,
    amount: Number(r.amount),
    paidOn: r.paid_on,
    source: r.source,
    basis: r.basis,
    base: r.base === null ? null : Number(r.base),
    percent: r.percent === null ? null : Number(r.percent),
    recordedAt: new Date(r.recorded_at).toISOString(),
  };
}

export function toAdjustment(r: SettlementAdjustmentRow): Adjustment {
  return { claimId: r.claim_id, fromQuarter: r.from_quarter, amount: Number(r.amount), reason: r.reason };
}
