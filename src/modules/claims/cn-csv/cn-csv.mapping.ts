/** A stored claim line → its settlement row (the layout's columns), pure. */
import type { SettlementLineDb } from './cn-csv.queries.ts';
import type { SettlementRow } from './cn-csv.rules.ts';

/** numeric text without the trailing zeros beyond `keep` places ('30.000' → '30', '0.5000' → '0.5'). */
export function trimDecimal(v: string, keep = 0): string {
  if (!v.includes('.')) return keep > 0 ? `${v}.${'0'.repeat(keep)}` : v;
  const [w, f = ''] = v.split('.');
  const trimmed = f.replace(/0+$/, '').padEnd(keep, '0');
  return trimmed ? `${w}.${trimmed}` : (w ?? '0');
}

export function settlementRowOf(l: SettlementLineDb, facilityCode: string): SettlementRow {
  return {
    claim_id: l.claim_id,
    facility_code: facilityCode,
    quarter: l.quarter,
    visit_date: l.visit_date,
    scheme: l.scheme ?? '',
    insured_id: l.card_number ?? '',
    main_diagnosis: l.main_diagnosis ?? '',
    benefit_percent: trimDecimal(l.benefit_percent, 2),
    line_no: String(l.line_no),
    kind: l.kind,
    item_code: l.code,
    insurance_code: l.insurance_code ?? '',
    name: l.name,
    unit: l.unit,
    quantity: trimDecimal(l.quantity),
    unit_price: trimDecimal(l.unit_price),
    hospital_amount: trimDecimal(l.hospital_amount, 2),
    insured_amount: trimDecimal(l.insured_amount, 2),
    insurance_pays: trimDecimal(l.insurance_pays, 2),
    co_payment: trimDecimal(l.co_payment, 2),
    patient_pays: trimDecimal(l.patient_pays, 2),
    currency: l.currency,
  };
}
