/** The import's reads and writes: claim_file rows of direction 'import' and their records (claim_file_record). */
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ClaimFileRecordRow, NewClaimFileRecordRow } from './import.table.ts';

/** Stores a batch of records in one statement (each HOSO whole or not at all); a record stored before is kept. */
export async function insertRecordRows(db: Db, rows: NewClaimFileRecordRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('claim_file_record')
    .values(rows)
    .onConflict((oc) => oc.columns(['claim_file_id', 'position']).doNothing())
    .execute();
}

/** The accepted records of a file among some MA_LK values: position, MA_LK, STT and tables. */
export function acceptedRecordsByMaLk(db: Db, fileId: string, maLks: string[]) {
  return db
    .selectFrom('claim_file_record')
    .select(['position', 'ma_lk', 'stt', 'tables'])
    .where('claim_file_id', '=', fileId)
    .where('outcome', '=', 'accepted')
    .where('ma_lk', 'in', maLks)
    .execute();
}

export async function setComparison(
  db: Db,
  fileId: string,
  position: number,
  c: { claimId: string; comparison: 'same' | 'differs'; differences: unknown[] },
): Promise<void> {
  await db
    .updateTable('claim_file_record')
    .set({ claim_id: c.claimId, comparison: c.comparison, differences: JSON.stringify(c.differences) })
    .where('claim_file_id', '=', fileId)
    .where('position', '=', position)
    .execute();
}

/** Accepted records no stored claim matched. */
export async function markUnmatched(db: Db, fileId: string): Promise<void> {
  await db
    .updateTable('claim_file_record')
    .set({ comparison: 'no-claim' })
    .where('claim_file_id', '=', fileId)
    .where('outcome', '=', 'accepted')
    .where('comparison', 'is', null)
    .execute();
}

/** A file's counts: records by outcome and comparison, and its visits' first and last discharge day. */
export async function recordCounts(db: Db, fileId: string) {
  const r = await db
    .selectFrom('claim_file_record')
    .select([
      sql<number>`count(*)::int`.as('records'),
      sql<number>`(count(*) filter (where outcome = 'accepted'))::int`.as('accepted'),
      sql<number>`(count(*) filter (where outcome = 'refused'))::int`.as('refused'),
      sql<number>`(count(*) filter (where comparison = 'same'))::int`.as('same'),
      sql<number>`(count(*) filter (where comparison = 'differs'))::int`.as('differs'),
      sql<number>`(count(*) filter (where comparison = 'no-claim'))::int`.as('noClaim'),
    ])
    .where('claim_file_id', '=', fileId)
    .executeTakeFirstOrThrow();
  return r;
}

/** The stored position the job resumes after (0 when none). */
export async function lastStoredPosition(db: Db, fileId: string): Promise<number> {
  const r = await db
    .selectFrom('claim_file_record')
    .select(sql<number>`coalesce(max(position), 0)::int`.as('last'))
    .where('claim_file_id', '=', fileId)
    .executeTakeFirstOrThrow();
  return r.last;
}

/** The import's own writes on its claim_file row (the job, as the owner). */
export async function finishImportRow(
  db: Db,
  id: string,
  patch: {
    status: 'running' | 'done' | 'failed';
    claims_count?: number | null;
    period_from?: string;
    period_to?: string;
    error?: string | null;
  },
): Promise<void> {
  await db.updateTable('claim_file').set(patch).where('id', '=', id).execute();
}

export interface RecordPage {
  fileId: string;
  outcome?: 'accepted' | 'refused' | undefined;
  afterPosition: number;
  limit: number;
}

/** A page of a file's records in file order (the caller's scope applies). */
export function recordRows(db: Db, p: RecordPage): Promise<ClaimFileRecordRow[]> {
  let q = db
    .selectFrom('claim_file_record')
    .selectAll()
    .where('claim_file_id', '=', p.fileId)
    .where('position', '>', p.afterPosition);
  if (p.outcome) q = q.where('outcome', '=', p.outcome);
  return q
    .orderBy('position')
    .limit(p.limit + 1)
    .execute();
}
