/**
 * What the Decision 130 export reads of one claim (export.queries.ts gives it, one claim at a time):
 * the claim, its lines in force, and the resident, card, facility and catalogue facts the tables
 * need. Money, quantities and prices are text (numeric columns read `::text`), so nothing passes
 * through a float.
 */

export interface ExportLine {
  lineNo: number;
  kind: 'medicine' | 'service';
  /** The catalogue's own code and the insurance (national list) code. */
  code: string;
  insuranceCode: string | null;
  name: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  /** The bill line's coverage: 'insured' or why not (encounters' BILL_LINE_COVERAGE). */
  coverage: string;
  hospitalAmount: string;
  insuredAmount: string;
  insurancePays: string;
  coPayment: string;
  patientPays: string;
  /** A medicine's strength, route and dosage form (catalog); null for a service. */
  strength: string | null;
  route: string | null;
  dosageForm: string | null;
  /** A medicine's prescription: dose per take, takes a day, days (encounters). */
  dose: string | null;
  frequency: string | null;
  durationDays: number | null;
  instructions: string | null;
  /** A service's catalogue kind (examination, test, imaging, procedure, vaccination, other). */
  serviceKind: string | null;
}

export interface ExportClaim {
  claimId: string;
  encounterId: string;
  facilityCode: string;
  residentId: string;
  residentCode: string | null;
  citizenId: string | null;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  birthPrecision: 'day' | 'year' | null;
  sex: string | null;
  ethnicity: string | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  /** The resident's place as the area path's codes: province, district, commune. */
  areaPath: string;
  cardNumber: string | null;
  cardValidFrom: string | null;
  cardValidTo: string | null;
  registeredFacilityCode: string | null;
  copayExemptFrom: string | null;
  fiveYearsOn: string | null;
  visitKind: string;
  careKind: string;
  referralPaper: string | null;
  reason: string | null;
  mainDiagnosis: string | null;
  mainDiagnosisName: string | null;
  otherDiagnoses: string[];
  startedAt: Date;
  endedAt: Date | null;
  benefitPercent: string;
  hospitalAmount: string;
  insuredAmount: string;
  insurancePays: string;
  coPayment: string;
  patientPays: string;
  /** The worker who saw the resident (staff number or licence): MA_BAC_SI, MA_TTDV. */
  workerCode: string | null;
  lines: ExportLine[];
}

/** One claim as the tables read it: the claim, its place in the file (STT), the country's clock. */
export interface ClaimRow {
  claim: ExportClaim;
  stt: number;
  timeZone: string;
}

/** One line of table 2 or 3: the line, its claim, its place in the table. */
export interface LineRow extends ClaimRow {
  line: ExportLine;
}
