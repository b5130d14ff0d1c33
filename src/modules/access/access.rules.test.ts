import { describe, expect, test } from 'vitest';
import {
  accountThrottleKey,
  afterFailure,
  countedFailures,
  forgetBefore,
  hasPermission,
  inScope,
  isWithin,
  passwordProblems,
  retryAfterSeconds,
  scopeFor,
  sourceThrottleKey,
  THROTTLE,
  throttledUntil,
  waitSeconds,
} from './access.rules.ts';

describe('scopeFor', () => {
  test.each([
    {
      name: 'administrator: everywhere',
      grants: [{ role: 'admin', scopePath: null }],
      permission: 'workers.read',
      want: { all: true, paths: [] },
    },
    {
      name: 'district manager: the district',
      grants: [{ role: 'district', scopePath: '56.568' }],
      permission: 'workers.read',
      want: { all: false, paths: ['56.568'] },
    },
    {
      name: 'a role without the permission: nowhere',
      grants: [{ role: 'vhw', scopePath: '56.568.22333.1' }],
      permission: 'workers.read',
      want: { all: false, paths: [] },
    },
    {
      name: 'two districts: both',
      grants: [
        { role: 'district', scopePath: '56.569' },
        { role: 'district', scopePath: '56.568' },
      ],
      permission: 'workers.read',
      want: { all: false, paths: ['56.568', '56.569'] },
    },
    {
      name: 'a commune inside a held district is covered by it',
      grants: [
        { role: 'district', scopePath: '56.568' },
        { role: 'station', scopePath: '56.568.22333' },
      ],
      permission: 'workers.read',
      want: { all: false, paths: ['56.568'] },
    },
    {
      name: 'only roles that grant the permission count',
      grants: [
        { role: 'station', scopePath: '56.568.22333' },
        { role: 'insurance', scopePath: '56' },
      ],
      permission: 'workers.read',
      want: { all: false, paths: ['56.568.22333'] },
    },
    {
      name: 'the same place twice is one path',
      grants: [
        { role: 'station', scopePath: '56.568.22333' },
        { role: 'doctor', scopePath: '56.568.22333' },
      ],
      permission: 'facilities.read',
      want: { all: false, paths: ['56.568.22333'] },
    },
    { name: 'no roles: nowhere', grants: [], permission: 'facilities.read', want: { all: false, paths: [] } },
    {
      name: 'an unknown role grants nothing',
      grants: [{ role: 'ghost', scopePath: null }],
      permission: 'facilities.read',
      want: { all: false, paths: [] },
    },
  ])('$name', ({ grants, permission, want }) => {
    expect(scopeFor(permission, grants)).toEqual(want);
  });

  test('hasPermission follows the scope', () => {
    expect(hasPermission('users.write', [{ role: 'district', scopePath: '56.568' }])).toBe(false);
    expect(hasPermission('users.write', [{ role: 'admin', scopePath: null }])).toBe(true);
  });
});

describe('isWithin and inScope', () => {
  test.each([
    ['56.568.22333', '56.568', true],
    ['56.568', '56.568', true],
    ['56.5681', '56.568', false], // a label prefix is not a parent
    ['56', '56.568', false],
    ['57.600', '56', false],
  ])('%s within %s is %s', (path, ancestor, want) => {
    expect(isWithin(path, ancestor)).toBe(want);
  });

  test('inScope', () => {
    expect(inScope('56.568.1', { all: false, paths: ['56.569', '56.568'] })).toBe(true);
    expect(inScope('56.570.1', { all: false, paths: ['56.569', '56.568'] })).toBe(false);
    expect(inScope('99', { all: true, paths: [] })).toBe(true);
    expect(inScope('56', { all: false, paths: [] })).toBe(false);
  });
});

describe('passwordProblems', () => {
  test.each([
    { password: 'correct horse battery', username: 'station', want: [] },
    { password: 'Trạm-Y-tế-2026!', username: 'station', want: [] },
    { password: 'short', username: 'x', want: ['must be at least 10 characters long'] },
    { password: 'password123', username: 'x', want: ['is a well-known password: choose another'] },
    { password: 'mystation-pass', username: 'Station', want: ['must not contain the username'] },
    { password: 'aaaaaaaaaaaa', username: 'x', want: ['must not be one repeated character'] },
    {
      password: 'x'.repeat(201),
      username: 'y',
      want: ['must be at most 200 characters long', 'must not be one repeated character'],
    },
    { password: '', username: 'x', want: ['must be at least 10 characters long'] },
  ])('"$password" for $username', ({ password, username, want }) => {
    expect(passwordProblems(password, username)).toEqual(want);
  });
});

describe('sign-in throttle', () => {
  const t0 = new Date('2026-11-25T08:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
  const account = THROTTLE.account;
  const source = THROTTLE.source;

  test.each([
    { failures: 0, want: 0 },
    { failures: 4, want: 0 },
    { failures: 5, want: 1 },
    { failures: 6, want: 2 },
    { failures: 7, want: 4 },
    { failures: 10, want: 32 },
    { failures: 14, want: 512 },
    { failures: 15, want: 900 },
    { failures: 1000, want: 900 },
    { failures: Number.MAX_SAFE_INTEGER, want: 900 },
  ])('an account with $failures failures waits $want s', ({ failures, want }) => {
    expect(waitSeconds(failures, account)).toBe(want);
  });

  test('a source gets more free failures than an account (a station shares one address)', () => {
    expect(waitSeconds(19, source)).toBe(0);
    expect(waitSeconds(20, source)).toBe(1);
    expect(waitSeconds(21, source)).toBe(2);
  });

  test('the wait grows with each failure and never passes the cap', () => {
    let last = 0;
    for (let f = 0; f < 100; f++) {
      const w = waitSeconds(f, account);
      expect(w).toBeGreaterThanOrEqual(last);
      expect(w).toBeLessThanOrEqual(account.maxWaitSeconds);
      last = w;
    }
  });

  test.each([
    { state: undefined, now: 0, want: null },
    { state: { failures: 0, lastFailureAt: null }, now: 0, want: null },
    { state: { failures: 4, lastFailureAt: t0 }, now: 0, want: null },
    { state: { failures: 5, lastFailureAt: t0 }, now: 0, want: at(1) },
    { state: { failures: 5, lastFailureAt: t0 }, now: 1, want: null },
    { state: { failures: 7, lastFailureAt: t0 }, now: 3, want: at(4) },
    { state: { failures: 7, lastFailureAt: t0 }, now: 4, want: null },
    { state: { failures: 30, lastFailureAt: t0 }, now: 899, want: at(900) },
    { state: { failures: 30, lastFailureAt: t0 }, now: 900, want: null },
  ])('$state.failures failures, $now s after the last: throttled until $want', ({ state, now, want }) => {
    expect(throttledUntil(state, account, at(now))).toEqual(want);
  });

  test('a count is forgotten once no failure came for a day (an account) or an hour (a source)', () => {
    const state = { failures: 12, lastFailureAt: t0 };
    expect(countedFailures(state, account, at(24 * 3600 - 1))).toBe(12);
    expect(countedFailures(state, account, at(24 * 3600))).toBe(0);
    expect(countedFailures(state, source, at(3599))).toBe(12);
    expect(countedFailures(state, source, at(3600))).toBe(0);
    expect(forgetBefore(source, at(3600))).toEqual(t0);
  });

  test('one more failure counts from what still counts and records when it came', () => {
    expect(afterFailure(undefined, account, t0)).toEqual({ failures: 1, lastFailureAt: t0 });
    expect(afterFailure({ failures: 3, lastFailureAt: t0 }, account, at(10))).toEqual({
      failures: 4,
      lastFailureAt: at(10),
    });
    expect(afterFailure({ failures: 9, lastFailureAt: t0 }, account, at(86_400))).toEqual({
      failures: 1,
      lastFailureAt: at(86_400),
    });
  });

  test('a wrong guess at a throttled account throttles its source at once', () => {
    const next = afterFailure(undefined, source, t0, source.freeFailures);
    expect(next.failures).toBe(source.freeFailures);
    expect(throttledUntil(next, source, t0)).toEqual(at(1));
    expect(afterFailure({ failures: 25, lastFailureAt: t0 }, source, t0, source.freeFailures).failures).toBe(
      26,
    );
  });

  test('an attacker cannot lock the owner out: the account wait never blocks for longer than the cap', () => {
    // A thousand failures a second for an hour: the account waits at most 15 minutes after the last.
    const state = { failures: 3_600_000, lastFailureAt: at(3600) };
    expect(throttledUntil(state, account, at(3600))).toEqual(at(3600 + 900));
  });

  test.each([
    { until: 10.2, want: 11 },
    { until: 0.001, want: 1 },
    { until: -5, want: 1 },
  ])('Retry-After for $until s from now is $want', ({ until, want }) => {
    expect(retryAfterSeconds(at(until), t0)).toBe(want);
  });

  test('throttle keys: the username as asked in lower case, known or not; the address', () => {
    expect(accountThrottleKey('  Admin ')).toBe('account:admin');
    expect(accountThrottleKey('x'.repeat(500))).toBe(`account:${'x'.repeat(100)}`);
    expect(sourceThrottleKey('10.0.0.1')).toBe('source:10.0.0.1');
    expect(sourceThrottleKey(null)).toBe('source:unknown');
  });
});
