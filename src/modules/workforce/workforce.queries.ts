import { type Expression, type SqlBool, sql } from 'kysely';
import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Cursor, SortedWindow, Total } from '../../platform/http/pagination.ts';
import type {
  HealthWorkerRow,
  NewHealthWorkerRow,
  TrainingRecordRow,
  WorkerAssignmentRow,
} from './workforce.table.ts';

/** `column <@ path`: the row's area path lies in the subtree at `path`. */
function pathWithin(column: string, path: string): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(column)} <@ ${path}::ltree`;
}

/** Escapes LIKE wildcards so a search for "50%" means the text. */
function likeContains(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function findWorkerRow(db: Db, id: string): Promise<HealthWorkerRow | undefined> {
  return db.selectFrom('health_worker').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Locks the worker's row until the transaction ends: assignment and rotation checks run one at a time per worker. */
export function lockWorkerRow(trx: Db, id: string): Promise<HealthWorkerRow | undefined> {
  return trx.selectFrom('health_worker').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function findWorkerIdByCode(db: Db, code: string, exceptId?: string) {
  let q = db.selectFrom('health_worker').select('id').where('code', '=', code);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export function findWorkerIdByLicence(db: Db, licence: string, exceptId?: string) {
  let q = db.selectFrom('health_worker').select(['id', 'code']).where('licence_number', '=', licence);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insertWorker(db: Db, row: NewHealthWorkerRow): Promise<void> {
  await db.insertInto('health_worker').values(row).execute();
}

export async function updateWorkerRow(
  db: Db,
  id: string,
  changes: Partial<NewHealthWorkerRow>,
): Promise<void> {
  await db
    .updateTable('health_worker')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export type WorkerListRow = HealthWorkerRow & {
  a_facility_id: string | null;
  a_position: string | null;
  a_start_date: string | null;
};

export interface WorkerFilter extends SortedWindow<'code' | 'name'> {
  on: string;
  facilityId?: string;
  areaPath?: string;
  cadre?: string;
  qualification?: string;
  q?: string;
  includeInactive?: boolean;
}

/**
 * The workers matching a list's filters, before its cursor, order and limit, each with the assignment
 * covering `on` (at most one by the rules; the lateral join takes the latest should data break that).
 */
function filteredWorkers(db: Db, f: WorkerFilter) {
  const needsAssignment = f.facilityId !== undefined || f.areaPath !== undefined;
  const base = db.selectFrom('health_worker as w');
  const joinCurrent = needsAssignment ? base.innerJoinLateral.bind(base) : base.leftJoinLateral.bind(base);
  let q = joinCurrent(
    (eb) =>
      eb
        .selectFrom('worker_assignment as wa')
        .select(['wa.facility_id', 'wa.position', 'wa.start_date'])
        .whereRef('wa.worker_id', '=', 'w.id')
        .where('wa.start_date', '<=', f.on)
        .where((e) => e.or([e('wa.end_date', 'is', null), e('wa.end_date', '>=', f.on)]))
        .$if(f.facilityId !== undefined, (s) => s.where('wa.facility_id', '=', f.facilityId!))
        .$if(f.areaPath !== undefined, (s) => s.where(pathWithin('wa.area_path', f.areaPath!)))
        .orderBy('wa.start_date', 'desc')
        .limit(1)
        .as('a'),
    (j) => j.onTrue(),
  )
    .selectAll('w')
    .select(['a.facility_id as a_facility_id', 'a.position as a_position', 'a.start_date as a_start_date']);
  if (!f.includeInactive) q = q.where('w.active', '=', true);
  if (f.cadre) q = q.where('w.cadre', '=', f.cadre);
  if (f.qualification) q = q.where('w.qualification', '=', f.qualification);
  if (f.q) {
    const pattern = likeContains(f.q);
    q = q.where((eb) =>
      eb.or([
        sql<SqlBool>`lower(f_unaccent(w.full_name)) like lower(f_unaccent(${pattern}))`,
        sql<SqlBool>`lower(w.code) like ${`${f.q!.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
      ]),
    );
  }
  return q;
}

/** One keyset page of workers with their current assignment (see `filteredWorkers`); fetches `limit + 1` rows. */
export function listWorkerRows(db: Db, f: WorkerFilter): Promise<WorkerListRow[]> {
  const sortCol = f.sort === 'name' ? 'w.full_name' : 'w.code';
  let q = filteredWorkers(db, f);
  if (f.cursor) {
    const op = f.order === 'asc' ? '>' : '<';
    q = q.where((eb) => eb(eb.refTuple(sortCol, 'w.id'), op, eb.tuple(String(f.cursor!.v), f.cursor!.id)));
  }
  return q
    .orderBy(sortCol, f.order)
    .orderBy('w.id', f.order)
    .limit(f.limit + 1)
    .execute() as Promise<WorkerListRow[]>;
}

/** How many workers the list's filters match (capped: see `countUpTo`). */
export function countWorkerRows(db: Db, f: WorkerFilter): Promise<Total> {
  return countUpTo(db, filteredWorkers(db, f));
}

export function assignmentsOfWorker(db: Db, workerId: string): Promise<WorkerAssignmentRow[]> {
  return db
    .selectFrom('worker_assignment')
    .selectAll()
    .where('worker_id', '=', workerId)
    .orderBy('start_date', 'desc')
    .execute();
}

/** All assignments of many workers in one query (imports). */
export function assignmentsOfWorkers(db: Db, workerIds: string[]): Promise<WorkerAssignmentRow[]> {
  if (workerIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('worker_assignment').selectAll().where('worker_id', 'in', workerIds).execute();
}

/** The assignment of a worker covering a date, if any. */
export function assignmentOn(
  db: Db,
  workerId: string,
  date: string,
): Promise<WorkerAssignmentRow | undefined> {
  return db
    .selectFrom('worker_assignment')
    .selectAll()
    .where('worker_id', '=', workerId)
    .where('start_date', '<=', date)
    .where((e) => e.or([e('end_date', 'is', null), e('end_date', '>=', date)]))
    .orderBy('start_date', 'desc')
    .executeTakeFirst();
}

export async function insertAssignments(db: Db, rows: WorkerAssignmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('worker_assignment').values(rows).execute();
}

/** Sets the end date of several assignments in one statement. */
export async function endAssignments(db: Db, ends: { id: string; endDate: string }[]): Promise<void> {
  if (ends.length === 0) return;
  const values = sql.join(ends.map((e) => sql`(${e.id}::uuid, ${e.endDate}::date)`));
  await sql`
    update worker_assignment as wa set end_date = v.end_date
    from (values ${values}) as v(id, end_date)
    where wa.id = v.id`.execute(db);
}

export function trainingOfWorker(db: Db, workerId: string): Promise<TrainingRecordRow[]> {
  return db
    .selectFrom('training_record')
    .selectAll()
    .where('worker_id', '=', workerId)
    .orderBy('completed_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

export async function insertTraining(db: Db, rows: Omit<TrainingRecordRow, 'created_at'>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('training_record').values(rows).execute();
}

/** Which of these worker ids exist, in one query. */
export async function existingWorkerIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('health_worker').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Workers by staff number, in one query (imports). */
export function workersByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('health_worker')
    .select(['id', 'code', 'birth_date', 'licence_number'])
    .where('code', 'in', codes)
    .execute();
}

/** Workers by staff number with what other modules show of them, in one query. */
export function workerRefsByCodes(db: Db, codes: string[]) {
  if (codes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('health_worker')
    .select(['id', 'code', 'full_name', 'cadre', 'active'])
    .where('code', 'in', [...new Set(codes)])
    .execute();
}

/** Holders of licence numbers, in one query (imports). */
export function workersByLicences(db: Db, licences: string[]) {
  if (licences.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('health_worker')
    .select(['id', 'code', 'licence_number'])
    .where('licence_number', 'in', licences)
    .execute();
}

/** Inserts or updates workers by code in one statement; `active` is left as it is on update. */
export async function upsertWorkers(db: Db, rows: NewHealthWorkerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('health_worker')
    .values(rows)
    .onConflict((oc) =>
      oc.column('code').doUpdateSet((eb) => ({
        full_name: eb.ref('excluded.full_name'),
        sex: eb.ref('excluded.sex'),
        birth_date: eb.ref('excluded.birth_date'),
        cadre: eb.ref('excluded.cadre'),
        qualification: eb.ref('excluded.qualification'),
        licence_number: eb.ref('excluded.licence_number'),
        phone: eb.ref('excluded.phone'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Up to `limit` active workers in code order after the cursor, with the assignment covering `on` (CSV export). */
export function exportBatch(db: Db, after: Cursor | undefined, limit: number, on: string) {
  return listWorkerRows(db, { on, sort: 'code', order: 'asc', limit: limit - 1, cursor: after });
}

/**
 * Active workers with an assignment covering `onDate` at a facility in the subtree, counted by the
 * facility's tier, cadre and qualification. Joins the facility table for the tier: a read-only
 * aggregate for capacity figures.
 */
export function staffCountsByTierRows(db: Db, areaPath: string, onDate: string) {
  return db
    .selectFrom('worker_assignment as wa')
    .innerJoin('health_worker as w', 'w.id', 'wa.worker_id')
    .innerJoin('facility as f', 'f.id', 'wa.facility_id')
    .select(['f.tier', 'w.cadre', 'w.qualification'])
    .select((eb) => eb.fn.count<number>(sql`distinct w.id`).as('count'))
    .where('w.active', '=', true)
    .where(pathWithin('wa.area_path', areaPath))
    .where('wa.start_date', '<=', onDate)
    .where((e) => e.or([e('wa.end_date', 'is', null), e('wa.end_date', '>=', onDate)]))
    .groupBy(['f.tier', 'w.cadre', 'w.qualification'])
    .orderBy('f.tier')
    .orderBy('w.cadre')
    .orderBy('w.qualification')
    .execute();
}

/** Active doctors (cadres given) assigned on `onDate` in the subtree, counted per facility. */
export function doctorCountsRows(db: Db, areaPath: string, onDate: string, cadres: string[]) {
  if (cadres.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('worker_assignment as wa')
    .innerJoin('health_worker as w', 'w.id', 'wa.worker_id')
    .select('wa.facility_id')
    .select((eb) => eb.fn.count<number>(sql`distinct w.id`).as('doctors'))
    .where('w.active', '=', true)
    .where('w.cadre', 'in', cadres)
    .where(pathWithin('wa.area_path', areaPath))
    .where('wa.start_date', '<=', onDate)
    .where((e) => e.or([e('wa.end_date', 'is', null), e('wa.end_date', '>=', onDate)]))
    .groupBy('wa.facility_id')
    .orderBy('wa.facility_id')
    .execute();
}

/** Names of workers by id (for other modules' views, e.g. rotation calendars). */
export function workerNamesRows(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('health_worker')
    .select(['id', 'code', 'full_name', 'cadre', 'active'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
}
