import { describe, expect, test } from 'vitest';
import { afterFailure, backoffMs, leaseEnd, renewEveryMs, scheduleKey, zonedInstant } from './jobs.rules.ts';

const B = { baseMs: 1000, capMs: 60_000 };

describe('backoffMs', () => {
  test.each([
    [0, 0],
    [1, 1000],
    [2, 2000],
    [3, 4000],
    [4, 8000],
    [6, 32_000],
    [7, 60_000],
    [50, 60_000],
    [10_000, 60_000],
  ])('after %i failed attempt(s): %i ms', (attempt, ms) => expect(backoffMs(attempt, B)).toBe(ms));
});

describe('afterFailure', () => {
  const now = new Date('2026-12-02T02:00:00Z');
  test.each([
    [1, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:01Z') }],
    [3, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:04Z') }],
    [4, 5, { state: 'queued', runAfter: new Date('2026-12-02T02:00:08Z') }],
    [5, 5, { state: 'failed' }],
    [6, 5, { state: 'failed' }],
    [1, 1, { state: 'failed' }],
  ])('attempt %i of %i', (attempts, max, expected) =>
    expect(afterFailure(attempts, max, now, B)).toEqual(expected),
  );
});

test('a lease ends its length after it is taken, and is renewed three times in it', () => {
  expect(leaseEnd(new Date('2026-12-02T02:00:00Z'), 30_000)).toEqual(new Date('2026-12-02T02:00:30Z'));
  expect(renewEveryMs(30_000)).toBe(10_000);
  expect(renewEveryMs(100)).toBe(100);
});

describe('a local time on a day, as an instant', () => {
  test.each([
    ['2026-12-03', '07:00', 'Asia/Ho_Chi_Minh', '2026-12-03T00:00:00.000Z'],
    ['2026-12-03', '00:30', 'Asia/Ho_Chi_Minh', '2026-12-02T17:30:00.000Z'],
    ['2026-12-03', '07:00', 'Asia/Shanghai', '2026-12-02T23:00:00.000Z'],
    ['2027-01-01', '23:59', 'Asia/Shanghai', '2027-01-01T15:59:00.000Z'],
    ['2026-12-03', '07:00', 'UTC', '2026-12-03T07:00:00.000Z'],
    // Daylight saving: Paris is UTC+2 in July, UTC+1 in December; 02:30 on 29 March 2026 does not exist.
    ['2026-07-01', '07:00', 'Europe/Paris', '2026-07-01T05:00:00.000Z'],
    ['2026-12-03', '07:00', 'Europe/Paris', '2026-12-03T06:00:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Paris', '2026-03-29T01:30:00.000Z'],
  ])('%s %s in %s is %s', (day, at, zone, iso) =>
    expect(zonedInstant(day, at, zone).toISOString()).toBe(iso),
  );

  test("a schedule's day has one key", () =>
    expect(scheduleKey('reminders.daily-plan', '2026-12-03')).toBe(
      'schedule|reminders.daily-plan|2026-12-03',
    ));
});
