import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import type { Db } from '../../platform/db/database.ts';
import { inTransaction } from '../../platform/db/transaction.ts';
import { type FieldError, invalidFields, notFound, taken } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { type AreaRef, findAreasByIds } from '../areas/index.ts';
import { findFacilityByCode, findFacilityById } from '../facilities/index.ts';
import { insertNewHousehold, resolveBodyArea, storeNewHousehold } from './households.service.ts';
import { validateCitizenId } from './identity.rules.ts';
import { residentRecordsChanged } from './residents.changes.ts';
import { toHousehold, toMergeInfo, toResident, toStatusChange } from './residents.mapping.ts';
import type { ResidentPatch } from './residents.queries.ts';
import {
  findHouseholdRowById,
  findResidentByCitizenId,
  findResidentByCode,
  findResidentRowById,
  householdMembers,
  insertResident,
  insertStatusChanges,
  mergesOf,
  statusHistoryRows,
  updateHouseholdRow,
  updateResidentRow,
} from './residents.queries.ts';
import {
  compactIdentifier,
  parseBirth,
  relationshipProblem,
  residentLanguageOf,
  statusChangeProblem,
} from './residents.rules.ts';
import type {
  CreateResidentBody,
  MoveBody,
  ResidentDetail,
  StatusBody,
  UpdateResidentBody,
} from './residents.schema.ts';
import type { BirthPrecision } from './residents.table.ts';

/** One resident with household, status history (moves included) and merges; 404 when unknown or out of scope. */
export async function getResident(db: Db, id: string): Promise<ResidentDetail> {
  const row = await findResidentRowById(db, id);
  if (!row) throw notFound('Resident', id);
  const [household, history, merges] = await Promise.all([
    row.household_id ? findHouseholdRowById(db, row.household_id) : undefined,
    statusHistoryRows(db, id),
    mergesOf(db, id),
  ]);
  const areaIds = [row.area_id, ...(household ? [household.area_id] : [])];
  const areas = await findAreasByIds(db, areaIds);
  return {
    ...toResident(row, areas, new Map(household ? [[household.id, household.address]] : [])),
    household: household ? toHousehold(household, areas) : null,
    statusHistory: history.map(toStatusChange),
    merges: merges.map(toMergeInfo),
  };
}

interface Identity {
  citizenId?: string | null;
  sex?: string | null;
  birthDate?: string | null;
}

/**
 * Checks identity number, birth date and phone against the profile; pushes field errors and returns
 * the columns to store. The identity number is cross-checked with the sex and birth year when given.
 */
function checkIdentity(
  profile: CountryProfile,
  body: Identity,
  errors: FieldError[],
  today: string,
): ResidentPatch {
  const out: ResidentPatch = {};
  let birthYear: number | undefined;
  let birthDate: string | undefined;
  if (body.birthDate !== undefined) {
    if (body.birthDate === null)
      Object.assign(out, { birth_date: null, birth_year: null, birth_date_precision: 'day' });
    else {
      const birth = parseBirth(body.birthDate, today);
      if (!birth.ok) errors.push({ field: 'body.birthDate', message: birth.reason });
      else {
        Object.assign(out, {
          birth_date: birth.date,
          birth_year: birth.year,
          birth_date_precision: birth.precision as BirthPrecision,
        });
        birthYear = birth.year;
        birthDate = birth.date ?? undefined;
      }
    }
  }
  if (body.citizenId !== undefined) {
    if (body.citizenId === null) out.citizen_id = null;
    else {
      const sex = body.sex === 'male' || body.sex === 'female' ? body.sex : undefined;
      const checked = validateCitizenId(profile, body.citizenId, { sex, birthYear, birthDate });
      if (!checked.ok) errors.push({ field: 'body.citizenId', message: checked.reason });
      else out.citizen_id = checked.normalised;
    }
  }
  return out;
}

/** The language to store (undefined: not given), the profile's spelling; an unknown one is a field error. */
function languageFor(
  profile: CountryProfile,
  tag: string | null | undefined,
  errors: FieldError[],
): string | null | undefined {
  if (tag === undefined) return undefined;
  const r = residentLanguageOf(profile, tag);
  if ('error' in r) {
    errors.push({ field: 'body.language', message: r.error });
    return undefined;
  }
  return r.language;
}

async function resolveFacility(
  db: Db,
  body: { registeredFacilityId?: string | null; registeredFacilityCode?: string },
  errors: FieldError[],
) {
  if (body.registeredFacilityId) {
    const f = await findFacilityById(db, body.registeredFacilityId);
    if (!f)
      errors.push({
        field: 'body.registeredFacilityId',
        message: `no facility has the id ${body.registeredFacilityId}`,
      });
    return f?.id;
  }
  if (body.registeredFacilityCode) {
    const f = await findFacilityByCode(db, body.registeredFacilityCode);
    if (!f)
      errors.push({
        field: 'body.registeredFacilityCode',
        message: `no facility has the code ${body.registeredFacilityCode}`,
      });
    return f?.id;
  }
  return body.registeredFacilityId === null ? null : undefined;
}

async function checkUnique(trx: Db, patch: ResidentPatch, selfId?: string): Promise<void> {
  if (patch.citizen_id) {
    const other = await findResidentByCitizenId(trx, patch.citizen_id);
    if (other && other.id !== selfId)
      throw taken('A resident with this citizen identity number already exists', 'body.citizenId');
  }
  if (patch.code) {
    const other = await findResidentByCode(trx, patch.code);
    if (other && other.id !== selfId)
      throw taken(`A resident with the code ${patch.code} already exists`, 'body.code');
  }
}

/**
 * Registers a resident, as a member of a household (with the relationship to its head), as the first
 * member of a household registered with them (`newHousehold`, in the same transaction: a refused
 * resident leaves no empty household behind), or on an area.
 */
export async function createResident(ctx: AppContext, body: CreateResidentBody): Promise<ResidentDetail> {
  const id = newId();
  const today = todayOf(ctx);
  await inTransaction(ctx.db, async (trx) => {
    const errors: FieldError[] = [];
    const identity = checkIdentity(ctx.profile, body, errors, today);
    const language = languageFor(ctx.profile, body.language, errors);
    let newHouseholdArea: AreaRef | undefined;
    if (body.newHousehold) {
      for (const field of ['householdId', 'areaId', 'areaCode'] as const)
        if (body[field] !== undefined)
          errors.push({ field: `body.${field}`, message: 'give either newHousehold or this, not both' });
      // Checked with the person's fields, so the form hears of every problem at once.
      newHouseholdArea = await resolveBodyArea(trx, body.newHousehold, errors, 'body.newHousehold');
    }
    // Stored first so the person can join it; anything refused later rolls it back with the rest.
    const newHouseholdId =
      body.newHousehold && newHouseholdArea && errors.length === 0
        ? await storeNewHousehold(trx, body.newHousehold, newHouseholdArea, 'body.newHousehold')
        : undefined;
    const householdId = newHouseholdId ?? body.householdId;
    const household = householdId ? await findHouseholdRowById(trx, householdId) : undefined;
    if (body.householdId && !household)
      errors.push({ field: 'body.householdId', message: `no household has the id ${body.householdId}` });
    else if (household && !household.active)
      errors.push({ field: 'body.householdId', message: 'the household is deactivated' });
    const relationship = body.relationshipToHead ?? (newHouseholdId ? 'head' : undefined);
    if (household) {
      const problem = relationshipProblem(relationship ?? null, await memberFacts(trx, household.id));
      if (problem) errors.push({ field: 'body.relationshipToHead', message: problem });
    } else if (body.relationshipToHead && !body.newHousehold) {
      errors.push({ field: 'body.relationshipToHead', message: 'needs body.householdId' });
    }
    const area = household || body.newHousehold ? undefined : await resolveBodyArea(trx, body, errors);
    const facilityId = await resolveFacility(trx, body, errors);
    if (errors.length > 0) throw invalidFields(errors);
    const patch: ResidentPatch = { ...identity, code: body.code ?? null };
    await checkUnique(trx, patch);
    const areaId = household?.area_id ?? area!.id;
    const areaPath = household?.area_path ?? area!.path;
    await insertResident(trx, {
      id,
      code: body.code ?? null,
      citizen_id: identity.citizen_id ?? null,
      full_name: body.fullName.trim(),
      sex: body.sex ?? null,
      birth_date: identity.birth_date ?? null,
      birth_year: identity.birth_year ?? null,
      birth_date_precision: identity.birth_date_precision ?? 'day',
      ethnicity: body.ethnicity ?? null,
      phone: body.phone ? compactIdentifier(body.phone) : null,
      language: language ?? null,
      occupation: body.occupation ?? null,
      household_id: household?.id ?? null,
      relationship_to_head: relationship ?? null,
      registered_facility_id: facilityId ?? null,
      area_id: areaId,
      area_path: areaPath,
      status_date: null,
      merged_into_id: null,
    });
    if (household && relationship === 'head')
      await updateHouseholdRow(trx, household.id, { head_resident_id: id });
    await insertStatusChanges(trx, [
      {
        id: newId(),
        resident_id: id,
        kind: 'registered',
        status: 'active',
        effective_on: today,
        reason: 'registered',
        from_area_id: null,
        to_area_id: areaId,
        from_household_id: null,
        to_household_id: household?.id ?? null,
        area_path: areaPath,
      },
    ]);
    // A newborn registered is due its birth doses at once (the programme engine listens).
    await residentRecordsChanged(ctx, trx, [id]);
  });
  return getResident(ctx.db, id);
}

async function memberFacts(trx: Db, householdId: string) {
  return (await householdMembers(trx, householdId)).map((m) => ({
    id: m.id,
    relationship: m.relationship_to_head,
    active: m.active,
  }));
}

/** Updates identity and contact fields; household and status change through move and status. */
export async function updateResident(
  ctx: AppContext,
  id: string,
  body: UpdateResidentBody,
): Promise<ResidentDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findResidentRowById(trx, id, true);
    if (!row) throw notFound('Resident', id);
    const errors: FieldError[] = [];
    for (const f of ['householdId', 'status'] as const) {
      if (body[f] !== undefined)
        errors.push({
          field: `body.${f}`,
          message: f === 'status' ? 'use POST /residents/:id/status' : 'use POST /residents/:id/move',
        });
    }
    // The identity number is cross-checked against the stored sex and birth date unless they change too.
    const identity = checkIdentity(
      ctx.profile,
      {
        citizenId: body.citizenId,
        sex: body.sex !== undefined ? body.sex : row.sex,
        birthDate:
          body.birthDate !== undefined
            ? body.birthDate
            : body.citizenId
              ? (row.birth_date ?? (row.birth_year ? String(row.birth_year) : undefined))
              : undefined,
      },
      errors,
      todayOf(ctx),
    );
    if (body.relationshipToHead !== undefined && row.household_id) {
      const problem = relationshipProblem(
        body.relationshipToHead,
        await memberFacts(trx, row.household_id),
        id,
      );
      if (problem) errors.push({ field: 'body.relationshipToHead', message: problem });
    }
    const facilityId = await resolveFacility(trx, body, errors);
    const language = languageFor(ctx.profile, body.language, errors);
    if (errors.length > 0) throw invalidFields(errors);
    const patch: ResidentPatch = { ...identity };
    if (body.code !== undefined) patch.code = body.code;
    await checkUnique(trx, patch, id);
    if (body.fullName !== undefined) patch.full_name = body.fullName.trim();
    if (body.sex !== undefined) patch.sex = body.sex;
    if (body.ethnicity !== undefined) patch.ethnicity = body.ethnicity;
    if (body.phone !== undefined) patch.phone = body.phone ? compactIdentifier(body.phone) : null;
    if (language !== undefined) patch.language = language;
    if (body.occupation !== undefined) patch.occupation = body.occupation;
    if (body.relationshipToHead !== undefined) patch.relationship_to_head = body.relationshipToHead;
    if (facilityId !== undefined) patch.registered_facility_id = facilityId;
    await updateResidentRow(trx, id, patch);
    if (row.household_id && body.relationshipToHead === 'head')
      await updateHouseholdRow(trx, row.household_id, { head_resident_id: id });
    // A corrected birth date or sex moves what is due.
    if (patch.birth_date !== undefined || patch.birth_year !== undefined || patch.sex !== undefined)
      await residentRecordsChanged(ctx, trx, [id]);
  });
  return getResident(ctx.db, id);
}

/** Deactivates a resident record (a registration error): gone from lists and search, still readable. */
export async function deactivateResident(ctx: AppContext, id: string): Promise<ResidentDetail> {
  const row = await findResidentRowById(ctx.db, id);
  if (!row) throw notFound('Resident', id);
  if (row.active) {
    await updateResidentRow(ctx.db, id, { active: false });
    await residentRecordsChanged(ctx, ctx.db, [id]);
  }
  return getResident(ctx.db, id);
}

/** Records a status change (moved away, deceased, active again) with its date and reason. */
export async function changeResidentStatus(
  ctx: AppContext,
  id: string,
  body: StatusBody,
): Promise<ResidentDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findResidentRowById(trx, id, true);
    if (!row) throw notFound('Resident', id);
    const problem = statusChangeProblem(row.status, body.status);
    if (problem) throw invalidFields([{ field: 'body.status', message: problem }]);
    if (body.effectiveOn > todayOf(ctx))
      throw invalidFields([{ field: 'body.effectiveOn', message: 'is in the future' }]);
    await updateResidentRow(trx, id, { status: body.status, status_date: body.effectiveOn });
    await insertStatusChanges(trx, [
      {
        id: newId(),
        resident_id: id,
        kind: 'status',
        status: body.status,
        effective_on: body.effectiveOn,
        reason: body.reason ?? null,
        from_area_id: row.area_id,
        to_area_id: row.area_id,
        from_household_id: row.household_id,
        to_household_id: row.household_id,
        area_path: row.area_path,
      },
    ]);
    // Nothing is due to a resident who died or moved away (the programme engine listens).
    await residentRecordsChanged(ctx, trx, [id]);
  });
  return getResident(ctx.db, id);
}

/**
 * Moves a resident to another household (existing, or created here), possibly in another commune.
 * The record, its id and its whole history stay; the history gains a 'move' entry with both ends.
 */
export async function moveResident(ctx: AppContext, id: string, body: MoveBody): Promise<ResidentDetail> {
  await inTransaction(ctx.db, async (trx) => {
    const row = await findResidentRowById(trx, id, true);
    if (!row) throw notFound('Resident', id);
    if (!!body.householdId === !!body.newHousehold) {
      throw invalidFields([
        { field: 'body.householdId', message: 'give either householdId or newHousehold' },
      ]);
    }
    if (row.status === 'deceased')
      throw invalidFields([{ field: 'body', message: 'a deceased resident cannot move' }]);
    const targetId =
      body.householdId ?? (await insertNewHousehold(trx, body.newHousehold!, 'body.newHousehold'));
    const target = await findHouseholdRowById(trx, targetId);
    if (!target)
      throw invalidFields([{ field: 'body.householdId', message: `no household has the id ${targetId}` }]);
    if (target.id === row.household_id)
      throw invalidFields([{ field: 'body.householdId', message: 'the resident already lives there' }]);
    const relationship = body.relationshipToHead ?? (body.newHousehold ? 'head' : 'other');
    const problem = relationshipProblem(relationship, await memberFacts(trx, target.id), id);
    if (problem) throw invalidFields([{ field: 'body.relationshipToHead', message: problem }]);
    if (row.household_id) {
      const old = await findHouseholdRowById(trx, row.household_id);
      if (old?.head_resident_id === id) await updateHouseholdRow(trx, old.id, { head_resident_id: null });
    }
    await updateResidentRow(trx, id, {
      household_id: target.id,
      relationship_to_head: relationship,
      area_id: target.area_id,
      area_path: target.area_path,
      status: 'active',
      status_date: body.effectiveOn,
    });
    if (relationship === 'head') await updateHouseholdRow(trx, target.id, { head_resident_id: id });
    await insertStatusChanges(trx, [
      {
        id: newId(),
        resident_id: id,
        kind: 'move',
        status: 'active',
        effective_on: body.effectiveOn,
        reason: body.reason ?? null,
        from_area_id: row.area_id,
        to_area_id: target.area_id,
        from_household_id: row.household_id,
        to_household_id: target.id,
        area_path: target.area_path,
      },
    ]);
  });
  return getResident(ctx.db, id);
}
