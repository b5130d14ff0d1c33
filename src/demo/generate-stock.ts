import { addDays } from '../platform/dates.ts';
import type { Rng } from './random.ts';

/**
 * The demo's medicines shelf: pure and seeded. For a district's supplier (its centre) and its
 * stations, six months of receipts (batch, expiry, supplier), consumption (the dispensings given as
 * input, e.g. the encounters demo's prescriptions, else drawn here), a few stock-outs (a station
 * whose second delivery of a medicine never came), near-expiry batches and requisitions in each state.
 * Rows are in the stock module's load columns (`StockLedgerPlan` in modules/stock).
 */
export interface StockDemoFacility {
  code: string;
  /** The facility that supplies it; null for the supplier itself. */
  supplierCode: string | null;
}

/** A dispensing the shelf must account for. */
export interface DemoDispensing {
  facilityCode: string;
  medicineCode: string;
  date: string;
  quantity: number;
  prescriptionId?: string;
  encounterId?: string;
}

export interface DemoReceipt {
  facilityCode: string;
  medicineCode: string;
  batchNumber: string;
  expiryDate: string;
  quantity: number;
  receivedOn: string;
  supplier: string;
}

export interface DemoRequisition {
  facilityCode: string;
  /** How far it went: draft, sent, approved, shipped or received. */
  state: 'draft' | 'sent' | 'approved' | 'shipped' | 'received';
  createdOn: string;
}

export interface StockDemo {
  receipts: DemoReceipt[];
  dispensings: DemoDispensing[];
  requisitions: DemoRequisition[];
}

export const REQUISITION_STATES = ['draft', 'sent', 'approved', 'shipped', 'received'] as const;

/**
 * The plan. Each station and medicine draws a monthly consumption (15-150 units); the station received
 * about four months of it 170 days ago and two more months 75 days ago, except one pair in eight whose
 * second delivery never came (a stock-out today or soon). One pair in six holds a batch expiring
 * within 70 days, received lately (first expiry first out has not used it up). The supplier holds a year of the district's consumption in two batches. The last
 * five stations each have a requisition, one in each state.
 */
export function planStock(
  rng: Rng,
  input: {
    facilities: readonly StockDemoFacility[];
    medicineCodes: readonly string[];
    today: string;
    depot: string;
    dispensings?: readonly DemoDispensing[];
  },
): StockDemo {
  const { today } = input;
  const receipts: DemoReceipt[] = [];
  const dispensings: DemoDispensing[] = input.dispensings ? [...input.dispensings] : [];
  const drawn = !input.dispensings;
  const stations = input.facilities.filter((f) => f.supplierCode !== null);
  const suppliers = input.facilities.filter((f) => f.supplierCode === null);
  let lot = 0;
  const batchNumber = (code: string) => `${code.slice(-3)}${String(++lot).padStart(5, '0')}`;
  const monthly = new Map<string, number>();

  for (const s of stations) {
    for (const m of input.medicineCodes) {
      const amc = rng.int(15, 150);
      monthly.set(m, (monthly.get(m) ?? 0) + amc);
      const supplier = s.supplierCode as string;
      receipts.push({
        facilityCode: s.code,
        medicineCode: m,
        batchNumber: batchNumber(m),
        expiryDate: addDays(today, rng.int(300, 720)),
        quantity: amc * 4,
        receivedOn: addDays(today, -170),
        supplier,
      });
      const noSecond = rng.chance(1 / 8);
      if (!noSecond)
        receipts.push({
          facilityCode: s.code,
          medicineCode: m,
          batchNumber: batchNumber(m),
          expiryDate: addDays(today, rng.int(365, 900)),
          quantity: amc * 2,
          receivedOn: addDays(today, -75),
          supplier,
        });
      // A short-dated batch (a donation, a redistribution) arrived lately: still on the shelf, near expiry.
      if (rng.chance(1 / 6))
        receipts.push({
          facilityCode: s.code,
          medicineCode: m,
          batchNumber: batchNumber(m),
          expiryDate: addDays(today, rng.int(25, 70)),
          quantity: amc * 2,
          receivedOn: addDays(today, -20),
          supplier,
        });
      if (drawn) {
        // About once a week over the last 165 days (a week's dispensings in one row: the load stays
        // light), the month's units spread over its weeks.
        for (let day = -165; day < 0; day += rng.int(5, 9)) {
          const q = Math.max(1, Math.round((amc / 4.3) * rng.float(0.5, 1.5)));
          dispensings.push({ facilityCode: s.code, medicineCode: m, date: addDays(today, day), quantity: q });
        }
      }
    }
  }
  for (const sup of suppliers) {
    for (const m of input.medicineCodes) {
      const year = (monthly.get(m) ?? 100) * 12;
      for (const [share, expiry] of [
        [0.5, rng.int(200, 400)],
        [0.5, rng.int(500, 900)],
      ] as const) {
        receipts.push({
          facilityCode: sup.code,
          medicineCode: m,
          batchNumber: batchNumber(m),
          expiryDate: addDays(today, expiry),
          quantity: Math.round(year * share),
          receivedOn: addDays(today, -200),
          supplier: input.depot,
        });
      }
    }
  }
  const requisitions = stations.slice(-REQUISITION_STATES.length).map((s, i) => ({
    facilityCode: s.code,
    state: REQUISITION_STATES[i] as DemoRequisition['state'],
    createdOn: addDays(today, -(REQUISITION_STATES.length - i) * 3),
  }));
  return { receipts, dispensings, requisitions };
}
