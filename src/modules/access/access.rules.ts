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

/**
 * Sign-in throttling (OWASP ASVS 4.0 2.2.1, NIST SP 800-63B 5.2.2): failures are counted per account
 * (the username asked, known or not, so an unknown name behaves like a known one) and per source
 * address. Up to `freeFailures` cost nothing; after that each further attempt must wait 2^k seconds
 * (k: failures past the free ones), at most `maxWaitSeconds`. A count is forgotten once no failure has
 * come for `forgetAfterMinutes`. There is no hard lock: the owner signing in from an address that is
 * not throttled still gets in, so a stranger cannot lock anyone out.
 */
export const THROTTLE = {
  account: { freeFailures: 5, maxWaitSeconds: 15 * 60, forgetAfterMinutes: 24 * 60 },
  // Higher and shorter-lived: a station's staff share one address behind its router.
  source: { freeFailures: 20, maxWaitSeconds: 15 * 60, forgetAfterMinutes: 60 },
} as const;

export interface ThrottlePolicy {
  freeFailures: number;
  maxWaitSeconds: number;
  forgetAfterMinutes: number;
}

/** What is stored for one throttled key: failures in a row and when the last one came. */
export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
}

/** The failures that still count at `now` (none once the count is forgotten). */
export function countedFailures(state: ThrottleState | undefined, policy: ThrottlePolicy, now: Date): number {
  if (!state?.lastFailureAt || state.failures <= 0) return 0;
  return state.lastFailureAt.getTime() <= forgetBefore(policy, now).getTime() ? 0 : state.failures;
}

/** A last failure at or before this instant is forgotten. */
export function forgetBefore(policy: ThrottlePolicy, now: Date): Date {
  return new Date(now.getTime() - policy.forgetAfterMinutes * 60_000);
}

/** How long the next attempt must wait after `failures` failures in a row, in seconds (0: none). */
export function waitSeconds(failures: number, policy: ThrottlePolicy): number {
  if (failures < policy.freeFailures) return 0;
  // 2^k grows past any cap long before it overflows; the exponent is clipped so it stays finite.
  return Math.min(2 ** Math.min(failures - policy.freeFailures, 30), policy.maxWaitSeconds);
}

/**
 * Until when a key must wait before its next attempt is heard, or null when it may try now.
 *
 * @example throttledUntil({ failures: 6, lastFailureAt: t }, THROTTLE.account, t) // t + 2 s
 */
export function throttledUntil(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
): Date | null {
  const failures = countedFailures(state, policy, now);
  const wait = waitSeconds(failures, policy);
  if (wait === 0 || !state?.lastFailureAt) return null;
  const until = new Date(state.lastFailureAt.getTime() + wait * 1000);
  return until.getTime() > now.getTime() ? until : null;
}

/**
 * The count after one more failure at `now`; `atLeast` raises it (a wrong guess at an account that is
 * itself throttled throttles the address it came from at once).
 */
export function afterFailure(
  state: ThrottleState | undefined,
  policy: ThrottlePolicy,
  now: Date,
  atLeast = 0,
): ThrottleState {
  return { failures: Math.max(countedFailures(state, policy, now) + 1, atLeast), lastFailureAt: now };
}

/** Whole seconds from `now` until `until`, at least 1: a Retry-After value. */
export function retryAfterSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}

/** The throttle key of an account: the username as asked, in lower case, whether it exists or not. */
export function accountThrottleKey(username: string): string {
  return `account:${username.trim().toLowerCase().slice(0, 100)}`;
}

/** The throttle key of a source address. */
export function sourceThrottleKey(ip: string | null): string {
  return `source:${ip ?? 'unknown'}`;
}
