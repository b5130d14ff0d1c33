import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { Cursor } from '../../platform/http/pagination.ts';

/** The reads of lists and the timeline: a resident's or a facility's visits, series, medicines, flags. */

export interface SummaryRow {
  id: string;
  resident_id: string;
  facility_id: string;
  worker_id: string | null;
  kind: string;
  status: string;
  visit_date: string;
  started_at: Date;
  ended_at: Date | null;
  reason: string | null;
  main_code: string | null;
  flag_count: number;
  resident_pays: number | null;
}

export interface SummaryFilter {
  residentId?: string;
  facilityId?: string;
  from?: string;
  to?: string;
  status?: string;
  kind?: string;
}

function whereOf(f: SummaryFilter) {
  const parts = [sql`true`];
  if (f.residentId) parts.push(sql`e.resident_id = ${f.residentId}`);
  if (f.facilityId) parts.push(sql`e.facility_id = ${f.facilityId}`);
  if (f.from) parts.push(sql`e.visit_date >= ${f.from}::date`);
  if (f.to) parts.push(sql`e.visit_date <= ${f.to}::date`);
  if (f.status) parts.push(sql`e.status = ${f.status}`);
  if (f.kind) parts.push(sql`e.kind = ${f.kind}`);
  return sql.join(parts, sql` and `);
}

/** Visits newest first (date, then id), with the main diagnosis, the alarming observations and what the resident pays. */
export async function summaryRows(
  db: Db,
  f: SummaryFilter,
  limit: number,
  cursor?: Cursor,
): Promise<SummaryRow[]> {
  const after = cursor
    ? sql`and (e.visit_date, e.id) < (${String(cursor.v)}::date, ${cursor.id}::uuid)`
    : sql``;
  const result = await sql<SummaryRow>`
    select e.id, e.resident_id, e.facility_id, e.worker_id, e.kind, e.status, e.visit_date, e.started_at,
      e.ended_at, e.reason,
      (select d.code from encounter_diagnosis d
        where d.encounter_id = e.id and d.role = 'main' and d.retracted_by is null limit 1) as main_code,
      (select count(*)::int from encounter_observation o
        where o.encounter_id = e.id and o.flag is not null and o.retracted_by is null) as flag_count,
      (select b.co_payment + b.patient_pays from encounter_bill b
        where b.encounter_id = e.id order by b.seq desc limit 1) as resident_pays
    from encounter e
    where ${whereOf(f)} ${after}
    order by e.visit_date desc, e.id desc
    limit ${limit}`.execute(db);
  return result.rows;
}

export function summaryCountQuery(f: SummaryFilter) {
  return sql`select 1 from encounter e where ${whereOf(f)}`;
}

export interface SeriesRow {
  encounter_id: string;
  visit_date: string;
  code: string;
  value: number;
  flag: string | null;
}

/** A resident's observations of these codes in force, oldest first (the charts' series). */
export async function seriesRows(
  db: Db,
  residentId: string,
  codes: string[],
  from?: string,
): Promise<SeriesRow[]> {
  let q = db
    .selectFrom('encounter_observation')
    .select(['encounter_id', 'visit_date', 'code', 'value', 'flag'])
    .where('resident_id', '=', residentId)
    .where('code', 'in', codes)
    .where('retracted_by', 'is', null);
  if (from) q = q.where('visit_date', '>=', from);
  return q.orderBy('visit_date').orderBy('observed_at').execute();
}

/** The latest observation in force of each kind. */
export async function lastObservationRows(db: Db, residentId: string) {
  const result = await sql<{
    id: string;
  }>`select distinct on (code) id from encounter_observation
     where resident_id = ${residentId} and retracted_by is null
     order by code, visit_date desc, observed_at desc`.execute(db);
  const ids = result.rows.map((r) => r.id);
  if (ids.length === 0) return [];
  return db.selectFrom('encounter_observation').selectAll().where('id', 'in', ids).orderBy('code').execute();
}

/** The resident's prescriptions in force whose course ends on or after `today`, newest first. */
export function currentPrescriptionRows(db: Db, residentId: string, today: string) {
  return db
    .selectFrom('encounter_prescription')
    .selectAll()
    .where('resident_id', '=', residentId)
    .where('retracted_by', 'is', null)
    .where(sql<boolean>`prescribed_on + duration_days - 1 >= ${today}::date`)
    .orderBy('prescribed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** The prescriptions in force of the resident's latest visit that has any. */
export async function lastPrescriptionRows(db: Db, residentId: string, exceptEncounterId?: string) {
  let q = db
    .selectFrom('encounter_prescription')
    .select(['encounter_id', 'prescribed_on'])
    .where('resident_id', '=', residentId)
    .where('retracted_by', 'is', null);
  if (exceptEncounterId) q = q.where('encounter_id', '<>', exceptEncounterId);
  const last = await q
    .orderBy('prescribed_on', 'desc')
    .orderBy('encounter_id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last) return { encounterId: null, date: null, rows: [] };
  const rows = await db
    .selectFrom('encounter_prescription')
    .selectAll()
    .where('encounter_id', '=', last.encounter_id)
    .where('retracted_by', 'is', null)
    .orderBy('id')
    .execute();
  return { encounterId: last.encounter_id, date: last.prescribed_on, rows };
}

/** The resident's flagged observations in force, newest first. */
export function flaggedObservationRows(db: Db, residentId: string, limit: number, from?: string) {
  let q = db
    .selectFrom('encounter_observation')
    .select(['encounter_id', 'visit_date', 'code', 'value', 'unit', 'flag'])
    .where('resident_id', '=', residentId)
    .where('flag', 'is not', null)
    .where('retracted_by', 'is', null);
  if (from) q = q.where('visit_date', '>=', from);
  return q.orderBy('visit_date', 'desc').limit(limit).execute();
}

/** The resident's diagnoses in force (codes and dates), newest first: the caller keeps the notifiable ones. */
export function diagnosisCodeRows(db: Db, residentId: string, from?: string) {
  let q = db
    .selectFrom('encounter_diagnosis')
    .select(['encounter_id', 'visit_date', 'code'])
    .where('resident_id', '=', residentId)
    .where('retracted_by', 'is', null);
  if (from) q = q.where('visit_date', '>=', from);
  return q.orderBy('visit_date', 'desc').limit(2000).execute();
}
