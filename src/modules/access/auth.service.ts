import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.ts';
import { sendWithNext } from '../../platform/db/pipeline.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  clearThrottle,
  findActiveGrants,
  findLiveSession,
  findThrottles,
  findUserById,
  findUserByUsername,
  insertAuditEntry,
  insertSession,
  type LiveSession,
  liveSessionQuery,
  recordAccountWait,
  recordLoginSuccess,
  recordThrottleFailure,
  revokeSession,
  revokeUserSessions,
  setPasswordHash,
  touchSession,
} from './access.queries.ts';
import {
  accountThrottleKey,
  forgetBefore,
  type Grant,
  passwordProblems,
  retryAfterSeconds,
  sourceThrottleKey,
  THROTTLE,
  type ThrottleState,
  throttledUntil,
} from './access.rules.ts';
import {
  cachedSession,
  cacheSession,
  forgetSession,
  forgetToken,
  forgetUserSessions,
  markSessionUsed,
  sameSession,
} from './session-cache.ts';
import { API_KEY_PREFIX, hashToken, newSecret } from './tokens.ts';

export const SESSION_HOURS = 12;

/** Who is making a request: the user, their roles with places, and how they signed in. */
export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  workerId: string | null;
  grants: Grant[];
  sessionId: string;
  via: 'cookie' | 'bearer';
  kind: 'session' | 'api_key';
  csrfToken: string | null;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

// Verifying against a fixed hash when the user does not exist keeps the timing the same, so the
// answer time does not tell which usernames exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => {
  dummyHash ??= hash('not-a-real-password-0000');
  return dummyHash;
};

export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** 429 with when to try again (the route sends it as Retry-After), the same for every username. */
export class ThrottledError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      `Too many failed password attempts from here or for this username: try again in ${retryAfterSeconds} s, or ask an administrator to reset the password.`,
    );
  }
}

const throttled = (until: Date, now: Date) => new ThrottledError(retryAfterSeconds(until, now));

/** The later of two instants, either possibly missing. */
const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/** The stored counts of an account and a source, as the throttle rules take them. */
async function throttleStates(db: Db, accountKey: string, sourceKey: string) {
  const rows = await findThrottles(db, [accountKey, sourceKey]);
  const of = (key: string): ThrottleState | undefined => rows.find((r) => r.key === key);
  return { account: of(accountKey), source: of(sourceKey) };
}

/**
 * Counts one failure for the account and the source. A wrong guess at an account that was already
 * throttled throttles its source at once: many addresses each get one guess, then wait like any other.
 * Returns until when the next attempt must wait (null: it may try at once).
 */
async function countFailure(
  db: Db,
  keys: { account: string; source: string },
  accountWasThrottled: boolean,
  now: Date,
): Promise<{ accountUntil: Date | null; sourceUntil: Date | null }> {
  const account = await recordThrottleFailure(db, keys.account, now, forgetBefore(THROTTLE.account, now));
  const source = await recordThrottleFailure(
    db,
    keys.source,
    now,
    forgetBefore(THROTTLE.source, now),
    accountWasThrottled ? THROTTLE.source.freeFailures : 0,
  );
  return {
    accountUntil: throttledUntil(account, THROTTLE.account, now),
    sourceUntil: throttledUntil(source, THROTTLE.source, now),
  };
}

/**
 * Signs a user in with a password. Every attempt, good or bad, goes to the audit log. Failures slow
 * down the account and the address they come from (THROTTLE), never lock: a source that is throttled
 * is refused before its password is checked; from any other source the right password gets in, and a
 * wrong one at a throttled account is refused as throttled. An unknown or inactive username is
 * checked against a dummy hash and counted like any other, so no answer tells which usernames exist.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  client: ClientInfo,
  now = new Date(),
) {
  const keys = { account: accountThrottleKey(username), source: sourceThrottleKey(client.ip) };
  const [user, states] = await Promise.all([
    findUserByUsername(db, username),
    throttleStates(db, keys.account, keys.source),
  ]);
  const audit = (action: string, detail: string | null, userId: string | null, status = 401) =>
    insertAuditEntry(db, {
      action,
      user_id: userId,
      username: username.slice(0, 100),
      detail,
      ip: client.ip,
      user_agent: client.userAgent,
      status: action === 'login' ? 200 : status,
      resource_type: 'session',
    });

  const sourceUntil = throttledUntil(states.source, THROTTLE.source, now);
  if (sourceUntil) {
    await audit('login_failed', 'source throttled', user?.id ?? null, 429);
    throw throttled(sourceUntil, now);
  }
  const accountUntil = throttledUntil(states.account, THROTTLE.account, now);
  const known = user?.active === true;
  const ok = await verify(known ? user.password_hash : await dummy(), password).catch(() => false);
  if (!known || !ok) {
    const next = await countFailure(db, keys, accountUntil !== null, now);
    if (user) await recordAccountWait(db, user.id, next.accountUntil);
    const why = !user ? 'unknown user' : !user.active ? 'inactive user' : 'wrong password';
    if (accountUntil) {
      await audit('login_failed', `${why}; account throttled`, user?.id ?? null, 429);
      throw throttled(later(next.accountUntil, next.sourceUntil) ?? accountUntil, now);
    }
    await audit('login_failed', why, user?.id ?? null);
    throw new AppError('unauthorized', 'Wrong username or password');
  }

  await Promise.all([recordLoginSuccess(db, user.id), clearThrottle(db, keys.account)]);
  const token = newSecret();
  const csrfToken = newSecret();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await insertSession(db, {
    id: sessionId,
    userId: user.id,
    kind: 'session',
    tokenHash: hashToken(token),
    csrfToken,
    name: null,
    expiresAt,
    ip: client.ip,
    userAgent: client.userAgent,
  });
  await audit('login', null, user.id);
  const grants = await findActiveGrants(db, user.id);
  return {
    token,
    csrfToken,
    expiresAt,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.display_name,
      roles: grants.map((g) => ({ role: g.role, scopePath: g.scope_path })),
    },
  };
}

/** The sessions principals were admitted on from the cache: their transaction checks them again. */
const fromCache = new WeakMap<Principal, { tokenHash: string; session: LiveSession }>();

/**
 * The principal behind a session token or API key, or undefined when it is unknown, expired or revoked.
 * With `useCache`, a session looked up in the last minute is taken from the session cache without a
 * round trip; such a principal must be checked again in its request's transaction (`recheckSession`).
 */
export async function authenticate(
  db: Db,
  token: string,
  via: 'cookie' | 'bearer',
  now = new Date(),
  opts: { useCache?: boolean } = {},
): Promise<Principal | undefined> {
  if (!token || token.length > 200) return undefined;
  const tokenHash = hashToken(token);
  let s = opts.useCache ? cachedSession(tokenHash, now) : undefined;
  const cached = s !== undefined;
  if (!s) {
    s = await findLiveSession(db, tokenHash, now);
    if (!s) {
      forgetToken(tokenHash);
      return undefined;
    }
    cacheSession(tokenHash, s, now);
  }
  // Record use at most once a minute: not a write on every request.
  if (!s.lastUsedAt || now.getTime() - s.lastUsedAt.getTime() > 60_000) {
    await touchSession(db, s.sessionId, now);
    markSessionUsed(tokenHash, now);
  }
  const principal: Principal = {
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    workerId: s.workerId,
    grants: s.grants.map((g) => ({ role: g.role, scopePath: g.scopePath })),
    sessionId: s.sessionId,
    via,
    kind: s.kind,
    csrfToken: s.csrfToken,
  };
  if (cached) fromCache.set(principal, { tokenHash, session: s });
  return principal;
}

/** Whether the principal was admitted on a cached session (and its transaction must check it again). */
export function isFromCache(principal: Principal): boolean {
  return fromCache.has(principal);
}

/** The session, its user or their roles changed since it was cached: admit the request again. */
export class SessionChanged extends Error {
  constructor() {
    super('The session changed since it was cached');
  }
}

/**
 * For a principal admitted from the cache: looks its session up again inside the request's transaction,
 * held to leave with the transaction's first statement (no round trip of its own), and verified before
 * any result is read and before COMMIT (platform/db/pipeline.ts). A session that has ended is refused
 * (401); one whose user or roles changed throws SessionChanged. `refused` hears either; what the
 * transaction did then never commits.
 */
export function recheckSession(
  trx: Db,
  principal: Principal,
  refused: (err: Error) => void,
  now = new Date(),
): Promise<void> {
  const c = fromCache.get(principal);
  if (!c) return Promise.resolve();
  return sendWithNext(trx, liveSessionQuery(trx, c.tokenHash, now).compile(), (result) => {
    const fresh = result.rows[0] as LiveSession | undefined;
    let err: Error | undefined;
    if (!fresh) err = new AppError('unauthorized', SESSION_ENDED);
    else if (!sameSession(fresh, c.session)) err = new SessionChanged();
    if (!err) return;
    forgetToken(c.tokenHash);
    refused(err);
    throw err;
  });
}

export const SESSION_ENDED = 'The session has ended or the token is not valid: sign in again';

/** Ends the session (or API key) the request came with, at once. */
export async function logout(db: Db, principal: Principal, now = new Date()): Promise<void> {
  await revokeSession(db, principal.sessionId, now);
  forgetSession(principal.sessionId);
}

/** A wrong current password in a password change: counted, after the request, as a failed sign-in. */
export class WrongCurrentPassword extends AppError {
  constructor() {
    super(
      'validation_failed',
      'The request has 1 invalid field(s): body.currentPassword: is not your current password',
      [{ field: 'body.currentPassword', message: 'is not your current password' }],
    );
  }
}

/**
 * A user changes their own password; their other sessions end. While the account or the source is
 * throttled no password is checked (ThrottledError); a wrong current password is a
 * WrongCurrentPassword, which the route counts with `countPasswordChangeFailure` once the request's
 * transaction has ended (a count written inside it would be rolled back with the refusal).
 */
export async function changePassword(
  db: Db,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
  client: ClientInfo,
  now = new Date(),
): Promise<void> {
  const keys = { account: accountThrottleKey(principal.username), source: sourceThrottleKey(client.ip) };
  const states = await throttleStates(db, keys.account, keys.source);
  const until = later(
    throttledUntil(states.account, THROTTLE.account, now),
    throttledUntil(states.source, THROTTLE.source, now),
  );
  if (until) throw throttled(until, now);
  const user = await findUserById(db, principal.userId);
  if (!user || !(await verify(user.password_hash, currentPassword).catch(() => false))) {
    throw new WrongCurrentPassword();
  }
  const problems = passwordProblems(newPassword, user.username);
  if (problems.length > 0)
    throw invalidFields(problems.map((m) => ({ field: 'body.newPassword', message: m })));
  if (await verify(user.password_hash, newPassword).catch(() => false)) {
    throw invalidFields([{ field: 'body.newPassword', message: 'must differ from the current password' }]);
  }
  await setPasswordHash(db, user.id, await hashPassword(newPassword));
  await revokeUserSessions(db, user.id, now, { except: principal.sessionId });
  forgetUserSessions(user.id);
}

/** Counts (for a wrong current password) and audits a refused password change, outside its transaction. */
export async function countPasswordChangeFailure(
  db: Db,
  principal: Principal,
  refusal: 'wrong current password' | 'throttled',
  client: ClientInfo,
  now = new Date(),
): Promise<void> {
  if (refusal === 'wrong current password') {
    const keys = { account: accountThrottleKey(principal.username), source: sourceThrottleKey(client.ip) };
    await countFailure(db, keys, false, now);
  }
  await insertAuditEntry(db, {
    action: 'password_change_failed',
    user_id: principal.userId,
    username: principal.username,
    detail: refusal,
    ip: client.ip,
    user_agent: client.userAgent,
    status: refusal === 'throttled' ? 429 : 400,
    resource_type: 'session',
  });
}

/** An administrator sets a new password: the account's failures are forgotten and all its sessions end. */
export async function resetPassword(
  db: Db,
  userId: string,
  newPassword: string,
  now = new Date(),
): Promise<void> {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', `User ${userId} does not exist`);
  const problems = passwordProblems(newPassword, user.username);
  if (problems.length > 0)
    throw invalidFields(problems.map((m) => ({ field: 'body.newPassword', message: m })));
  await setPasswordHash(db, user.id, await hashPassword(newPassword));
  await clearThrottle(db, accountThrottleKey(user.username));
  await revokeUserSessions(db, user.id, now);
  forgetUserSessions(user.id);
}

/** Issues an API key for a system account. The key is shown once; only its hash is kept. */
export async function issueApiKey(db: Db, userId: string, name: string, expiresAt: Date | null) {
  const user = await findUserById(db, userId);
  if (!user) throw new AppError('not_found', `User ${userId} does not exist`);
  const key = `${API_KEY_PREFIX}${newSecret()}`;
  const id = newId();
  await insertSession(db, {
    id,
    userId,
    kind: 'api_key',
    tokenHash: hashToken(key),
    csrfToken: null,
    name,
    expiresAt,
    ip: null,
    userAgent: null,
  });
  return { id, name, key, expiresAt };
}
