import { type Selectable, sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ClaimFailureCode, ClaimLineStatus, ClaimStatus } from './claims.enums.ts';
import type {
  ClaimCheckTable,
  ClaimEventTable,
  ClaimLineRow,
  ClaimRow,
  NewClaimLineRow,
  NewClaimRow,
  StoredFailure,
} from './claims.table.ts';

/** The claims tables' SQL (only here). Bulk where a job walks thousands: arrays, not one query a row. */

const CHUNK = 1000;
const uuids = (ids: readonly string[]) => sql`${[...ids]}::uuid[]`;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function claimsOfEncounters(
  db: Db,
  encounterIds: readonly string[],
): Promise<Pick<ClaimRow, 'id' | 'encounter_id' | 'bill_seq' | 'status'>[]> {
  if (encounterIds.length === 0) return [];
  return db
    .selectFrom('claim')
    .select(['id', 'encounter_id', 'bill_seq', 'status'])
    .where(sql<boolean>`encounter_id = any(${uuids(encounterIds)})`)
    .execute();
}

export async function insertClaims(db: Db, rows: readonly NewClaimRow[]): Promise<void> {
  await inChunks(rows, (c) => db.insertInto('claim').values(c).execute());
}

export async function insertClaimLines(db: Db, rows: readonly NewClaimLineRow[]): Promise<void> {
  await inChunks(rows, (c) =>
    db
      .insertInto('claim_line')
      .values(c)
      .onConflict((o) => o.doNothing())
      .execute(),
  );
}

export type NewClaimEvent = Omit<Selectable<ClaimEventTable>, never>;
export async function insertClaimEvents(db: Db, rows: readonly NewClaimEvent[]): Promise<void> {
  await inChunks(rows, (c) => db.insertInto('claim_event').values(c).execute());
}

export interface NewClaimCheck extends Omit<Selectable<ClaimCheckTable>, 'failures'> {
  failures: StoredFailure[];
}
export async function insertClaimChecks(db: Db, rows: readonly NewClaimCheck[]): Promise<void> {
  await inChunks(rows, (c) =>
    db
      .insertInto('claim_check')
      .values(c.map((r) => ({ ...r, failures: JSON.stringify(r.failures) })))
      .execute(),
  );
}

/** A rebuilt claim: the new bill's columns, back to draft, the last check's codes and amounts cleared. */
export async function rebuildClaim(db: Db, id: string, row: Partial<NewClaimRow>, at: Date): Promise<void> {
  await db
    .updateTable('claim')
    .set({
      ...row,
      status: 'draft',
      failure_codes: [],
      accepted_amount: null,
      rejected_amount: null,
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export async function claimRowsByIds(db: Db, ids: readonly string[], lock = false): Promise<ClaimRow[]> {
  if (ids.length === 0) return [];
  let q = db
    .selectFrom('claim')
    .selectAll()
    .where(sql<boolean>`id = any(${uuids(ids)})`)
    .orderBy('id');
  if (lock) q = q.forUpdate();
  return q.execute();
}

/** The lines in force (those of the claim's bill seq) of these claims, by claim then line number. */
export async function linesInForce(db: Db, claimIds: readonly string[]): Promise<ClaimLineRow[]> {
  if (claimIds.length === 0) return [];
  return db
    .selectFrom('claim_line as l')
    .innerJoin('claim as c', (j) => j.onRef('c.id', '=', 'l.claim_id').onRef('c.bill_seq', '=', 'l.bill_seq'))
    .selectAll('l')
    .where(sql<boolean>`l.claim_id = any(${uuids(claimIds)})`)
    .orderBy('l.claim_id')
    .orderBy('l.line_no')
    .execute();
}

export async function checksOf(db: Db, claimId: string) {
  return db
    .selectFrom('claim_check')
    .selectAll()
    .where('claim_id', '=', claimId)
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function eventsOf(db: Db, claimId: string) {
  return db
    .selectFrom('claim_event')
    .selectAll()
    .where('claim_id', '=', claimId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

/** The last check of each of these claims. */
export async function lastChecksOf(db: Db, claimIds: readonly string[]) {
  if (claimIds.length === 0) return [];
  return db
    .selectFrom('claim_check')
    .distinctOn('claim_id')
    .selectAll()
    .where(sql<boolean>`claim_id = any(${uuids(claimIds)})`)
    .orderBy('claim_id')
    .orderBy('checked_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export interface ClaimFilter {
  areaPath?: string | null;
  facilityId?: string | null;
  quarter?: string | null;
  status?: ClaimStatus | null;
  failure?: ClaimFailureCode | null;
}

function filtered(db: Db, f: ClaimFilter) {
  let q = db.selectFrom('claim');
  if (f.areaPath) q = q.where(sql<boolean>`area_path <@ ${f.areaPath}::ltree`);
  if (f.facilityId) q = q.where('facility_id', '=', f.facilityId);
  if (f.quarter) q = q.where('quarter', '=', f.quarter);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.failure) q = q.where(sql<boolean>`${f.failure} = any(failure_codes)`);
  return q;
}

/** A page of claims, newest visit first (visit date, id). */
export async function claimRows(
  db: Db,
  f: ClaimFilter,
  page: { limit: number; before?: { date: string; id: string } | undefined },
): Promise<ClaimRow[]> {
  let q = filtered(db, f).selectAll();
  if (page.before) {
    const b = page.before;
    q = q.where((eb) =>
      eb.or([eb('visit_date', '<', b.date), eb.and([eb('visit_date', '=', b.date), eb('id', '<', b.id)])]),
    );
  }
  return q
    .orderBy('visit_date', 'desc')
    .orderBy('id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

export async function countClaims(db: Db, f: ClaimFilter, cap: number): Promise<number> {
  const r = await db
    .selectFrom(
      filtered(db, f)
        .select('id')
        .limit(cap + 1)
        .as('c'),
    )
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Claims by status with their amounts (numeric sums as exact text). */
export async function totalsByStatus(db: Db, f: ClaimFilter) {
  return filtered(db, f)
    .select([
      'status',
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(sum(insurance_pays), 0)::text`.as('insurance_pays'),
      sql<string>`coalesce(sum(accepted_amount), 0)::text`.as('accepted'),
      sql<string>`coalesce(sum(rejected_amount), 0)::text`.as('rejected'),
    ])
    .groupBy('status')
    .execute();
}

/** Claims whose last check failed, by failure code (a claim counted once per code), with what they asked. */
export async function rejectionsByCode(db: Db, f: ClaimFilter) {
  const r = await sql<{ code: ClaimFailureCode; count: number; insurance_pays: string }>`
    select code, count(*)::int as count, coalesce(sum(c.insurance_pays), 0)::text as insurance_pays
    from (${filtered(db, f).select(['id', 'failure_codes', 'insurance_pays'])}) c
    cross join lateral unnest(c.failure_codes) as code
    group by code order by count(*) desc, code`.execute(db);
  return r.rows;
}

/**
 * For each claim: the earlier claims (smaller id) of the same resident, facility and day whose lines in
 * force are the same items and quantities.
 */
export async function duplicatesOf(db: Db, claimIds: readonly string[]): Promise<Map<string, string[]>> {
  if (claimIds.length === 0) return new Map();
  const r = await sql<{ id: string; other: string }>`
    with sig as (
      select c.id, c.resident_id, c.facility_id, c.visit_date,
        (select string_agg(l.item_id::text || ':' || l.quantity, ',' order by l.item_id, l.quantity)
           from claim_line l where l.claim_id = c.id and l.bill_seq = c.bill_seq) as lines
      from claim c where c.id = any(${uuids(claimIds)})
    )
    select s.id, o.id as other
    from sig s
    join claim o on o.resident_id = s.resident_id and o.facility_id = s.facility_id
      and o.visit_date = s.visit_date and o.id < s.id
    where (select string_agg(l.item_id::text || ':' || l.quantity, ',' order by l.item_id, l.quantity)
             from claim_line l where l.claim_id = o.id and l.bill_seq = o.bill_seq) = s.lines
    order by s.id, o.id`.execute(db);
  const out = new Map<string, string[]>();
  for (const row of r.rows) out.set(row.id, [...(out.get(row.id) ?? []), row.other]);
  return out;
}

/**
 * For each claim and item code with a frequency window: the quantity of that code in the resident's
 * earlier claims (an earlier visit date, or the same date and a smaller id) within the window ending on
 * the claim's visit date, other than rejected ones.
 */
export async function earlierQuantities(
  db: Db,
  claimIds: readonly string[],
  windows: readonly { code: string; days: number }[],
): Promise<Map<string, Map<string, number>>> {
  const out = new Map<string, Map<string, number>>();
  if (claimIds.length === 0 || windows.length === 0) return out;
  const r = await sql<{ id: string; code: string; quantity: number }>`
    with w as (select unnest(${windows.map((x) => x.code)}::text[]) as code,
                      unnest(${windows.map((x) => x.days)}::int[]) as days),
    c as (select id, resident_id, visit_date from claim where id = any(${uuids(claimIds)}))
    select c.id, w.code, sum(l.quantity)::int as quantity
    from c cross join w
    join claim o on o.resident_id = c.resident_id and o.id <> c.id and o.status <> 'rejected'
      and o.visit_date between c.visit_date - (w.days - 1) and c.visit_date
      and (o.visit_date < c.visit_date or o.id < c.id)
    join claim_line l on l.claim_id = o.id and l.bill_seq = o.bill_seq and l.code = w.code
    group by c.id, w.code`.execute(db);
  for (const row of r.rows) {
    const m = out.get(row.id) ?? new Map<string, number>();
    m.set(row.code, Number(row.quantity));
    out.set(row.id, m);
  }
  return out;
}

export interface LineVerdictRow {
  id: string;
  status: ClaimLineStatus;
  failure: ClaimFailureCode | null;
}

/** Sets the lines' statuses at once (one statement per 1,000 lines). */
export async function setLineVerdicts(db: Db, rows: readonly LineVerdictRow[]): Promise<void> {
  await inChunks(rows, (c) =>
    sql`update claim_line l set status = v.status, failure = v.failure
        from (select unnest(${c.map((r) => r.id)}::uuid[]) as id,
                     unnest(${c.map((r) => r.status)}::text[]) as status,
                     unnest(${c.map((r) => r.failure)}::text[]) as failure) v
        where l.id = v.id`.execute(db),
  );
}

export interface ClaimVerdictRow {
  id: string;
  status: ClaimStatus;
  failure_codes: ClaimFailureCode[];
  accepted_amount: number | null;
  rejected_amount: number | null;
}

/** Sets the claims' statuses after a check at once; `stamp` names the timestamp column it sets. */
export async function setClaimVerdicts(
  db: Db,
  rows: readonly ClaimVerdictRow[],
  stamp: 'checked_at' | 'reviewed_at',
  at: Date,
): Promise<void> {
  await inChunks(rows, (c) =>
    sql`update claim c set status = v.status, failure_codes = string_to_array(v.codes, ','),
          accepted_amount = v.accepted, rejected_amount = v.rejected,
          ${sql.ref(stamp)} = ${at}, updated_at = ${at}
        from (select unnest(${c.map((r) => r.id)}::uuid[]) as id,
                     unnest(${c.map((r) => r.status)}::text[]) as status,
                     unnest(${c.map((r) => r.failure_codes.join(','))}::text[]) as codes,
                     unnest(${c.map((r) => r.accepted_amount)}::numeric[]) as accepted,
                     unnest(${c.map((r) => r.rejected_amount)}::numeric[]) as rejected) v
        where c.id = v.id`.execute(db),
  );
}

export async function setClaimStatus(
  db: Db,
  ids: readonly string[],
  status: ClaimStatus,
  change: { submitted_at?: Date; paid_at?: Date; settlement_id?: string | null },
  at: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('claim')
    .set({ status, ...change, updated_at: at })
    .where(sql<boolean>`id = any(${uuids(ids)})`)
    .execute();
}

/** A page of claim ids (by id after `afterId`) of a facility or area and quarter in these statuses. */
export async function claimIdsIn(
  db: Db,
  q: {
    facilityId?: string | null;
    areaPath?: string | null;
    quarter: string;
    statuses: readonly ClaimStatus[];
    afterId: string | null;
    limit: number;
  },
): Promise<string[]> {
  let query = filtered(db, {
    facilityId: q.facilityId ?? null,
    areaPath: q.areaPath ?? null,
    quarter: q.quarter,
  })
    .select('id')
    .where('status', 'in', [...q.statuses])
    .orderBy('id')
    .limit(q.limit);
  if (q.afterId) query = query.where('id', '>', q.afterId);
  return (await query.execute()).map((r) => r.id);
}
