import { newId } from '../../platform/ids.ts';
import type { PricedBill } from './bill.rules.ts';
import type { BillLineRow, BillRow } from './encounters.table.ts';

/** Which visit a priced bill belongs to, and when it was priced. */
export interface BillOwner {
  id: string;
  encounterId: string;
  residentId: string;
  /** 0 at closing, then one more per amendment. */
  seq: number;
  amendmentId: string | null;
  visitDate: string;
  tier: string;
  pricedAt: Date;
  areaPath: string;
}

/**
 * A priced bill (bill.rules.ts) as the rows that keep it: the bill and its lines numbered from 1.
 * Closing, amending and the demos' bulk path store bills alike through this one mapping.
 */
export function billRowsOf(bill: PricedBill, owner: BillOwner): { bill: BillRow; lines: BillLineRow[] } {
  return {
    bill: {
      id: owner.id,
      encounter_id: owner.encounterId,
      resident_id: owner.residentId,
      seq: owner.seq,
      amendment_id: owner.amendmentId,
      visit_date: owner.visitDate,
      tier: owner.tier,
      currency: bill.currency,
      method: bill.method,
      benefit_percent: bill.benefitPercent,
      rule: bill.rule,
      deductible_applied: bill.deductibleApplied,
      ratio_percent: bill.ratioPercent,
      hospital_amount: bill.totals.hospitalAmount,
      insured_amount: bill.totals.insuredAmount,
      insurance_pays: bill.totals.insurancePays,
      co_payment: bill.totals.coPayment,
      patient_pays: bill.totals.patientPays,
      priced_at: owner.pricedAt,
      area_path: owner.areaPath,
    },
    lines: bill.lines.map((l, i) => ({
      id: newId(),
      bill_id: owner.id,
      line_no: i + 1,
      kind: l.kind,
      record_id: l.recordId,
      item_id: l.itemId,
      code: l.code,
      insurance_code: l.insuranceCode,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unit_price: l.unitPrice,
      coverage: l.coverage,
      hospital_amount: l.hospitalAmount,
      insured_amount: l.insuredAmount,
      insurance_pays: l.insurancePays,
      co_payment: l.coPayment,
      patient_pays: l.patientPays,
      area_path: owner.areaPath,
    })),
  };
}
