import { type Insertable, sql } from 'kysely';
import type { AppContext } from '../../platform/app-context.ts';
import type { Db } from '../../platform/db/database.ts';
import { newId } from '../../platform/ids.ts';
import { diagnosesByCode, itemIdsByCode } from '../catalog/index.ts';
import { type FacilityCareLevel, type FacilityRef, lookupFacility } from '../facilities/index.ts';
import { eligibilityCardsOfResidents, eligibilityOnCards } from '../insurance/index.ts';
import { findResidentRefsByKeys } from '../residents/index.ts';
import { billRowsOf } from './bill.rows.ts';
import { billOf } from './bill.rules.ts';
import { pricedItemsOn } from './catalog.refs.ts';
import type { DiagnosisRole, DoseFrequency, EncounterKind } from './encounters.enums.ts';
import type {
  BillLineRow,
  BillRow,
  EncounterTable,
  NewDiagnosisRow,
  NewObservationRow,
  NewPrescriptionRow,
  NewServiceRow,
} from './encounters.table.ts';
import { observationKindsByCode } from './observation-kinds.ts';
import { readObservation } from './observations.rules.ts';
import { derivedIdOf, fingerprintOf } from './sync.rules.ts';

/**
 * Closed visits in bulk (the demos): named by codes (resident, facility, catalogue items), checked by
 * the same rules as the API (observation ranges and flags, ICD-10 in the catalogue, one price per
 * line on the visit's date, the bill split by bill.rules.ts), then saved as multi-row INSERTs. The
 * prescriptions count as dispensed: the caller hands the same dispensings to the stock demo
 * (CONTRACTS.md), so the shelf accounts for them. With `insuranceAnswers`, each visit carries the
 * answer the insurance rules give the resident's cards on the visit's date (as if the citizen id were
 * shown at the counter: insurance's `eligibilityOnCards`), stored with the visit and billed by it
 * (CN: the deductible counted through the year, visits in date order); without it, or for a resident
 * with no card on file, no card is shown and the bill is `uninsured`.
 */

export interface BulkVisit {
  id: string;
  residentCode: string;
  facilityCode: string;
  kind: EncounterKind;
  date: string;
  /** When the visit started, as an instant. */
  startedAt: Date;
  reason: string;
  observations: { code: string; value: number }[];
  diagnoses: { code: string; role: DiagnosisRole }[];
  prescriptions: {
    id: string;
    medicineCode: string;
    dose: number;
    frequency: DoseFrequency;
    durationDays: number;
    quantity: number;
  }[];
  services: { serviceCode: string }[];
}

const CHUNK = 1000;

async function insertChunks<R>(db: Db, table: string, rows: R[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // biome-ignore lint/suspicious/noExplicitAny: the table name is one of the module's, the rows its rows
    await db
      .insertInto(table as any)
      .values(rows.slice(i, i + CHUNK) as any)
      .execute();
  }
}

/** Loads closed visits; a visit naming an unknown resident, facility or item is a bug of the caller and throws. */
export async function loadVisits(
  ctx: AppContext,
  visits: readonly BulkVisit[],
  options: { insuranceAnswers?: boolean } = {},
): Promise<{ visits: number; records: number }> {
  const db = ctx.db;
  const residentCodes = [...new Set(visits.map((v) => v.residentCode))];
  const residents = new Map<string, { id: string; areaPath: string }>();
  for (let i = 0; i < residentCodes.length; i += 5000) {
    for (const r of await findResidentRefsByKeys(db, [], residentCodes.slice(i, i + 5000))) {
      if (r.code) residents.set(r.code, { id: r.id, areaPath: r.areaPath });
    }
  }
  const facilities = new Map<string, FacilityRef & FacilityCareLevel>();
  for (const code of new Set(visits.map((v) => v.facilityCode))) {
    const f = await lookupFacility(db, code, ctx.profile);
    if (!f) throw new Error(`demo visits: no facility ${code}`);
    facilities.set(code, f);
  }
  const items = await itemIdsByCode(db, {
    medicineCodes: visits.flatMap((v) => v.prescriptions.map((p) => p.medicineCode)),
    serviceCodes: visits.flatMap((v) => v.services.map((s) => s.serviceCode)),
  });
  const catalogue = await diagnosesByCode(db, [
    ...new Set(visits.flatMap((v) => v.diagnoses.map((d) => d.code))),
  ]);
  const residentIds = [...residents.values()].map((r) => r.id);
  const cardsOf = options.insuranceAnswers
    ? await eligibilityCardsOfResidents(db, residentIds)
    : new Map<string, never[]>();
  // CN: the deductible each resident already paid in a year at a tier, then what these visits take.
  const deductiblePaid =
    options.insuranceAnswers && ctx.profile.insurance.reimbursement
      ? await deductiblesPaid(db, residentIds)
      : new Map<string, number>();
  const kinds = observationKindsByCode(ctx.profile.observationUnits);
  const prices = new Map<string, Awaited<ReturnType<typeof pricedItemsOn>>>();
  const allIds = { medicineIds: [...items.medicines.values()], serviceIds: [...items.services.values()] };

  const encounters: Insertable<EncounterTable>[] = [];
  const observations: NewObservationRow[] = [];
  const diagnoses: NewDiagnosisRow[] = [];
  const prescriptions: NewPrescriptionRow[] = [];
  const services: NewServiceRow[] = [];
  const bills: BillRow[] = [];
  const lines: BillLineRow[] = [];
  const problems = new Map<
    string,
    {
      id: string;
      resident_id: string;
      code: string;
      onset: string;
      first_encounter_id: string;
      last_seen_on: string;
      area_path: string;
    }
  >();
  // In date order, so that a year's deductible is taken by its first visits.
  const inOrder = options.insuranceAnswers
    ? [...visits].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
    : visits;
  for (const v of inOrder) {
    const resident = residents.get(v.residentCode);
    if (!resident) throw new Error(`demo visits: no resident ${v.residentCode}`);
    const facility = facilities.get(v.facilityCode);
    if (!facility) throw new Error(`demo visits: no facility ${v.facilityCode}`);
    // Prices change on the first of a month in the catalogues: one lookup per month, not per day.
    const month = `${v.date.slice(0, 7)}-01`;
    if (!prices.has(month)) prices.set(month, await pricedItemsOn(db, allIds, v.date));
    const priced = prices.get(month) ?? new Map();
    const area = facility.areaPath;
    const endedAt = new Date(v.startedAt.getTime() + 12 * 60_000);
    const base = {
      encounter_id: v.id,
      resident_id: resident.id,
      area_path: area,
      amendment_id: null,
      retracted_by: null,
    };
    const cards = cardsOf.get(resident.id);
    const eligibility =
      cards && cards.length > 0
        ? eligibilityOnCards(ctx.profile, { cards, facility, visit: { date: v.date } })
        : null;
    encounters.push({
      id: v.id,
      resident_id: resident.id,
      facility_id: facility.id,
      worker_id: null,
      kind: v.kind,
      status: 'closed' as const,
      visit_date: v.date,
      started_at: v.startedAt,
      ended_at: endedAt,
      reason: v.reason,
      insurance_card: eligibility?.card?.cardNumber ?? null,
      eligibility: eligibility ? JSON.stringify(eligibility) : null,
      fingerprint: fingerprintOf({ demo: v.id }),
      area_path: area,
      created_by: null,
      closed_at: endedAt,
    });
    v.observations.forEach((o, i) => {
      const id = derivedIdOf(v.id, `observation-${i}`);
      const read = readObservation(
        kinds,
        { id, code: o.code, value: o.value },
        `visit ${v.id}`,
        v.startedAt.toISOString(),
      );
      if ('field' in read) throw new Error(`demo visits: ${read.field} ${read.message}`);
      observations.push({
        ...base,
        id,
        code: read.code,
        value: read.value,
        unit: read.unit,
        entered_value: read.enteredValue,
        entered_unit: read.enteredUnit,
        observed_at: v.startedAt,
        visit_date: v.date,
        flag: read.flag,
        derived: false,
        fingerprint: fingerprintOf(read),
      });
    });
    for (const [i, d] of v.diagnoses.entries()) {
      const entry = catalogue.get(d.code);
      if (!entry) throw new Error(`demo visits: ${d.code} is not in the catalogue`);
      let problemId: string | null = null;
      if (entry.chronic) {
        const key = `${resident.id}|${d.code}|${area}`;
        const p = problems.get(key) ?? {
          id: derivedIdOf(v.id, `problem-${d.code}`),
          resident_id: resident.id,
          code: d.code,
          onset: v.date,
          first_encounter_id: v.id,
          last_seen_on: v.date,
          area_path: area,
        };
        if (v.date > p.last_seen_on) p.last_seen_on = v.date;
        problems.set(key, p);
        problemId = p.id;
      }
      diagnoses.push({
        ...base,
        id: derivedIdOf(v.id, `diagnosis-${i}`),
        code: d.code,
        role: d.role,
        note: null,
        problem_id: problemId,
        visit_date: v.date,
        fingerprint: fingerprintOf(d),
      });
    }
    const billItems = [];
    for (const p of v.prescriptions) {
      const medicineId = items.medicines.get(p.medicineCode);
      if (!medicineId) throw new Error(`demo visits: no medicine ${p.medicineCode}`);
      prescriptions.push({
        ...base,
        id: p.id,
        medicine_id: medicineId,
        dose: p.dose,
        frequency: p.frequency,
        duration_days: p.durationDays,
        quantity: p.quantity,
        quantity_computed: true,
        long_term: false,
        instructions: null,
        dispensed: p.quantity,
        prescribed_on: v.date,
        fingerprint: fingerprintOf(p),
      });
      billItems.push({ kind: 'medicine' as const, recordId: p.id, itemId: medicineId, quantity: p.quantity });
    }
    for (const [i, s] of v.services.entries()) {
      const serviceId = items.services.get(s.serviceCode);
      if (!serviceId) throw new Error(`demo visits: no service ${s.serviceCode}`);
      const id = derivedIdOf(v.id, `service-${i}`);
      services.push({
        ...base,
        id,
        facility_id: facility.id,
        service_item_id: serviceId,
        quantity: 1,
        note: null,
        performed_on: v.date,
        fingerprint: fingerprintOf(s),
      });
      billItems.push({ kind: 'service' as const, recordId: id, itemId: serviceId, quantity: 1 });
    }
    const bill = billOf(ctx.profile, {
      date: v.date,
      facility: { tier: facility.tier, careLevel: facility.careLevel },
      eligibility,
      deductiblePaid: deductiblePaid.get(`${resident.id}|${facility.tier}|${v.date.slice(0, 4)}`) ?? 0,
      items: billItems.map((b) => {
        const p = priced.get(b.itemId);
        return {
          ...b,
          code: p?.code ?? '',
          insuranceCode: p?.insuranceCode ?? null,
          name: p?.name ?? '',
          unit: p?.unit ?? '',
          unitPrice: p?.unitPrice ?? null,
          insured: p?.insured ?? false,
          insuredFromCareLevel: p?.insuredFromCareLevel ?? null,
          lowestCareLevel: p?.lowestCareLevel ?? null,
        };
      }),
    });
    if (bill.deductibleApplied) {
      const key = `${resident.id}|${facility.tier}|${v.date.slice(0, 4)}`;
      deductiblePaid.set(key, (deductiblePaid.get(key) ?? 0) + bill.deductibleApplied);
    }
    const stored = billRowsOf(bill, {
      id: derivedIdOf(v.id, 'bill'),
      encounterId: v.id,
      residentId: resident.id,
      seq: 0,
      amendmentId: null,
      visitDate: v.date,
      tier: facility.tier,
      pricedAt: endedAt,
      areaPath: area,
    });
    bills.push(stored.bill);
    lines.push(...stored.lines);
  }
  await db.transaction().execute(async (trx) => {
    await insertChunks(trx, 'encounter', encounters);
    await insertChunks(trx, 'encounter_observation', observations);
    // A problem already on the list (an earlier load, a visit through the API) is seen again, not duplicated.
    const stored = new Map<string, string>();
    const list = [...problems.values()];
    for (let i = 0; i < list.length; i += CHUNK) {
      const rows = await trx
        .insertInto('problem')
        .values(list.slice(i, i + CHUNK))
        .onConflict((oc) =>
          oc.columns(['resident_id', 'code', 'area_path']).doUpdateSet({
            last_seen_on: sql`greatest(problem.last_seen_on, excluded.last_seen_on)`,
            onset: sql`least(problem.onset, excluded.onset)`,
          }),
        )
        .returning(['id', 'resident_id', 'code', 'area_path'])
        .execute();
      for (const r of rows) stored.set(`${r.resident_id}|${r.code}|${r.area_path}`, r.id);
    }
    const planned = new Map(list.map((p) => [p.id, `${p.resident_id}|${p.code}|${p.area_path}`]));
    for (const d of diagnoses) {
      if (d.problem_id) d.problem_id = stored.get(planned.get(d.problem_id) ?? '') ?? d.problem_id;
    }
    await insertChunks(trx, 'encounter_diagnosis', diagnoses);
    await insertChunks(trx, 'encounter_prescription', prescriptions);
    await insertChunks(trx, 'encounter_service', services);
    await insertChunks(trx, 'encounter_bill', bills);
    await insertChunks(trx, 'encounter_bill_line', lines);
  });
  return {
    visits: encounters.length,
    records: observations.length + diagnoses.length + prescriptions.length + services.length,
  };
}

/**
 * The deductible each of these residents already paid, by tier and year (CN): the latest bill of each
 * visit, summed; keyed `resident|tier|year`. One read per 5,000 residents.
 */
async function deductiblesPaid(db: Db, residentIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < residentIds.length; i += 5000) {
    const rows = await sql<{ resident_id: string; tier: string; year: string; paid: string | number }>`
      select b.resident_id, b.tier, to_char(b.visit_date, 'YYYY') as year,
        sum(b.deductible_applied) as paid
      from encounter_bill b
      where b.resident_id = any(${sql.val(residentIds.slice(i, i + 5000))}::uuid[]) and b.deductible_applied > 0
        and b.seq = (select max(b2.seq) from encounter_bill b2 where b2.encounter_id = b.encounter_id)
      group by 1, 2, 3`.execute(db);
    for (const r of rows.rows) out.set(`${r.resident_id}|${r.tier}|${r.year}`, Number(r.paid));
  }
  return out;
}
