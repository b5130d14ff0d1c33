import type { ClaimCheckRow, ClaimEventRow, ClaimLineRow, ClaimRow, StoredFailure } from './claims.table.ts';

/** Claim rows to API objects. */

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());
const num = (v: number | string | null): number | null => (v === null ? null : Number(v));

export function claimFieldsOf(c: ClaimRow) {
  return {
    id: c.id,
    encounterId: c.encounter_id,
    residentId: c.resident_id,
    facilityId: c.facility_id,
    billId: c.bill_id,
    billSeq: c.bill_seq,
    visitDate: c.visit_date,
    startedAt: iso(c.started_at) as string,
    endedAt: iso(c.ended_at),
    quarter: c.quarter,
    cardNumber: c.card_number,
    cardValidFrom: c.card_valid_from,
    cardValidTo: c.card_valid_to,
    registeredFacilityCode: c.registered_facility_code,
    scheme: c.scheme,
    benefitPercent: Number(c.benefit_percent),
    onRoute: c.on_route,
    routeRule: c.route_rule,
    referralPaper: c.referral_paper,
    visitKind: c.visit_kind,
    careKind: c.care_kind,
    mainDiagnosis: c.main_diagnosis,
    otherDiagnoses: c.other_diagnoses,
    currency: c.currency,
    hospitalAmount: Number(c.hospital_amount),
    insuredAmount: Number(c.insured_amount),
    insurancePays: Number(c.insurance_pays),
    coPayment: Number(c.co_payment),
    patientPays: Number(c.patient_pays),
    status: c.status,
    failureCodes: c.failure_codes,
    acceptedAmount: num(c.accepted_amount),
    rejectedAmount: num(c.rejected_amount),
    checkedAt: iso(c.checked_at),
    submittedAt: iso(c.submitted_at),
    reviewedAt: iso(c.reviewed_at),
    paidAt: iso(c.paid_at),
    settlementId: c.settlement_id,
  };
}

export function claimLineOf(l: ClaimLineRow) {
  return {
    id: l.id,
    lineNo: l.line_no,
    billSeq: l.bill_seq,
    kind: l.kind,
    billLineId: l.bill_line_id,
    itemId: l.item_id,
    code: l.code,
    insuranceCode: l.insurance_code,
    name: l.name,
    unit: l.unit,
    quantity: l.quantity,
    unitPrice: Number(l.unit_price),
    coverage: l.coverage,
    hospitalAmount: Number(l.hospital_amount),
    insuredAmount: Number(l.insured_amount),
    insurancePays: Number(l.insurance_pays),
    coPayment: Number(l.co_payment),
    patientPays: Number(l.patient_pays),
    status: l.status,
    failure: l.failure,
  };
}

export function claimCheckOf(c: ClaimCheckRow) {
  return {
    id: c.id,
    billSeq: c.bill_seq,
    side: c.side,
    outcome: c.outcome,
    failures: (typeof c.failures === 'string' ? JSON.parse(c.failures) : c.failures) as StoredFailure[],
    checkedAt: iso(c.checked_at) as string,
    userId: c.user_id,
  };
}

export function claimEventOf(e: ClaimEventRow) {
  return {
    id: e.id,
    fromStatus: e.from_status,
    toStatus: e.to_status,
    reason: e.reason,
    userId: e.user_id,
    at: iso(e.at) as string,
  };
}
