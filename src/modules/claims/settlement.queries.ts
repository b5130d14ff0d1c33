import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { ClaimStatus } from './claims.enums.ts';

/**
 * What the quarterly settlement (module settlements) reads and writes of the claims, in one place:
 * aggregates by facility and quarter, the claims of a facility's quarter, what the claims of signed
 * quarters stand at now, and the mark "paid" with the settlement's id (with its history event).
 * Amounts are the columns' numbers (numeric(16, 2)); the settlement counts them in cents.
 */

const CLAIMED: ClaimStatus[] = ['submitted', 'accepted', 'partly-accepted', 'rejected', 'paid'];

export interface FacilityClaimTotals {
  facilityId: string;
  areaPath: string;
  claims: number;
  claimed: number;
  accepted: number;
  rejected: number;
  pending: number;
}

/**
 * Claimed (submitted or later), accepted and rejected totals of a quarter per facility, for the
 * facilities given or those under an area (its path): one aggregate, a row per facility with claims.
 */
export async function claimTotalsByFacility(
  db: Db,
  q: { quarter: string; facilityIds?: readonly string[]; areaPath?: string | null },
): Promise<FacilityClaimTotals[]> {
  let query = db
    .selectFrom('claim')
    .where('quarter', '=', q.quarter)
    .where('status', 'in', CLAIMED)
    .select((eb) => [
      'facility_id',
      eb.fn.min(sql<string>`area_path::text`).as('area_path'),
      eb.fn.countAll<string>().as('claims'),
      eb.fn.sum<string>('insurance_pays').as('claimed'),
      sql<string>`coalesce(sum(accepted_amount) filter (where status in ('accepted', 'partly-accepted', 'paid')), 0)`.as(
        'accepted',
      ),
      sql<string>`coalesce(sum(case when status = 'rejected' then coalesce(rejected_amount, insurance_pays)
        else coalesce(rejected_amount, 0) end) filter (where status <> 'submitted'), 0)`.as('rejected'),
      sql<string>`count(*) filter (where status = 'submitted')`.as('pending'),
    ])
    .groupBy('facility_id')
    .orderBy('facility_id');
  if (q.facilityIds) {
    if (q.facilityIds.length === 0) return [];
    query = query.where('facility_id', 'in', [...q.facilityIds]);
  }
  if (q.areaPath) query = query.where(sql<boolean>`area_path <@ ${q.areaPath}::ltree`);
  const rows = await query.execute();
  return rows.map((r) => ({
    facilityId: r.facility_id,
    areaPath: r.area_path,
    claims: Number(r.claims),
    claimed: Number(r.claimed),
    accepted: Number(r.accepted),
    rejected: Number(r.rejected),
    pending: Number(r.pending),
  }));
}

export interface ClaimForSettlement {
  id: string;
  quarter: string;
  status: ClaimStatus;
  insurancePays: number;
  acceptedAmount: number | null;
  rejectedAmount: number | null;
  settlementId: string | null;
}

const settlementColumns = [
  'id',
  'quarter',
  'status',
  'insurance_pays',
  'accepted_amount',
  'rejected_amount',
  'settlement_id',
] as const;

const toClaim = (r: {
  id: string;
  quarter: string;
  status: ClaimStatus;
  insurance_pays: number;
  accepted_amount: number | null;
  rejected_amount: number | null;
  settlement_id: string | null;
}): ClaimForSettlement => ({
  id: r.id,
  quarter: r.quarter,
  status: r.status,
  insurancePays: r.insurance_pays,
  acceptedAmount: r.accepted_amount,
  rejectedAmount: r.rejected_amount,
  settlementId: r.settlement_id,
});

/** A facility's claims of one quarter or several (every status), in id order. */
export async function claimsOfFacilityQuarters(
  db: Db,
  facilityId: string,
  quarters: readonly string[],
): Promise<ClaimForSettlement[]> {
  if (quarters.length === 0) return [];
  const rows = await db
    .selectFrom('claim')
    .select(settlementColumns)
    .where('facility_id', '=', facilityId)
    .where('quarter', 'in', [...quarters])
    .orderBy('id')
    .execute();
  return rows.map(toClaim);
}

/**
 * Marks accepted (or partly accepted) claims paid by a settlement, each once: a claim already paid, or
 * not accepted, is left as it is; every claim marked gets its history event. Answers the ids marked.
 */
export async function markClaimsPaid(
  trx: Db,
  m: { claimIds: readonly string[]; settlementId: string; quarter: string; paidAt: Date },
): Promise<string[]> {
  if (m.claimIds.length === 0) return [];
  const marked: { id: string; from: ClaimStatus; area_path: string }[] = [];
  for (let i = 0; i < m.claimIds.length; i += 1000) {
    const ids = m.claimIds.slice(i, i + 1000);
    const { rows } = await sql<{ id: string; from: ClaimStatus; area_path: string }>`
      update claim c set status = 'paid', paid_at = ${m.paidAt}, settlement_id = ${m.settlementId},
        updated_at = ${m.paidAt}
      from (select id, status from claim where id = any(${ids}::uuid[])
            and status in ('accepted', 'partly-accepted') for update) old
      where c.id = old.id
      returning c.id, old.status as "from", c.area_path::text as area_path`.execute(trx);
    marked.push(...rows);
  }
  if (marked.length > 0)
    await trx
      .insertInto('claim_event')
      .values(
        marked.map((r) => ({
          id: newId(),
          claim_id: r.id,
          from_status: r.from,
          to_status: 'paid' as const,
          reason: `Paid by the settlement of ${m.quarter}`,
          user_id: null,
          at: m.paidAt,
          area_path: r.area_path,
        })),
      )
      .execute();
  return marked.map((r) => r.id);
}

export interface ClaimReconciliationRow {
  id: string;
  visitDate: string;
  cardNumber: string | null;
  scheme: string | null;
  status: ClaimStatus;
  insurancePays: number;
  acceptedAmount: number | null;
  rejectedAmount: number | null;
  settlementId: string | null;
}

/** A page of a facility's claimed claims of a quarter for the reconciliation report, in id order. */
export async function claimsForReconciliation(
  db: Db,
  q: { facilityId: string; quarter: string; afterId: string | null; limit: number },
): Promise<ClaimReconciliationRow[]> {
  let query = db
    .selectFrom('claim')
    .select([
      'id',
      'visit_date',
      'card_number',
      'scheme',
      'status',
      'insurance_pays',
      'accepted_amount',
      'rejected_amount',
      'settlement_id',
    ])
    .where('facility_id', '=', q.facilityId)
    .where('quarter', '=', q.quarter)
    .where('status', 'in', CLAIMED)
    .orderBy('id')
    .limit(q.limit);
  if (q.afterId) query = query.where('id', '>', q.afterId);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    visitDate: r.visit_date,
    cardNumber: r.card_number,
    scheme: r.scheme,
    status: r.status,
    insurancePays: r.insurance_pays,
    acceptedAmount: r.accepted_amount,
    rejectedAmount: r.rejected_amount,
    settlementId: r.settlement_id,
  }));
}
