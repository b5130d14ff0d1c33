import type { Db } from '../../platform/db/database.ts';
import { type CatalogDiagnosis, diagnosisOf, pricePeriodOf } from './catalog.mapping.ts';
import {
  diagnosisRowsByCode,
  itemIdRowsByCode,
  medicinePriceRows,
  medicineRowsById,
  servicePriceRows,
  serviceRowsById,
} from './catalog.queries.ts';
import { type PricePeriod, priceOn } from './catalog.rules.ts';

/**
 * What other modules read from the catalogues (encounters, stock, claims): by code or id, in one
 * query per table, inside the caller's transaction.
 */

/** The catalogue's diagnoses for these codes (stored form: normalise typed codes first); unknown codes are absent. */
export async function diagnosesByCode(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, CatalogDiagnosis>> {
  const rows = await diagnosisRowsByCode(db, [...new Set(codes)]);
  return new Map(rows.map((r) => [r.code, diagnosisOf(r)]));
}

/** A medicine or service line as a bill prices it on a date. */
export interface PricedItem {
  kind: 'medicine' | 'service';
  id: string;
  code: string;
  insuranceCode: string | null;
  name: string;
  unit: string;
  /** The price in force on the date (currency of the profile), null when none. */
  unitPrice: number | null;
  /** On the insurance list at all. */
  insured: boolean;
  /** Lowest level of care (profile careLevels id, or tier id where the profile has none) at which insurance pays it; null = any. */
  insuredFromCareLevel: string | null;
  /** Services: lowest level of care allowed to perform it; medicines: null. */
  lowestCareLevel: string | null;
}

function pricesByItem<R>(rows: readonly R[], itemOf: (r: R) => string, periodOf: (r: R) => PricePeriod) {
  const byItem = new Map<string, PricePeriod[]>();
  for (const r of rows) {
    const list = byItem.get(itemOf(r)) ?? [];
    list.push(periodOf(r));
    byItem.set(itemOf(r), list);
  }
  return byItem;
}

/**
 * The medicines and services with their price in force on `date` ('YYYY-MM-DD'), keyed by id
 * (medicine and service ids are UUIDs: one map holds both). Unknown ids are absent.
 */
export async function pricedItemsOn(
  db: Db,
  ids: { medicineIds: readonly string[]; serviceIds: readonly string[] },
  date: string,
): Promise<Map<string, PricedItem>> {
  const medicineIds = [...new Set(ids.medicineIds)];
  const serviceIds = [...new Set(ids.serviceIds)];
  const [medicines, medicinePrices, services, servicePrices] = [
    await medicineRowsById(db, medicineIds),
    await medicinePriceRows(db, medicineIds),
    await serviceRowsById(db, serviceIds),
    await servicePriceRows(db, serviceIds),
  ];
  const mPrices = pricesByItem(medicinePrices, (r) => r.medicine_id, pricePeriodOf);
  const sPrices = pricesByItem(servicePrices, (r) => r.service_id, pricePeriodOf);
  const out = new Map<string, PricedItem>();
  for (const m of medicines) {
    out.set(m.id, {
      kind: 'medicine',
      id: m.id,
      code: m.code,
      insuranceCode: m.insurance_code,
      name: m.name,
      unit: m.unit,
      unitPrice: priceOn(mPrices.get(m.id) ?? [], date)?.unitPrice ?? null,
      insured: m.insured,
      insuredFromCareLevel: m.insured ? m.insured_from_level : null,
      lowestCareLevel: null,
    });
  }
  for (const s of services) {
    out.set(s.id, {
      kind: 'service',
      id: s.id,
      code: s.code,
      insuranceCode: s.insurance_code,
      name: s.name,
      unit: s.unit,
      unitPrice: priceOn(sPrices.get(s.id) ?? [], date)?.unitPrice ?? null,
      insured: s.insured,
      insuredFromCareLevel: s.insured ? s.insured_from_level : null,
      lowestCareLevel: s.lowest_care_level,
    });
  }
  return out;
}

export interface CatalogMedicineRef {
  id: string;
  code: string;
  name: string;
  strength: string;
  dosageForm: string;
  unit: string;
}

/** Medicines by id (stock, prescriptions): the words a shelf or a label shows. */
export async function medicinesById(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, CatalogMedicineRef>> {
  const rows = await medicineRowsById(db, [...new Set(ids)]);
  return new Map(
    rows.map((m) => [
      m.id,
      { id: m.id, code: m.code, name: m.name, strength: m.strength, dosageForm: m.dosage_form, unit: m.unit },
    ]),
  );
}

/** The ids of medicines and services named by code: two maps, code to id (unknown codes absent). */
export async function itemIdsByCode(
  db: Db,
  codes: { medicineCodes: readonly string[]; serviceCodes: readonly string[] },
): Promise<{ medicines: Map<string, string>; services: Map<string, string> }> {
  const rows = await itemIdRowsByCode(db, {
    medicineCodes: [...new Set(codes.medicineCodes)],
    serviceCodes: [...new Set(codes.serviceCodes)],
  });
  return {
    medicines: new Map(rows.medicines.map((r) => [r.code, r.id])),
    services: new Map(rows.services.map((r) => [r.code, r.id])),
  };
}
