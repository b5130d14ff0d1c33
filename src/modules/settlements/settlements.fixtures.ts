import { sql } from 'kysely';
import type { TestEngine } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import type { Db } from '../../platform/db/database.ts';
import type { ClaimStatus } from '../claims/index.ts';
import { JobWorker } from '../jobs/index.ts';

/**
 * Small fixtures of the settlement tests: claims written straight into the claims table (the visits,
 * residents and bills they point at are not made: the foreign keys are not checked while the fixture
 * is inserted, as the owner, in a transaction of its own), and a job run to its end.
 */

export interface ClaimFixture {
  id?: string;
  quarter: string;
  status: ClaimStatus;
  pays: number;
  accepted?: number | null;
  rejected?: number | null;
}

let serial = 0;
const uuid = () => {
  serial++;
  const hex = serial.toString(16).padStart(12, '0');
  return `01900000-0000-7000-8000-${hex}`;
};

export function insertClaims(
  t: TestEngine,
  facility: { id: string; areaPath: string },
  claims: readonly ClaimFixture[],
): Promise<string[]> {
  return insertClaimsInto(t.ctx.db, t.ctx.profile.currency, facility, claims);
}

/** The same, into any database (the kill test's, outside a test engine). */
export async function insertClaimsInto(
  db: Db,
  currency: string,
  facility: { id: string; areaPath: string },
  claims: readonly ClaimFixture[],
): Promise<string[]> {
  const ids = claims.map((c) => c.id ?? uuid());
  await db.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await trx
      .insertInto('claim')
      .values(
        claims.map((c, i) => {
          const month = (Number(c.quarter.slice(-1)) - 1) * 3 + 1;
          const visitDate = `${c.quarter.slice(0, 4)}-${String(month).padStart(2, '0')}-15`;
          return {
            id: ids[i]!,
            encounter_id: uuid(),
            resident_id: uuid(),
            facility_id: facility.id,
            area_path: facility.areaPath,
            bill_id: uuid(),
            bill_seq: 0,
            visit_date: visitDate,
            started_at: new Date(`${visitDate}T02:00:00Z`),
            ended_at: new Date(`${visitDate}T02:30:00Z`),
            quarter: c.quarter,
            card_number: 'DN4565432109876',
            benefit_percent: 80,
            visit_kind: '1.1',
            care_kind: '01',
            other_diagnoses: [],
            currency,
            hospital_amount: c.pays,
            insured_amount: c.pays,
            insurance_pays: c.pays,
            co_payment: 0,
            patient_pays: 0,
            status: c.status,
            accepted_amount: c.accepted ?? null,
            rejected_amount: c.rejected ?? null,
          };
        }),
      )
      .execute();
  });
  return ids;
}

/** A claim reviewed again (a rebuild after an amendment, then the agency's review), as claims-core would leave it. */
export async function reviewClaim(t: TestEngine, id: string, status: ClaimStatus, accepted: number | null) {
  await t.ctx.db
    .updateTable('claim')
    .set({ status, accepted_amount: accepted, settlement_id: null, paid_at: null })
    .where('id', '=', id)
    .execute();
}

/** A station registered under a commune: its id and area path. */
export async function station(t: TestEngine, code: string, areaCode: string) {
  const f = await postExpect(t, '/api/facilities', {
    code,
    name: `Station ${code}`,
    kind: t.ctx.profile.communeStationKinds[0],
    areaCode,
  });
  const row = await t.ctx.db
    .selectFrom('facility')
    .select(['id', 'area_path'])
    .where('id', '=', f.id)
    .executeTakeFirstOrThrow();
  return { id: row.id, code, areaPath: row.area_path };
}

/** Starts a run through the API and runs its job to the end: the job's final row. */
export async function runThroughApi(t: TestEngine, body: Record<string, unknown>) {
  const answer = await postExpect(t, '/api/settlements/runs', body);
  const worker = new JobWorker(t.ctx);
  const row = await worker.runToEnd(answer.jobId, 10);
  await worker.stop();
  return row;
}
