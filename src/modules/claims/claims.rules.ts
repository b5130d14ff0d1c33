import { quarterOf, todayIn } from '../../platform/dates.ts';
import type { ClaimLineKind } from './claims.enums.ts';

/**
 * A claim built from a closed insured visit's bill (pure): the visit, the card or scheme of the
 * eligibility answer stored at opening, the diagnoses in force, the Decision 130 codes of the visit
 * (MA_DOITUONG_KCB) and of the care (MA_LOAI_KCB), and one line per bill line with the bill's amounts,
 * line for line (never priced again). Money is carried in cents.
 */

/** What the eligibility answer stored with the visit says, as far as a claim needs it. */
export interface StoredEligibility {
  valid?: boolean;
  benefitPercent?: number;
  onRoute?: boolean | null;
  rule?: string;
  routeRule?: string | null;
  facility?: { code?: string; tier?: string; careLevel?: string | null };
  card?: {
    cardNumber?: string | null;
    validFrom?: string;
    validTo?: string;
    registeredFacilityCode?: string | null;
  } | null;
  scheme?: string | null;
  areaRule?: string | null;
  referralPaper?: string | null;
}

/**
 * MA_DOITUONG_KCB (Decision 130, table 1) from the route rule of the eligibility answer: 1.1 at the
 * registered first-point facility, 1.2 a commune or district facility of the card's province, 1.3
 * referred (a referral paper), 1.5 re-examination by appointment, 2 emergency, 3.x self-referred off
 * route (3.1 at a primary or basic level of care, the nationwide "thông tuyến" of a district; 3.2 at a
 * specialised one; 3 when the level is unknown). A scheme without routes (CN enrolments) has no rule:
 * 1.1 inside the insured area or when the visit was accepted on route, 3 otherwise.
 *
 * @example
 * visitKindOf({ routeRule: 'referral', onRoute: true }, null) // => '1.3'
 */
export function visitKindOf(
  route: { routeRule?: string | null; onRoute?: boolean | null },
  careLevel: string | null,
): string {
  switch (route.routeRule) {
    case 'registered-facility':
      return '1.1';
    case 'same-province-primary':
      return '1.2';
    case 'referral':
      return '1.3';
    case 're-examination':
      return '1.5';
    case 'emergency':
      return '2';
    case 'self-referred':
      if (careLevel === 'primary' || careLevel === 'basic') return '3.1';
      if (careLevel === 'specialised') return '3.2';
      return '3';
    default:
      return route.onRoute === false ? '3' : '1.1';
  }
}

/** MA_LOAI_KCB: 01 an outpatient exam (every visit kind of the encounters module), 03 in-patient. */
export function careKindOf(careType: 'outpatient' | 'inpatient' | null | undefined): string {
  return careType === 'inpatient' ? '03' : '01';
}

/** The quarter ('2026-Q4') of an instant's date in a time zone (the visit's end). */
export function quarterLabel(at: Date, timeZone: string): string {
  const q = quarterOf(todayIn(timeZone, at));
  return `${q.year}-Q${q.quarter}`;
}

/** Whole cents of an amount of at most two decimals (a numeric(16, 2) read as a number). */
export const cents = (amount: number | string): number => Math.round(Number(amount) * 100);
/** An amount of cents as a number of units (exact to the cent: two decimals). */
export const fromCents = (c: number): number => Math.round(c) / 100;

export interface BillLineFact {
  id: string;
  line_no: number;
  kind: ClaimLineKind;
  item_id: string;
  code: string;
  insurance_code: string | null;
  name: string;
  unit: string;
  quantity: number;
  unit_price: number;
  coverage: string;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
}

export interface ClaimSource {
  visit: {
    id: string;
    residentId: string;
    facilityId: string;
    areaPath: string;
    visitDate: string;
    startedAt: Date;
    endedAt: Date | null;
    insuranceCard: string | null;
    eligibility: StoredEligibility | null;
    careType?: 'outpatient' | 'inpatient' | null;
  };
  bill: {
    id: string;
    seq: number;
    method: string;
    currency: string;
    benefit_percent: number;
    hospital_amount: number;
    insured_amount: number;
    insurance_pays: number;
    co_payment: number;
    patient_pays: number;
  };
  lines: readonly BillLineFact[];
  diagnoses: readonly { code: string; role: 'main' | 'secondary' }[];
}

/** The claim's own columns (no id, status or timestamps: the service adds them). */
export interface BuiltClaim {
  encounter_id: string;
  resident_id: string;
  facility_id: string;
  area_path: string;
  bill_id: string;
  bill_seq: number;
  visit_date: string;
  started_at: Date;
  ended_at: Date | null;
  quarter: string;
  card_number: string | null;
  card_valid_from: string | null;
  card_valid_to: string | null;
  registered_facility_code: string | null;
  scheme: string | null;
  benefit_percent: number;
  on_route: boolean | null;
  route_rule: string | null;
  referral_paper: string | null;
  visit_kind: string;
  care_kind: string;
  main_diagnosis: string | null;
  other_diagnoses: string[];
  currency: string;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
}

export interface BuiltLine {
  bill_seq: number;
  line_no: number;
  kind: ClaimLineKind;
  bill_line_id: string;
  item_id: string;
  code: string;
  insurance_code: string | null;
  name: string;
  unit: string;
  quantity: number;
  unit_price: number;
  coverage: string;
  hospital_amount: number;
  insured_amount: number;
  insurance_pays: number;
  co_payment: number;
  patient_pays: number;
}

/** Whether a visit's bill makes a claim: insured (not the uninsured method) and at least one line. */
export function claimable(source: Pick<ClaimSource, 'bill' | 'lines'>): boolean {
  return source.bill.method !== 'uninsured' && source.lines.length > 0;
}

/**
 * The claim of a visit from its bill in force: amounts the bill's, line for line.
 *
 * @example
 * claimOf(source, 'Asia/Ho_Chi_Minh').claim.visit_kind // => '1.1' (registered facility)
 */
export function claimOf(source: ClaimSource, timeZone: string): { claim: BuiltClaim; lines: BuiltLine[] } {
  const { visit, bill } = source;
  const e = visit.eligibility ?? {};
  const card = e.card ?? null;
  const main = source.diagnoses.find((d) => d.role === 'main')?.code ?? null;
  const others = source.diagnoses.filter((d) => d.role !== 'main').map((d) => d.code);
  const end = visit.endedAt ?? visit.startedAt;
  return {
    claim: {
      encounter_id: visit.id,
      resident_id: visit.residentId,
      facility_id: visit.facilityId,
      area_path: visit.areaPath,
      bill_id: bill.id,
      bill_seq: bill.seq,
      visit_date: visit.visitDate,
      started_at: visit.startedAt,
      ended_at: visit.endedAt,
      quarter: quarterLabel(end, timeZone),
      card_number: card?.cardNumber ?? (e.scheme ? null : visit.insuranceCard),
      card_valid_from: card?.validFrom ?? null,
      card_valid_to: card?.validTo ?? null,
      registered_facility_code: card?.registeredFacilityCode ?? null,
      scheme: e.scheme ?? null,
      benefit_percent: bill.benefit_percent,
      on_route: e.onRoute ?? null,
      route_rule: e.routeRule ?? null,
      referral_paper: e.referralPaper ?? null,
      visit_kind: visitKindOf(e, e.facility?.careLevel ?? null),
      care_kind: careKindOf(visit.careType),
      main_diagnosis: main,
      other_diagnoses: [...new Set(others)].filter((c) => c !== main),
      currency: bill.currency,
      hospital_amount: bill.hospital_amount,
      insured_amount: bill.insured_amount,
      insurance_pays: bill.insurance_pays,
      co_payment: bill.co_payment,
      patient_pays: bill.patient_pays,
    },
    lines: source.lines.map((l) => ({
      bill_seq: bill.seq,
      line_no: l.line_no,
      kind: l.kind,
      bill_line_id: l.id,
      item_id: l.item_id,
      code: l.code,
      insurance_code: l.insurance_code,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unit_price: l.unit_price,
      coverage: l.coverage,
      hospital_amount: l.hospital_amount,
      insured_amount: l.insured_amount,
      insurance_pays: l.insurance_pays,
      co_payment: l.co_payment,
      patient_pays: l.patient_pays,
    })),
  };
}
