import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { type PageOf, pageRequest, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { requireArea } from '../areas/index.ts';
import {
  collectFieldErrors,
  type FacilityFacts,
  facilitiesByIds,
  requireFacility,
  resolveFacility,
} from './facilities.refs.ts';
import { toAssignment, toTraining, toWorker } from './workforce.mapping.ts';
import {
  assignmentsOfWorker,
  countWorkerRows,
  endAssignments,
  findWorkerIdByCode,
  findWorkerIdByLicence,
  findWorkerRow,
  insertAssignments,
  insertWorker,
  listWorkerRows,
  lockWorkerRow,
  trainingOfWorker,
  updateWorkerRow,
  type WorkerFilter,
  type WorkerListRow,
} from './workforce.queries.ts';
import {
  checkAssignmentDates,
  checkWorkerFacts,
  normaliseLicence,
  type ProfileLists,
  periodCovers,
} from './workforce.rules.ts';
import type {
  CreateWorkerBody,
  DeactivateWorkerBody,
  UpdateWorkerBody,
  Worker,
  WorkerDetail,
  WorkerListQuery,
} from './workforce.schema.ts';
import type { HealthWorkerRow } from './workforce.table.ts';

// Health workers: list, detail, register, update, deactivate. Transfers are in
// assignments.service.ts, training in training.service.ts.

/** The profile's cadres and qualifications, as the worker rules check them. */
export function profileLists(profile: CountryProfile): ProfileLists {
  return { cadres: profile.cadres.map((c) => c.id), qualifications: profile.qualifications.map((q) => q.id) };
}

/** Lists workers with the filters of GET /api/workers, one keyset page at a time. */
export async function listWorkers(ctx: AppContext, query: WorkerListQuery): Promise<PageOf<Worker>> {
  const on = query.on ?? todayOf(ctx);
  const errors: FieldError[] = [];
  const facilityId = query.facility
    ? (await collectFieldErrors(requireFacility(ctx.db, query.facility, 'query.facility'), errors))?.id
    : undefined;
  const areaPath = query.area
    ? (await collectFieldErrors(requireArea(ctx.db, query.area, 'query.area'), errors))?.path
    : undefined;
  const lists = profileLists(ctx.profile);
  if (query.cadre && !lists.cadres.includes(query.cadre)) {
    errors.push({ field: 'query.cadre', message: `must be one of ${lists.cadres.join(', ')}` });
  }
  if (query.qualification && !lists.qualifications.includes(query.qualification)) {
    errors.push({
      field: 'query.qualification',
      message: `must be one of ${lists.qualifications.join(', ')}`,
    });
  }
  if (errors.length > 0) throw invalidFields(errors);
  const sort = query.sort ?? 'code';
  const page = pageRequest(query);
  const filter: WorkerFilter = {
    on,
    facilityId,
    areaPath,
    cadre: query.cadre,
    qualification: query.qualification,
    q: query.q,
    includeInactive: query.includeInactive,
    sort,
    ...page,
  };
  const [rows, total] = await Promise.all([listWorkerRows(ctx.db, filter), countWorkerRows(ctx.db, filter)]);
  const facilities = await facilitiesByIds(
    ctx.db,
    rows.flatMap((r) => (r.a_facility_id ? [r.a_facility_id] : [])),
  );
  return toPage(
    rows,
    page.limit,
    (r) => (sort === 'name' ? r.full_name : r.code),
    (r) => toWorker(r, facilities),
    total,
  );
}

/** The worker's row; 404 when unknown. */
export async function requireWorkerRow(db: Db, id: string): Promise<HealthWorkerRow> {
  const row = await findWorkerRow(db, id);
  if (!row) throw notFound('Health worker', id);
  return row;
}

/** One worker with the assignment history and training records. */
export async function getWorker(db: Db, id: string, today: string): Promise<WorkerDetail> {
  const row = await requireWorkerRow(db, id);
  const [assignments, training] = await Promise.all([assignmentsOfWorker(db, id), trainingOfWorker(db, id)]);
  const facilities = await facilitiesByIds(
    db,
    assignments.map((a) => a.facility_id),
  );
  const current = assignments.find((a) =>
    periodCovers({ startDate: a.start_date, endDate: a.end_date }, today),
  );
  const listRow: WorkerListRow = {
    ...row,
    a_facility_id: current?.facility_id ?? null,
    a_position: current?.position ?? null,
    a_start_date: current?.start_date ?? null,
  };
  return {
    ...toWorker(listRow, facilities),
    assignments: assignments.map((a) => toAssignment(a, facilities)),
    training: training.map(toTraining),
  };
}

/** Refuses a staff number or licence number already held by another worker. */
export async function checkUnique(
  db: Db,
  code: string | undefined,
  licence: string | null | undefined,
  exceptId?: string,
) {
  if (code !== undefined && (await findWorkerIdByCode(db, code, exceptId))) {
    throw taken(`A health worker with the code ${code} already exists`, 'body.code');
  }
  if (licence) {
    const holder = await findWorkerIdByLicence(db, licence, exceptId);
    if (holder)
      throw taken(`The licence number ${licence} is held by worker ${holder.code}`, 'body.licenceNumber');
  }
}

/** Registers a health worker, with a first assignment when given, in one transaction. */
export async function createWorker(
  ctx: AppContext,
  body: CreateWorkerBody,
  today = todayOf(ctx),
): Promise<WorkerDetail> {
  const errors = checkWorkerFacts(body, profileLists(ctx.profile), today);
  let facility: FacilityFacts | undefined;
  if (body.assignment) {
    const resolved = await resolveFacility(ctx.db, body.assignment, 'body.assignment.');
    facility = resolved.facility;
    errors.push(...resolved.errors);
    errors.push(
      ...checkAssignmentDates(
        { startDate: body.assignment.startDate, endDate: null },
        body.birthDate,
        'body.assignment.',
      ),
    );
  }
  if (errors.length > 0) throw invalidFields(errors);
  const code = body.code.trim();
  const licence = normaliseLicence(body.licenceNumber);
  await checkUnique(ctx.db, code, licence);
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    await insertWorker(trx, {
      id,
      code,
      full_name: body.fullName.trim(),
      sex: body.sex ?? null,
      birth_date: body.birthDate ?? null,
      cadre: body.cadre,
      qualification: body.qualification,
      licence_number: licence,
      phone: body.phone?.trim() || null,
      updated_at: new Date(),
    });
    if (body.assignment && facility) {
      await insertAssignments(trx, [
        {
          id: newId(),
          worker_id: id,
          facility_id: facility.id,
          area_path: facility.areaPath,
          position: body.assignment.position ?? null,
          start_date: body.assignment.startDate,
          end_date: null,
        },
      ]);
    }
  });
  return getWorker(ctx.db, id, today);
}

/** Updates a worker's own fields (assignments change through transfers). */
export async function updateWorker(
  ctx: AppContext,
  id: string,
  body: UpdateWorkerBody,
  today = todayOf(ctx),
): Promise<WorkerDetail> {
  const row = await requireWorkerRow(ctx.db, id);
  const errors = checkWorkerFacts(body, profileLists(ctx.profile), today);
  if (errors.length > 0) throw invalidFields(errors);
  const licence = body.licenceNumber === undefined ? undefined : normaliseLicence(body.licenceNumber);
  const code = body.code?.trim();
  await checkUnique(ctx.db, code !== row.code ? code : undefined, licence, id);
  await updateWorkerRow(ctx.db, id, {
    ...(code !== undefined ? { code } : {}),
    ...(body.fullName !== undefined ? { full_name: body.fullName.trim() } : {}),
    ...(body.sex !== undefined ? { sex: body.sex } : {}),
    ...(body.birthDate !== undefined ? { birth_date: body.birthDate } : {}),
    ...(body.cadre !== undefined ? { cadre: body.cadre } : {}),
    ...(body.qualification !== undefined ? { qualification: body.qualification } : {}),
    ...(licence !== undefined ? { licence_number: licence } : {}),
    ...(body.phone !== undefined ? { phone: body.phone?.trim() || null } : {}),
  });
  return getWorker(ctx.db, id, today);
}

/** Deactivates a worker and ends the open assignment on the given day (default today). */
export async function deactivateWorker(
  ctx: AppContext,
  id: string,
  body: DeactivateWorkerBody,
  today = todayOf(ctx),
): Promise<WorkerDetail> {
  await requireWorkerRow(ctx.db, id);
  const endDate = body.endDate ?? today;
  await inTransaction(ctx.db, async (trx) => {
    await lockWorkerRow(trx, id);
    const open = (await assignmentsOfWorker(trx, id)).filter((a) => a.end_date === null);
    for (const a of open) {
      if (a.start_date > endDate) {
        throw invalidFields([
          {
            field: 'body.endDate',
            message: `must not be before the open assignment's start ${a.start_date}`,
          },
        ]);
      }
    }
    await endAssignments(
      trx,
      open.map((a) => ({ id: a.id, endDate })),
    );
    await updateWorkerRow(trx, id, { active: false });
  });
  return getWorker(ctx.db, id, today);
}
