import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type {
  AmendmentRow,
  BillLineRow,
  BillRow,
  DiagnosisRow,
  EncounterRow,
  NewDiagnosisRow,
  NewObservationRow,
  NewPrescriptionRow,
  NewServiceRow,
  ObservationRow,
  PrescriptionRow,
  ProblemRow,
  ServiceRow,
} from './encounters.table.ts';

/** The care tables' SQL, db first. Every query runs under the caller's scope (row-level security). */

export function findEncounterRow(db: Db, id: string): Promise<EncounterRow | undefined> {
  return db.selectFrom('encounter').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The encounter locked for the rest of the transaction: two closings or amendments queue. */
export function lockEncounterRow(db: Db, id: string): Promise<EncounterRow | undefined> {
  return db.selectFrom('encounter').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Inserts the visit and answers the row as stored (its defaults filled in), in one statement. */
export function insertEncounterRow(
  db: Db,
  row: Omit<EncounterRow, 'status' | 'created_at' | 'eligibility'> & { eligibility: string | null },
): Promise<EncounterRow> {
  return db.insertInto('encounter').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateEncounterRow(
  db: Db,
  id: string,
  change: Partial<Pick<EncounterRow, 'status' | 'ended_at' | 'closed_at'>>,
): Promise<void> {
  await db.updateTable('encounter').set(change).where('id', '=', id).execute();
}

/** The records of a visit, every kind, retracted ones included (the view sorts them out). */
export async function encounterRecordRows(db: Db, encounterId: string) {
  const [observations, diagnoses, prescriptions, services, amendments, bills] = [
    await db
      .selectFrom('encounter_observation')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('observed_at')
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('encounter_diagnosis')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('encounter_prescription')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('encounter_service')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('encounter_amendment')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('amended_at')
      .orderBy('id')
      .execute(),
    await db
      .selectFrom('encounter_bill')
      .selectAll()
      .where('encounter_id', '=', encounterId)
      .orderBy('seq')
      .execute(),
  ];
  const lines =
    bills.length === 0
      ? []
      : await db
          .selectFrom('encounter_bill_line')
          .selectAll()
          .where(
            'bill_id',
            'in',
            bills.map((b) => b.id),
          )
          .orderBy('bill_id')
          .orderBy('line_no')
          .execute();
  return { observations, diagnoses, prescriptions, services, amendments, bills, lines };
}
export type EncounterRecordRows = Awaited<ReturnType<typeof encounterRecordRows>>;

/** What a record saved under an id is, as far as a repeat or a conflict is told apart. */
export interface SavedRecordRef {
  id: string;
  encounter_id: string;
  fingerprint: string;
}

/**
 * Child records with these ids, whatever their visit (a reused id is a conflict), each kind's id,
 * visit and fingerprint: one statement for the four kinds.
 */
export async function childRowsByIds(
  db: Db,
  ids: { observations: string[]; diagnoses: string[]; prescriptions: string[]; services: string[] },
): Promise<Record<ChildKind, SavedRecordRef[]>> {
  const out: Record<ChildKind, SavedRecordRef[]> = {
    observations: [],
    diagnoses: [],
    prescriptions: [],
    services: [],
  };
  const parts = (Object.keys(CHILD_TABLES) as ChildKind[])
    .filter((kind) => ids[kind].length > 0)
    .map(
      (kind) =>
        sql`select ${kind}::text as kind, id, encounter_id, fingerprint from ${sql.table(CHILD_TABLES[kind])}
          where id = any(${ids[kind]}::uuid[])`,
    );
  if (parts.length === 0) return out;
  const found = await sql<SavedRecordRef & { kind: ChildKind }>`${sql.join(parts, sql` union all `)}`.execute(
    db,
  );
  for (const { kind, ...ref } of found.rows) out[kind].push(ref);
  return out;
}

/** The rows as stored (defaults filled in), in the order encounterRecordRows reads them. */
const byId = <R extends { id: string }>(a: R, b: R) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export async function insertObservationRows(db: Db, rows: NewObservationRow[]): Promise<ObservationRow[]> {
  if (rows.length === 0) return [];
  const saved = await db.insertInto('encounter_observation').values(rows).returningAll().execute();
  return saved.sort((a, b) => a.observed_at.getTime() - b.observed_at.getTime() || byId(a, b));
}
export async function insertDiagnosisRows(db: Db, rows: NewDiagnosisRow[]): Promise<DiagnosisRow[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('encounter_diagnosis').values(rows).returningAll().execute()).sort(byId);
}
export async function insertPrescriptionRows(db: Db, rows: NewPrescriptionRow[]): Promise<PrescriptionRow[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('encounter_prescription').values(rows).returningAll().execute()).sort(byId);
}
export async function insertServiceRows(db: Db, rows: NewServiceRow[]): Promise<ServiceRow[]> {
  if (rows.length === 0) return [];
  return (await db.insertInto('encounter_service').values(rows).returningAll().execute()).sort(byId);
}

const CHILD_TABLES = {
  observations: 'encounter_observation',
  diagnoses: 'encounter_diagnosis',
  prescriptions: 'encounter_prescription',
  services: 'encounter_service',
} as const;
export type ChildKind = keyof typeof CHILD_TABLES;

/** Marks records of a visit as taken back by an amendment; answers the ids it marked. */
export async function retractRows(
  db: Db,
  kind: ChildKind,
  encounterId: string,
  ids: string[],
  amendmentId: string,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .updateTable(CHILD_TABLES[kind])
    .set({ retracted_by: amendmentId })
    .where('encounter_id', '=', encounterId)
    .where('id', 'in', ids)
    .where('retracted_by', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The dispensed quantity of prescription lines, after dispensing or a return: one statement. */
export async function setDispensed(db: Db, quantities: Map<string, number>): Promise<void> {
  if (quantities.size === 0) return;
  const values = sql.join([...quantities].map(([id, n]) => sql`(${id}::uuid, ${n}::int)`));
  await sql`
    update encounter_prescription p set dispensed = v.n
    from (values ${values}) as v(id, n)
    where p.id = v.id`.execute(db);
}

export async function insertAmendmentRow(db: Db, row: AmendmentRow): Promise<void> {
  await db
    .insertInto('encounter_amendment')
    .values({ ...row, added: JSON.stringify(row.added), retracted: JSON.stringify(row.retracted) })
    .execute();
}

export function findAmendmentRow(db: Db, id: string): Promise<AmendmentRow | undefined> {
  return db.selectFrom('encounter_amendment').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateAmendmentRecords(
  db: Db,
  id: string,
  added: Record<string, string[]>,
  retracted: Record<string, string[]>,
): Promise<void> {
  await db
    .updateTable('encounter_amendment')
    .set({ added: JSON.stringify(added), retracted: JSON.stringify(retracted) })
    .where('id', '=', id)
    .execute();
}

/**
 * Puts a chronic diagnosis on the resident's problem list (one entry per resident, code and place):
 * a new entry, or the existing one seen again (reactivated if it had resolved). Answers the ids by code.
 */
export async function upsertProblems(
  db: Db,
  rows: {
    id: string;
    resident_id: string;
    code: string;
    onset: string;
    first_encounter_id: string;
    last_seen_on: string;
    area_path: string;
  }[],
): Promise<Map<string, string>> {
  if (rows.length === 0) return new Map();
  const out = await db
    .insertInto('problem')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['resident_id', 'code', 'area_path']).doUpdateSet({
        last_seen_on: sql`greatest(problem.last_seen_on, excluded.last_seen_on)`,
        onset: sql`least(problem.onset, excluded.onset)`,
        status: 'active',
        resolved_on: null,
        updated_at: sql`now()`,
      }),
    )
    .returning(['id', 'code'])
    .execute();
  return new Map(out.map((r) => [r.code, r.id]));
}

export function problemRowsOf(db: Db, residentId: string): Promise<ProblemRow[]> {
  return db
    .selectFrom('problem')
    .selectAll()
    .where('resident_id', '=', residentId)
    .orderBy('onset')
    .orderBy('id')
    .execute();
}

export function findProblemRow(db: Db, id: string): Promise<ProblemRow | undefined> {
  return db.selectFrom('problem').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateProblemRow(
  db: Db,
  id: string,
  change: Pick<ProblemRow, 'status' | 'resolved_on'> & { note?: string | null },
): Promise<void> {
  await db
    .updateTable('problem')
    .set({ ...change, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

/** Whether the resident has an active chronic problem (a long-term prescription needs one). */
export async function hasActiveProblem(db: Db, residentId: string): Promise<boolean> {
  const row = await db
    .selectFrom('problem')
    .select('id')
    .where('resident_id', '=', residentId)
    .where('status', '=', 'active')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The bill and its lines, in one statement (the bill's insert a data-modifying CTE). */
export async function insertBill(db: Db, bill: BillRow, lines: BillLineRow[]): Promise<void> {
  if (lines.length === 0) {
    await db.insertInto('encounter_bill').values(bill).execute();
    return;
  }
  await db
    .with('bill', (q) => q.insertInto('encounter_bill').values(bill))
    .insertInto('encounter_bill_line')
    .values(lines)
    .execute();
}

/**
 * The deductible the resident already paid in a year at a tier (CN): the latest bill of each other
 * visit of the year, summed.
 */
export async function deductiblePaidIn(
  db: Db,
  residentId: string,
  tier: string,
  year: string,
  exceptEncounterId: string,
): Promise<number> {
  const row = await sql<{ paid: string | number | null }>`
    select coalesce(sum(b.deductible_applied), 0) as paid
    from encounter_bill b
    where b.resident_id = ${residentId} and b.tier = ${tier}
      and b.visit_date between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date
      and b.encounter_id <> ${exceptEncounterId}
      and b.seq = (select max(b2.seq) from encounter_bill b2 where b2.encounter_id = b.encounter_id)`.execute(
    db,
  );
  return Number(row.rows[0]?.paid ?? 0);
}
