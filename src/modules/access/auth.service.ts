import { hash, verify } from '@node-rs/argon2';
import type { Db } from '../../platform/db/database.ts';
import { AppError, invalidFields } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import {
  findActiveGrants,
  findLiveSession,
  findUserById,
  findUserByUsername,
  insertAuditEntry,
  insertSession,
  recordLoginFailure,
  recordLoginSuccess,
  revokeSession,
  revokeUserSessions,
  setPasswordHash,
  touchSession,
} from './access.queries.ts';
import { afterFailedLogin, type Grant, isLocked, passwordProblems } from './access.rules.ts';
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

/**
 * Signs a user in with a password. Every attempt, good or bad, goes to the audit log. Five failures in
 * a row lock the account for 15 minutes; the answer to a wrong username or password is the same.
 */
export async function login(
  db: Db,
  username: string,
  password: string,
  client: ClientInfo,
  now = new Date(),
) {
  const user = await findUserByUsername(db, username);
  const audit = (action: string, detail: string | null, userId: string | null) =>
    insertAuditEntry(db, {
      action,
      user_id: userId,
      username: username.slice(0, 100),
      detail,
      ip: client.ip,
      user_agent: client.userAgent,
      status: action === 'login' ? 200 : 401,
      resource_type: 'session',
    });

  if (!user?.active) {
    await verify(await dummy(), password).catch(() => false);
    await audit('login_failed', user ? 'inactive user' : 'unknown user', user?.id ?? null);
    throw new AppError('unauthorized', 'Wrong username or password');
  }
  if (isLocked(user.locked_until, now)) {
    await audit('login_failed', 'account locked', user.id);
    throw new AppError(
      'rate_limited',
      `Too many failed sign-ins: the account is locked until ${user.locked_until!.toISOString()}. Try again later or ask an administrator to reset the password.`,
    );
  }
  const ok = await verify(user.password_hash, password).catch(() => false);
  if (!ok) {
    const next = afterFailedLogin(user.failed_logins, now);
    await recordLoginFailure(db, user.id, next.failures, next.lockedUntil);
    await audit(
      'login_failed',
      next.lockedUntil ? 'wrong password; account locked' : 'wrong password',
      user.id,
    );
    throw new AppError('unauthorized', 'Wrong username or password');
  }

  await recordLoginSuccess(db, user.id);
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

/** The principal behind a session token or API key, or undefined when it is unknown, expired or revoked. */
export async function authenticate(
  db: Db,
  token: string,
  via: 'cookie' | 'bearer',
  now = new Date(),
): Promise<Principal | undefined> {
  if (!token || token.length > 200) return undefined;
  const s = await findLiveSession(db, hashToken(token), now);
  if (!s) return undefined;
  // Record use at most once a minute: not a write on every request.
  if (!s.lastUsedAt || now.getTime() - s.lastUsedAt.getTime() > 60_000)
    await touchSession(db, s.sessionId, now);
  const grants = await findActiveGrants(db, s.userId);
  return {
    userId: s.userId,
    username: s.username,
    displayName: s.displayName,
    workerId: s.workerId,
    grants: grants.map((g) => ({ role: g.role, scopePath: g.scope_path })),
    sessionId: s.sessionId,
    via,
    kind: s.kind,
    csrfToken: s.csrfToken,
  };
}

/** Ends the session (or API key) the request came with, at once. */
export async function logout(db: Db, principal: Principal, now = new Date()): Promise<void> {
  await revokeSession(db, principal.sessionId, now);
}

/** A user changes their own password; their other sessions end. */
export async function changePassword(
  db: Db,
  principal: Principal,
  currentPassword: string,
  newPassword: string,
  now = new Date(),
): Promise<void> {
  const user = await findUserById(db, principal.userId);
  if (!user || !(await verify(user.password_hash, currentPassword).catch(() => false))) {
    throw invalidFields([{ field: 'body.currentPassword', message: 'is not your current password' }]);
  }
  const problems = passwordProblems(newPassword, user.username);
  if (problems.length > 0)
    throw invalidFields(problems.map((m) => ({ field: 'body.newPassword', message: m })));
  if (await verify(user.password_hash, newPassword).catch(() => false)) {
    throw invalidFields([{ field: 'body.newPassword', message: 'must differ from the current password' }]);
  }
  await setPasswordHash(db, user.id, await hashPassword(newPassword));
  await revokeUserSessions(db, user.id, now, { except: principal.sessionId });
}

/** An administrator sets a new password: the account is unlocked and all its sessions end. */
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
  await revokeUserSessions(db, user.id, now);
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
