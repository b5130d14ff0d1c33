import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { SEXES } from '../../platform/sex.enums.ts';
import { type AreaRef, findAreasByCodes, findAreasByIds } from '../areas/index.ts';
import { findFacilityByCode, findFacilityById } from '../facilities/index.ts';
import { validateCitizenId } from './identity.rules.ts';
import { RELATIONSHIPS, type Relationship } from './residents.enums.ts';
import {
  householdExportBatch,
  insertIfAllNew,
  insertResidents,
  RESIDENT_STAGING_COLUMNS,
  type ResidentWrite,
  residentExportBatch,
  residentsByKeys,
  saveStagedResidents,
  setHeads,
  updateResidents,
  upsertHouseholds,
} from './residents.import.queries.ts';
import { householdRowsByCodes } from './residents.queries.ts';
import { compactIdentifier, parseBirth } from './residents.rules.ts';
import type { HouseholdRow } from './residents.table.ts';

type Outcome = 'created' | 'updated' | { reason: string };

export const HOUSEHOLD_COLUMNS = ['code', 'address', 'area_code', 'latitude', 'longitude'];
export const RESIDENT_COLUMNS = [
  'code',
  'citizen_id',
  'full_name',
  'sex',
  'birth_date',
  'ethnicity',
  'phone',
  'occupation',
  'household_code',
  'relationship',
  'area_code',
  'facility_code',
];

function coordinate(raw: string | undefined, limit: number): number | null {
  if (!raw) return null;
  const n = Number(raw);
  return Number.isFinite(n) && Math.abs(n) <= limit ? n : Number.NaN;
}

/** Area lookups cached for a whole import run: a province has a few thousand areas at most. */
function areaCache() {
  const cache = new Map<string, AreaRef | null>();
  return async (db: Db, codes: string[]) => {
    const missing = [...new Set(codes)].filter((c) => c && !cache.has(c));
    if (missing.length > 0) {
      const found = await findAreasByCodes(db, missing);
      for (const c of missing) cache.set(c, found.get(c) ?? null);
    }
    return (code: string) => cache.get(code) ?? undefined;
  };
}

export interface HouseholdImportRow {
  code: string;
  address: string;
  areaCode: string;
  latitude: number | null;
  longitude: number | null;
}

export function parseHouseholdRow(v: Record<string, string>): RowCheck<HouseholdImportRow> {
  const problems: string[] = [];
  for (const c of ['code', 'address', 'area_code']) if (!v[c]) problems.push(`${c} is required`);
  const latitude = coordinate(v.latitude, 90);
  const longitude = coordinate(v.longitude, 180);
  if (Number.isNaN(latitude)) problems.push(`latitude ${v.latitude} is not a number between -90 and 90`);
  if (Number.isNaN(longitude)) problems.push(`longitude ${v.longitude} is not a number between -180 and 180`);
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: { code: v.code!, address: v.address!, areaCode: v.area_code!, latitude, longitude },
  };
}

/** The households CSV import: upsert by book number (code) in one statement per batch. */
export function householdImport(_profile: CountryProfile): ImportDefinition<HouseholdImportRow> {
  const areasOf = areaCache();
  return {
    kind: 'households',
    requiredColumns: ['code', 'address', 'area_code'],
    parse: parseHouseholdRow,
    async saveBatch(trx, rows) {
      const area = await areasOf(
        trx,
        rows.map((r) => r.value.areaCode),
      );
      const outcomes: Outcome[] = [];
      const byCode = new Map<
        string,
        { index: number; write: Parameters<typeof upsertHouseholds>[1][number] }
      >();
      const repeated = new Set<number>();
      rows.forEach(({ value: v }, i) => {
        const a = area(v.areaCode);
        if (!a) outcomes.push({ reason: `area_code ${v.areaCode} is not a known area` });
        else if (!a.active) outcomes.push({ reason: `area ${v.areaCode} is deactivated` });
        else {
          outcomes.push('created');
          const earlier = byCode.get(v.code);
          if (earlier) repeated.add(i); // a later row of the same book number wins, as an update
          const write = {
            id: earlier?.write.id ?? newId(),
            code: v.code,
            address: v.address,
            area_id: a.id,
            area_path: a.path,
            latitude: v.latitude,
            longitude: v.longitude,
          };
          byCode.set(v.code, { index: earlier?.index ?? i, write });
        }
      });
      const inserted = await upsertHouseholds(
        trx,
        [...byCode.values()].map((e) => e.write),
      );
      return outcomes.map((o, i) => {
        if (o !== 'created') return o;
        if (repeated.has(i)) return 'updated';
        return inserted.get(rows[i]!.value.code) ? 'created' : 'updated';
      });
    },
  };
}

export interface ResidentImportRow {
  code: string | null;
  citizenId: string | null;
  fullName: string;
  sex: string | null;
  birthDate: string | null;
  birthYear: number | null;
  precision: 'day' | 'year';
  ethnicity: string | null;
  phone: string | null;
  occupation: string | null;
  householdCode: string | null;
  relationship: Relationship | null;
  areaCode: string | null;
  facilityCode: string | null;
}

/** Checks one resident row on its own: name, key (citizen_id or code), identity number, birth, codes. */
export function parseResidentRow(
  profile: CountryProfile,
  v: Record<string, string>,
  today: string,
): RowCheck<ResidentImportRow> {
  const problems: string[] = [];
  if (!v.full_name) problems.push('full_name is required');
  if (!v.citizen_id && !v.code) problems.push('citizen_id or code is required (re-imports match on them)');
  if (!v.household_code && !v.area_code) problems.push('household_code or area_code is required');
  const sex = v.sex || null;
  if (sex && !(SEXES as readonly string[]).includes(sex))
    problems.push(`sex ${sex} must be one of ${SEXES.join(', ')}`);
  const relationship = (v.relationship || null) as Relationship | null;
  if (relationship && !RELATIONSHIPS.includes(relationship))
    problems.push(`relationship ${relationship} must be one of ${RELATIONSHIPS.join(', ')}`);
  if (relationship && !v.household_code) problems.push('relationship needs household_code');
  let birth: { date: string | null; year: number | null; precision: 'day' | 'year' } = {
    date: null,
    year: null,
    precision: 'day',
  };
  if (v.birth_date) {
    const b = parseBirth(v.birth_date, today);
    if (b.ok) birth = { date: b.date, year: b.year, precision: b.precision };
    else problems.push(`birth_date ${b.reason}`);
  }
  let citizenId: string | null = null;
  if (v.citizen_id) {
    const checked = validateCitizenId(profile, v.citizen_id, {
      sex: sex === 'male' || sex === 'female' ? sex : undefined,
      birthYear: birth.year ?? undefined,
      birthDate: birth.date ?? undefined,
    });
    if (checked.ok) citizenId = checked.normalised;
    else problems.push(`citizen_id ${checked.reason}`);
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: {
      code: v.code || null,
      citizenId,
      fullName: v.full_name!.trim(),
      sex,
      birthDate: birth.date,
      birthYear: birth.year,
      precision: birth.precision,
      ethnicity: v.ethnicity || null,
      phone: v.phone ? compactIdentifier(v.phone) : null,
      occupation: v.occupation || null,
      householdCode: v.household_code || null,
      relationship,
      areaCode: v.area_code || null,
      facilityCode: v.facility_code || null,
    },
  };
}

/** What resolving a batch's rows needs from the database, read once per batch. */
interface BatchRefs {
  households: Map<string, HouseholdRow>;
  area: (code: string) => AreaRef | undefined;
  facilities: Map<string, string | null>;
}

/** The writes a batch comes to, and each row's outcome. */
interface BatchPlan {
  outcomes: Outcome[];
  /** New residents by id, each with the indexes of the rows they come from. */
  inserts: Map<string, ResidentWrite>;
  updates: Map<string, ResidentWrite>;
  /** Household id to the resident the batch makes its head. */
  heads: Map<string, string>;
  /** Rows rejected because their household already has another head. */
  headClashes: number;
}

/**
 * Resolves rows in file order against the residents that already hold their keys (`existing`) and
 * the heads already set (`heads`, updated in place): match on citizen_id, else on code; later rows of
 * the same person update the earlier ones.
 */
function planRows(
  values: ResidentImportRow[],
  refs: BatchRefs,
  existing: { id: string; citizen_id: string | null; code: string | null }[],
  heads: Map<string, string>,
): BatchPlan {
  const byCitizen = new Map(existing.filter((e) => e.citizen_id).map((e) => [e.citizen_id!, e.id]));
  const byCode = new Map(existing.filter((e) => e.code).map((e) => [e.code!, e.id]));
  const inserts = new Map<string, ResidentWrite>();
  const updates = new Map<string, ResidentWrite>();
  const batchHeads = new Map<string, string>();
  let headClashes = 0;
  const outcomes: Outcome[] = values.map((v) => {
    const household = v.householdCode ? refs.households.get(v.householdCode) : undefined;
    if (v.householdCode && !household)
      return {
        reason: `household_code ${v.householdCode} is not a known household (import households first)`,
      };
    const a = household ? { id: household.area_id, path: household.area_path } : refs.area(v.areaCode!);
    if (!a) return { reason: `area_code ${v.areaCode} is not a known area` };
    const facilityId = v.facilityCode ? refs.facilities.get(v.facilityCode) : null;
    if (v.facilityCode && !facilityId)
      return { reason: `facility_code ${v.facilityCode} is not a known facility` };
    const idByCitizen = v.citizenId ? byCitizen.get(v.citizenId) : undefined;
    const idByCode = v.code ? byCode.get(v.code) : undefined;
    if (idByCitizen && idByCode && idByCitizen !== idByCode)
      return { reason: `citizen_id and code name two different residents` };
    const knownId = idByCitizen ?? idByCode;
    if (household && v.relationship === 'head') {
      const current = heads.get(household.id) ?? household.head_resident_id;
      if (current && current !== knownId) {
        headClashes++;
        return { reason: `household ${v.householdCode} already has a head` };
      }
    }
    const id = knownId ?? newId();
    const write: ResidentWrite = {
      id,
      code: v.code,
      citizen_id: v.citizenId,
      full_name: v.fullName,
      sex: v.sex,
      birth_date: v.birthDate,
      birth_year: v.birthYear,
      birth_date_precision: v.precision,
      ethnicity: v.ethnicity,
      phone: v.phone,
      occupation: v.occupation,
      household_id: household?.id ?? null,
      relationship_to_head: v.relationship,
      registered_facility_id: facilityId ?? null,
      area_id: a.id,
      area_path: a.path,
    };
    if (v.citizenId) byCitizen.set(v.citizenId, id);
    if (v.code) byCode.set(v.code, id);
    if (household && v.relationship === 'head') {
      heads.set(household.id, id);
      batchHeads.set(household.id, id);
    }
    if (inserts.has(id)) {
      inserts.set(id, { ...write, history_id: inserts.get(id)!.history_id });
      return 'updated';
    }
    if (knownId) {
      updates.set(id, write);
      return 'updated';
    }
    inserts.set(id, { ...write, history_id: newId() });
    return 'created';
  });
  // A new resident who is their household's head is made so by the insert itself.
  const newHeads = new Set(batchHeads.values());
  for (const [id, w] of inserts) if (newHeads.has(id)) inserts.set(id, { ...w, head: true });
  return { outcomes, inserts, updates, heads: batchHeads, headClashes };
}

/** Writes a plan: inserts (with history and heads), updates, and heads set on existing residents. */
async function writePlan(trx: Db, plan: BatchPlan, today: string): Promise<void> {
  await insertResidents(trx, [...plan.inserts.values()], today);
  await updateResidents(trx, [...plan.updates.values()]);
  await setHeads(
    trx,
    [...plan.heads]
      .filter(([, resident_id]) => !plan.inserts.has(resident_id))
      .map(([household_id, resident_id]) => ({ household_id, resident_id })),
  );
}

function keysOf(values: ResidentImportRow[]): [string[], string[]] {
  return [
    values.flatMap((v) => (v.citizenId ? [v.citizenId] : [])),
    values.flatMap((v) => (v.code ? [v.code] : [])),
  ];
}

/**
 * The residents CSV import: match on citizen_id, else on code. A batch is first taken as all new
 * people (a fresh registry, the common case): one read of its households, then the inserts of the
 * residents, their history and heads. If a citizen id or code is already taken, that is undone and
 * the batch is matched to the existing residents (one read) and written as inserts and updates, as
 * is a batch naming a head for a household that already has one.
 */
export function residentImport(profile: CountryProfile, today: string): ImportDefinition<ResidentImportRow> {
  const areasOf = areaCache();
  const facilities = new Map<string, string | null>();
  const def: ImportDefinition<ResidentImportRow> = {
    kind: 'residents',
    requiredColumns: ['full_name'],
    parse: (values) => parseResidentRow(profile, values, today),
    async saveBatch(trx, rows) {
      const values = rows.map((r) => r.value);
      const area = await areasOf(
        trx,
        values.map((v) => v.areaCode ?? ''),
      );
      const households = new Map(
        (
          await householdRowsByCodes(trx, [
            ...new Set(values.flatMap((v) => (v.householdCode ? [v.householdCode] : []))),
          ])
        ).map((h) => [h.code!, h]),
      );
      for (const code of new Set(values.flatMap((v) => (v.facilityCode ? [v.facilityCode] : [])))) {
        if (!facilities.has(code)) facilities.set(code, (await findFacilityByCode(trx, code))?.id ?? null);
      }
      const refs: BatchRefs = { households, area, facilities };
      const headsTaken = values.some(
        (v) =>
          v.relationship === 'head' && v.householdCode && households.get(v.householdCode)?.head_resident_id,
      );
      if (!headsTaken) {
        const plan = planRows(values, refs, [], new Map());
        if (plan.headClashes === 0 && (await insertIfAllNew(trx, [...plan.inserts.values()], today)))
          return plan.outcomes;
      }
      const plan = planRows(values, refs, await residentsByKeys(trx, ...keysOf(values)), new Map());
      await writePlan(trx, plan, today);
      return plan.outcomes;
    },
    staged: {
      columns: RESIDENT_STAGING_COLUMNS,
      cells: (v) => [
        newId(),
        newId(),
        v.code,
        v.citizenId,
        v.fullName,
        v.sex,
        v.birthDate,
        v.birthYear,
        v.precision,
        v.ethnicity,
        v.phone,
        v.occupation,
        v.householdCode,
        v.relationship,
        v.areaCode,
        v.facilityCode,
      ],
      /**
       * A batch in the staging table, written set-wise (saveStagedResidents); one where a citizen id
       * or code comes back (the same person twice) goes through saveBatch, which follows the file
       * row by row.
       */
      async save(trx, table, rows) {
        const values = rows.map((r) => r.value);
        if (repeatsKeys(values)) return def.saveBatch(trx, rows);
        const area = await areasOf(
          trx,
          values.flatMap((v) => (v.householdCode || !v.areaCode ? [] : [v.areaCode])),
        );
        const areas: Record<string, { id: string; path: string }> = {};
        const wanted: Record<string, string> = {};
        for (const v of values) {
          const a = !v.householdCode && v.areaCode ? area(v.areaCode) : undefined;
          if (a) areas[v.areaCode!] = { id: a.id, path: a.path };
          if (v.facilityCode && !(v.facilityCode in wanted)) {
            if (!facilities.has(v.facilityCode))
              facilities.set(v.facilityCode, (await findFacilityByCode(trx, v.facilityCode))?.id ?? null);
            const id = facilities.get(v.facilityCode);
            if (id) wanted[v.facilityCode] = id;
          }
        }
        const first = rows[0]!.line;
        const last = rows[rows.length - 1]!.line;
        const saved = await saveStagedResidents(trx, table, first, last, areas, wanted, today);
        const byLine = new Map(saved.map((o) => [o.line, o]));
        return rows.map((r): Outcome => {
          const o = byLine.get(r.line);
          if (!o) return 'created';
          if (o.refused) return { reason: o.refused };
          return 'updated';
        });
      },
    },
  };
  return def;
}

/** Whether a citizen id or a code comes twice among the rows. */
function repeatsKeys(values: ResidentImportRow[]): boolean {
  const seen = new Set<string>();
  for (const v of values) {
    for (const key of [v.citizenId && `c${v.citizenId}`, v.code && `k${v.code}`]) {
      if (!key) continue;
      if (seen.has(key)) return true;
      seen.add(key);
    }
  }
  return false;
}

/** Streams the active households as CSV (HOUSEHOLD_COLUMNS), in keyset batches. */
export function exportHouseholdsCsv(ctx: AppContext, out: Writable): Promise<number> {
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch = await householdExportBatch(ctx.db, after, 1000);
      const areas = await findAreasByIds(
        ctx.db,
        batch.map((h) => h.area_id),
      );
      for (const h of batch)
        yield {
          code: h.code,
          address: h.address,
          area_code: areas.get(h.area_id)?.code,
          latitude: h.latitude,
          longitude: h.longitude,
        };
      if (batch.length < 1000) return;
      after = batch[batch.length - 1]!.id;
    }
  }
  return streamCsv(out, HOUSEHOLD_COLUMNS, rows());
}

/** Streams the active residents as CSV (RESIDENT_COLUMNS), in keyset batches; the file imports as it is. */
export function exportResidentsCsv(ctx: AppContext, out: Writable): Promise<number> {
  const facilityCodes = new Map<string, string>();
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const batch = await residentExportBatch(ctx.db, after, 1000);
      const areas = await findAreasByIds(
        ctx.db,
        batch.map((r) => r.area_id),
      );
      for (const r of batch) {
        const fid = r.registered_facility_id;
        if (fid && !facilityCodes.has(fid))
          facilityCodes.set(fid, (await findFacilityById(ctx.db, fid))?.code ?? '');
        yield {
          code: r.code,
          citizen_id: r.citizen_id,
          full_name: r.full_name,
          sex: r.sex,
          birth_date: r.birth_date_precision === 'year' ? r.birth_year : r.birth_date,
          ethnicity: r.ethnicity,
          phone: r.phone,
          occupation: r.occupation,
          household_code: r.household_code,
          relationship: r.relationship_to_head,
          area_code: r.household_code ? '' : areas.get(r.area_id)?.code,
          facility_code: fid ? facilityCodes.get(fid) : '',
        };
      }
      if (batch.length < 1000) return;
      after = batch[batch.length - 1]!.id;
    }
  }
  return streamCsv(out, RESIDENT_COLUMNS, rows());
}
