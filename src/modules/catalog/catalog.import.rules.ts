import type { RowCheck } from '../../platform/csv/import-runner.ts';
import { isIsoDate } from '../../platform/dates.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { SERVICE_KINDS, type ServiceKind } from './catalog.enums.ts';
import { normaliseIcd10, type PricePeriod, planNewPrice } from './catalog.rules.ts';

/**
 * The CSV columns of the catalogue kinds (docs/CSV.md), in export order, and the pure check of one
 * row. A medicine or service row may carry a price (`unit_price` from `price_from`): an export writes
 * one row per price period, so a file holds an item's price history and imports as it is.
 */
export const DIAGNOSIS_COLUMNS = ['code', 'name_vi', 'name_zh', 'name_en', 'chronic', 'notifiable', 'active'];
export const MEDICINE_COLUMNS = [
  'code',
  'insurance_code',
  'name',
  'active_ingredient',
  'inn',
  'strength',
  'dosage_form',
  'route',
  'unit',
  'atc_code',
  'insured',
  'insured_from_level',
  'active',
  'unit_price',
  'price_from',
];
export const SERVICE_COLUMNS = [
  'code',
  'insurance_code',
  'name',
  'kind',
  'unit',
  'lowest_care_level',
  'insured',
  'insured_from_level',
  'active',
  'unit_price',
  'price_from',
];

export interface DiagnosisImportRow {
  code: string;
  names: { vi: string | null; zh: string | null; en: string | null };
  chronic: boolean;
  notifiable: boolean;
  active: boolean;
}

export interface ImportPrice {
  unitPrice: number;
  effectiveFrom: string;
}

export interface MedicineImportRow {
  code: string;
  insuranceCode: string | null;
  name: string;
  activeIngredient: string;
  inn: string | null;
  strength: string;
  dosageForm: string;
  route: string;
  unit: string;
  atcCode: string | null;
  insured: boolean;
  insuredFromLevel: string | null;
  active: boolean;
  price: ImportPrice | null;
}

export interface ServiceImportRow {
  code: string;
  insuranceCode: string | null;
  name: string;
  kind: ServiceKind;
  unit: string;
  lowestCareLevel: string | null;
  insured: boolean;
  insuredFromLevel: string | null;
  active: boolean;
  price: ImportPrice | null;
}

const TRUE = new Set(['true', 'yes', '1', 'y']);
const FALSE = new Set(['false', 'no', '0', 'n']);

/** A yes/no cell: true/false, yes/no, 1/0 (any case); empty takes the default. */
function booleanCell(
  problems: string[],
  column: string,
  raw: string | undefined,
  fallback: boolean,
): boolean {
  const v = (raw ?? '').trim().toLowerCase();
  if (v === '') return fallback;
  if (TRUE.has(v)) return true;
  if (FALSE.has(v)) return false;
  problems.push(`${column} ${raw} must be true or false`);
  return fallback;
}

function text(v: Record<string, string>, column: string, max = 300): string | null {
  const t = (v[column] ?? '').trim();
  return t === '' ? null : t.slice(0, max + 1);
}

function required(problems: string[], v: Record<string, string>, column: string, max = 300): string {
  const t = text(v, column, max);
  if (t === null) problems.push(`${column} is required`);
  else if (t.length > max) problems.push(`${column} is longer than ${max} characters`);
  return t ?? '';
}

function optional(problems: string[], v: Record<string, string>, column: string, max = 300): string | null {
  const t = text(v, column, max);
  if (t !== null && t.length > max) problems.push(`${column} is longer than ${max} characters`);
  return t;
}

/** The ids the catalogue's levels name: the profile's careLevels or tiers (its `catalogs.levels`). */
export function catalogueLevels(profile: CountryProfile): string[] {
  const list = profile.catalogs?.levels === 'tiers' ? profile.tiers : (profile.careLevels ?? profile.tiers);
  return list.map((l) => l.id);
}

function level(problems: string[], v: Record<string, string>, column: string, levels: readonly string[]) {
  const t = text(v, column, 40);
  if (t !== null && !levels.includes(t)) problems.push(`${column} ${t} must be one of ${levels.join(', ')}`);
  return t;
}

function price(problems: string[], v: Record<string, string>): ImportPrice | null {
  const raw = (v.unit_price ?? '').trim();
  const from = (v.price_from ?? '').trim();
  if (raw === '' && from === '') return null;
  if (raw === '' || from === '') {
    problems.push('unit_price and price_from go together: give both or neither');
    return null;
  }
  const n = Number(raw);
  if (!/^\d+(\.\d{1,2})?$/.test(raw) || !Number.isFinite(n) || n > 999_999_999_999) {
    problems.push(
      `unit_price ${raw} must be a number of at least 0 with at most 2 decimals (no thousands separators)`,
    );
  }
  if (!isIsoDate(from)) problems.push(`price_from ${from} must be a date written YYYY-MM-DD`);
  return { unitPrice: n, effectiveFrom: from };
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
const ATC = /^[A-Z][0-9]{2}[A-Z]{0,2}[0-9]{0,2}$/;

function itemCode(problems: string[], v: Record<string, string>): string {
  const code = required(problems, v, 'code', 40);
  if (code && !CODE.test(code))
    problems.push(`code ${code} must be letters, digits, '.', '_' or '-' (at most 40)`);
  return code;
}

function done<T>(problems: string[], value: T): RowCheck<T> {
  return problems.length > 0 ? { ok: false, reason: problems.join('; ') } : { ok: true, value };
}

/** One diagnosis row: a code in ICD-10 form (typed variants such as 'e119' are read as E11.9) and at least one name. */
export function parseDiagnosisRow(v: Record<string, string>): RowCheck<DiagnosisImportRow> {
  const problems: string[] = [];
  const typed = (v.code ?? '').trim();
  const code = normaliseIcd10(typed);
  if (typed === '') problems.push('code is required');
  else if (code === null)
    problems.push(
      `code ${typed.slice(0, 40)} is not an ICD-10 code (a letter, two digits, then optionally a dot and one or two characters: E11.9)`,
    );
  const names = {
    vi: optional(problems, v, 'name_vi'),
    zh: optional(problems, v, 'name_zh'),
    en: optional(problems, v, 'name_en'),
  };
  if (!names.vi && !names.zh && !names.en)
    problems.push('at least one of name_vi, name_zh, name_en is required');
  const chronic = booleanCell(problems, 'chronic', v.chronic, false);
  const notifiable = booleanCell(problems, 'notifiable', v.notifiable, false);
  const active = booleanCell(problems, 'active', v.active, true);
  return done(problems, { code: code ?? '', names, chronic, notifiable, active });
}

export function parseMedicineRow(
  profile: CountryProfile,
  v: Record<string, string>,
): RowCheck<MedicineImportRow> {
  const problems: string[] = [];
  const levels = catalogueLevels(profile);
  const atcCode = optional(problems, v, 'atc_code', 7)?.toUpperCase() ?? null;
  if (atcCode && !ATC.test(atcCode)) problems.push(`atc_code ${atcCode} is not an ATC code (e.g. C08CA01)`);
  const value: MedicineImportRow = {
    code: itemCode(problems, v),
    insuranceCode: optional(problems, v, 'insurance_code', 40),
    name: required(problems, v, 'name'),
    activeIngredient: required(problems, v, 'active_ingredient'),
    inn: optional(problems, v, 'inn'),
    strength: required(problems, v, 'strength', 100),
    dosageForm: required(problems, v, 'dosage_form', 100),
    route: required(problems, v, 'route', 60),
    unit: required(problems, v, 'unit', 40),
    atcCode,
    insured: booleanCell(problems, 'insured', v.insured, false),
    insuredFromLevel: level(problems, v, 'insured_from_level', levels),
    active: booleanCell(problems, 'active', v.active, true),
    price: price(problems, v),
  };
  return done(problems, value);
}

export function parseServiceRow(
  profile: CountryProfile,
  v: Record<string, string>,
): RowCheck<ServiceImportRow> {
  const problems: string[] = [];
  const levels = catalogueLevels(profile);
  const kind = (v.kind ?? '').trim();
  if (!(SERVICE_KINDS as readonly string[]).includes(kind))
    problems.push(`kind ${kind.slice(0, 40) || '(empty)'} must be one of ${SERVICE_KINDS.join(', ')}`);
  const value: ServiceImportRow = {
    code: itemCode(problems, v),
    insuranceCode: optional(problems, v, 'insurance_code', 40),
    name: required(problems, v, 'name'),
    kind: kind as ServiceKind,
    unit: required(problems, v, 'unit', 40),
    lowestCareLevel: level(problems, v, 'lowest_care_level', levels),
    insured: booleanCell(problems, 'insured', v.insured, false),
    insuredFromLevel: level(problems, v, 'insured_from_level', levels),
    active: booleanCell(problems, 'active', v.active, true),
    price: price(problems, v),
  };
  return done(problems, value);
}

interface PlannedPeriod extends PricePeriod {
  isNew: boolean;
  changed: boolean;
}

/**
 * Where the prices of an item's import rows go, in file order, after its stored periods: a price on a
 * start already recorded is the stored one when equal (a re-imported export) and refused when not; a
 * later start closes the previous period the day before (planNewPrice); an earlier one is refused.
 */
export function planImportedPrices(
  existing: readonly PricePeriod[],
  incoming: readonly { line: number; price: ImportPrice }[],
): {
  rejected: Map<number, string>;
  closes: { id: string; effectiveTo: string }[];
  inserts: { unitPrice: number; effectiveFrom: string; effectiveTo: string | null }[];
} {
  const periods: PlannedPeriod[] = existing.map((p) => ({ ...p, isNew: false, changed: false }));
  const rejected = new Map<number, string>();
  for (const { line, price } of incoming) {
    const same = periods.find((p) => p.effectiveFrom === price.effectiveFrom);
    if (same) {
      if (same.unitPrice !== price.unitPrice)
        rejected.set(
          line,
          `a price of ${same.unitPrice} from ${same.effectiveFrom} is already recorded, and history is never edited: give the new price a later price_from`,
        );
      continue;
    }
    const plan = planNewPrice(periods, price);
    if (!plan.ok) {
      rejected.set(
        line,
        `price_from ${price.effectiveFrom} must be after ${plan.last.effectiveFrom}, the start of the last price (history is never edited)`,
      );
      continue;
    }
    if (plan.same) continue;
    if (plan.close) {
      const closed = periods.find((p) => p.id === plan.close!.id)!;
      closed.effectiveTo = plan.close.effectiveTo;
      closed.changed = true;
    }
    periods.push({ id: `new:${line}`, ...price, effectiveTo: null, isNew: true, changed: false });
  }
  return {
    rejected,
    closes: periods
      .filter((p) => !p.isNew && p.changed)
      .map((p) => ({ id: p.id, effectiveTo: p.effectiveTo! })),
    inserts: periods
      .filter((p) => p.isNew)
      .map((p) => ({ unitPrice: p.unitPrice, effectiveFrom: p.effectiveFrom, effectiveTo: p.effectiveTo })),
  };
}
