/**
 * The export's one streaming read: a facility's claims of a quarter with their lines in force and
 * the resident, household, card, worker, diagnosis, catalogue and prescription facts the Decision 130
 * tables need. An exception to "a module's tables are read only in its own queries" (noted in
 * docs/ARCHITECTURE.md, like programmes/figures.queries.ts): read-only, one statement per file
 * instead of a call per claim into five modules.
 *
 * One row per claim line (a claim without lines in force: one row, line columns null), ordered by
 * claim then line, so a claim's rows come together and are folded into one ExportClaim as they
 * stream. On PostgreSQL the rows come through a cursor (pg-query-stream) on one connection inside a
 * repeatable-read, read-only transaction (the count and the rows see one snapshot). On PGlite, whose
 * one connection the job's checkpoints also need, claims are read in keyset pages of ids, then their
 * rows, each page its own statement; the writer compares what it read with the count and the job
 * retries if a claim came or went meanwhile.
 */
import { type CompiledQuery, type Kysely, sql } from 'kysely';
import QueryStream from 'pg-query-stream';
import { type Db, serverPoolOf } from '../../../platform/db/database.ts';
import type { ExportClaim, ExportLine } from './source.ts';

/** The claim statuses a file carries: checked at the facility, or past it. Drafts and rejections stay home. */
export const EXPORTED_STATUSES = ['checked', 'submitted', 'accepted', 'partly-accepted', 'paid'] as const;

export interface ExportSelection {
  facilityId: string;
  quarter: string;
}

/** Claims read per page on PGlite; rows fetched per round trip from the PostgreSQL cursor. */
const PAGE = 200;
const CURSOR_BATCH = 500;

interface ExportRowDb {
  claim_id: string;
  encounter_id: string;
  facility_code: string;
  resident_id: string;
  resident_code: string | null;
  citizen_id: string | null;
  full_name: string;
  birth_date: string | null;
  birth_year: number | null;
  birth_date_precision: 'day' | 'year' | null;
  sex: string | null;
  ethnicity: string | null;
  occupation: string | null;
  phone: string | null;
  address: string | null;
  resident_area_path: string;
  card_number: string | null;
  card_valid_from: string | null;
  card_valid_to: string | null;
  registered_facility_code: string | null;
  copay_exempt_from: string | null;
  five_years_on: string | null;
  visit_kind: string;
  care_kind: string;
  referral_paper: string | null;
  reason: string | null;
  main_diagnosis: string | null;
  main_diagnosis_name: string | null;
  other_diagnoses: string[] | string;
  started_at: Date;
  ended_at: Date | null;
  benefit_percent: string;
  hospital_amount: string;
  insured_amount: string;
  insurance_pays: string;
  co_payment: string;
  patient_pays: string;
  worker_code: string | null;
  line_no: number | null;
  kind: 'medicine' | 'service' | null;
  code: string | null;
  insurance_code: string | null;
  name: string | null;
  unit: string | null;
  quantity: string | null;
  unit_price: string | null;
  coverage: string | null;
  line_hospital_amount: string | null;
  line_insured_amount: string | null;
  line_insurance_pays: string | null;
  line_co_payment: string | null;
  line_patient_pays: string | null;
  strength: string | null;
  route: string | null;
  dosage_form: string | null;
  dose: string | null;
  frequency: string | null;
  duration_days: number | null;
  instructions: string | null;
  service_kind: string | null;
}

const statuses = sql.join(EXPORTED_STATUSES.map((s) => sql.lit(s)));

/** The rows of the claims selected by `where` (a condition on `c`), claim then line order. */
function rowsQuery(where: ReturnType<typeof sql>) {
  return sql<ExportRowDb>`
    select c.id as claim_id, c.encounter_id, f.code as facility_code,
      r.id as resident_id, r.code as resident_code, r.citizen_id, r.full_name, r.birth_date, r.birth_year,
      r.birth_date_precision, r.sex, r.ethnicity, r.occupation, r.phone, h.address,
      r.area_path::text as resident_area_path,
      c.card_number, c.card_valid_from, c.card_valid_to, c.registered_facility_code,
      card.copay_exempt_from, card.five_years_on,
      c.visit_kind, c.care_kind, c.referral_paper, e.reason, c.main_diagnosis, d.name_vi as main_diagnosis_name,
      c.other_diagnoses, c.started_at, c.ended_at, c.benefit_percent::text as benefit_percent,
      c.hospital_amount::text as hospital_amount, c.insured_amount::text as insured_amount,
      c.insurance_pays::text as insurance_pays, c.co_payment::text as co_payment,
      c.patient_pays::text as patient_pays, coalesce(w.licence_number, w.code) as worker_code,
      l.line_no, l.kind, l.code, l.insurance_code, l.name, l.unit, l.quantity::text as quantity,
      l.unit_price::text as unit_price, l.coverage,
      l.hospital_amount::text as line_hospital_amount, l.insured_amount::text as line_insured_amount,
      l.insurance_pays::text as line_insurance_pays, l.co_payment::text as line_co_payment,
      l.patient_pays::text as line_patient_pays,
      m.strength, m.route, m.dosage_form, p.dose::text as dose, p.frequency, p.duration_days,
      p.instructions, si.kind as service_kind
    from claim c
    join facility f on f.id = c.facility_id
    join resident r on r.id = c.resident_id
    join encounter e on e.id = c.encounter_id
    left join household h on h.id = r.household_id
    left join health_worker w on w.id = e.worker_id
    left join diagnosis d on d.code = c.main_diagnosis
    left join lateral (
      select ic.copay_exempt_from, ic.five_years_on from insurance_card ic
      where ic.resident_id = c.resident_id and ic.card_number = c.card_number
      order by ic.valid_from desc limit 1
    ) card on true
    left join claim_line l on l.claim_id = c.id and l.bill_seq = c.bill_seq
    left join medicine m on l.kind = 'medicine' and m.id = l.item_id
    left join service_item si on l.kind = 'service' and si.id = l.item_id
    left join encounter_bill_line bl on bl.id = l.bill_line_id
    left join encounter_prescription p on l.kind = 'medicine' and p.id = bl.record_id
    where ${where}
    order by c.id, l.line_no`;
}

const selected = (s: ExportSelection) =>
  sql`c.facility_id = ${s.facilityId} and c.quarter = ${s.quarter} and c.status in (${statuses})`;

function countQuery(s: ExportSelection) {
  return sql<{ n: number }>`select count(*)::int as n from claim c where ${selected(s)}`;
}

/** Folds rows (claim then line order) into claims, one at a time. */
async function* foldClaims(rows: AsyncIterable<ExportRowDb>): AsyncGenerator<ExportClaim> {
  let current: ExportClaim | null = null;
  for await (const row of rows) {
    if (!current || current.claimId !== row.claim_id) {
      if (current) yield current;
      current = claimOf(row);
    }
    const line = lineOf(row);
    if (line) current.lines.push(line);
  }
  if (current) yield current;
}

/** A text[] arrives as an array from the driver, or as '{a,b}' text through a cursor without parsers. */
function textArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  const inner = v.replace(/^\{|\}$/g, '');
  return inner ? inner.split(',').map((x) => x.replace(/^"|"$/g, '')) : [];
}

function claimOf(r: ExportRowDb): ExportClaim {
  return {
    claimId: r.claim_id,
    encounterId: r.encounter_id,
    facilityCode: r.facility_code,
    residentId: r.resident_id,
    residentCode: r.resident_code,
    citizenId: r.citizen_id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    birthPrecision: r.birth_date_precision,
    sex: r.sex,
    ethnicity: r.ethnicity,
    occupation: r.occupation,
    phone: r.phone,
    address: r.address,
    areaPath: r.resident_area_path,
    cardNumber: r.card_number,
    cardValidFrom: r.card_valid_from,
    cardValidTo: r.card_valid_to,
    registeredFacilityCode: r.registered_facility_code,
    copayExemptFrom: r.copay_exempt_from,
    fiveYearsOn: r.five_years_on,
    visitKind: r.visit_kind,
    careKind: r.care_kind,
    referralPaper: r.referral_paper,
    reason: r.reason,
    mainDiagnosis: r.main_diagnosis,
    mainDiagnosisName: r.main_diagnosis_name,
    otherDiagnoses: textArray(r.other_diagnoses),
    startedAt: new Date(r.started_at),
    endedAt: r.ended_at ? new Date(r.ended_at) : null,
    benefitPercent: r.benefit_percent,
    hospitalAmount: r.hospital_amount,
    insuredAmount: r.insured_amount,
    insurancePays: r.insurance_pays,
    coPayment: r.co_payment,
    patientPays: r.patient_pays,
    workerCode: r.worker_code,
    lines: [],
  };
}

function lineOf(r: ExportRowDb): ExportLine | null {
  if (r.line_no === null || r.kind === null) return null;
  return {
    lineNo: r.line_no,
    kind: r.kind,
    code: r.code ?? '',
    insuranceCode: r.insurance_code,
    name: r.name ?? '',
    unit: r.unit ?? '',
    quantity: r.quantity ?? '0',
    unitPrice: r.unit_price ?? '0',
    coverage: r.coverage ?? '',
    hospitalAmount: r.line_hospital_amount ?? '0',
    insuredAmount: r.line_insured_amount ?? '0',
    insurancePays: r.line_insurance_pays ?? '0',
    coPayment: r.line_co_payment ?? '0',
    patientPays: r.line_patient_pays ?? '0',
    strength: r.strength,
    route: r.route,
    dosageForm: r.dosage_form,
    dose: r.dose,
    frequency: r.frequency,
    durationDays: r.duration_days,
    instructions: r.instructions,
    serviceKind: r.service_kind,
  };
}

/** What the export is handed: how many claims, then the claims one by one. */
export interface ClaimStream {
  count: number;
  claims: AsyncIterable<ExportClaim>;
}

/**
 * Reads the selected claims for `write`, which consumes the stream (and must, before it returns):
 * the snapshot and its connection are held only while it runs.
 */
export async function streamExportClaims<T>(
  db: Db,
  selection: ExportSelection,
  write: (stream: ClaimStream) => Promise<T>,
): Promise<T> {
  const pool = serverPoolOf(db);
  if (pool) {
    const client = await pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      const count = await client.query<{ n: number }>(compiledOf(db, countQuery(selection)));
      const compiled = rowsQuery(selected(selection)).compile(db);
      const stream = client.query(
        new QueryStream(compiled.sql, compiled.parameters as unknown[], { batchSize: CURSOR_BATCH }),
      );
      try {
        const answer = await write({
          count: count.rows[0]?.n ?? 0,
          claims: foldClaims(stream as AsyncIterable<ExportRowDb>),
        });
        await client.query('commit');
        return answer;
      } finally {
        stream.destroy();
      }
    } catch (err) {
      await client.query('rollback').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }
  const count = (await countQuery(selection).execute(db)).rows[0]?.n ?? 0;
  return write({ count, claims: foldClaims(pagedRows(db, selection)) });
}

function compiledOf(
  db: Db,
  q: { compile(db: Kysely<never>): CompiledQuery },
): {
  text: string;
  values: unknown[];
} {
  const c = q.compile(db as unknown as Kysely<never>);
  return { text: c.sql, values: c.parameters as unknown[] };
}

/** PGlite: claims in keyset pages of ids, then their rows. */
async function* pagedRows(db: Db, selection: ExportSelection): AsyncGenerator<ExportRowDb> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = (
      await sql<{ id: string }>`select c.id from claim c where ${selected(selection)} and c.id > ${after}
        order by c.id limit ${PAGE}`.execute(db)
    ).rows.map((r) => r.id);
    if (ids.length === 0) return;
    const rows = await rowsQuery(sql`c.id = any(${ids}::uuid[])`).execute(db);
    yield* rows.rows;
    after = ids[ids.length - 1]!;
  }
}
