import type { Updateable } from 'kysely';
import type { Db } from '../../platform/db/database.ts';
import type { ClaimFileDirection } from './claim-files.enums.ts';
import type { ClaimFileRow, ClaimFileTable, NewClaimFileRow } from './claim-files.table.ts';

export async function insertClaimFileRow(db: Db, row: NewClaimFileRow): Promise<ClaimFileRow | undefined> {
  return db
    .insertInto('claim_file')
    .values(row)
    .onConflict((oc) => oc.column('id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export function findClaimFileRow(db: Db, id: string): Promise<ClaimFileRow | undefined> {
  return db.selectFrom('claim_file').selectAll().where('id', '=', id).executeTakeFirst();
}

export interface ClaimFileFilter {
  facilityId?: string | undefined;
  direction?: ClaimFileDirection | undefined;
}

export function claimFileListQuery(db: Db, f: ClaimFileFilter) {
  let q = db.selectFrom('claim_file');
  if (f.facilityId) q = q.where('facility_id', '=', f.facilityId);
  if (f.direction) q = q.where('direction', '=', f.direction);
  return q;
}

/** Newest first, keyset on (created_at, id); one more than asked, to know if a page follows. */
export function claimFileRows(
  db: Db,
  f: ClaimFileFilter & { before?: { createdAt: string; id: string } | undefined; limit: number },
): Promise<ClaimFileRow[]> {
  let q = claimFileListQuery(db, f).selectAll();
  if (f.before) {
    const b = f.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(b.createdAt)),
        eb.and([eb('created_at', '=', new Date(b.createdAt)), eb('id', '<', b.id)]),
      ]),
    );
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** The job's writes (as the owner: the application role only reads and queues). */
export async function updateClaimFileRow(
  db: Db,
  id: string,
  patch: Updateable<Pick<ClaimFileTable, 'status' | 'claims_count' | 'size_bytes' | 'sha256' | 'error'>>,
): Promise<void> {
  await db.updateTable('claim_file').set(patch).where('id', '=', id).execute();
}
