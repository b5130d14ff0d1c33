/**
 * The stock module's public surface: the medicines shelf of each facility (batches, the append-only
 * ledger of movements, transfers, counts, figures and alerts) and the functions the encounters module
 * calls to dispense a visit's prescriptions and to take them back. Other modules import only this file.
 */
export {
  type Dispensed,
  type DispenseInput,
  type DispenseLine,
  dispense,
  INSUFFICIENT_STOCK,
  onHandOf,
  type ReturnInput,
  returnDispensed,
} from './dispense.service.ts';
export { requisitionRoutes } from './requisitions.routes.ts';
export { loadStockLedger, type StockLedgerPlan, type StockLedgerReport, unitsUnder } from './stock.bulk.ts';
export { stockRoutes } from './stock.routes.ts';
