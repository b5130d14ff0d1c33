import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../platform/db/database.ts';

/**
 * Checks the demo's bills against the insurance answer each visit carries (the answer the insurance
 * rules gave the resident's cards on the visit's date): most visits have one (a resident who never had
 * a card shows none), most are covered (a visit before the first period on file is refused as not yet
 * valid), each covered visit is billed by `insuredMethod` (VN benefit-percent, CN deductible-ratio) and
 * no other is.
 */
export async function expectBilledByTheirAnswer(db: Db, insuredMethod: string): Promise<void> {
  const billed = await sql<{
    visits: number;
    answered: number;
    valid: number;
    insured: number;
    misbilled: number;
  }>`
    select count(*)::int as visits, count(e.eligibility)::int as answered,
      count(*) filter (where (e.eligibility->>'valid')::boolean)::int as valid,
      count(*) filter (where b.method = ${insuredMethod})::int as insured,
      count(*) filter (where ((e.eligibility->>'valid')::boolean is true) <> (b.method <> 'uninsured'))::int as misbilled
    from encounter e join encounter_bill b on b.encounter_id = e.id`.execute(db);
  const b = billed.rows[0]!;
  expect(b.answered / b.visits).toBeGreaterThan(0.8);
  expect(b.valid / b.visits).toBeGreaterThan(0.55);
  expect(b.insured).toBe(b.valid);
  expect(b.misbilled).toBe(0);
}
