import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { facilitiesByKeys } from '../facilities/index.ts';
import {
  currentCapabilityRows,
  facilitiesWithCapabilities,
  insertEquipmentRows,
  insertServiceRows,
} from './capabilities.queries.ts';
import { checkEquipmentCount, checkServiceDeclaration } from './capabilities.rules.ts';
import { itemsFor, standardsOf } from './capabilities.standards.ts';
import type { NewFacilityEquipmentRow, NewFacilityServiceRow } from './capabilities.table.ts';

/** The columns of `grassroots import capabilities` and of its export (docs/CSV.md). */
export const CAPABILITY_COLUMNS = [
  'facility_code',
  'record',
  'code',
  'date',
  'offered',
  'reason',
  'working',
  'needs_repair',
  'broken',
  'note',
];

/** One row of the file: a service declaration or an equipment count of one facility on a date. */
export type CapabilityImportRow =
  | {
      record: 'service';
      facilityCode: string;
      code: string;
      date: string;
      offered: boolean;
      reason: string | null;
      note: string | null;
    }
  | {
      record: 'equipment';
      facilityCode: string;
      code: string;
      date: string;
      working: number;
      needsRepair: number;
      broken: number;
      note: string | null;
    };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isRealDate = (s: string) =>
  ISO_DATE.test(s) &&
  !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
  new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const TRUE = new Set(['true', 'yes', '1']);
const FALSE = new Set(['false', 'no', '0']);
/** Counts a facility keeps of one item: a whole number that fits the column. */
const MAX_COUNT = 100_000;

/** Checks one CSV row on its own: the record type, required cells, dates, counts, the reason. Pure. */
export function parseCapabilityRow(v: Record<string, string>, today: string): RowCheck<CapabilityImportRow> {
  const get = (k: string) => v[k]?.trim() ?? '';
  const problems: string[] = [];
  for (const k of ['facility_code', 'record', 'code', 'date']) if (!get(k)) problems.push(`${k} is required`);
  const record = get('record').toLowerCase();
  if (record && record !== 'service' && record !== 'equipment')
    problems.push(`record ${get('record')} must be service or equipment`);
  const date = get('date');
  if (date && !isRealDate(date)) problems.push(`date ${date} must be a real date YYYY-MM-DD`);
  const note = get('note') || null;
  if (record === 'service') {
    const offered = get('offered').toLowerCase();
    if (!TRUE.has(offered) && !FALSE.has(offered))
      problems.push('offered is required for a service: true or false (also yes/no, 1/0)');
    for (const k of ['working', 'needs_repair', 'broken'])
      if (get(k)) problems.push(`${k} is for an equipment row; leave it empty on a service row`);
    const declaration = { offered: !FALSE.has(offered), since: date, reason: get('reason') || null };
    if (problems.length === 0)
      for (const e of checkServiceDeclaration(declaration, today))
        problems.push(e.field === 'body.since' ? `date ${e.message}` : `reason: ${e.message}`);
    if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
    return {
      ok: true,
      value: { record, facilityCode: get('facility_code'), code: get('code'), date, ...declaration, note },
    };
  }
  if (record === 'equipment') {
    if (get('offered') || get('reason'))
      problems.push('offered and reason are for a service row; leave them empty on an equipment row');
    const counts: number[] = [];
    for (const k of ['working', 'needs_repair', 'broken']) {
      const text = get(k) || '0';
      const n = Number(text);
      if (!/^\d+$/.test(text) || n > MAX_COUNT)
        problems.push(`${k} ${text} must be a whole number from 0 to ${MAX_COUNT}`);
      counts.push(n);
    }
    if (problems.length === 0)
      for (const e of checkEquipmentCount({ asOf: date }, today)) problems.push(`date ${e.message}`);
    if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
    const [working, needsRepair, broken] = counts as [number, number, number];
    return {
      ok: true,
      value: {
        record,
        facilityCode: get('facility_code'),
        code: get('code'),
        date,
        working,
        needsRepair,
        broken,
        note,
      },
    };
  }
  return { ok: false, reason: problems.join('; ') };
}

type Outcome = 'created' | 'updated' | { reason: string };

/** A row's key: one facility's record of one item on one date (a re-run finds it). */
const keyOf = (facilityId: string, record: string, code: string, date: string) =>
  `${facilityId}|${record}|${code}|${date}`;

/** What a stored or new declaration says, to tell an unchanged re-run from a correction. */
const sameService = (a: { offered: boolean; reason: string | null; note: string | null }, b: typeof a) =>
  a.offered === b.offered && a.reason === b.reason && a.note === b.note;
const sameCount = (
  a: { working: number; needsRepair: number; broken: number; note: string | null },
  b: typeof a,
) => a.working === b.working && a.needsRepair === b.needsRepair && a.broken === b.broken && a.note === b.note;

/**
 * Saves a batch set-based: its facilities and the latest record of each (facility, item, date) key are
 * read in two queries, new rows are inserted in one statement per table. A key already stored with the
 * same values writes nothing (a re-run); with other values it records a new declaration on that date,
 * which is then the one in force (declarations are history, never edited).
 */
function saveCapabilityBatch(profile: CountryProfile) {
  const standards = standardsOf(profile);
  return async (trx: Db, rows: { line: number; value: CapabilityImportRow }[]): Promise<Outcome[]> => {
    const facilities = await facilitiesByKeys(
      trx,
      'code',
      rows.map((r) => r.value.facilityCode),
    );
    const stored = await currentCapabilityRows(
      trx,
      [...facilities.values()].map((f) => f.id),
    );
    const latest = new Map<string, { facilityId: string; values: unknown }>();
    for (const s of stored.services)
      latest.set(keyOf(s.facility_id, 'service', s.service_code, s.since), {
        facilityId: s.facility_id,
        values: { offered: s.offered, reason: s.reason, note: s.note },
      });
    for (const e of stored.equipment)
      latest.set(keyOf(e.facility_id, 'equipment', e.item_code, e.as_of), {
        facilityId: e.facility_id,
        values: { working: e.working, needsRepair: e.needs_repair, broken: e.broken, note: e.note },
      });
    const outcomes: Outcome[] = [];
    const services: NewFacilityServiceRow[] = [];
    const equipment: NewFacilityEquipmentRow[] = [];
    for (const { value: r } of rows) {
      const f = facilities.get(r.facilityCode);
      if (!f) {
        outcomes.push({ reason: `no facility has the code ${r.facilityCode}` });
        continue;
      }
      const list = r.record === 'service' ? 'services' : 'equipment';
      const items = itemsFor(standards, f.kind, list);
      if (!items.has(r.code)) {
        const standard = standards.forKind(f.kind);
        const where = standard ? `the standard ${standard.id}` : 'any standard of this profile';
        const some = [...items.keys()].slice(0, 8).join(', ');
        outcomes.push({
          reason: `${r.record} ${r.code} is not in ${where} for ${f.code} (codes such as ${some})`,
        });
        continue;
      }
      const key = keyOf(f.id, r.record, r.code, r.date);
      const before = latest.get(key);
      if (r.record === 'service') {
        const values = { offered: r.offered, reason: r.offered ? null : r.reason, note: r.note };
        if (!before || !sameService(before.values as typeof values, values))
          services.push({
            id: newId(),
            facility_id: f.id,
            area_path: f.areaPath,
            service_code: r.code,
            since: r.date,
            ...values,
          });
        latest.set(key, { facilityId: f.id, values });
      } else {
        const values = { working: r.working, needsRepair: r.needsRepair, broken: r.broken, note: r.note };
        if (!before || !sameCount(before.values as typeof values, values))
          equipment.push({
            id: newId(),
            facility_id: f.id,
            area_path: f.areaPath,
            item_code: r.code,
            as_of: r.date,
            working: r.working,
            needs_repair: r.needsRepair,
            broken: r.broken,
            note: r.note,
          });
        latest.set(key, { facilityId: f.id, values });
      }
      outcomes.push(before ? 'updated' : 'created');
    }
    await insertServiceRows(trx, services);
    await insertEquipmentRows(trx, equipment);
    return outcomes;
  };
}

/**
 * The capabilities CSV import: each row is a facility's declaration that it offers a standard service
 * (or not, and why) since a date, or its count of one standard equipment item by condition on a date.
 * Matched on facility, record, code and date, so re-running a file writes nothing new.
 */
export function capabilityImport(
  profile: CountryProfile,
  today: string,
): ImportDefinition<CapabilityImportRow> {
  return {
    kind: 'capabilities',
    requiredColumns: ['facility_code', 'record', 'code', 'date'],
    parse: (values) => parseCapabilityRow(values, today),
    saveBatch: saveCapabilityBatch(profile),
  };
}

/**
 * Streams the declarations and counts as CSV (the import's columns), the one in force for each
 * facility, item and date (a same-day correction replaces the earlier row), so an export imports back
 * unchanged. Limited to what `ctx.db` may read (the caller's scope over HTTP).
 */
export function exportCapabilitiesCsv(ctx: AppContext, out: Writable): Promise<number> {
  async function* rows() {
    let after: string | null = null;
    for (;;) {
      const ids = await facilitiesWithCapabilities(ctx.db, after, 200);
      if (ids.length === 0) return;
      const [facilities, stored] = await Promise.all([
        facilitiesByKeys(ctx.db, 'id', ids),
        currentCapabilityRows(ctx.db, ids),
      ]);
      const codeOf = (id: string) => facilities.get(id)?.code ?? '';
      for (const s of stored.services)
        yield {
          facility_code: codeOf(s.facility_id),
          record: 'service',
          code: s.service_code,
          date: s.since,
          offered: s.offered ? 'true' : 'false',
          reason: s.reason ?? '',
          working: '',
          needs_repair: '',
          broken: '',
          note: s.note ?? '',
        };
      for (const e of stored.equipment)
        yield {
          facility_code: codeOf(e.facility_id),
          record: 'equipment',
          code: e.item_code,
          date: e.as_of,
          offered: '',
          reason: '',
          working: e.working,
          needs_repair: e.needs_repair,
          broken: e.broken,
          note: e.note ?? '',
        };
      after = ids[ids.length - 1]!;
    }
  }
  return streamCsv(out, CAPABILITY_COLUMNS, rows());
}
