import type { Writable } from 'node:stream';
import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { streamCsv } from '../../platform/csv/csv-export.ts';
import type { ImportDefinition, RowCheck } from '../../platform/csv/import-runner.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Cursor } from '../../platform/http/pagination.ts';
import { newId } from '../../platform/ids.ts';
import type { CountryProfile } from '../../platform/profile.ts';
import { SEXES } from '../../platform/sex.enums.ts';
import { facilitiesByCodes, facilitiesByIds } from './facilities.refs.ts';
import { profileLists } from './workers.service.ts';
import {
  assignmentsOfWorkers,
  endAssignments,
  exportBatch,
  insertAssignments,
  upsertWorkers,
  workersByCodes,
  workersByLicences,
} from './workforce.queries.ts';
import {
  checkAssignmentDates,
  checkWorkerFacts,
  type ExistingAssignment,
  isIsoDate,
  normaliseLicence,
  periodCovers,
  planTransfer,
} from './workforce.rules.ts';
import type { NewHealthWorkerRow, WorkerAssignmentRow } from './workforce.table.ts';

export const WORKER_COLUMNS = [
  'code',
  'full_name',
  'sex',
  'birth_date',
  'cadre',
  'qualification',
  'licence_number',
  'phone',
  'facility_code',
  'position',
  'start_date',
];

export interface WorkerImportRow {
  worker: Omit<NewHealthWorkerRow, 'id' | 'updated_at'>;
  facilityCode: string | null;
  position: string | null;
  startDate: string;
}

/** Checks one CSV row on its own: required values, formats, profile codes, dates. */
function parseWorkerRow(
  v: Record<string, string>,
  profile: CountryProfile,
  today: string,
): RowCheck<WorkerImportRow> {
  const problems: string[] = [];
  const get = (k: string) => v[k]?.trim() ?? '';
  for (const k of ['code', 'full_name', 'cadre', 'qualification'])
    if (!get(k)) problems.push(`${k} is required`);
  const sex = get('sex').toLowerCase();
  if (sex && !(SEXES as readonly string[]).includes(sex))
    problems.push(`sex must be one of ${SEXES.join(', ')}`);
  const birth = get('birth_date') || null;
  const facts = {
    cadre: get('cadre') || undefined,
    qualification: get('qualification') || undefined,
    birthDate: birth,
  };
  for (const e of checkWorkerFacts(facts, profileLists(profile), today, ''))
    problems.push(`${e.field} ${e.message}`);
  const facilityCode = get('facility_code') || null;
  const startDate = get('start_date') || today;
  if (facilityCode) {
    const dates = checkAssignmentDates(
      { startDate, endDate: null },
      birth && isIsoDate(birth) ? birth : null,
      '',
    );
    for (const e of dates) problems.push(`start_date ${e.message}`);
  } else if (get('start_date') && !isIsoDate(startDate)) {
    problems.push('start_date must be a real date YYYY-MM-DD');
  }
  if (problems.length > 0) return { ok: false, reason: problems.join('; ') };
  return {
    ok: true,
    value: {
      worker: {
        code: get('code'),
        full_name: get('full_name'),
        sex: (sex || null) as NewHealthWorkerRow['sex'],
        birth_date: birth,
        cadre: get('cadre'),
        qualification: get('qualification'),
        licence_number: normaliseLicence(get('licence_number')),
        phone: get('phone') || null,
      },
      facilityCode,
      position: get('position') || null,
      startDate,
    },
  };
}

type Outcome = 'created' | 'updated' | { reason: string };

/**
 * Saves a batch set-based: the batch's facility codes, worker codes, licence holders and existing
 * assignments are each read in one query, workers are upserted in one statement and assignments
 * inserted in one. A row whose assignment would overlap another is rejected whole.
 */
async function saveWorkerBatch(
  trx: Db,
  rows: { line: number; value: WorkerImportRow }[],
): Promise<Outcome[]> {
  const codes = rows.map((r) => r.value.worker.code);
  const licences = rows.flatMap((r) =>
    r.value.worker.licence_number ? [r.value.worker.licence_number] : [],
  );
  const [facilities, existing, holders] = await Promise.all([
    facilitiesByCodes(
      trx,
      rows.flatMap((r) => (r.value.facilityCode ? [r.value.facilityCode] : [])),
    ),
    workersByCodes(trx, codes),
    workersByLicences(trx, licences),
  ]);
  const idByCode = new Map(existing.map((w) => [w.code, w.id]));
  const licenceHolder = new Map(holders.map((h) => [h.licence_number!, h.code]));
  const assignments = await assignmentsOfWorkers(
    trx,
    existing.map((w) => w.id),
  );
  const assignmentFacilities = await facilitiesByIds(
    trx,
    assignments.map((a) => a.facility_id),
  );
  const byWorker = new Map<string, (ExistingAssignment & { facilityId: string })[]>();
  for (const a of assignments) {
    const f = assignmentFacilities.get(a.facility_id);
    const list = byWorker.get(a.worker_id) ?? [];
    list.push({
      id: a.id,
      startDate: a.start_date,
      endDate: a.end_date,
      facilityId: a.facility_id,
      facilityCode: f?.code ?? '?',
      facilityName: f?.name ?? '?',
    });
    byWorker.set(a.worker_id, list);
  }

  const outcomes: Outcome[] = [];
  const seenLine = new Map<string, number>();
  const upserts: NewHealthWorkerRow[] = [];
  const newAssignments: WorkerAssignmentRow[] = [];
  const ends: { id: string; endDate: string }[] = [];
  for (const { line, value } of rows) {
    const w = value.worker;
    const reject = (reason: string) => outcomes.push({ reason });
    const earlier = seenLine.get(w.code);
    if (earlier !== undefined) {
      reject(`the code ${w.code} already appears on line ${earlier}`);
      continue;
    }
    if (w.licence_number) {
      const holder = licenceHolder.get(w.licence_number);
      if (holder !== undefined && holder !== w.code) {
        reject(`the licence number ${w.licence_number} is held by worker ${holder}`);
        continue;
      }
    }
    const facility = value.facilityCode ? facilities.get(value.facilityCode) : undefined;
    if (value.facilityCode && !facility) {
      reject(`no facility has the code ${value.facilityCode}`);
      continue;
    }
    if (facility && !facility.active) {
      reject(`facility ${facility.code} is deactivated`);
      continue;
    }
    const existingId = idByCode.get(w.code);
    const id = existingId ?? newId();
    if (facility) {
      const mine = byWorker.get(id) ?? [];
      // Already there on that date (a re-run of the same file): nothing to add.
      const already = mine.some((a) => a.facilityId === facility.id && periodCovers(a, value.startDate));
      if (!already) {
        const plan = planTransfer({ startDate: value.startDate, endDate: null }, mine);
        if (!plan.ok) {
          reject(`the assignment at ${facility.code} from ${value.startDate} ${plan.reason}`);
          continue;
        }
        if (plan.close) ends.push({ id: plan.close.assignment.id, endDate: plan.close.endDate });
        newAssignments.push({
          id: newId(),
          worker_id: id,
          facility_id: facility.id,
          area_path: facility.areaPath,
          position: value.position,
          start_date: value.startDate,
          end_date: null,
        });
      }
    }
    seenLine.set(w.code, line);
    if (w.licence_number) licenceHolder.set(w.licence_number, w.code);
    upserts.push({ ...w, id, updated_at: new Date() });
    outcomes.push(existingId ? 'updated' : 'created');
  }
  await upsertWorkers(trx, upserts);
  await endAssignments(trx, ends);
  await insertAssignments(trx, newAssignments);
  return outcomes;
}

/**
 * The workers CSV import: upsert by staff number; with a facility_code, makes sure the worker has an
 * assignment there from start_date (default: the import date), transferring from an earlier open one.
 */
export function workerImport(profile: CountryProfile, today: string): ImportDefinition<WorkerImportRow> {
  return {
    kind: 'workers',
    requiredColumns: ['code', 'full_name', 'cadre', 'qualification'],
    parse: (values) => parseWorkerRow(values, profile, today),
    saveBatch: saveWorkerBatch,
  };
}

/** Streams active workers as CSV (the import's columns) with their current assignment; resolves with the row count. */
export function exportWorkersCsv(ctx: AppContext, out: Writable): Promise<number> {
  const today = todayOf(ctx);
  async function* rows() {
    let after: Cursor | undefined;
    for (;;) {
      const batch = await exportBatch(ctx.db, after, 500, today);
      if (batch.length === 0) return;
      const facilities = await facilitiesByIds(
        ctx.db,
        batch.flatMap((r) => (r.a_facility_id ? [r.a_facility_id] : [])),
      );
      for (const r of batch) {
        const f = r.a_facility_id ? facilities.get(r.a_facility_id) : undefined;
        yield {
          code: r.code,
          full_name: r.full_name,
          sex: r.sex ?? '',
          birth_date: r.birth_date ?? '',
          cadre: r.cadre,
          qualification: r.qualification,
          licence_number: r.licence_number ?? '',
          phone: r.phone ?? '',
          facility_code: f?.code ?? '',
          position: f ? (r.a_position ?? '') : '',
          start_date: f ? (r.a_start_date ?? '') : '',
        };
      }
      const last = batch[batch.length - 1]!;
      after = { v: last.code, id: last.id };
    }
  }
  return streamCsv(out, WORKER_COLUMNS, rows());
}
