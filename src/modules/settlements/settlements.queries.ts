import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  NewSettlementRow,
  SettlementAdjustmentRow,
  SettlementAdjustmentTable,
  SettlementAdvanceRow,
  SettlementAdvanceTable,
  SettlementRow,
  SettlementTable,
} from './settlements.table.ts';

/** The settlement's SQL (its four tables are read only here). */

export function findSettlementRow(db: Db, id: string): Promise<SettlementRow | undefined> {
  return db.selectFrom('settlement').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A facility's settlement of a quarter, locked for the transaction when `lock`. */
export function findSettlementOf(
  db: Db,
  facilityId: string,
  quarter: string,
  lock = false,
): Promise<SettlementRow | undefined> {
  const q = db
    .selectFrom('settlement')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('quarter', '=', quarter);
  return (lock ? q.forUpdate() : q).executeTakeFirst();
}

/** Inserts the facility's settlement of the quarter unless one exists (two runs racing: one row). */
export async function insertSettlementIfMissing(trx: Db, row: NewSettlementRow): Promise<void> {
  await trx
    .insertInto('settlement')
    .values(row)
    .onConflict((oc) => oc.columns(['facility_id', 'quarter']).doNothing())
    .execute();
}

type Figures = Pick<
  SettlementTable,
  'claimed' | 'accepted' | 'rejected' | 'advance' | 'adjustments' | 'balance' | 'next_advance'
>;

export async function updateSettlementRow(
  trx: Db,
  id: string,
  set: { [K in keyof Figures]: number } & {
    claims_count: number;
    accepted_count: number;
    rejected_count: number;
    pending_count: number;
    next_advance_basis: SettlementTable['next_advance_basis'];
    job_id: string | null;
    computed_at: Date;
  },
): Promise<SettlementRow> {
  return trx.updateTable('settlement').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export function signSettlementRow(trx: Db, id: string, by: string | null, at: Date): Promise<SettlementRow> {
  return trx
    .updateTable('settlement')
    .set({ status: 'signed', signed_by: by, signed_at: at })
    .where('id', '=', id)
    .where('status', '=', 'computed')
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Settlements of a quarter under an area (its path) or of one facility, by facility. */
export function settlementRowsOf(
  db: Db,
  q: { quarter: string; areaPath?: string | null; facilityId?: string },
): Promise<SettlementRow[]> {
  let query = db.selectFrom('settlement').selectAll().where('quarter', '=', q.quarter).orderBy('facility_id');
  if (q.facilityId) query = query.where('facility_id', '=', q.facilityId);
  if (q.areaPath) query = query.where(sql<boolean>`area_path <@ ${q.areaPath}::ltree`);
  return query.execute();
}

/** The quarters before `quarter` the facility has signed. */
export async function signedQuartersBefore(db: Db, facilityId: string, quarter: string): Promise<string[]> {
  const rows = await db
    .selectFrom('settlement')
    .select('quarter')
    .where('facility_id', '=', facilityId)
    .where('status', '=', 'signed')
    .where('quarter', '<', quarter)
    .execute();
  return rows.map((r) => r.quarter);
}

/**
 * What was paid so far for each claim, leaving out the settlement `except` (the one being computed):
 * its amount in signed settlements plus every adjustment of it in other settlements.
 */
export async function paidSoFar(
  db: Db,
  claimIds: readonly string[],
  except: string,
): Promise<Map<string, number>> {
  if (claimIds.length === 0) return new Map();
  const { rows } = await sql<{ claim_id: string; amount: string }>`
    select claim_id, sum(amount) as amount from (
      select sc.claim_id, sc.amount from settlement_claim sc join settlement s on s.id = sc.settlement_id
      where s.status = 'signed' and sc.claim_id = any(${[...claimIds]}::uuid[])
      union all
      select claim_id, amount from settlement_adjustment
      where claim_id = any(${[...claimIds]}::uuid[]) and settlement_id <> ${except}
    ) p group by claim_id`.execute(db);
  return new Map(rows.map((r) => [r.claim_id, Math.round(Number(r.amount) * 100)]));
}

/**
 * What the settlement pays per claim: the claims given (upserted with their amount) and 0 for those
 * it listed before and no longer pays (a claim rebuilt since the last run). Nothing is deleted.
 */
export async function saveSettlementClaims(
  trx: Db,
  settlementId: string,
  areaPath: string,
  claims: readonly { claimId: string; amount: number }[],
): Promise<void> {
  for (let i = 0; i < claims.length; i += 1000) {
    const page = claims.slice(i, i + 1000);
    await trx
      .insertInto('settlement_claim')
      .values(
        page.map((c) => ({
          settlement_id: settlementId,
          claim_id: c.claimId,
          amount: c.amount,
          area_path: areaPath,
        })),
      )
      .onConflict((oc) =>
        oc.columns(['settlement_id', 'claim_id']).doUpdateSet({ amount: (eb) => eb.ref('excluded.amount') }),
      )
      .execute();
  }
  await trx
    .updateTable('settlement_claim')
    .set({ amount: 0 })
    .where('settlement_id', '=', settlementId)
    .where('amount', '<>', 0)
    .where(
      'claim_id',
      'not in',
      claims.length > 0 ? claims.map((c) => c.claimId) : ['00000000-0000-0000-0000-000000000000'],
    )
    .execute();
}

/** What a settlement pays per claim, in cents (a signed one: what it paid when signed). */
export async function settledAmountsOf(db: Db, settlementId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('settlement_claim')
    .select(['claim_id', 'amount'])
    .where('settlement_id', '=', settlementId)
    .execute();
  return new Map(rows.map((r) => [r.claim_id, Math.round(Number(r.amount) * 100)]));
}

/** The claims a settlement already adjusts. */
export async function adjustedClaimIds(db: Db, settlementId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('settlement_adjustment')
    .select('claim_id')
    .where('settlement_id', '=', settlementId)
    .execute();
  return new Set(rows.map((r) => r.claim_id));
}

/** Records (or updates, on a re-run) the settlement's adjustments, one per claim. */
export async function saveAdjustments(
  trx: Db,
  rows: readonly Omit<SettlementAdjustmentTable, 'id'>[],
  newId: () => string,
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('settlement_adjustment')
    .values(rows.map((r) => ({ id: newId(), ...r })))
    .onConflict((oc) =>
      oc.columns(['settlement_id', 'claim_id']).doUpdateSet({
        amount: (eb) => eb.ref('excluded.amount'),
        computed_at: (eb) => eb.ref('excluded.computed_at'),
      }),
    )
    .execute();
}

export async function sumAdjustments(db: Db, settlementId: string): Promise<number> {
  const r = await db
    .selectFrom('settlement_adjustment')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<string>('amount'), sql<string>`0`).as('total'))
    .where('settlement_id', '=', settlementId)
    .executeTakeFirst();
  return Math.round(Number(r?.total ?? 0) * 100);
}

export function adjustmentRowsOf(db: Db, settlementId: string): Promise<SettlementAdjustmentRow[]> {
  return db
    .selectFrom('settlement_adjustment')
    .selectAll()
    .where('settlement_id', '=', settlementId)
    .where('amount', '<>', 0)
    .orderBy('from_quarter')
    .orderBy('claim_id')
    .execute();
}

export function findAdvanceOf(
  db: Db,
  facilityId: string,
  quarter: string,
): Promise<SettlementAdvanceRow | undefined> {
  return db
    .selectFrom('settlement_advance')
    .selectAll()
    .where('facility_id', '=', facilityId)
    .where('quarter', '=', quarter)
    .executeTakeFirst();
}

export function findAdvanceRow(db: Db, id: string): Promise<SettlementAdvanceRow | undefined> {
  return db.selectFrom('settlement_advance').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts an advance unless the facility's quarter has one: the row inserted, or undefined. */
export function insertAdvanceIfMissing(
  trx: Db,
  row: SettlementAdvanceTable,
): Promise<SettlementAdvanceRow | undefined> {
  return trx
    .insertInto('settlement_advance')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Facilities under an area with an advance for the quarter (they settle even without claims). */
export async function facilitiesWithAdvances(
  db: Db,
  quarter: string,
  areaPath: string | null,
): Promise<string[]> {
  let q = db.selectFrom('settlement_advance').select('facility_id').where('quarter', '=', quarter);
  if (areaPath) q = q.where(sql<boolean>`area_path <@ ${areaPath}::ltree`);
  return (await q.execute()).map((r) => r.facility_id);
}
