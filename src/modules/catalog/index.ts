/**
 * The catalog module's public surface: the national catalogues (ICD-10 diagnoses, medicines,
 * services with dated prices). Other modules (encounters, stock, claims) import only this file.
 */

export { medicineIdsByCode, serviceCodesById } from './catalog.codes.ts';
export { SERVICE_KINDS, type ServiceKind } from './catalog.enums.ts';
export {
  diagnosisImport,
  exportDiagnosesCsv,
  exportMedicinesCsv,
  exportServicesCsv,
  medicineImport,
  serviceImport,
} from './catalog.import.ts';
export {
  type CatalogMedicineRef,
  diagnosesByCode,
  itemIdsByCode,
  medicinesById,
  type PricedItem,
  pricedItemsOn,
} from './catalog.lookup.ts';
export type { CatalogDiagnosis } from './catalog.mapping.ts';
export { catalogRoutes } from './catalog.routes.ts';
export { isIcd10Format, normaliseIcd10, priceOn } from './catalog.rules.ts';
export type { Diagnosis, Medicine, MedicineDetail, Service, ServiceDetail } from './catalog.schema.ts';
export { installShippedCatalogues } from './catalog.shipped.ts';
