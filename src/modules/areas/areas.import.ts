import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { INT32_MAX } from '../../platform/schema.ts';
import {
  type AreaWithParent,
  exportBatch,
  findAreaRowsByCodes,
  insertArea,
  updateAreaRow,
  upsertPopulation,
} from './areas.queries.ts';
import { checkAreaPlacement, childPath } from './areas.rules.ts';

/** The CSV columns, in this order, for import and export. */
export const AREA_COLUMNS = [
  'code',
  'name',
  'level',
  'parent_code',
  'latitude',
  'longitude',
  'year',
  'population',
  'households',
];

export interface AreaImportRow {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  latitude: number | null;
  longitude: number | null;
  figure: { year: number; population: number; households: number | null } | null;
}

type Outcome = 'created' | 'updated' | { reason: string };

/** A number cell: null when empty, NaN when not a number in [min, max] (integers only when asked). */
export function numberCell(
  raw: string | undefined,
  min: number,
  max: number,
  integer = false,
): number | null {
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) return Number.NaN;
  return n;
}

/** Checks one CSV row on its own: required values, the profile's levels and code patterns, numbers. */
export function parseAreaRow(profile: CountryProfile, v: Record<string, string>): RowCheck<AreaImportRow> {
  const problems: string[] = [];
  for (const c of ['code', 'name', 'level']) if (!v[c]) problems.push(`${c} is required`);
  const code = v.code ?? '';
  const level = v.level ?? '';
  if (code && level) {
    // The parent is judged in saveBatch, where the tree is known.
    for (const e of checkAreaPlacement(profile, { code, level, parent: null })) {
      if (e.field !== 'parent') problems.push(`${e.field} ${code}: ${e.message}`);
    }
  }
  const latitude = numberCell(v.latitude, -90, 90);
  const longitude = numberCell(v.longitude, -180, 180);
  const year = numberCell(v.year, 1900, 2200, true);
  // The columns are integers: a count past INT32_MAX is refused here, with the row, not by the database.
  const population = numberCell(v.population, 0, INT32_MAX, true);
  const households = numberCell(v.households, 0, INT32_MAX, true);
  if (Number.isNaN(latitude)) problems.push(`latitude ${v.latitude} is not a number between -90 and 90`);
  if (Number.isNaN(longitude)) problems.push(`longitude ${v.longitude} is not a number between -180 and 180`);
  if (Number.isNaN(year)) problems.push(`year ${v.year} is not a year between 1900 and 2200`);
  if (Number.isNaN(population))
    problems.push(`population ${v.population} is not a whole number from 0 to ${INT32_MAX}`);
  if (Number.isNaN(households))
    problems.push(`households ${v.households} is not a whole number from 0 to ${INT32_MAX}`);
  if ((year === null) !== (population === null))
    problems.push('year and population go together: give both or neither');
  if (year === null && households !== null) problems.push('households needs a year and a population');
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: {
      code,
      name: v.name!,
      level,
      parentCode: v.parent_code || null,
      latitude,
      longitude,
      figure: year !== null && population !== null ? { year, population, households } : null,
    },
  };
}

/** The areas CSV import: upsert by code; a parent must exist already or come earlier in the file. */
export function areaImport(profile: CountryProfile): ImportDefinition<AreaImportRow> {
  return {
    kind: 'areas',
    requiredColumns: ['code', 'name', 'level'],
    parse: (values) => parseAreaRow(profile, values),
    saveBatch: (trx, rows) => saveAreaBatch(trx, profile, rows),
  };
}

async function saveAreaBatch(
  trx: Db,
  profile: CountryProfile,
  rows: { line: number; value: AreaImportRow }[],
): Promise<Outcome[]> {
  const codes = new Set<string>();
  for (const { value } of rows) {
    codes.add(value.code);
    if (value.parentCode) codes.add(value.parentCode);
  }
  const known = new Map<string, AreaWithParent>();
  for (const row of await findAreaRowsByCodes(trx, [...codes])) known.set(row.code, row);

  const outcomes: Outcome[] = [];
  for (const { value } of rows) outcomes.push(await saveAreaRow(trx, profile, known, value));
  return outcomes;
}

async function saveAreaRow(
  trx: Db,
  profile: CountryProfile,
  known: Map<string, AreaWithParent>,
  v: AreaImportRow,
): Promise<Outcome> {
  const parent = v.parentCode ? known.get(v.parentCode) : undefined;
  if (v.parentCode && !parent) {
    return {
      reason: `parent_code ${v.parentCode} is not a known area (a parent must come before its children)`,
    };
  }
  const existing = known.get(v.code);
  if (existing) {
    if (existing.level !== v.level) {
      return { reason: `area ${v.code} exists as a ${existing.level}; its level cannot change` };
    }
    if ((existing.parent_code ?? null) !== v.parentCode) {
      return {
        reason: `area ${v.code} sits under ${existing.parent_code ?? 'no parent'}; its parent cannot change (create a new area and deactivate the old)`,
      };
    }
    const patch: { name?: string; latitude?: number; longitude?: number } = {};
    if (v.name !== existing.name) patch.name = v.name;
    if (v.latitude !== null && v.latitude !== existing.latitude) patch.latitude = v.latitude;
    if (v.longitude !== null && v.longitude !== existing.longitude) patch.longitude = v.longitude;
    if (Object.keys(patch).length > 0) await updateAreaRow(trx, existing.id, patch);
    if (v.figure) await upsertPopulation(trx, { area_id: existing.id, ...v.figure });
    return 'updated';
  }
  const errors = checkAreaPlacement(profile, {
    code: v.code,
    level: v.level,
    parent: parent ? { code: parent.code, level: parent.level, active: parent.active } : null,
  });
  if (errors.length > 0) return { reason: errors.map((e) => `${e.field}: ${e.message}`).join('; ') };
  const row: AreaWithParent = {
    id: newId(),
    code: v.code,
    name: v.name,
    level: v.level,
    parent_id: parent?.id ?? null,
    parent_code: parent?.code ?? null,
    path: childPath(parent?.path ?? null, v.code),
    latitude: v.latitude,
    longitude: v.longitude,
    active: true,
    created_at: new Date(),
    updated_at: new Date(),
  };
  const { parent_code: _p, created_at: _c, ...insert } = row;
  await insertArea(trx, insert);
  if (v.figure) await upsertPopulation(trx, { area_id: row.id, ...v.figure });
  known.set(v.code, row);
  return 'created';
}

async function* exportRows(db: Db): AsyncGenerator<Record<string, unknown>> {
  let after: string | null = null;
  for (;;) {
    const batch = await exportBatch(db, after, 1000);
    for (const r of batch) yield r;
    if (batch.length < 1000) return;
    after = batch[batch.length - 1]!.path;
  }
}

/**
 * Streams the active areas as CSV (AREA_COLUMNS; each area with its latest population figure) into
 * `out`, fetching them in keyset batches. The file is in path order, so every parent comes before its
 * children and the file imports as it is. Resolves with the number of rows.
 */
export function exportAreasCsv(ctx: AppContext, out: Writable): Promise<number> {
  return streamCsv(out, AREA_COLUMNS, exportRows(ctx.db));
}
