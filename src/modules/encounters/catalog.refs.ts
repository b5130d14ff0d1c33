import type { Db } from '../../platform/db/database.ts';
import {
  type CatalogDiagnosis,
  diagnosesByCode,
  medicinesById,
  normaliseIcd10,
  pricedItemsOn,
} from '../catalog/index.ts';

/** What the encounters module needs from the catalogues, in one place (through catalog's index.ts). */
export type { CatalogDiagnosis };
export { normaliseIcd10 };

export interface CatalogRefs {
  diagnoses: Map<string, CatalogDiagnosis>;
  medicines: Map<
    string,
    { id: string; code: string; name: string; strength: string; dosageForm: string; unit: string }
  >;
  /** Services by id, with their names (priced on the visit date). */
  services: Map<string, { id: string; code: string; name: string; unit: string }>;
}

/** The names of the catalogue entries a visit's records point at. */
export async function catalogRefsFor(
  db: Db,
  ids: { codes: readonly string[]; medicineIds: readonly string[]; serviceIds: readonly string[] },
  date: string,
): Promise<CatalogRefs> {
  const diagnoses = ids.codes.length > 0 ? await diagnosesByCode(db, ids.codes) : new Map();
  const medicines = ids.medicineIds.length > 0 ? await medicinesById(db, ids.medicineIds) : new Map();
  const services =
    ids.serviceIds.length > 0
      ? await pricedItemsOn(db, { medicineIds: [], serviceIds: ids.serviceIds }, date)
      : new Map();
  return { diagnoses, medicines, services };
}

export { pricedItemsOn };
