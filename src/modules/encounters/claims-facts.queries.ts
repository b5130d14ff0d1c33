import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { BillLineRow, BillRow } from './encounters.table.ts';

/**
 * What the claims module reads of closed visits to build their claims (issue 23), read-only and in
 * bulk (a backfill reads a facility's quarter in pages): the visit, its bill in force (the highest
 * seq: the pricing, never done twice) with its lines, and its diagnoses in force. Visits still open,
 * and visits without a bill, are not answered.
 */

export interface ClaimVisitFacts {
  visit: {
    id: string;
    residentId: string;
    facilityId: string;
    areaPath: string;
    kind: string;
    visitDate: string;
    startedAt: Date;
    endedAt: Date | null;
    insuranceCard: string | null;
    /** The eligibility answer stored at opening (insurance's EligibilityAnswer), as given. */
    eligibility: unknown;
  };
  bill: BillRow;
  lines: BillLineRow[];
  /** Diagnoses in force, the main first. */
  diagnoses: { code: string; role: 'main' | 'secondary' }[];
}

const ids = (column: string, values: readonly string[]) =>
  sql<boolean>`${sql.ref(column)} = any(${[...values]}::uuid[])`;

/** The closed visits among these ids with their bill in force, lines and diagnoses. */
export async function claimFactsOf(db: Db, encounterIds: readonly string[]): Promise<ClaimVisitFacts[]> {
  const unique = [...new Set(encounterIds)];
  if (unique.length === 0) return [];
  const visits = await db
    .selectFrom('encounter')
    .select([
      'id',
      'resident_id',
      'facility_id',
      'area_path',
      'kind',
      'visit_date',
      'started_at',
      'ended_at',
      'insurance_card',
      'eligibility',
    ])
    .where(ids('id', unique))
    .where('status', '!=', 'open')
    .execute();
  if (visits.length === 0) return [];
  const bills = await db
    .selectFrom('encounter_bill')
    .selectAll()
    .where(
      ids(
        'encounter_id',
        visits.map((v) => v.id),
      ),
    )
    .orderBy('encounter_id')
    .orderBy('seq', 'desc')
    .execute();
  const billOf = new Map<string, BillRow>();
  for (const b of bills) if (!billOf.has(b.encounter_id)) billOf.set(b.encounter_id, b);
  const inForce = [...billOf.values()];
  const lines =
    inForce.length === 0
      ? []
      : await db
          .selectFrom('encounter_bill_line')
          .selectAll()
          .where(
            ids(
              'bill_id',
              inForce.map((b) => b.id),
            ),
          )
          .orderBy('bill_id')
          .orderBy('line_no')
          .execute();
  const linesOf = new Map<string, BillLineRow[]>();
  for (const l of lines) {
    const list = linesOf.get(l.bill_id) ?? [];
    list.push(l);
    linesOf.set(l.bill_id, list);
  }
  const diagnoses = await db
    .selectFrom('encounter_diagnosis')
    .select(['encounter_id', 'code', 'role'])
    .where(
      ids(
        'encounter_id',
        visits.map((v) => v.id),
      ),
    )
    .where('retracted_by', 'is', null)
    .orderBy('encounter_id')
    .orderBy('role')
    .orderBy('visit_date')
    .orderBy('id')
    .execute();
  const diagnosesOf = new Map<string, ClaimVisitFacts['diagnoses']>();
  for (const d of diagnoses) {
    const list = diagnosesOf.get(d.encounter_id) ?? [];
    list.push({ code: d.code, role: d.role });
    diagnosesOf.set(d.encounter_id, list);
  }
  return visits.flatMap((v) => {
    const bill = billOf.get(v.id);
    if (!bill) return [];
    return [
      {
        visit: {
          id: v.id,
          residentId: v.resident_id,
          facilityId: v.facility_id,
          areaPath: v.area_path,
          kind: v.kind,
          visitDate: v.visit_date,
          startedAt: v.started_at,
          endedAt: v.ended_at,
          insuranceCard: v.insurance_card,
          eligibility: v.eligibility,
        },
        bill,
        lines: linesOf.get(bill.id) ?? [],
        diagnoses: diagnosesOf.get(v.id) ?? [],
      },
    ];
  });
}

/**
 * One page of the insured closed visits of a facility or an area (by path) whose end lies in
 * [from, to] (visit dates), by id after `afterId`: the visit and its bill in force's seq. A backfill
 * walks them page by page (the last id is its checkpoint).
 */
export async function insuredVisitsBilledIn(
  db: Db,
  q: {
    facilityId?: string | null;
    areaPath?: string | null;
    from?: string | null;
    to?: string | null;
    afterId: string | null;
    limit: number;
  },
): Promise<{ encounterId: string; billSeq: number }[]> {
  let query = db
    .selectFrom('encounter as e')
    .innerJoin('encounter_bill as b', 'b.encounter_id', 'e.id')
    .select(['e.id as encounterId', sql<number>`max(b.seq)`.as('billSeq')])
    .where('e.status', '!=', 'open')
    .where('b.method', '!=', 'uninsured')
    .groupBy('e.id')
    .orderBy('e.id')
    .limit(q.limit);
  if (q.facilityId) query = query.where('e.facility_id', '=', q.facilityId);
  if (q.areaPath) query = query.where(sql<boolean>`e.area_path <@ ${q.areaPath}::ltree`);
  if (q.from) query = query.where('e.visit_date', '>=', q.from);
  if (q.to) query = query.where('e.visit_date', '<=', q.to);
  if (q.afterId) query = query.where('e.id', '>', q.afterId);
  return query.execute();
}
