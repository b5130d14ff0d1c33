import { roleGrants } from './roles.ts';

/** One role a user holds, and where it applies (null: everywhere). */
export interface Grant {
  role: string;
  scopePath: string | null;
}

/** Where a permission may be used: everywhere, or inside these area paths (none: not at all). */
export interface Scope {
  all: boolean;
  paths: string[];
}

/**
 * The scope of one permission for a user: the union of the places of every role that grants it.
 * Paths inside another path of the set are dropped (the ancestor covers them).
 *
 * @example scopeFor('workers.read', [{ role: 'district', scopePath: '56.568' }]) // { all: false, paths: ['56.568'] }
 */
export function scopeFor(permission: string, grants: Grant[]): Scope {
  const granting = grants.filter((g) => roleGrants(g.role, permission));
  if (granting.some((g) => g.scopePath === null)) return { all: true, paths: [] };
  const paths = [...new Set(granting.map((g) => g.scopePath as string))].sort();
  const kept = paths.filter((p) => !paths.some((other) => other !== p && isWithin(p, other)));
  return { all: false, paths: kept };
}

export function hasPermission(permission: string, grants: Grant[]): boolean {
  const s = scopeFor(permission, grants);
  return s.all || s.paths.length > 0;
}

/** Whether an area path lies inside (or is) another, as ltree's `<@` says. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`);
}

export function inScope(path: string, scope: Scope): boolean {
  return scope.all || scope.paths.some((p) => isWithin(path, p));
}

export const PASSWORD_MIN_LENGTH = 10;
const COMMON_PASSWORDS = new Set([
  'password',
  'password1',
  'password123',
  '1234567890',
  '12345678910',
  'qwertyuiop',
  'abc1234567',
  'matkhau123',
  'iloveyou12',
  'admin12345',
  'welcome123',
  '0123456789',
  'aaaaaaaaaa',
  '1111111111',
]);

/**
 * The minimum password policy (after NIST SP 800-63B): long enough, not a well-known password, not
 * the username, not one repeated character. Returns what to fix, or an empty list.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters long`);
  if (password.length > 200) problems.push('must be at most 200 characters long');
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) problems.push('is a well-known password: choose another');
  if (username && lower.includes(username.toLowerCase())) problems.push('must not contain the username');
  if (password.length > 0 && new Set(password).size === 1)
    problems.push('must not be one repeated character');
  return problems;
}

export const LOCKOUT = { maxFailures: 5, lockMinutes: 15 };

/**
 * After a failed sign-in: the new failure count and, from the fifth failure in a row, the time the
 * account stays locked until. A success resets the count.
 */
export function afterFailedLogin(
  failures: number,
  now: Date,
): { failures: number; lockedUntil: Date | null } {
  const next = failures + 1;
  if (next >= LOCKOUT.maxFailures) {
    return { failures: 0, lockedUntil: new Date(now.getTime() + LOCKOUT.lockMinutes * 60_000) };
  }
  return { failures: next, lockedUntil: null };
}

export function isLocked(lockedUntil: Date | null, now: Date): boolean {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}
