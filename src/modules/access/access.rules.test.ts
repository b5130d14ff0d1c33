import { describe, expect, test } from 'vitest';
import {
  afterFailedLogin,
  hasPermission,
  inScope,
  isLocked,
  isWithin,
  passwordProblems,
  scopeFor,
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

describe('lockout after repeated failures', () => {
  const now = new Date('2026-11-25T08:00:00Z');
  test.each([
    { failures: 0, want: { failures: 1, lockedUntil: null } },
    { failures: 3, want: { failures: 4, lockedUntil: null } },
    { failures: 4, want: { failures: 0, lockedUntil: new Date('2026-11-25T08:15:00Z') } },
  ])('after $failures failures, one more gives $want', ({ failures, want }) => {
    expect(afterFailedLogin(failures, now)).toEqual(want);
  });

  test.each([
    { lockedUntil: null, want: false },
    { lockedUntil: new Date('2026-11-25T08:10:00Z'), want: true },
    { lockedUntil: new Date('2026-11-25T07:59:59Z'), want: false },
    { lockedUntil: new Date('2026-11-25T08:00:00Z'), want: false },
  ])('locked until $lockedUntil: $want', ({ lockedUntil, want }) => {
    expect(isLocked(lockedUntil, now)).toBe(want);
  });
});
