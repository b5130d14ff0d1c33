import type { AppContext } from '../../platform/app-context.ts';
import { todayOf } from '../../platform/clock.ts';
import { addDays } from '../../platform/dates.ts';
import { countUpTo } from '../../platform/db/count.ts';
import { invalidFields, notFound } from '../../platform/http/errors.ts';
import { type PageOf, pageRequest, toPage } from '../../platform/http/pagination.ts';
import { facilityNamesByIds } from '../facilities/index.ts';
import { findResidentRef } from '../residents/index.ts';
import { type CatalogRefs, catalogRefsFor } from './catalog.refs.ts';
import type { EncounterKind, EncounterStatus, ObservationFlag } from './encounters.enums.ts';
import { medicineBriefOf, observationOf, problemOf } from './encounters.mapping.ts';
import { problemRowsOf } from './encounters.queries.ts';
import type {
  EncounterListQuery,
  EncounterSummary,
  Flag,
  Problem,
  Timeline,
  TimelineQuery,
} from './encounters.schema.ts';
import { observationKinds } from './observation-kinds.ts';
import {
  currentPrescriptionRows,
  diagnosisCodeRows,
  flaggedObservationRows,
  lastObservationRows,
  lastPrescriptionRows,
  type SummaryFilter,
  type SummaryRow,
  seriesRows,
  summaryCountQuery,
  summaryRows,
} from './timeline.queries.ts';

/** Lists of visits and the resident's timeline (what the visit screen shows beside the form). */

const SYSTOLIC = '8480-6';
const DIASTOLIC = '8462-4';
const GLUCOSE = ['1558-6', '2339-0', '4548-4'];
const WEIGHT = '29463-7';

async function summariesOf(ctx: AppContext, rows: SummaryRow[]): Promise<Map<string, EncounterSummary>> {
  const facilities = await facilityNamesByIds(
    ctx.db,
    rows.map((r) => r.facility_id),
  );
  const codes = rows.map((r) => r.main_code).filter((c): c is string => c !== null);
  const refs = await catalogRefsFor(ctx.db, { codes, medicineIds: [], serviceIds: [] }, todayOf(ctx));
  return new Map(
    rows.map((r) => {
      const main = r.main_code ? refs.diagnoses.get(r.main_code) : undefined;
      const notifiable = main?.notifiable ? 1 : 0;
      const summary: EncounterSummary = {
        id: r.id,
        residentId: r.resident_id,
        facility: facilities.get(r.facility_id) ?? { id: r.facility_id, code: '', name: '' },
        workerId: r.worker_id,
        kind: r.kind as EncounterKind,
        status: r.status as EncounterStatus,
        date: r.visit_date,
        startedAt: new Date(r.started_at).toISOString(),
        endedAt: r.ended_at ? new Date(r.ended_at).toISOString() : null,
        reason: r.reason,
        mainDiagnosis: r.main_code
          ? { code: r.main_code, names: main?.names ?? { vi: r.main_code, zh: r.main_code, en: r.main_code } }
          : null,
        flagCount: Number(r.flag_count) + notifiable,
        residentPays: r.resident_pays === null ? null : Math.round(Number(r.resident_pays) * 100) / 100,
      };
      return [r.id, summary];
    }),
  );
}

/** Visits by resident, facility, dates, state or kind: newest first, cursor-paginated. */
export async function listEncounters(
  ctx: AppContext,
  query: EncounterListQuery,
): Promise<PageOf<EncounterSummary>> {
  if (query.from && query.to && query.to < query.from) {
    throw invalidFields([{ field: 'query.to', message: 'must not be before from' }]);
  }
  const page = pageRequest(query);
  if (page.cursor && (typeof page.cursor.v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(page.cursor.v))) {
    throw invalidFields([
      {
        field: 'query.cursor',
        message: 'The cursor is not valid: pass the nextCursor of the previous page unchanged',
      },
    ]);
  }
  const filter: SummaryFilter = {
    residentId: query.resident,
    facilityId: query.facility,
    from: query.from,
    to: query.to,
    status: query.status,
    kind: query.kind,
  };
  const rows = await summaryRows(ctx.db, filter, page.limit + 1, page.cursor);
  const total = await countUpTo(ctx.db, summaryCountQuery(filter));
  const summaries = await summariesOf(ctx, rows);
  return toPage(
    rows,
    page.limit,
    (r) => r.visit_date,
    (r) => summaries.get(r.id) as EncounterSummary,
    total,
  );
}

/** Problems of the resident, one per code (entries made at several places merged: active first, earliest onset). */
function mergeProblems(problems: Problem[]): Problem[] {
  const byCode = new Map<string, Problem>();
  for (const p of problems) {
    const seen = byCode.get(p.code);
    if (!seen) byCode.set(p.code, p);
    else {
      const keep = seen.status === 'active' || p.status !== 'active' ? seen : p;
      byCode.set(p.code, {
        ...keep,
        onset: seen.onset < p.onset ? seen.onset : p.onset,
        lastSeenOn: seen.lastSeenOn > p.lastSeenOn ? seen.lastSeenOn : p.lastSeenOn,
      });
    }
  }
  return [...byCode.values()];
}

/**
 * A resident's timeline: the latest visits, the blood pressure, glucose and weight series for the
 * charts, the latest value of each kind, the problem list, the medicines taken now, the last visit's
 * prescriptions ("same as last time") and the flags. A handful of indexed reads, however long the history.
 */
export async function residentTimeline(
  ctx: AppContext,
  residentId: string,
  query: TimelineQuery,
): Promise<Timeline> {
  const db = ctx.db;
  const resident = await findResidentRef(db, residentId);
  if (!resident) throw notFound('Resident', residentId);
  const today = todayOf(ctx);
  const from = query.from;
  const filter: SummaryFilter = { residentId, from };
  const visitRows = await summaryRows(db, filter, query.limit ?? 50);
  const visitCount = await countUpTo(db, summaryCountQuery(filter), 100_000);
  const series = await seriesRows(db, residentId, [SYSTOLIC, DIASTOLIC, ...GLUCOSE, WEIGHT], from);
  const lastObs = await lastObservationRows(db, residentId);
  const problemRows = await problemRowsOf(db, residentId);
  const current = await currentPrescriptionRows(db, residentId, today);
  const last = await lastPrescriptionRows(db, residentId);
  const flagged = await flaggedObservationRows(db, residentId, 100, from);
  const diagnosisCodes = await diagnosisCodeRows(db, residentId, from);
  const refs: CatalogRefs = await catalogRefsFor(
    db,
    {
      codes: [...new Set([...problemRows.map((p) => p.code), ...diagnosisCodes.map((d) => d.code)])],
      medicineIds: [
        ...new Set([...current.map((p) => p.medicine_id), ...last.rows.map((p) => p.medicine_id)]),
      ],
      serviceIds: [],
    },
    today,
  );
  const summaries = await summariesOf(ctx, visitRows);
  const kinds = observationKinds(ctx.profile.observationUnits);
  const keys = new Map(kinds.map((k) => [k.code, k.key]));
  const unitOf = (code: string) => kinds.find((k) => k.code === code)?.unit ?? '';

  // Blood pressure: one point per visit with its systolic and diastolic (the worse flag).
  const bp = new Map<string, Timeline['series']['bloodPressure'][number]>();
  for (const o of series) {
    if (o.code !== SYSTOLIC && o.code !== DIASTOLIC) continue;
    const point = bp.get(o.encounter_id) ?? {
      encounterId: o.encounter_id,
      date: o.visit_date,
      systolic: null,
      diastolic: null,
      flag: null,
    };
    if (o.code === SYSTOLIC) point.systolic = Number(o.value);
    else point.diastolic = Number(o.value);
    point.flag = point.flag ?? (o.flag as ObservationFlag | null);
    bp.set(o.encounter_id, point);
  }
  const valuePoint = (o: (typeof series)[number]) => ({
    encounterId: o.encounter_id,
    date: o.visit_date,
    code: o.code,
    value: Number(o.value),
    flag: o.flag as ObservationFlag | null,
  });

  // Medicines taken now: the latest prescription of each medicine whose course has not ended.
  const seen = new Set<string>();
  const currentMedicines = current
    .filter((p) => {
      if (seen.has(p.medicine_id)) return false;
      seen.add(p.medicine_id);
      return true;
    })
    .map((p) => ({
      prescriptionId: p.id,
      encounterId: p.encounter_id,
      prescribedOn: p.prescribed_on,
      endsOn: addDays(p.prescribed_on, p.duration_days - 1),
      medicine: medicineBriefOf(p.medicine_id, refs),
      dose: Number(p.dose),
      frequency: p.frequency,
      durationDays: p.duration_days,
      quantity: p.quantity,
      longTerm: p.long_term,
    }));

  const flags: Flag[] = [
    ...flagged.map((o) => ({
      kind: 'alarming-observation' as const,
      encounterId: o.encounter_id,
      date: o.visit_date,
      code: o.code,
      key: keys.get(o.code) ?? null,
      value: Number(o.value),
      unit: o.unit,
      flag: o.flag as ObservationFlag | null,
    })),
    ...diagnosisCodes
      .filter((d) => refs.diagnoses.get(d.code)?.notifiable)
      .map((d) => ({
        kind: 'notifiable-diagnosis' as const,
        encounterId: d.encounter_id,
        date: d.visit_date,
        code: d.code,
        key: null,
        value: null,
        unit: null,
        flag: null,
      })),
  ].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));

  return {
    residentId,
    visits: visitRows.map((r) => summaries.get(r.id) as EncounterSummary),
    visitCount: visitCount.count,
    series: {
      bloodPressure: [...bp.values()],
      glucose: series.filter((o) => GLUCOSE.includes(o.code)).map(valuePoint),
      weight: series.filter((o) => o.code === WEIGHT).map(valuePoint),
    },
    units: {
      bloodPressure: unitOf(SYSTOLIC),
      glucose: unitOf('1558-6'),
      hba1c: unitOf('4548-4'),
      weight: unitOf(WEIGHT),
    },
    lastObservations: lastObs.map((o) => observationOf(o, keys)),
    problems: mergeProblems(problemRows.map((p) => problemOf(p, refs))),
    currentMedicines,
    lastPrescriptions: {
      encounterId: last.encounterId,
      date: last.date,
      items: last.rows.map((p) => ({
        medicineId: p.medicine_id,
        medicine: medicineBriefOf(p.medicine_id, refs),
        dose: Number(p.dose),
        frequency: p.frequency,
        durationDays: p.duration_days,
        quantity: p.quantity,
        longTerm: p.long_term,
        instructions: p.instructions,
      })),
    },
    flags,
  };
}
