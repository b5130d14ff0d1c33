import { type RawBuilder, type SqlBool, sql } from 'kysely';
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
 * Per (facility, medicine): the units dispensed net of returns in [from, today) and the stock-out days
 * (figures.rules.ts stockOutDays: the days in [from, today) from the window's first movement on that
 * closed with nothing on the shelf), computed in the database from stock_daily, which a trigger on
 * the ledger keeps as the sums of its movements per day (migration 2026_12_07_1400): one row per
 * (facility, medicine) leaves the database, not one per day.
 */
export async function dailyFigureRows(db: Db, w: Where, from: string, today: string) {
  const days = sql`
    select facility_id, medicine_id, day, net, consumed
      from stock_daily
     where ${facilitiesOf(w)} and ${scoped('facility_id', 'area_path', w)}
       and day >= ${from} and day <= ${today}`;
  const balances = sql`
    select facility_id, medicine_id, sum(on_hand) as total
      from stock_batch where ${scoped('facility_id', 'area_path', w)}
     group by facility_id, medicine_id`;
  const r = await sql<DailyFigureRow>`${dailyFigures(days, balances, today)}`.execute(db);
  return r.rows;
}

export interface DailyFigureRow {
  facility_id: string;
  medicine_id: string;
  consumed: number;
  out_days: number;
}

/**
 * The walk of stockOutDays in SQL, over `days` (facility_id, medicine_id, day, net, consumed: the
 * window's days that had a movement) and `balances` (facility_id, medicine_id, total: the units in
 * every batch). A movement day's closing balance is the total less the net of every later day up to
 * today, and it holds until the next movement day (or today): those days are out when it is 0 or
 * less. Held to the pure rule by figures.routes.test.ts on both engines.
 */
export function dailyFigures(days: RawBuilder<unknown>, balances: RawBuilder<unknown>, today: string) {
  return sql`
    with d as (${days}), b as (${balances}),
    walked as (
      select d.facility_id, d.medicine_id, d.day, d.consumed,
             coalesce(b.total, 0) - coalesce(sum(d.net) over later, 0) as closing,
             lag(d.day) over (partition by d.facility_id, d.medicine_id order by d.day desc) as next_day
        from d left join b on b.facility_id = d.facility_id and b.medicine_id = d.medicine_id
      window later as (partition by d.facility_id, d.medicine_id order by d.day desc
                       rows between unbounded preceding and 1 preceding)
    )
    select facility_id, medicine_id,
           coalesce(sum(consumed) filter (where day < ${today}::date), 0)::int as consumed,
           coalesce(sum(coalesce(next_day, ${today}::date) - day)
             filter (where day < ${today}::date and closing <= 0), 0)::int as out_days
      from walked group by facility_id, medicine_id`;
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
