import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { findAreasByCodes, findAreasByIds } from '../areas/index.ts';
import { FACILITY_STATUSES, type FacilityStatus, OWNERSHIPS, type Ownership } from './facilities.enums.ts';
import {
  exportBatch,
  findFacilityRowsByCodes,
  insertFacility,
  insertStatusChange,
  updateFacilityRow,
} from './facilities.queries.ts';
import {
  checkCareLevel,
  checkFacilityCode,
  checkFacilityKind,
  isOwnership,
  isStatus,
  parseServices,
} from './facilities.rules.ts';
import { wouldCycle } from './facilities.service.ts';

/**
 * The CSV columns, in this order, for import and export. `services` are separated by `;`. `care_level`
 * is the facility's own level of care (empty: not classified on its own, so its kind's level applies).
 */
export const FACILITY_COLUMNS = [
  'code',
  'name',
  'kind',
  'ownership',
  'managing_code',
  'area_code',
  'latitude',
  'longitude',
  'beds',
  'services',
  'status',
  'care_level',
];

export interface FacilityImportRow {
  code: string;
  name: string;
  kind: string;
  tier: string;
  ownership: Ownership;
  managingCode: string | null;
  areaCode: string;
  latitude: number | null;
  longitude: number | null;
  beds: number;
  services: string[];
  status: FacilityStatus;
  /** The facility's own level of care; null when the cell is empty; undefined when the file has no such column. */
  careLevel: string | null | undefined;
}

type Outcome = 'created' | 'updated' | { reason: string };

function numberCell(raw: string | undefined, min: number, max: number, integer = false): number | null {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return Number.NaN;
  return n;
}

/**
 * Checks one CSV row on its own: required values, the profile's code pattern, kinds and levels of care,
 * ownership and status (defaults public and open), numbers. A row is the whole record: empty cells take
 * defaults. A file without the `care_level` column (older files) leaves a facility's own level as it is.
 */
export function parseFacilityRow(
  profile: CountryProfile,
  v: Record<string, string>,
): RowCheck<FacilityImportRow> {
  const problems: string[] = [];
  for (const c of ['code', 'name', 'kind', 'area_code']) if (!v[c]) problems.push(`${c} is required`);
  const code = v.code ?? '';
  if (code) for (const e of checkFacilityCode(profile, code)) problems.push(`code ${code} ${e.message}`);
  const kind = v.kind ? checkFacilityKind(profile, v.kind) : undefined;
  if (kind?.errors.length) problems.push(`kind ${v.kind} is unknown: ${kind.errors[0]!.message}`);
  const ownership = v.ownership || 'public';
  if (!isOwnership(ownership))
    problems.push(`ownership ${ownership} must be one of ${OWNERSHIPS.join(', ')}`);
  const status = v.status || 'open';
  if (!isStatus(status)) problems.push(`status ${status} must be one of ${FACILITY_STATUSES.join(', ')}`);
  const careLevel = v.care_level === undefined ? undefined : v.care_level || null;
  if (careLevel)
    for (const e of checkCareLevel(profile, careLevel)) problems.push(`care_level ${careLevel} ${e.message}`);
  const latitude = numberCell(v.latitude, -90, 90);
  const longitude = numberCell(v.longitude, -180, 180);
  const beds = numberCell(v.beds, 0, 100000, true);
  if (Number.isNaN(latitude)) problems.push(`latitude ${v.latitude} is not a number between -90 and 90`);
  if (Number.isNaN(longitude)) problems.push(`longitude ${v.longitude} is not a number between -180 and 180`);
  if (Number.isNaN(beds)) problems.push(`beds ${v.beds} is not a whole number between 0 and 100000`);
  if (v.managing_code && v.managing_code === code) problems.push('a facility cannot manage itself');
  if (problems.length > 0 || !kind?.tier) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: {
      code,
      name: v.name!,
      kind: v.kind!,
      tier: kind.tier,
      ownership: ownership as Ownership,
      managingCode: v.managing_code || null,
      areaCode: v.area_code!,
      latitude,
      longitude,
      beds: beds ?? 0,
      services: parseServices(v.services),
      status: status as FacilityStatus,
      careLevel,
    },
  };
}

/** The facilities CSV import: upsert by code; a managing facility must exist or come earlier in the file. */
/** The facilities import; a status it records takes effect `today` (the country's date). */
export function facilityImport(profile: CountryProfile, today: string): ImportDefinition<FacilityImportRow> {
  return {
    kind: 'facilities',
    requiredColumns: ['code', 'name', 'kind', 'area_code'],
    parse: (values) => parseFacilityRow(profile, values),
    saveBatch: (trx, rows) => saveFacilityBatch(trx, rows, today),
  };
}

interface Known {
  id: string;
  status: FacilityStatus;
  managing_facility_id: string | null;
}

async function saveFacilityBatch(
  trx: Db,
  rows: { line: number; value: FacilityImportRow }[],
  today: string,
): Promise<Outcome[]> {
  const areas = await findAreasByCodes(
    trx,
    rows.map((r) => r.value.areaCode),
  );
  const codes = new Set<string>();
  for (const { value } of rows) {
    codes.add(value.code);
    if (value.managingCode) codes.add(value.managingCode);
  }
  const known = new Map<string, Known>();
  for (const f of await findFacilityRowsByCodes(trx, [...codes])) known.set(f.code, f);

  const outcomes: Outcome[] = [];
  for (const { value: v } of rows) {
    const area = areas.get(v.areaCode);
    const manager = v.managingCode ? known.get(v.managingCode) : undefined;
    if (!area) outcomes.push({ reason: `area_code ${v.areaCode} is not a known area` });
    else if (!area.active) outcomes.push({ reason: `area ${v.areaCode} is deactivated` });
    else if (v.managingCode && !manager) {
      outcomes.push({
        reason: `managing_code ${v.managingCode} is not a known facility (a managing facility must come before those it manages)`,
      });
    } else {
      outcomes.push(await saveFacilityRow(trx, known, v, area, manager?.id ?? null, today));
    }
  }
  return outcomes;
}

async function saveFacilityRow(
  trx: Db,
  known: Map<string, Known>,
  v: FacilityImportRow,
  area: { id: string; path: string },
  managerId: string | null,
  today: string,
): Promise<Outcome> {
  const fields = {
    name: v.name,
    kind: v.kind,
    tier: v.tier,
    ownership: v.ownership,
    managing_facility_id: managerId,
    area_id: area.id,
    area_path: area.path,
    latitude: v.latitude,
    longitude: v.longitude,
    beds: v.beds,
    services: v.services,
    status: v.status,
    ...(v.careLevel !== undefined && { care_level: v.careLevel }),
  };
  const existing = known.get(v.code);
  if (existing) {
    if (
      managerId &&
      managerId !== existing.managing_facility_id &&
      (await wouldCycle(trx, existing.id, managerId))
    ) {
      return {
        reason: `managing_code ${v.managingCode} is itself managed, directly or not, by ${v.code}: that would be a loop`,
      };
    }
    await updateFacilityRow(trx, existing.id, fields);
    if (existing.status !== v.status) {
      await insertStatusChange(trx, {
        id: newId(),
        facility_id: existing.id,
        status: v.status,
        effective_on: today,
        reason: 'CSV import',
      });
    }
    known.set(v.code, { ...existing, status: v.status, managing_facility_id: managerId });
    return 'updated';
  }
  const id = newId();
  await insertFacility(trx, { id, code: v.code, ...fields });
  await insertStatusChange(trx, {
    id: newId(),
    facility_id: id,
    status: v.status,
    effective_on: today,
    reason: 'registered',
  });
  known.set(v.code, { id, status: v.status, managing_facility_id: managerId });
  return 'created';
}

async function* exportRows(db: Db): AsyncGenerator<Record<string, unknown>> {
  let after: { depth: number; code: string } | null = null;
  for (;;) {
    const batch = await exportBatch(db, after, 1000);
    const areas = await findAreasByIds(
      db,
      batch.map((f) => f.area_id),
    );
    for (const f of batch) {
      yield {
        code: f.code,
        name: f.name,
        kind: f.kind,
        ownership: f.ownership,
        managing_code: f.managing_code,
        area_code: areas.get(f.area_id)?.code,
        latitude: f.latitude,
        longitude: f.longitude,
        beds: f.beds,
        services: f.services.join(';'),
        status: f.status,
        care_level: f.care_level,
      };
    }
    const last = batch[batch.length - 1];
    if (batch.length < 1000 || !last) return;
    after = { depth: last.depth, code: last.code };
  }
}

/**
 * Streams the active facilities as CSV (FACILITY_COLUMNS) into `out`, in keyset batches, managing
 * facilities before those they manage so that the file imports as it is. Resolves with the row count.
 */
export function exportFacilitiesCsv(ctx: AppContext, out: Writable): Promise<number> {
  return streamCsv(out, FACILITY_COLUMNS, exportRows(ctx.db));
}
