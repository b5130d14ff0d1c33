/**
 * The settlement lines of a facility's quarter, read a page of claims at a time (keyset on the claim
 * id, both engines): each claim's lines in force (claim_line.bill_seq = claim.bill_seq), numbers as
 * text so no amount passes through a float.
 */
import { sql } from 'kysely';
import type { Db } from '../../../platform/db/database.ts';

/** The statuses a settlement file carries: checked at the facility, or past it. */
export const SETTLED_STATUSES = ['checked', 'submitted', 'accepted', 'partly-accepted', 'paid'] as const;
const PAGE = 200;

export interface SettlementLineDb {
  claim_id: string;
  quarter: string;
  visit_date: string;
  scheme: string | null;
  card_number: string | null;
  main_diagnosis: string | null;
  benefit_percent: string;
  currency: string;
  line_no: number;
  kind: string;
  code: string;
  insurance_code: string | null;
  name: string;
  unit: string;
  quantity: string;
  unit_price: string;
  hospital_amount: string;
  insured_amount: string;
  insurance_pays: string;
  co_payment: string;
  patient_pays: string;
}

function linesOf(db: Db, facilityId: string, quarter: string, claimIds?: string[]) {
  let q = db
    .selectFrom('claim as c')
    .innerJoin('claim_line as l', (j) =>
      j.onRef('l.claim_id', '=', 'c.id').onRef('l.bill_seq', '=', 'c.bill_seq'),
    )
    .select([
      'c.id as claim_id',
      'c.quarter',
      sql<string>`c.visit_date::text`.as('visit_date'),
      'c.scheme',
      'c.card_number',
      'c.main_diagnosis',
      sql<string>`c.benefit_percent::text`.as('benefit_percent'),
      'c.currency',
      'l.line_no',
      'l.kind',
      'l.code',
      'l.insurance_code',
      'l.name',
      'l.unit',
      sql<string>`l.quantity::text`.as('quantity'),
      sql<string>`l.unit_price::text`.as('unit_price'),
      sql<string>`l.hospital_amount::text`.as('hospital_amount'),
      sql<string>`l.insured_amount::text`.as('insured_amount'),
      sql<string>`l.insurance_pays::text`.as('insurance_pays'),
      sql<string>`l.co_payment::text`.as('co_payment'),
      sql<string>`l.patient_pays::text`.as('patient_pays'),
    ])
    .where('c.facility_id', '=', facilityId)
    .where('c.quarter', '=', quarter)
    .where('c.status', 'in', [...SETTLED_STATUSES]);
  if (claimIds) q = q.where('c.id', 'in', claimIds);
  return q.orderBy('c.id').orderBy('l.line_no');
}

/** The lines of a facility's quarter, claim after claim. */
export async function* settlementLines(
  db: Db,
  facilityId: string,
  quarter: string,
): AsyncGenerator<SettlementLineDb> {
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const ids = await db
      .selectFrom('claim')
      .select('id')
      .where('facility_id', '=', facilityId)
      .where('quarter', '=', quarter)
      .where('status', 'in', [...SETTLED_STATUSES])
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute();
    if (ids.length === 0) return;
    const rows = (await linesOf(
      db,
      facilityId,
      quarter,
      ids.map((r) => r.id),
    ).execute()) as SettlementLineDb[];
    yield* rows;
    after = ids[ids.length - 1]?.id ?? after;
    if (ids.length < PAGE) return;
  }
}

/** The lines of some claims (the import's comparison), whatever their quarter. */
export function settlementLinesOfClaims(db: Db, claimIds: string[]) {
  if (claimIds.length === 0) return Promise.resolve([] as SettlementLineDb[]);
  return db
    .selectFrom('claim as c')
    .innerJoin('claim_line as l', (j) =>
      j.onRef('l.claim_id', '=', 'c.id').onRef('l.bill_seq', '=', 'c.bill_seq'),
    )
    .select([
      'c.id as claim_id',
      'c.quarter',
      sql<string>`c.visit_date::text`.as('visit_date'),
      'c.scheme',
      'c.card_number',
      'c.main_diagnosis',
      sql<string>`c.benefit_percent::text`.as('benefit_percent'),
      'c.currency',
      'l.line_no',
      'l.kind',
      'l.code',
      'l.insurance_code',
      'l.name',
      'l.unit',
      sql<string>`l.quantity::text`.as('quantity'),
      sql<string>`l.unit_price::text`.as('unit_price'),
      sql<string>`l.hospital_amount::text`.as('hospital_amount'),
      sql<string>`l.insured_amount::text`.as('insured_amount'),
      sql<string>`l.insurance_pays::text`.as('insurance_pays'),
      sql<string>`l.co_payment::text`.as('co_payment'),
      sql<string>`l.patient_pays::text`.as('patient_pays'),
    ])
    .where('c.id', 'in', claimIds)
    .orderBy('c.id')
    .orderBy('l.line_no')
    .execute() as Promise<SettlementLineDb[]>;
}
