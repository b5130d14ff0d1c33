import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { AppError, conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { type PageOf, pageRequest, toPage } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import { requireArea } from '../areas/index.ts';
import {
  type FacilityName,
  type FacilityRef,
  facilityNamesByIds,
  lookupFacility,
} from '../facilities/index.ts';
import {
  findAssignmentOn,
  findWorkersByIds,
  lockWorker,
  requireWorker,
  type WorkerRef,
} from '../workforce/index.ts';
import {
  activeRotationsOfWorker,
  countRotationRows,
  findRotationRow,
  insertRotation,
  listRotationRows,
  type RotationFilter,
  updateRotationRow,
} from './rotations.queries.ts';
import { checkRotation, findClash, type RotationPlan, resolveHome } from './rotations.rules.ts';
import type {
  CreateRotationBody,
  Rotation,
  RotationListQuery,
  UpdateRotationBody,
} from './rotations.schema.ts';
import type { RotationRow, RotationSession } from './rotations.table.ts';

export type SelectedRotation = Omit<RotationRow, 'dates'> & { dates: string[] };

/** The one mapping from a row to the API object. */
function toRotation(
  r: SelectedRotation,
  facilities: Map<string, FacilityName>,
  workers: Map<string, WorkerRef>,
): Rotation {
  const brief = (id: string) => facilities.get(id) ?? { id, code: '?', name: '?' };
  const worker = workers.get(r.worker_id);
  return {
    id: r.id,
    workerId: r.worker_id,
    workerCode: worker?.code ?? '?',
    workerName: worker?.fullName ?? '?',
    homeFacility: brief(r.home_facility_id),
    hostFacility: brief(r.host_facility_id),
    startDate: r.start_date,
    endDate: r.end_date,
    weekdays: r.weekdays.map(Number),
    dates: r.dates,
    session: r.session,
    note: r.note,
    active: r.active,
  };
}

async function toRotations(db: Db, rows: SelectedRotation[]): Promise<(r: SelectedRotation) => Rotation> {
  const [facilities, workers] = await Promise.all([
    facilityNamesByIds(
      db,
      rows.flatMap((r) => [r.home_facility_id, r.host_facility_id]),
    ),
    findWorkersByIds(
      db,
      rows.map((r) => r.worker_id),
    ),
  ]);
  return (r) => toRotation(r, facilities, workers);
}

function toPlan(r: SelectedRotation): RotationPlan {
  return {
    id: r.id,
    startDate: r.start_date,
    endDate: r.end_date,
    weekdays: r.weekdays.map(Number),
    dates: r.dates,
    session: r.session,
  };
}

/** A facility named by `{prefix}Id` or `{prefix}Code`; unknown or inactive goes into `errors`. */
async function resolveFacility(
  db: Db,
  id: string | undefined,
  code: string | undefined,
  name: 'hostFacility' | 'homeFacility',
  errors: FieldError[],
): Promise<FacilityRef | undefined> {
  const field = `body.${name}${id ? 'Id' : 'Code'}`;
  if (id && code) {
    errors.push({ field: `body.${name}Id`, message: `give either ${name}Id or ${name}Code, not both` });
    return undefined;
  }
  const given = id ?? code;
  if (!given) return undefined;
  const f = await lookupFacility(db, given);
  if (!f) errors.push({ field, message: `no facility has the id or code ${given}` });
  else if (!f.active) errors.push({ field, message: `facility ${f.code} is deactivated` });
  return f?.active ? f : undefined;
}

export async function requireRotation(db: Db, id: string): Promise<SelectedRotation> {
  const row = await findRotationRow(db, id);
  if (!row) throw notFound('Rotation', id);
  return row as SelectedRotation;
}

export async function getRotation(db: Db, id: string): Promise<Rotation> {
  const row = await requireRotation(db, id);
  return (await toRotations(db, [row]))(row);
}

/** Lists rotations with the filters of GET /api/rotations, one keyset page at a time. */
export async function listRotations(ctx: AppContext, query: RotationListQuery): Promise<PageOf<Rotation>> {
  const errors: FieldError[] = [];
  let facilityId: string | undefined;
  let areaPath: string | undefined;
  if (query.facility) {
    const f = await lookupFacility(ctx.db, query.facility);
    if (f) facilityId = f.id;
    else
      errors.push({ field: 'query.facility', message: `no facility has the id or code ${query.facility}` });
  }
  if (query.area) {
    try {
      areaPath = (await requireArea(ctx.db, query.area, 'query.area')).path;
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      errors.push(...e.errors);
    }
  }
  if (query.from && query.to && query.to < query.from) {
    errors.push({ field: 'query.to', message: 'must not be before from' });
  }
  if (errors.length > 0) throw invalidFields(errors);
  const page = pageRequest(query);
  const filter: RotationFilter = {
    workerId: query.worker,
    facilityId,
    areaPath,
    from: query.from,
    to: query.to,
    includeInactive: query.includeInactive,
    ...page,
  };
  const [rows, total] = await Promise.all([
    listRotationRows(ctx.db, filter) as Promise<SelectedRotation[]>,
    countRotationRows(ctx.db, filter),
  ]);
  const map = await toRotations(ctx.db, rows.slice(0, page.limit));
  return toPage(rows, page.limit, (r) => r.start_date, map, total);
}

interface Draft {
  workerId: string;
  hostFacilityId?: string;
  hostFacilityCode?: string;
  homeFacilityId?: string;
  homeFacilityCode?: string;
  startDate: string;
  endDate: string;
  weekdays: number[];
  dates: string[];
  session: RotationSession;
}

/** The schedule columns of a validated rotation, shared by create and update. */
function scheduleColumns(draft: Draft, homeId: string, host: { id: string; areaPath: string }) {
  return {
    home_facility_id: homeId,
    host_facility_id: host.id,
    host_area_path: host.areaPath,
    start_date: draft.startDate,
    end_date: draft.endDate,
    weekdays: [...draft.weekdays].sort((a, b) => a - b),
    dates: [...draft.dates].sort(),
    session: draft.session,
  };
}

/** Validates a whole rotation (new or updated) against the rules and the database. */
async function validateDraft(db: Db, d: Draft) {
  const errors: FieldError[] = [];
  const worker = await requireWorker(db, d.workerId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'not_found') {
      errors.push({ field: 'body.workerId', message: `no health worker has the id ${d.workerId}` });
      return undefined;
    }
    throw e;
  });
  if (worker && !worker.active) errors.push({ field: 'body.workerId', message: 'the worker is deactivated' });
  const host = await resolveFacility(db, d.hostFacilityId, d.hostFacilityCode, 'hostFacility', errors);
  if (!d.hostFacilityId && !d.hostFacilityCode) {
    errors.push({ field: 'body.hostFacilityId', message: 'give hostFacilityId or hostFacilityCode' });
  }
  const givenHome = await resolveFacility(db, d.homeFacilityId, d.homeFacilityCode, 'homeFacility', errors);
  let homeId: string | undefined;
  if (worker) {
    const home = resolveHome(givenHome?.id, await findAssignmentOn(db, worker.id, d.startDate), d.startDate);
    if (home.ok) homeId = home.homeFacilityId;
    else
      errors.push({
        field: givenHome ? `body.homeFacility${d.homeFacilityId ? 'Id' : 'Code'}` : 'body.startDate',
        message: home.message,
      });
  }
  if (host && homeId) {
    errors.push(...checkRotation({ ...d, hostFacilityId: host.id, homeFacilityId: homeId }));
  } else {
    errors.push(...checkRotation({ ...d, hostFacilityId: 'host', homeFacilityId: 'home' }));
  }
  if (errors.length > 0 || !worker || !host || !homeId) throw invalidFields(errors);
  return { worker, host, homeId };
}

/** Refuses a rotation that puts the worker in two places at once; run inside the transaction, after lockWorker. */
async function refuseClash(trx: Db, worker: WorkerRef, plan: RotationPlan): Promise<void> {
  const existing = (await activeRotationsOfWorker(
    trx,
    worker.id,
    plan.startDate,
    plan.endDate,
  )) as SelectedRotation[];
  const clash = findClash(plan, existing.map(toPlan));
  if (!clash) return;
  const other = existing.find((r) => r.id === clash.rotationId)!;
  const host = (await facilityNamesByIds(trx, [other.host_facility_id])).get(other.host_facility_id);
  const session = clash.session === 'day' ? 'the whole day' : `the ${clash.session}`;
  throw conflict(
    `${worker.fullName} (${worker.code}) is already rotating to ${host?.name ?? '?'} (${host?.code ?? '?'}) on ${clash.date} for ${session} (rotation ${clash.rotationId}): a worker cannot be at two places at once`,
    'body.startDate',
  );
}

/** Plans a rotation; refuses one that overlaps another of the worker's with 409. */
export async function createRotation(ctx: AppContext, body: CreateRotationBody): Promise<Rotation> {
  const draft: Draft = {
    ...body,
    weekdays: body.weekdays ?? [],
    dates: body.dates ?? [],
    session: body.session ?? 'day',
  };
  const { worker, host, homeId } = await validateDraft(ctx.db, draft);
  const id = newId();
  await inTransaction(ctx.db, async (trx) => {
    const locked = await lockWorker(trx, worker.id);
    await refuseClash(trx, locked, { id, ...draft });
    await insertRotation(trx, {
      id,
      worker_id: worker.id,
      ...scheduleColumns(draft, homeId, host),
      note: body.note?.trim() || null,
    });
  });
  return getRotation(ctx.db, id);
}

/** Changes a rotation; re-checks the rules and clashes against the worker's other rotations. */
export async function updateRotation(
  ctx: AppContext,
  id: string,
  body: UpdateRotationBody,
): Promise<Rotation> {
  const row = await requireRotation(ctx.db, id);
  if (!row.active) throw conflict(`Rotation ${id} is cancelled: plan a new one instead`);
  const hostGiven = body.hostFacilityId !== undefined || body.hostFacilityCode !== undefined;
  const homeGiven = body.homeFacilityId !== undefined || body.homeFacilityCode !== undefined;
  const draft: Draft = {
    workerId: row.worker_id,
    hostFacilityId: hostGiven ? body.hostFacilityId : row.host_facility_id,
    hostFacilityCode: hostGiven ? body.hostFacilityCode : undefined,
    homeFacilityId: homeGiven ? body.homeFacilityId : row.home_facility_id,
    homeFacilityCode: homeGiven ? body.homeFacilityCode : undefined,
    startDate: body.startDate ?? row.start_date,
    endDate: body.endDate ?? row.end_date,
    weekdays: body.weekdays ?? row.weekdays.map(Number),
    dates: body.dates ?? row.dates,
    session: body.session ?? row.session,
  };
  const { worker, host, homeId } = await validateDraft(ctx.db, draft);
  await inTransaction(ctx.db, async (trx) => {
    const locked = await lockWorker(trx, worker.id);
    await refuseClash(trx, locked, { id, ...draft });
    await updateRotationRow(trx, id, {
      ...scheduleColumns(draft, homeId, host),
      ...(body.note !== undefined ? { note: body.note?.trim() || null } : {}),
    });
  });
  return getRotation(ctx.db, id);
}

/** Cancels a rotation (kept, inactive); it no longer shows on calendars nor blocks other rotations. */
export async function cancelRotation(ctx: AppContext, id: string): Promise<Rotation> {
  await requireRotation(ctx.db, id);
  await updateRotationRow(ctx.db, id, { active: false });
  return getRotation(ctx.db, id);
}
