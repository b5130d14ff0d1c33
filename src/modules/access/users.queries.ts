import { countUpTo } from '../../platform/db/count.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Total } from '../../platform/http/pagination.ts';

export function insertUser(
  db: Db,
  row: { id: string; username: string; displayName: string; passwordHash: string; workerId: string | null },
) {
  return db
    .insertInto('app_user')
    .values({
      id: row.id,
      username: row.username,
      display_name: row.displayName,
      password_hash: row.passwordHash,
      worker_id: row.workerId,
    })
    .execute();
}

export function insertGrant(
  db: Db,
  row: {
    id: string;
    userId: string;
    role: string;
    areaId: string | null;
    facilityId: string | null;
    scopePath: string | null;
  },
) {
  return db
    .insertInto('user_role')
    .values({
      id: row.id,
      user_id: row.userId,
      role: row.role,
      area_id: row.areaId,
      facility_id: row.facilityId,
      scope_path: row.scopePath,
    })
    .execute();
}

export function revokeGrant(db: Db, userId: string, grantId: string, now: Date) {
  return db
    .updateTable('user_role')
    .set({ revoked_at: now })
    .where('id', '=', grantId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

function filteredUsers(db: Db, opts: { q?: string }) {
  const q = db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'worker_id', 'active', 'locked_until', 'created_at']);
  return opts.q ? q.where('username', 'ilike', `%${opts.q.replace(/[%_\\]/g, '\\$&')}%`) : q;
}

/** One page of users by username after `after`, plus one row to tell whether more follow. */
export function listUsers(db: Db, opts: { after?: string; limit: number; q?: string }) {
  let q = filteredUsers(db, opts)
    .orderBy('username')
    .orderBy('id')
    .limit(opts.limit + 1);
  if (opts.after) q = q.where('username', '>', opts.after);
  return q.execute();
}

/** How many users match the search (capped: see `countUpTo`). */
export function countUsers(db: Db, opts: { q?: string }): Promise<Total> {
  return countUpTo(db, filteredUsers(db, opts));
}

export function findGrantsOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('user_role')
    .select(['id', 'user_id', 'role', 'area_id', 'facility_id', 'scope_path', 'granted_at'])
    .where('user_id', 'in', userIds)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

export function setUserActive(db: Db, userId: string, active: boolean) {
  return db.updateTable('app_user').set({ active }).where('id', '=', userId).executeTakeFirst();
}
