/**
 * The Decision 130 tables (QĐ 130/QĐ-BYT, as amended by QĐ 4750/QĐ-BYT and QĐ 3176/QĐ-BYT) as data,
 * in one place: every field's name, type (S text, N number), maximum length, decimals, whether it is
 * required, and where its value comes from in the project's data. The writer (tables.ts) writes the
 * fields in this order, the schema check (schema.ts) checks a record against the same entries, and
 * the import (claim-file-import) reads them back by these names.
 *
 * A length the Decision leaves open ("n") is `max: undefined`. Codes the project does not record are
 * written as the Decision's "not known" value where it has one, and noted at the field.
 * Tables 13 (referral paper) and 14 (re-examination appointment) are declared below as placeholders:
 * the project has no referrals yet, so no claim has them and the export writes neither.
 */
import {
  formatBirth,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatSex,
} from './format.ts';
import type { ClaimRow, ExportClaim, ExportLine, LineRow } from './source.ts';

export type FieldType = 'S' | 'N';

export interface Field<R> {
  name: string;
  type: FieldType;
  /** Maximum characters of the written value (for N, of its text with the '.'); undefined: open. */
  max: number | undefined;
  /** For N: places after '.' allowed (0 for a whole number). */
  decimals: number;
  required: boolean;
  /** The text written, from the project's data ('' or null: an empty element). */
  value(row: R): string | null;
}

export interface TableSpec<R> {
  /** LOAIHOSO in the envelope: XML0 ... XML15. */
  loaiHoSo: string;
  /** The elements around the records: root, then (for tables of lines) the list, then one per record. */
  root: string;
  list: string | null;
  item: string | null;
  fields: readonly Field<R>[];
}

const s = <R>(
  name: string,
  max: number | undefined,
  required: boolean,
  value: (row: R) => string | null | undefined,
): Field<R> => ({ name, type: 'S', max, decimals: 0, required, value: (r) => value(r) ?? null });

const n = <R>(
  name: string,
  max: number,
  decimals: number,
  required: boolean,
  value: (row: R) => string | null | undefined,
): Field<R> => ({ name, type: 'N', max, decimals, required, value: (r) => value(r) ?? null });

/** Money: N15 with 2 decimals. */
const money = <R>(name: string, required: boolean, value: (row: R) => string | null | undefined) =>
  n<R>(name, 15, 2, required, (r) => formatDecimal(value(r), 2));

/** A field the project has no data for: written empty (only ever an optional field). */
const none = () => null;

// --- shared pieces of the mapping -------------------------------------------------------------

/**
 * MA_KHOA: the department code of the Ministry's list (QĐ 5937/QĐ-BHXH appendix); a commune station
 * has one examination room, so every line is written as the examination department K01.
 */
export const EXAMINATION_DEPARTMENT = 'K01';

/** MA_QUOCTICH: '000' is Viet Nam in 4750's nationality list; the register records no other. */
const VIETNAM = '000';

/**
 * MA_DANTOC: the General Statistics Office's codes of the ethnic groups (QĐ 121-TCTK) for the names
 * the register holds. A name not listed is written empty, and the schema check names the field.
 */
const ETHNIC_CODES: Record<string, string> = {
  kinh: '01',
  tày: '02',
  thái: '03',
  hoa: '04',
  khmer: '05',
  mường: '06',
  nùng: '07',
  "h'mông": '08',
  dao: '09',
  'gia rai': '10',
  'ê đê': '12',
  'ba na': '13',
  'xơ đăng': '14',
  'cơ ho': '16',
  chăm: '17',
  raglai: '21',
};

export function ethnicCode(ethnicity: string | null): string {
  if (!ethnicity) return '';
  if (/^\d{1,2}$/.test(ethnicity)) return ethnicity.padStart(2, '0');
  return ETHNIC_CODES[ethnicity.trim().toLowerCase()] ?? '';
}

/** MA_NGHE_NGHIEP: a 5-digit occupation code when the register holds one; else 00000, "not known". */
const occupationCode = (occupation: string | null) =>
  occupation && /^\d{5}$/.test(occupation) ? occupation : '00000';

/** DUONG_DUNG: the Ministry's route codes (QĐ 3176 appendix) for the catalogue's routes. */
const ROUTE_CODES: Record<string, string> = {
  oral: '1.01',
  sublingual: '1.03',
  intramuscular: '2.02',
  intravenous: '2.03',
  subcutaneous: '2.04',
  topical: '3.01',
  local: '3.01',
  ophthalmic: '3.04',
  otic: '3.05',
  nasal: '3.06',
  inhalation: '3.08',
  rectal: '4.01',
  vaginal: '4.02',
};

export const routeCode = (route: string | null) => (route ? (ROUTE_CODES[route] ?? '') : '');

/**
 * MA_NHOM (the cost group of 130's appendix): medicines in the list 4; services by catalogue kind:
 * tests 1, imaging 2, procedures 18, examinations 13, others (vaccination included) 18.
 */
const SERVICE_GROUPS: Record<string, string> = {
  test: '1',
  imaging: '2',
  examination: '13',
  procedure: '18',
  vaccination: '18',
  other: '18',
};
const MEDICINE_GROUP = '4';

const insured = (line: ExportLine) => line.coverage === 'insured';

/** The resident's place as codes from their area path: province, district, commune. */
function placeCodes(areaPath: string): { province: string; district: string; commune: string } {
  const [province = '', district = '', commune = ''] = areaPath.split('.');
  return { province, district, commune };
}

/** Whole percent (N3) from a numeric text such as '80.00'. */
const percent = (value: string | null) => (value === null ? '' : formatDecimal(value, 0));

/** The line's MUC_HUONG: the claim's benefit percent on an insured line, 0 outside the list. */
const lineBenefit = (r: LineRow) => (insured(r.line) ? percent(r.claim.benefitPercent) : '0');

/** All diagnosis codes of the visit, main first, joined with ';' (MA_BENH of table 3). */
const allDiagnoses = (c: ExportClaim) =>
  [c.mainDiagnosis, ...c.otherDiagnoses].filter((d): d is string => !!d).join(';');

/** SO_NGAY_DTRI: an outpatient visit counts 1 day; an episode over days counts its calendar days + 1. */
function treatmentDays(c: ExportClaim, timeZone: string): string {
  if (!c.endedAt) return '1';
  const a = formatDateTime(c.startedAt, timeZone).slice(0, 8);
  const b = formatDateTime(c.endedAt, timeZone).slice(0, 8);
  const day = (x: string) => Date.UTC(+x.slice(0, 4), +x.slice(4, 6) - 1, +x.slice(6, 8));
  const days = Math.round((day(b) - day(a)) / 86_400_000);
  return String(Math.max(1, days + (c.careKind === '03' ? 0 : 1)));
}

/** The sum of line amounts of one kind, in exact cents. */
function sumLines(c: ExportClaim, kind: ExportLine['kind'], pick: (l: ExportLine) => string): string {
  let cents = 0n;
  for (const l of c.lines)
    if (l.kind === kind) cents += BigInt(formatDecimal(pick(l), 2).replace('.', '') || '0');
  return centsText(cents);
}

export function centsText(cents: bigint): string {
  const neg = cents < 0n;
  const t = (neg ? -cents : cents).toString().padStart(3, '0');
  return `${neg ? '-' : ''}${t.slice(0, -2)}.${t.slice(-2)}`;
}

/** LIEU_DUNG: "2 x 3 lần/ngày x 7 ngày" from the prescription (dose per take, takes a day, days). */
const HOW_OFTEN: Record<string, string> = {
  'once-daily': '1 lần/ngày',
  'twice-daily': '2 lần/ngày',
  'three-times-daily': '3 lần/ngày',
  'four-times-daily': '4 lần/ngày',
  'every-other-day': 'cách ngày',
  weekly: '1 lần/tuần',
  'at-night': 'buổi tối',
  'single-dose': '1 lần',
  'as-needed': 'khi cần',
};
function dosage(line: ExportLine): string {
  if (line.dose === null) return line.instructions ?? '';
  const parts = [`${formatDecimal(line.dose, 3).replace(/\.?0+$/, '')} ${line.unit}`];
  if (line.frequency) parts.push(HOW_OFTEN[line.frequency] ?? line.frequency);
  if (line.durationDays) parts.push(`${line.durationDays} ngày`);
  return parts.join(' x ');
}

const ended = (c: ExportClaim) => c.endedAt ?? c.startedAt;

// --- XML0: check-in (4750) ------------------------------------------------------------------

export const XML0: TableSpec<ClaimRow> = {
  loaiHoSo: 'XML0',
  root: 'CHI_TIEU_TRANG_THAI_KCB',
  list: 'DSACH_TRANG_THAI_KCB',
  item: 'TRANG_THAI_KCB',
  fields: [
    s('MA_LK', 100, true, (r) => r.claim.claimId),
    n('STT', 10, 0, true, (r) => formatInteger(r.stt)),
    s('MA_BN', 100, true, (r) => r.claim.residentCode ?? r.claim.residentId),
    s('HO_TEN', 255, true, (r) => r.claim.fullName),
    s('SO_CCCD', 15, false, (r) => r.claim.citizenId),
    s('NGAY_SINH', 12, true, (r) =>
      formatBirth(r.claim.birthDate, r.claim.birthYear, r.claim.birthPrecision),
    ),
    n('GIOI_TINH', 1, 0, true, (r) => formatSex(r.claim.sex)),
    s('MA_THE_BHYT', undefined, true, (r) => r.claim.cardNumber),
    s('MA_DKBD', undefined, true, (r) => r.claim.registeredFacilityCode),
    s('GT_THE_TU', undefined, true, (r) => formatDate(r.claim.cardValidFrom)),
    s('GT_THE_DEN', undefined, true, (r) => formatDate(r.claim.cardValidTo)),
    s('MA_DOITUONG_KCB', 4, true, (r) => r.claim.visitKind),
    s('NGAY_VAO', 12, true, (r) => formatDateTime(r.claim.startedAt, r.timeZone)),
    s('NGAY_VAO_NOI_TRU', 12, false, none),
    s('LY_DO_VNT', undefined, false, none),
    s('MA_LY_DO_VNT', 5, false, none),
    n('MA_LOAI_KCB', 2, 0, true, (r) => r.claim.careKind),
    s('MA_CSKCB', 5, true, (r) => r.claim.facilityCode),
    // The first service and medicine ordered at check-in: the station's visit has none ahead of the exam.
    s('MA_DICH_VU', 50, false, none),
    s('TEN_DICH_VU', 1024, false, none),
    s('MA_THUOC', 255, false, none),
    s('TEN_THUOC', 1024, false, none),
    s('MA_VAT_TU', 255, false, none),
    s('TEN_VAT_TU', 1024, false, none),
    s('NGAY_YL', 12, false, none),
    s('DU_PHONG', undefined, false, none),
  ],
};

// --- XML1: the visit's summary (TONG_HOP) -----------------------------------------------------

export const XML1: TableSpec<ClaimRow> = {
  loaiHoSo: 'XML1',
  root: 'TONG_HOP',
  list: null,
  item: null,
  fields: [
    s('MA_LK', 100, true, (r) => r.claim.claimId),
    n('STT', 10, 0, true, (r) => formatInteger(r.stt)),
    // MA_BN: the register's code of the resident, else their id.
    s('MA_BN', 100, true, (r) => r.claim.residentCode ?? r.claim.residentId),
    s('HO_TEN', 255, true, (r) => r.claim.fullName),
    s('SO_CCCD', 15, false, (r) => r.claim.citizenId),
    s('NGAY_SINH', 12, true, (r) =>
      formatBirth(r.claim.birthDate, r.claim.birthYear, r.claim.birthPrecision),
    ),
    n('GIOI_TINH', 1, 0, true, (r) => formatSex(r.claim.sex)),
    s('NHOM_MAU', 5, false, none),
    s('MA_QUOCTICH', 3, true, () => VIETNAM),
    s('MA_DANTOC', 2, true, (r) => ethnicCode(r.claim.ethnicity)),
    s('MA_NGHE_NGHIEP', 5, true, (r) => occupationCode(r.claim.occupation)),
    // DIA_CHI: the household's address (the register's), else the resident's commune code.
    s('DIA_CHI', 1024, true, (r) => r.claim.address ?? placeCodes(r.claim.areaPath).commune),
    s('MATINH_CU_TRU', 3, true, (r) => placeCodes(r.claim.areaPath).province),
    s('MAHUYEN_CU_TRU', 3, true, (r) => placeCodes(r.claim.areaPath).district),
    s('MAXA_CU_TRU', 5, true, (r) => placeCodes(r.claim.areaPath).commune),
    s('DIEN_THOAI', 15, false, (r) => r.claim.phone),
    // The card in force at the visit (the claim's copy); several cards would be joined with ';'.
    s('MA_THE_BHYT', undefined, true, (r) => r.claim.cardNumber),
    s('MA_DKBD', undefined, true, (r) => r.claim.registeredFacilityCode),
    s('GT_THE_TU', undefined, true, (r) => formatDate(r.claim.cardValidFrom)),
    s('GT_THE_DEN', undefined, true, (r) => formatDate(r.claim.cardValidTo)),
    s('NGAY_MIEN_CCT', 12, false, (r) => formatDate(r.claim.copayExemptFrom)),
    s('LY_DO_VV', undefined, true, (r) => r.claim.reason || r.claim.mainDiagnosisName || 'Khám bệnh'),
    s('LY_DO_VNT', undefined, false, none),
    s('MA_LY_DO_VNT', 5, false, none),
    s('CHAN_DOAN_VAO', undefined, true, (r) => r.claim.mainDiagnosisName ?? r.claim.mainDiagnosis),
    s('CHAN_DOAN_RV', undefined, true, (r) => r.claim.mainDiagnosisName ?? r.claim.mainDiagnosis),
    s('MA_BENH_CHINH', 7, true, (r) => r.claim.mainDiagnosis),
    s('MA_BENH_KT', 100, false, (r) => r.claim.otherDiagnoses.join(';')),
    s('MA_BENH_YHCT', 255, false, none),
    s('MA_PTTT_QT', 125, false, none),
    s('MA_DOITUONG_KCB', 4, false, (r) => r.claim.visitKind),
    s('MA_NOI_DI', 5, false, none),
    s('MA_NOI_DEN', 5, false, none),
    n('MA_TAI_NAN', 1, 0, false, none),
    s('NGAY_VAO', 12, true, (r) => formatDateTime(r.claim.startedAt, r.timeZone)),
    s('NGAY_VAO_NOI_TRU', 12, false, none),
    s('NGAY_RA', 12, true, (r) => formatDateTime(ended(r.claim), r.timeZone)),
    s('GIAY_CHUYEN_TUYEN', 50, false, (r) => r.claim.referralPaper),
    n('SO_NGAY_DTRI', 3, 0, true, (r) => treatmentDays(r.claim, r.timeZone)),
    s('PP_DIEU_TRI', undefined, false, none),
    // KET_QUA_DTRI 1 cured ... ; a commune visit ends examined and treated: 1. MA_LOAI_RV 1 discharged home.
    n('KET_QUA_DTRI', 1, 0, true, () => '1'),
    n('MA_LOAI_RV', 1, 0, true, () => '1'),
    s('GHI_CHU', undefined, false, none),
    s('NGAY_TTOAN', 12, true, (r) => formatDateTime(ended(r.claim), r.timeZone)),
    // Totals: the bill's, as the claim copied them; T_THUOC/T_VTYT the medicine and supply lines' sums.
    money('T_THUOC', true, (r) => sumLines(r.claim, 'medicine', (l) => l.hospitalAmount)),
    money('T_VTYT', true, () => '0'),
    money('T_TONGCHI_BV', true, (r) => r.claim.hospitalAmount),
    money('T_TONGCHI_BH', true, (r) => r.claim.insuredAmount),
    money('T_BNTT', true, (r) => r.claim.patientPays),
    money('T_BNCCT', true, (r) => r.claim.coPayment),
    money('T_BHTT', true, (r) => r.claim.insurancePays),
    money('T_NGUONKHAC', true, () => '0'),
    money('T_BHTT_GDV', true, () => '0'),
    // The settlement year and month: those of the visit's end on the country's clock.
    n('NAM_QT', 4, 0, true, (r) => formatDateTime(ended(r.claim), r.timeZone).slice(0, 4)),
    n('THANG_QT', 2, 0, true, (r) => formatDateTime(ended(r.claim), r.timeZone).slice(4, 6)),
    n('MA_LOAI_KCB', 2, 0, false, (r) => r.claim.careKind),
    s('MA_KHOA', 50, true, () => EXAMINATION_DEPARTMENT),
    s('MA_CSKCB', 5, true, (r) => r.claim.facilityCode),
    s('MA_KHUVUC', 2, false, none),
    s('CAN_NANG', 6, false, none),
    s('CAN_NANG_CON', 100, false, none),
    s('NAM_NAM_LIEN_TUC', 8, false, (r) => formatDate(r.claim.fiveYearsOn)),
    s('NGAY_TAI_KHAM', 50, false, none),
    // MA_HSBA: the visit (encounter) id is the facility's record number.
    s('MA_HSBA', 100, true, (r) => r.claim.encounterId),
    // MA_TTDV: the head of the facility's code; the register does not hold it, so the worker who saw the resident.
    s('MA_TTDV', 10, true, (r) => r.claim.workerCode?.slice(0, 10)),
    s('DU_PHONG', undefined, false, none),
  ],
};

// --- XML2: medicines ---------------------------------------------------------------------------

export const XML2: TableSpec<LineRow> = {
  loaiHoSo: 'XML2',
  root: 'CHITIEU_CHITIET_THUOC',
  list: 'DSACH_CHI_TIET_THUOC',
  item: 'CHI_TIET_THUOC',
  fields: [
    s('MA_LK', 100, true, (r) => r.claim.claimId),
    n('STT', 10, 0, true, (r) => formatInteger(r.stt)),
    s('MA_THUOC', 255, true, (r) => r.line.insuranceCode ?? r.line.code),
    s('MA_PP_CHEBIEN', 255, false, none),
    s('MA_CSKCB_THUOC', 10, false, none),
    n('MA_NHOM', 2, 0, true, () => MEDICINE_GROUP),
    s('TEN_THUOC', 1024, true, (r) => r.line.name),
    s('DON_VI_TINH', 50, true, (r) => r.line.unit),
    s('HAM_LUONG', 1024, true, (r) => r.line.strength),
    s('DUONG_DUNG', 4, true, (r) => routeCode(r.line.route)),
    s('DANG_BAO_CHE', 1024, false, (r) => r.line.dosageForm),
    s('LIEU_DUNG', 1024, true, (r) => dosage(r.line)),
    s('CACH_DUNG', 1024, false, (r) => r.line.instructions),
    s('SO_DANG_KY', 255, false, none),
    s('TT_THAU', 50, false, none),
    // PHAM_VI: 1 within the insurance list, 2 outside it.
    n('PHAM_VI', 1, 0, true, (r) => (insured(r.line) ? '1' : '2')),
    n('TYLE_TT_BH', 3, 0, true, (r) => (insured(r.line) ? '100' : '0')),
    n('SO_LUONG', 10, 3, true, (r) => formatDecimal(r.line.quantity, 3)),
    n('DON_GIA', 15, 3, true, (r) => formatDecimal(r.line.unitPrice, 3)),
    money('THANH_TIEN_BV', true, (r) => r.line.hospitalAmount),
    money('THANH_TIEN_BH', true, (r) => r.line.insuredAmount),
    money('T_NGUONKHAC_NSNN', false, () => '0'),
    money('T_NGUONKHAC_VTNN', false, () => '0'),
    money('T_NGUONKHAC_VTTN', false, () => '0'),
    money('T_NGUONKHAC_CL', false, () => '0'),
    money('T_NGUONKHAC', false, () => '0'),
    n('MUC_HUONG', 3, 0, true, lineBenefit),
    money('T_BNTT', true, (r) => r.line.patientPays),
    money('T_BNCCT', true, (r) => r.line.coPayment),
    money('T_BHTT', true, (r) => r.line.insurancePays),
    s('MA_KHOA', 50, true, () => EXAMINATION_DEPARTMENT),
    s('MA_BAC_SI', 255, true, (r) => r.claim.workerCode),
    s('MA_DICH_VU', 255, false, none),
    s('NGAY_YL', 12, true, (r) => formatDateTime(r.claim.startedAt, r.timeZone)),
    s('NGAY_TH_YL', 12, false, (r) => formatDateTime(ended(r.claim), r.timeZone)),
    // MA_PTTT: 1 fee for service (the bill prices each line).
    n('MA_PTTT', 1, 0, false, () => '1'),
    // NGUON_CTRA: 1 the insurance fund.
    n('NGUON_CTRA', 1, 0, true, () => '1'),
    n('VET_THUONG_TP', 1, 0, false, none),
    s('DU_PHONG', undefined, false, none),
  ],
};

// --- XML3: services and supplies -----------------------------------------------------------------

export const XML3: TableSpec<LineRow> = {
  loaiHoSo: 'XML3',
  root: 'CHITIEU_CHITIET_DVKT_VTYT',
  list: 'DSACH_CHI_TIET_DVKT',
  item: 'CHI_TIET_DVKT',
  fields: [
    s('MA_LK', 100, true, (r) => r.claim.claimId),
    n('STT', 10, 0, true, (r) => formatInteger(r.stt)),
    s('MA_DICH_VU', 50, false, (r) => r.line.insuranceCode ?? r.line.code),
    s('MA_PTTT_QT', 255, false, none),
    s('MA_VAT_TU', 255, false, none),
    n('MA_NHOM', 2, 0, true, (r) => SERVICE_GROUPS[r.line.serviceKind ?? 'other'] ?? '18'),
    s('GOI_VTYT', 3, false, none),
    s('TEN_VAT_TU', 1024, false, none),
    s('TEN_DICH_VU', 1024, false, (r) => r.line.name),
    s('MA_XANG_DAU', 20, false, none),
    s('DON_VI_TINH', 50, true, (r) => r.line.unit),
    n('PHAM_VI', 1, 0, true, (r) => (insured(r.line) ? '1' : '2')),
    n('SO_LUONG', 10, 3, true, (r) => formatDecimal(r.line.quantity, 3)),
    n('DON_GIA_BV', 15, 3, true, (r) => formatDecimal(r.line.unitPrice, 3)),
    n('DON_GIA_BH', 15, 3, true, (r) => formatDecimal(insured(r.line) ? r.line.unitPrice : '0', 3)),
    s('TT_THAU', 25, false, none),
    n('TYLE_TT_DV', 3, 0, true, () => '100'),
    n('TYLE_TT_BH', 3, 0, true, (r) => (insured(r.line) ? '100' : '0')),
    money('THANH_TIEN_BV', true, (r) => r.line.hospitalAmount),
    money('THANH_TIEN_BH', true, (r) => r.line.insuredAmount),
    money('T_TRANTT', false, none),
    n('MUC_HUONG', 3, 0, true, lineBenefit),
    money('T_NGUONKHAC_NSNN', false, () => '0'),
    money('T_NGUONKHAC_VTNN', false, () => '0'),
    money('T_NGUONKHAC_VTTN', false, () => '0'),
    money('T_NGUONKHAC_CL', false, () => '0'),
    money('T_NGUONKHAC', false, () => '0'),
    money('T_BNTT', true, (r) => r.line.patientPays),
    money('T_BNCCT', true, (r) => r.line.coPayment),
    money('T_BHTT', true, (r) => r.line.insurancePays),
    s('MA_KHOA', 20, true, () => EXAMINATION_DEPARTMENT),
    s('MA_GIUONG', 50, false, none),
    s('MA_BAC_SI', 255, true, (r) => r.claim.workerCode),
    s('NGUOI_THUC_HIEN', 255, false, (r) => r.claim.workerCode),
    s('MA_BENH', 100, true, (r) => allDiagnoses(r.claim)),
    s('MA_BENH_YHCT', 255, false, none),
    s('NGAY_YL', 12, true, (r) => formatDateTime(r.claim.startedAt, r.timeZone)),
    s('NGAY_TH_YL', 12, false, (r) => formatDateTime(r.claim.startedAt, r.timeZone)),
    s('NGAY_KQ', 12, false, none),
    n('MA_PTTT', 1, 0, true, () => '1'),
    n('VET_THUONG_TP', 1, 0, false, none),
    n('PP_VO_CAM', 1, 0, false, none),
    n('VI_TRI_TH_DVKT', 3, 0, false, none),
    s('MA_MAY', 1024, false, none),
    s('MA_HIEU_SP', 255, false, none),
    n('TAI_SU_DUNG', 1, 0, false, none),
    s('DU_PHONG', undefined, false, none),
  ],
};

// --- XML13, XML14: declared, not written until referrals exist --------------------------------------

/**
 * Table 13 (the referral paper) and 14 (the re-examination appointment paper): placeholders. The
 * project records no referrals yet; when it does, their fields go here and the export writes them
 * for the claims that have one. Until then no HOSO carries them.
 */
export const XML13: TableSpec<ClaimRow> = {
  loaiHoSo: 'XML13',
  root: 'CHI_TIEU_GIAYCHUYENTUYEN',
  list: null,
  item: null,
  fields: [],
};
export const XML14: TableSpec<ClaimRow> = {
  loaiHoSo: 'XML14',
  root: 'CHI_TIEU_GIAYHEN_KHAMLAI',
  list: null,
  item: null,
  fields: [],
};

/** Every table the export knows, by LOAIHOSO (the schema check and the import look them up here). */
export const TABLES = { XML0, XML1, XML2, XML3, XML13, XML14 } as const;
export type TableName = keyof typeof TABLES;

/** The tables an exported HOSO carries, in order. */
export const EXPORTED_TABLES = ['XML0', 'XML1', 'XML2', 'XML3'] as const satisfies readonly TableName[];
