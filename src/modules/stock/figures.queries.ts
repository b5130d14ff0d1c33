import { type SqlBool, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';

/**
 * The facts the figures are computed from, for one facility or every facility in an area subtree,
 * each one aggregate statement (a district's alerts are four statements whatever its size).
 */
export type Where = { facilityId: string } | { areaPath: string };

function scoped(column: 'facility_id' | 'to_facility_id', pathColumn: string, w: Where) {
  return 'facilityId' in w
    ? sql<SqlBool>`${sql.ref(column)} = ${w.facilityId}`
    : sql<SqlBool>`${sql.ref(pathColumn)} <@ ${w.areaPath}::ltree`;
}

/**
 * For an area, the facilities whose shelves hold batches there (the ledger's own record of them), so
 * stock_daily is read by facility and day range (its index) rather than matched by area path alone.
 */
function facilitiesOf(w: Where) {
  return 'facilityId' in w
    ? sql<SqlBool>`true`
    : sql<SqlBool>`facility_id in (select distinct b.facility_id from stock_batch b where b.area_path <@ ${w.areaPath}::ltree)`;
}

/** Units per (facility, medicine): all batches and those not expired on `today`. */
export async function balanceRows(db: Db, w: Where, today: string) {
  const r = await sql<{ facility_id: string; medicine_id: string; total: number; usable: number }>`
    select facility_id, medicine_id, sum(on_hand)::int as total,
           coalesce(sum(on_hand) filter (where expiry_date > ${today}), 0)::int as usable
      from stock_batch where ${scoped('facility_id', 'area_path', w)}
     group by facility_id, medicine_id`.execute(db);
  return r.rows;
}

/** Batches with units expiring on or before `horizon` (and after today: not yet expired). */
export async function nearExpiryRows(db: Db, w: Where, today: string, horizon: string) {
  const r = await sql<{ facility_id: string; medicine_id: string; expiry_date: string; on_hand: number }>`
    select facility_id, medicine_id, expiry_date, on_hand from stock_batch
     where ${scoped('facility_id', 'area_path', w)} and on_hand > 0
       and expiry_date > ${today} and expiry_date <= ${horizon}`.execute(db);
  return r.rows;
}

/**
 * Per (facility, medicine, day) in [from, today]: the net movement of the day, and the units
 * dispensed net of returns (the consumption). Read from stock_daily, which a trigger on the ledger
 * keeps as those sums of its movements (migration 2026_12_07_1400).
 */
export async function dailyRows(db: Db, w: Where, from: string, today: string) {
  const r = await sql<{
    facility_id: string;
    medicine_id: string;
    day: string;
    net: number;
    consumed: number;
  }>`
    select facility_id, medicine_id, day, net, consumed
      from stock_daily
     where ${facilitiesOf(w)} and ${scoped('facility_id', 'area_path', w)}
       and day >= ${from} and day <= ${today}`.execute(db);
  return r.rows;
}

/** Units sent to each facility and not yet received, per medicine. */
export async function inTransitRows(db: Db, w: Where) {
  const r = await sql<{ facility_id: string; medicine_id: string; units: number }>`
    select t.to_facility_id as facility_id, l.medicine_id, sum(l.quantity_sent)::int as units
      from stock_transfer t join stock_transfer_line l on l.transfer_id = t.id
     where t.status = 'in_transit' and ${scoped('to_facility_id', 't.to_area_path', w)}
     group by t.to_facility_id, l.medicine_id`.execute(db);
  return r.rows;
}
