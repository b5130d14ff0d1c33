/** What the claims module needs from the catalogues (through catalog's index.ts): prices on a date, diagnoses. */
export { diagnosesByCode, type PricedItem, pricedItemsOn } from '../catalog/index.ts';
