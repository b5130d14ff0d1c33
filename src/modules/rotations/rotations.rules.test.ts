import { describe, expect, test } from 'vitest';
import {
  addYears,
  checkRotation,
  findClash,
  isoWeekday,
  type RotationPlan,
  resolveHome,
  sessionDays,
  sessionsOverlap,
} from './rotations.rules.ts';
import type { RotationSession } from './rotations.table.ts';

// December 2026: the 1st is a Tuesday.
function plan(
  id: string,
  startDate: string,
  endDate: string,
  weekdays: number[],
  session: RotationSession = 'day',
  dates: string[] = [],
): RotationPlan {
  return { id, startDate, endDate, weekdays, dates, session };
}

describe('isoWeekday', () => {
  test.each([
    ['2026-11-30', 1],
    ['2026-12-01', 2],
    ['2026-12-05', 6],
    ['2026-12-06', 7],
    ['2024-02-29', 4],
  ])('%s is weekday %i', (date, want) => {
    expect(isoWeekday(date)).toBe(want);
  });
});

describe('sessionsOverlap', () => {
  test.each([
    ['morning', 'morning', true],
    ['morning', 'afternoon', false],
    ['afternoon', 'morning', false],
    ['day', 'morning', true],
    ['afternoon', 'day', true],
    ['day', 'day', true],
  ] as const)('%s and %s: %s', (a, b, want) => {
    expect(sessionsOverlap(a, b)).toBe(want);
  });
});

describe('sessionDays', () => {
  test.each([
    {
      why: 'Tuesdays in ten days',
      r: plan('a', '2026-12-01', '2026-12-31', [2]),
      from: '2026-12-01',
      to: '2026-12-10',
      want: ['2026-12-01', '2026-12-08'],
    },
    {
      why: 'Mon/Wed/Fri of one week',
      r: plan('a', '2026-12-01', '2026-12-31', [1, 3, 5]),
      from: '2026-12-07',
      to: '2026-12-13',
      want: ['2026-12-07', '2026-12-09', '2026-12-11'],
    },
    {
      why: 'window before the period',
      r: plan('a', '2026-12-01', '2026-12-31', [2]),
      from: '2026-11-01',
      to: '2026-11-30',
      want: [],
    },
    {
      why: 'window clipped to the period',
      r: plan('a', '2026-12-03', '2026-12-09', [2, 4]),
      from: '2026-12-01',
      to: '2026-12-31',
      want: ['2026-12-03', '2026-12-08'],
    },
    {
      why: 'listed dates only',
      r: plan('a', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-20', '2026-12-02']),
      from: '2026-12-01',
      to: '2026-12-31',
      want: ['2026-12-02', '2026-12-20'],
    },
    {
      why: 'listed date on a pattern day counted once',
      r: plan('a', '2026-12-01', '2026-12-31', [2], 'day', ['2026-12-08']),
      from: '2026-12-07',
      to: '2026-12-09',
      want: ['2026-12-08'],
    },
    {
      why: 'listed dates outside the window left out',
      r: plan('a', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-20']),
      from: '2026-12-01',
      to: '2026-12-10',
      want: [],
    },
    {
      why: 'a Sunday pattern',
      r: plan('a', '2026-12-01', '2026-12-31', [7]),
      from: '2026-12-01',
      to: '2026-12-14',
      want: ['2026-12-06', '2026-12-13'],
    },
  ])('$why', ({ r, from, to, want }) => {
    expect(sessionDays(r, from, to)).toEqual(want);
  });
});

describe('findClash', () => {
  const tueThuDay = plan('x', '2026-12-01', '2026-12-31', [2, 4]);
  test.each([
    {
      why: 'same weekday, both whole day',
      c: plan('c', '2026-12-01', '2026-12-31', [4]),
      existing: [tueThuDay],
      want: { rotationId: 'x', date: '2026-12-03', session: 'day' },
    },
    {
      why: 'same weekday, morning vs afternoon',
      c: plan('c', '2026-12-01', '2026-12-31', [2], 'morning'),
      existing: [plan('x', '2026-12-01', '2026-12-31', [2], 'afternoon')],
      want: null,
    },
    {
      why: 'same weekday, morning vs morning',
      c: plan('c', '2026-12-01', '2026-12-31', [2], 'morning'),
      existing: [plan('x', '2026-12-01', '2026-12-31', [2], 'morning')],
      want: { rotationId: 'x', date: '2026-12-01', session: 'morning' },
    },
    {
      why: 'whole day vs afternoon',
      c: plan('c', '2026-12-01', '2026-12-31', [2], 'day'),
      existing: [plan('x', '2026-12-01', '2026-12-31', [2], 'afternoon')],
      want: { rotationId: 'x', date: '2026-12-01', session: 'afternoon' },
    },
    {
      why: 'different weekdays',
      c: plan('c', '2026-12-01', '2026-12-31', [1, 3, 5]),
      existing: [tueThuDay],
      want: null,
    },
    {
      why: 'periods apart',
      c: plan('c', '2027-01-01', '2027-01-31', [2, 4]),
      existing: [tueThuDay],
      want: null,
    },
    {
      why: 'periods touching on one day that is a common weekday',
      c: plan('c', '2026-12-31', '2027-01-31', [4]),
      existing: [tueThuDay],
      want: { rotationId: 'x', date: '2026-12-31', session: 'day' },
    },
    {
      why: 'periods touching on one day that is not a common weekday',
      c: plan('c', '2026-12-31', '2027-01-31', [2]),
      existing: [tueThuDay],
      want: null,
    },
    {
      why: 'overlap window without the weekday',
      c: plan('c', '2026-12-26', '2027-01-31', [2]),
      existing: [plan('x', '2026-12-01', '2026-12-28', [2])],
      want: null,
    },
    {
      why: 'overlap window with the weekday on its last day',
      c: plan('c', '2026-12-26', '2027-01-31', [2]),
      existing: [plan('x', '2026-12-01', '2026-12-29', [2])],
      want: { rotationId: 'x', date: '2026-12-29', session: 'day' },
    },
    {
      why: 'listed date on the other pattern day',
      c: plan('c', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-10']),
      existing: [tueThuDay],
      want: { rotationId: 'x', date: '2026-12-10', session: 'day' },
    },
    {
      why: 'listed date off the other pattern',
      c: plan('c', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-11']),
      existing: [tueThuDay],
      want: null,
    },
    {
      why: 'pattern hits the other listed date',
      c: plan('c', '2026-12-01', '2026-12-31', [5]),
      existing: [plan('x', '2026-12-01', '2026-12-31', [], 'morning', ['2026-12-18'])],
      want: { rotationId: 'x', date: '2026-12-18', session: 'morning' },
    },
    {
      why: 'listed dates vs listed dates',
      c: plan('c', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-05', '2026-12-24']),
      existing: [plan('x', '2026-12-01', '2026-12-31', [], 'day', ['2026-12-24'])],
      want: { rotationId: 'x', date: '2026-12-24', session: 'day' },
    },
    {
      why: 'the earliest clash across rotations',
      c: plan('c', '2026-12-01', '2026-12-31', [1, 5]),
      existing: [plan('y', '2026-12-01', '2026-12-31', [5]), plan('z', '2026-12-01', '2026-12-31', [1])],
      want: { rotationId: 'y', date: '2026-12-04', session: 'day' },
    },
    {
      why: 'itself is skipped (an update)',
      c: plan('x', '2026-12-01', '2026-12-31', [2, 4]),
      existing: [tueThuDay],
      want: null,
    },
    { why: 'no other rotations', c: plan('c', '2026-12-01', '2026-12-31', [2]), existing: [], want: null },
  ])('$why', ({ c, existing, want }) => {
    expect(findClash(c, existing)).toEqual(want);
  });
});

describe('checkRotation', () => {
  const ok = {
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    weekdays: [2, 4],
    dates: [] as string[],
    hostFacilityId: 'host',
    homeFacilityId: 'home',
  };
  test.each([
    { why: 'a valid rotation', r: ok, fields: [] },
    { why: 'listed dates only', r: { ...ok, weekdays: [], dates: ['2026-12-05'] }, fields: [] },
    { why: 'end before start', r: { ...ok, endDate: '2026-11-30' }, fields: ['body.endDate'] },
    { why: 'a one-day rotation', r: { ...ok, endDate: '2026-12-01' }, fields: [] },
    { why: 'a whole year less a day', r: { ...ok, endDate: '2027-11-30' }, fields: [] },
    { why: 'a year or more', r: { ...ok, endDate: '2027-12-01' }, fields: ['body.endDate'] },
    { why: 'weekday 0', r: { ...ok, weekdays: [0, 2] }, fields: ['body.weekdays'] },
    { why: 'weekday 8', r: { ...ok, weekdays: [8] }, fields: ['body.weekdays'] },
    { why: 'a repeated weekday', r: { ...ok, weekdays: [2, 2] }, fields: ['body.weekdays'] },
    { why: 'no weekday nor date', r: { ...ok, weekdays: [] }, fields: ['body.weekdays'] },
    { why: 'a date outside the period', r: { ...ok, dates: ['2027-04-01'] }, fields: ['body.dates'] },
    { why: 'a date that does not exist', r: { ...ok, dates: ['2027-02-30'] }, fields: ['body.dates'] },
    { why: 'host is home', r: { ...ok, hostFacilityId: 'home' }, fields: ['body.hostFacilityId'] },
    {
      why: 'everything wrong at once',
      r: { ...ok, startDate: '2026-13-01', weekdays: [9], hostFacilityId: 'home' },
      fields: ['body.startDate', 'body.weekdays', 'body.hostFacilityId'],
    },
  ])('$why: errors on $fields', ({ r, fields }) => {
    expect(checkRotation(r).map((e) => e.field)).toEqual(fields);
  });

  test.each([
    ['2026-12-01', '2027-12-01'],
    ['2024-02-29', '2025-03-01'],
  ])('a year after %s is %s', (date, want) => {
    expect(addYears(date, 1)).toBe(want);
  });
});

describe('resolveHome', () => {
  test.each([
    { given: undefined, on: { facilityId: 'dhc' }, want: { ok: true, homeFacilityId: 'dhc' } },
    { given: 'dhc', on: { facilityId: 'dhc' }, want: { ok: true, homeFacilityId: 'dhc' } },
    { given: 'other', on: { facilityId: 'dhc' }, want: { ok: false } },
    { given: undefined, on: undefined, want: { ok: false } },
    { given: 'dhc', on: undefined, want: { ok: false } },
  ])('given $given, assigned to $on: $want', ({ given, on, want }) => {
    expect(resolveHome(given, on, '2026-12-01')).toMatchObject(want);
  });
});
