import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Db } from '../../platform/db/database.ts';
import { sendWithNext } from '../../platform/db/pipeline.ts';
import type { NewAuditLogRow } from './access.table.ts';

export function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .selectAll()
    .where(sql<string>`lower(username)`, '=', username.trim().toLowerCase())
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The stored failure counts of some throttle keys (`account:…`, `source:…`). */
export function findThrottles(db: Db, keys: string[]) {
  return db
    .selectFrom('login_throttle')
    .select(['key', 'failures', 'last_failure_at as lastFailureAt'])
    .where('key', 'in', keys)
    .execute();
}

/**
 * One more failure for a key, counted in the database so that attempts at the same time each count:
 * a count whose last failure is at or before `forgetBefore` starts again at 1; `atLeast` raises it.
 */
export function recordThrottleFailure(db: Db, key: string, now: Date, forgetBefore: Date, atLeast = 0) {
  return db
    .insertInto('login_throttle')
    .values({ key, failures: Math.max(1, atLeast), last_failure_at: now })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`greatest(case when login_throttle.last_failure_at <= ${forgetBefore}
          then 1 else login_throttle.failures + 1 end, ${atLeast}::integer)`,
        last_failure_at: now,
      }),
    )
    .returning(['failures', 'last_failure_at as lastFailureAt'])
    .executeTakeFirstOrThrow();
}

/** Forgets the failures of a key (the account's after a successful sign-in or a password reset). */
export function clearThrottle(db: Db, key: string) {
  return db.updateTable('login_throttle').set({ failures: 0 }).where('key', '=', key).execute();
}

export function recordLoginSuccess(db: Db, userId: string) {
  return db
    .updateTable('app_user')
    .set({ failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

/** Shows an account's wait in the user list (`lockedUntil`); null when it may sign in. */
export function recordAccountWait(db: Db, userId: string, until: Date | null) {
  return db.updateTable('app_user').set({ locked_until: until }).where('id', '=', userId).execute();
}

export function setPasswordHash(db: Db, userId: string, hash: string) {
  return db
    .updateTable('app_user')
    .set({ password_hash: hash, password_changed_at: new Date(), failed_logins: 0, locked_until: null })
    .where('id', '=', userId)
    .execute();
}

/** The roles a user holds now, each with where it applies. */
export function findActiveGrants(db: Db, userId: string) {
  return db
    .selectFrom('user_role')
    .select(['id', 'role', 'scope_path', 'area_id', 'facility_id', 'granted_at'])
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

export function insertSession(
  db: Db,
  row: {
    id: string;
    userId: string;
    kind: 'session' | 'api_key';
    tokenHash: string;
    csrfToken: string | null;
    name: string | null;
    expiresAt: Date | null;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('auth_session')
    .values({
      id: row.id,
      user_id: row.userId,
      kind: row.kind,
      token_hash: row.tokenHash,
      csrf_token: row.csrfToken,
      name: row.name,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/**
 * A live session or API key by its token hash, with its (active) user and the roles the user holds
 * now: what every request needs to know who asks, in one round trip.
 */
export function liveSessionQuery(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .select([
      's.id as sessionId',
      's.kind',
      's.csrf_token as csrfToken',
      's.last_used_at as lastUsedAt',
      's.expires_at as expiresAt',
      'u.id as userId',
      'u.username',
      'u.display_name as displayName',
      'u.worker_id as workerId',
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('user_role as r')
          .select(['r.role', 'r.scope_path as scopePath'])
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.revoked_at', 'is', null)
          .orderBy('r.granted_at'),
      ).as('grants'),
    )
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('s.expires_at', 'is', null), eb('s.expires_at', '>', now)]))
    .where('u.active', '=', true);
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof findLiveSession>>>;

export function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return liveSessionQuery(db, tokenHash, now).executeTakeFirst();
}

export function touchSession(db: Db, sessionId: string, now: Date) {
  return db.updateTable('auth_session').set({ last_used_at: now }).where('id', '=', sessionId).execute();
}

export function revokeSession(db: Db, sessionId: string, now: Date) {
  return db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/** Ends every session (and, when asked, every API key) of a user, except one to keep. */
export function revokeUserSessions(
  db: Db,
  userId: string,
  now: Date,
  opts: { except?: string; apiKeysToo?: boolean } = {},
) {
  let q = db
    .updateTable('auth_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (opts.except) q = q.where('id', '!=', opts.except);
  if (!opts.apiKeysToo) q = q.where('kind', '=', 'session');
  return q.execute();
}

export function findApiKeys(db: Db, userId: string) {
  return db
    .selectFrom('auth_session')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at', 'expires_at'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'api_key')
    .orderBy('created_at')
    .execute();
}

export function findSessionById(db: Db, id: string) {
  return db.selectFrom('auth_session').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertAuditEntry(db: Db, entry: NewAuditLogRow) {
  return db.insertInto('audit_log').values(entry).execute();
}

/**
 * Appends an audit entry inside a transaction without a round trip of its own: it leaves with the
 * transaction's next statement or its COMMIT (platform/db/pipeline.ts), and fails it if it fails.
 */
export function insertAuditEntryWithNext(db: Db, entry: NewAuditLogRow) {
  return sendWithNext(db, db.insertInto('audit_log').values(entry).compile());
}

/**
 * The facility of a user's facility-scoped role (a station's staff), the first granted: where a
 * record the user makes "here" was made (immunizations given at the user's station).
 */
export async function facilityOfUser(db: Db, userId: string): Promise<string | null> {
  const row = await db
    .selectFrom('user_role')
    .select('facility_id')
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('facility_id', 'is not', null)
    .orderBy('granted_at')
    .executeTakeFirst();
  return row?.facility_id ?? null;
}
