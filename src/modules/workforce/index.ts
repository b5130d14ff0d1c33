import type { Db } from '../../platform/db/database.ts';
import { notFound } from '../../platform/http/errors.ts';
import { requireWorkerRow } from './workers.service.ts';
import {
  assignmentOn,
  doctorCountsRows,
  lockWorkerRow,
  staffCountsByTierRows,
  workerNamesRows,
  workerRefsByCodes,
} from './workforce.queries.ts';

export { addTraining, addTrainingBatch } from './training.service.ts';
/**
 * The workforce module's public surface: health workers, their assignments and training (routes, CSV
 * import/export) and what other modules need (rotations, capacity). Other modules import only this file.
 */
export { exportWorkersCsv, workerImport } from './workforce.import.ts';
export { workforceRoutes } from './workforce.routes.ts';
export type { TrainingBody, TrainingRecord, Worker, WorkerDetail } from './workforce.schema.ts';

/** What other modules need to know about a worker. */
export interface WorkerRef {
  id: string;
  code: string;
  fullName: string;
  cadre: string;
  active: boolean;
}

/** The worker with this id; a 404 when unknown. */
export async function requireWorker(db: Db, id: string): Promise<WorkerRef> {
  const row = await requireWorkerRow(db, id);
  return { id: row.id, code: row.code, fullName: row.full_name, cadre: row.cadre, active: row.active };
}

/**
 * Locks the worker's row until the transaction ends (select ... for update), so checks that span a
 * worker's schedule (rotation clashes) run one at a time per worker. A 404 when unknown. Use `trx`.
 */
export async function lockWorker(trx: Db, id: string): Promise<WorkerRef> {
  const row = await lockWorkerRow(trx, id);
  if (!row) throw notFound('Health worker', id);
  return { id: row.id, code: row.code, fullName: row.full_name, cadre: row.cadre, active: row.active };
}

/** Workers by id, for views that show names (e.g. rotation calendars). */
export async function findWorkersByIds(db: Db, ids: string[]): Promise<Map<string, WorkerRef>> {
  const rows = await workerNamesRows(db, ids);
  return new Map(
    rows.map((r) => [
      r.id,
      { id: r.id, code: r.code, fullName: r.full_name, cadre: r.cadre, active: r.active },
    ]),
  );
}

/**
 * Workers by staff number (code), looked up in batches of 1,000; codes nobody holds are simply absent
 * from the map.
 *
 * @example
 * const byCode = await findWorkersByCodes(db, ['NV00001', 'NV00002']);
 * byCode.get('NV00001')?.id;
 */
export async function findWorkersByCodes(db: Db, codes: string[]): Promise<Map<string, WorkerRef>> {
  const unique = [...new Set(codes)];
  const out = new Map<string, WorkerRef>();
  for (let i = 0; i < unique.length; i += 1000) {
    for (const r of await workerRefsByCodes(db, unique.slice(i, i + 1000))) {
      out.set(r.code, { id: r.id, code: r.code, fullName: r.full_name, cadre: r.cadre, active: r.active });
    }
  }
  return out;
}

/** The worker's assignment covering a date, or undefined. */
export async function findAssignmentOn(
  db: Db,
  workerId: string,
  date: string,
): Promise<{ facilityId: string; startDate: string; endDate: string | null } | undefined> {
  const a = await assignmentOn(db, workerId, date);
  return a && { facilityId: a.facility_id, startDate: a.start_date, endDate: a.end_date };
}

export interface StaffCount {
  tier: string;
  cadre: string;
  qualification: string;
  count: number;
}

/**
 * Active workers assigned on `onDate` to a facility inside the area subtree, counted by facility tier,
 * cadre and qualification (the facility table is joined read-only for the tier).
 *
 * @example
 * const rows = await staffCountsByTier(db, '56', '2025-12-31');
 * // [{ tier: 'commune', cadre: 'doctor', qualification: 'bachelor', count: 120 }, ...]
 */
export async function staffCountsByTier(db: Db, areaPath: string, onDate: string): Promise<StaffCount[]> {
  const rows = await staffCountsByTierRows(db, areaPath, onDate);
  return rows.map((r) => ({
    tier: r.tier,
    cadre: r.cadre,
    qualification: r.qualification,
    count: Number(r.count),
  }));
}

/** Active workers of the given (doctor) cadres assigned on `onDate` in the subtree, per facility. */
export async function doctorCountsByFacility(
  db: Db,
  areaPath: string,
  onDate: string,
  doctorCadres: string[],
): Promise<{ facilityId: string; doctors: number }[]> {
  const rows = await doctorCountsRows(db, areaPath, onDate, doctorCadres);
  return rows.map((r) => ({ facilityId: r.facility_id, doctors: Number(r.doctors) }));
}
