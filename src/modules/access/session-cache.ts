import type { LiveSession } from './access.queries.ts';

/**
 * Sessions looked up recently, by token hash: a request whose session is here is admitted without a
 * round trip of its own, and its transaction checks the session again in the same round trip as its
 * first statement (access-control.ts, `verifyStillLive`). The cache only saves the wait: it never
 * decides alone. A session ended in another process (logout, password change, deactivation, a role
 * revoked) is refused by that check before the request's first result is read, and nothing it did
 * commits.
 *
 * Entries live `TTL_MS` at most and never past the session's own expiry; the cache holds at most
 * `MAX_ENTRIES` (the oldest go first). One cache per process: token hashes are unique, whichever
 * database issued them (a token of another database is refused by the check).
 */
export const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  session: LiveSession;
  cachedAt: number;
}

const entries = new Map<string, Entry>();

/** The session of a token hash if it was looked up less than TTL_MS ago and has not expired. */
export function cachedSession(tokenHash: string, now: Date): LiveSession | undefined {
  const e = entries.get(tokenHash);
  if (!e) return undefined;
  const t = now.getTime();
  if (t - e.cachedAt > TTL_MS || t < e.cachedAt || (e.session.expiresAt && e.session.expiresAt <= now)) {
    entries.delete(tokenHash);
    return undefined;
  }
  return e.session;
}

export function cacheSession(tokenHash: string, session: LiveSession, now: Date): void {
  entries.delete(tokenHash);
  entries.set(tokenHash, { session, cachedAt: now.getTime() });
  while (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest === undefined) break;
    entries.delete(oldest);
  }
}

/** Records that a cached session was used at `at` (so it is touched at most once a minute). */
export function markSessionUsed(tokenHash: string, at: Date): void {
  const e = entries.get(tokenHash);
  if (e) e.session = { ...e.session, lastUsedAt: at };
}

export function forgetToken(tokenHash: string): void {
  entries.delete(tokenHash);
}

/** Forgets a session (logout, an API key revoked): this process refuses it before the database does. */
export function forgetSession(sessionId: string): void {
  for (const [k, e] of entries) if (e.session.sessionId === sessionId) entries.delete(k);
}

/** Forgets every session of a user (password changed or reset, roles changed, deactivated). */
export function forgetUserSessions(userId: string): void {
  for (const [k, e] of entries) if (e.session.userId === userId) entries.delete(k);
}

/** Whether two lookups of one session say the same about who asks and what they may do. */
export function sameSession(a: LiveSession, b: LiveSession): boolean {
  const key = (s: LiveSession) =>
    JSON.stringify([
      s.sessionId,
      s.kind,
      s.csrfToken,
      s.userId,
      s.username,
      s.displayName,
      s.workerId,
      s.grants.map((g) => [g.role, g.scopePath]),
    ]);
  return key(a) === key(b);
}
