/** What the encounters module needs from the stock module (through its index.ts). */
export { dispense, returnDispensed } from '../stock/index.ts';
