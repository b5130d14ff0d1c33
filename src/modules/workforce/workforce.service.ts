import type { AppContext } from '../../platform/app-context.ts';
import { todayIso } from '../../platform/dates.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import {
  AppError,
  conflict,
  type FieldError,
  invalidFields,
  notFound,
  taken,
} from '../../platform/http/errors.ts';
import { decodeCursor, type PageOf, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { requireArea } from '../areas/index.ts';
import { type FacilityFacts, facilitiesByIds, requireFacility } from './facility-refs.ts';
import {
  assignmentsOfWorker,
  endAssignments,
  existingWorkerIds,
  findWorkerIdByCode,
  findWorkerIdByLicence,
  findWorkerRow,
  insertAssignments,
  insertTraining,
  insertWorker,
  listWorkerRows,
  lockWorkerRow,
  trainingOfWorker,
  updateWorkerRow,
  type WorkerListRow,
} from './workforce.queries.ts';
import {
  checkAssignmentDates,
  checkTraining,
  checkWorkerFacts,
  normaliseLicence,
  type ProfileLists,
  periodCovers,
  planTransfer,
} from './workforce.rules.ts';
import type {
  Assignment,
  AssignmentBody,
  CreateWorkerBody,
  DeactivateWorkerBody,
  TrainingBody,
  TrainingRecord,
  UpdateWorkerBody,
  Worker,
  WorkerDetail,
  WorkerListQuery,
} from './workforce.schema.ts';
import type { HealthWorkerRow, TrainingRecordRow, WorkerAssignmentRow } from './workforce.table.ts';

export function profileLists(profile: CountryProfile): ProfileLists {
  return { cadres: profile.cadres.map((c) => c.id), qualifications: profile.qualifications.map((q) => q.id) };
}

/** The one mapping from a worker row (with its assignment covering the reference date) to the API object. */
function toWorker(row: WorkerListRow, facilities: Map<string, FacilityFacts>): Worker {
  const f = row.a_facility_id ? facilities.get(row.a_facility_id) : undefined;
  return {
    id: row.id,
    code: row.code,
    fullName: row.full_name,
    sex: row.sex,
    birthDate: row.birth_date,
    cadre: row.cadre,
    qualification: row.qualification,
    licenceNumber: row.licence_number,
    phone: row.phone,
    active: row.active,
    currentAssignment:
      f && row.a_start_date
        ? {
            facilityId: f.id,
            facilityCode: f.code,
            facilityName: f.name,
            position: row.a_position,
            startDate: row.a_start_date,
          }
        : null,
  };
}

function toAssignment(a: WorkerAssignmentRow, facilities: Map<string, FacilityFacts>): Assignment {
  const f = facilities.get(a.facility_id);
  return {
    id: a.id,
    facilityId: a.facility_id,
    facilityCode: f?.code ?? '',
    facilityName: f?.name ?? '',
    position: a.position,
    startDate: a.start_date,
    endDate: a.end_date,
  };
}

function toTraining(t: TrainingRecordRow): TrainingRecord {
  return {
    id: t.id,
    course: t.course,
    provider: t.provider,
    kind: t.kind,
    hours: t.hours,
    credits: t.credits,
    completedOn: t.completed_on,
    certificateNumber: t.certificate_number,
  };
}

/** Awaits a lookup; a field error (unknown code ...) is collected instead of thrown, so all are reported at once. */
async function collectFieldErrors<T>(lookup: Promise<T>, errors: FieldError[]): Promise<T | undefined> {
  try {
    return await lookup;
  } catch (e) {
    if (e instanceof AppError && e.errors.length > 0) {
      errors.push(...e.errors);
      return undefined;
    }
    throw e;
  }
}

/** Lists workers with the filters of GET /api/workers, one keyset page at a time. */
export async function listWorkers(ctx: AppContext, query: WorkerListQuery): Promise<PageOf<Worker>> {
  const on = query.on ?? todayIso();
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
  const limit = query.limit ?? 50;
  const rows = await listWorkerRows(ctx.db, {
    on,
    facilityId,
    areaPath,
    cadre: query.cadre,
    qualification: query.qualification,
    q: query.q,
    includeInactive: query.includeInactive,
    sort,
    order: query.order ?? 'asc',
    limit,
    cursor: decodeCursor(query.cursor),
  });
  const facilities = await facilitiesByIds(
    ctx.db,
    rows.flatMap((r) => (r.a_facility_id ? [r.a_facility_id] : [])),
  );
  return toPage(
    rows,
    limit,
    (r) => (sort === 'name' ? r.full_name : r.code),
    (r) => toWorker(r, facilities),
  );
}

/** The worker's row; 404 when unknown. */
export async function requireWorkerRow(db: Db, id: string): Promise<HealthWorkerRow> {
  const row = await findWorkerRow(db, id);
  if (!row) throw notFound('Health worker', id);
  return row;
}

/** One worker with the assignment history and training records. */
export async function getWorker(db: Db, id: string, today = todayIso()): Promise<WorkerDetail> {
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

/** Resolves `{facilityId | facilityCode}`: exactly one must be given and name an active facility. */
async function resolveFacility(
  db: Db,
  ref: { facilityId?: string; facilityCode?: string },
  prefix: string,
): Promise<{ facility?: FacilityFacts; errors: FieldError[] }> {
  const given = ref.facilityId ?? ref.facilityCode;
  const field = `${prefix}${ref.facilityId ? 'facilityId' : 'facilityCode'}`;
  if (!given || (ref.facilityId && ref.facilityCode)) {
    return { errors: [{ field: `${prefix}facilityId`, message: 'give either facilityId or facilityCode' }] };
  }
  const errors: FieldError[] = [];
  const facility = await collectFieldErrors(requireFacility(db, given, field), errors);
  if (facility && !facility.active)
    errors.push({ field, message: `facility ${facility.code} is deactivated` });
  return { facility: errors.length === 0 ? facility : undefined, errors };
}

/** Refuses a staff number or licence number already held by another worker. */
async function checkUnique(
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
  today = todayIso(),
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
  today = todayIso(),
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

/** Existing assignments with facility names, for the overlap messages. */
async function existingAssignments(db: Db, workerId: string) {
  const rows = await assignmentsOfWorker(db, workerId);
  const facilities = await facilitiesByIds(
    db,
    rows.map((r) => r.facility_id),
  );
  return rows.map((r) => ({
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
    facilityCode: facilities.get(r.facility_id)?.code ?? '?',
    facilityName: facilities.get(r.facility_id)?.name ?? '?',
  }));
}

/**
 * Adds an assignment as a transfer: the open assignment that started earlier ends the day before the
 * new start, in the same transaction; any other overlap is refused with a 409.
 */
export async function transferWorker(
  ctx: AppContext,
  id: string,
  body: AssignmentBody,
  today = todayIso(),
): Promise<WorkerDetail> {
  const row = await requireWorkerRow(ctx.db, id);
  const resolved = await resolveFacility(ctx.db, body, 'body.');
  const period = { startDate: body.startDate, endDate: body.endDate ?? null };
  const errors = [...resolved.errors, ...checkAssignmentDates(period, row.birth_date, 'body.')];
  if (!row.active) errors.push({ field: 'body', message: 'the worker is deactivated' });
  if (errors.length > 0 || !resolved.facility) throw invalidFields(errors);
  const facility = resolved.facility;
  await inTransaction(ctx.db, async (trx) => {
    await lockWorkerRow(trx, id);
    const plan = planTransfer(period, await existingAssignments(trx, id));
    if (!plan.ok)
      throw conflict(`The new assignment from ${period.startDate} ${plan.reason}`, 'body.startDate');
    if (plan.close)
      await endAssignments(trx, [{ id: plan.close.assignment.id, endDate: plan.close.endDate }]);
    await insertAssignments(trx, [
      {
        id: newId(),
        worker_id: id,
        facility_id: facility.id,
        area_path: facility.areaPath,
        position: body.position ?? null,
        start_date: period.startDate,
        end_date: period.endDate,
      },
    ]);
  });
  return getWorker(ctx.db, id, today);
}

/** Deactivates a worker and ends the open assignment on the given day (default today). */
export async function deactivateWorker(
  ctx: AppContext,
  id: string,
  body: DeactivateWorkerBody,
  today = todayIso(),
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

export async function listTraining(db: Db, id: string): Promise<{ items: TrainingRecord[] }> {
  await requireWorkerRow(db, id);
  return { items: (await trainingOfWorker(db, id)).map(toTraining) };
}

/** Records a completed training course. */
function trainingRow(workerId: string, body: TrainingBody) {
  return {
    id: newId(),
    worker_id: workerId,
    course: body.course.trim(),
    provider: body.provider?.trim() || null,
    kind: body.kind ?? 'continuing_education',
    hours: body.hours ?? null,
    credits: body.credits ?? null,
    completed_on: body.completedOn,
    certificate_number: body.certificateNumber?.trim() || null,
  };
}

export async function addTraining(ctx: AppContext, id: string, body: TrainingBody, today = todayIso()) {
  await requireWorkerRow(ctx.db, id);
  const errors = checkTraining(body, today);
  if (errors.length > 0) throw invalidFields(errors);
  const row = trainingRow(id, body);
  await insertTraining(ctx.db, [row]);
  return toTraining(row as TrainingRecordRow);
}

/**
 * Many training records at once (the demo's thousands): each checked as `addTraining` checks it, then
 * stored with one statement, all or nothing. `index` in an error names the record's place in the list.
 */
export async function addTrainingBatch(
  ctx: AppContext,
  records: { workerId: string; body: TrainingBody }[],
  today = todayIso(),
): Promise<number> {
  const problems = records.flatMap((r, index) =>
    checkTraining(r.body, today).map((e) => ({ field: `[${index}].${e.field}`, message: e.message })),
  );
  if (problems.length > 0) throw invalidFields(problems);
  await inTransaction(ctx.db, async (trx) => {
    const ids = [...new Set(records.map((r) => r.workerId))];
    const known = await existingWorkerIds(trx, ids);
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length > 0) throw notFound('Health worker', unknown.slice(0, 5).join(', '));
    await insertTraining(
      trx,
      records.map((r) => trainingRow(r.workerId, r.body)),
    );
  });
  return records.length;
}
