import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { conflict, type FieldError, invalidFields, notFound } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import {
  type FacilityPatch,
  type FacilityWithManager,
  findFacilityRowById,
  insertStatusChange,
  statusHistory,
  updateFacilityRow,
} from './facilities.queries.ts';
import { checkCareLevel, checkFacilityKind, checkStatusChange } from './facilities.rules.ts';
import type { FacilityDetail, StatusChangeBody, UpdateFacilityBody } from './facilities.schema.ts';
import { getFacility, resolveArea, resolveManager, wouldCycle } from './facilities.service.ts';

/**
 * Updates anything but the code: a new area also updates the stored area path; a new managing
 * facility may not be the facility itself nor one it manages, directly or not. The status changes
 * only through `changeFacilityStatus`, which keeps the history.
 */
export async function updateFacility(
  ctx: AppContext,
  id: string,
  body: UpdateFacilityBody,
): Promise<FacilityDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findFacilityRowById(trx, id);
    if (!row) throw notFound('Facility', id);
    const patch = await checkUpdate(trx, ctx.profile, row, body);
    if (Object.keys(patch).length > 0) await updateFacilityRow(trx, id, patch);
  });
  return getFacility(ctx, id);
}

async function checkUpdate(
  trx: Db,
  profile: CountryProfile,
  row: FacilityWithManager,
  body: UpdateFacilityBody,
): Promise<FacilityPatch> {
  const errors: FieldError[] = [];
  if (body.code !== undefined) errors.push({ field: 'body.code', message: 'cannot be changed' });
  if (body.status !== undefined) {
    errors.push({
      field: 'body.status',
      message: 'changes through POST /api/facilities/:id/status, which keeps the history',
    });
  }
  const patch: FacilityPatch = {};
  if (body.name !== undefined) patch.name = body.name;
  if (body.ownership !== undefined) patch.ownership = body.ownership;
  if (body.latitude !== undefined) patch.latitude = body.latitude;
  if (body.longitude !== undefined) patch.longitude = body.longitude;
  if (body.beds !== undefined) patch.beds = body.beds;
  if (body.services !== undefined) patch.services = [...new Set(body.services)];
  if (body.kind !== undefined) {
    const kind = checkFacilityKind(profile, body.kind);
    for (const e of kind.errors) errors.push({ field: `body.${e.field}`, message: e.message });
    if (kind.tier) Object.assign(patch, { kind: body.kind, tier: kind.tier });
  }
  if (body.careLevel === null) patch.care_level = null;
  else if (body.careLevel !== undefined) {
    const problems = checkCareLevel(profile, body.careLevel);
    for (const e of problems) errors.push({ field: `body.${e.field}`, message: e.message });
    if (problems.length === 0) patch.care_level = body.careLevel;
  }
  if (body.areaId !== undefined || body.areaCode !== undefined) {
    const area = await resolveArea(trx, body, errors);
    if (area) Object.assign(patch, { area_id: area.id, area_path: area.path });
  }
  if (body.managingFacilityId === null || body.managingFacilityCode === null) {
    patch.managing_facility_id = null;
  } else if (body.managingFacilityId !== undefined || body.managingFacilityCode !== undefined) {
    const manager = await resolveManager(trx, body, errors);
    const field =
      body.managingFacilityId !== undefined ? 'body.managingFacilityId' : 'body.managingFacilityCode';
    if (manager && manager.id === row.id) {
      errors.push({ field, message: 'a facility cannot manage itself' });
    } else if (manager && (await wouldCycle(trx, row.id, manager.id))) {
      errors.push({
        field,
        message: `${manager.code} is itself managed, directly or not, by ${row.code}: that would be a loop`,
      });
    } else if (manager) {
      patch.managing_facility_id = manager.id;
    }
  }
  if (errors.length > 0) throw invalidFields(errors);
  return patch;
}

/**
 * Records a status change (open, temporarily closed, closed) with its date and reason, and sets the
 * facility's current status. The same status again is a 409; a date before the last change a 400.
 */
export async function changeFacilityStatus(
  ctx: AppContext,
  id: string,
  body: StatusChangeBody,
): Promise<FacilityDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findFacilityRowById(trx, id);
    if (!row) throw notFound('Facility', id);
    const history = await statusHistory(trx, id);
    const problem = checkStatusChange({
      current: row.status,
      next: body.status,
      lastEffectiveOn: history[history.length - 1]?.effective_on ?? null,
      effectiveOn: body.effectiveOn,
    });
    if (problem?.kind === 'same') throw conflict(`${problem.message}: nothing to change`, 'body.status');
    if (problem) throw invalidFields([{ field: 'body.effectiveOn', message: problem.message }]);
    await insertStatusChange(trx, {
      id: newId(),
      facility_id: id,
      status: body.status,
      effective_on: body.effectiveOn,
      reason: body.reason ?? null,
    });
    await updateFacilityRow(trx, id, { status: body.status });
  });
  return getFacility(ctx, id);
}
