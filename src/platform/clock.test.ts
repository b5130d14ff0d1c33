import { describe, expect, test } from 'vitest';
import { fixedClock, todayOf } from './clock.ts';
import { isoWeek, isTimeZone, quarterOf, todayIn } from './dates.ts';
import { loadProfile } from './profile.ts';

describe("today is the country's date", () => {
  test.each([
    // Hanoi is UTC+7, Shanghai UTC+8, neither keeps summer time.
    { at: '2026-03-31T16:29:59Z', zone: 'Asia/Ho_Chi_Minh', want: '2026-03-31' }, // 23:29 in Hanoi
    { at: '2026-03-31T17:00:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2026-04-01' }, // midnight in Hanoi
    { at: '2026-03-31T23:30:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2026-04-01' }, // 06:30 in Hanoi
    { at: '2026-03-31T15:59:59Z', zone: 'Asia/Shanghai', want: '2026-03-31' },
    { at: '2026-03-31T16:00:00Z', zone: 'Asia/Shanghai', want: '2026-04-01' },
    { at: '2026-12-31T17:00:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2027-01-01' }, // a new year in Hanoi
    { at: '2028-02-28T17:30:00Z', zone: 'Asia/Ho_Chi_Minh', want: '2028-02-29' }, // a leap day
  ])('$at in $zone is $want', ({ at, zone, want }) => {
    expect(todayIn(zone, new Date(at))).toBe(want);
  });

  test.each([
    { profile: 'vn', at: '2026-04-01T06:30:00+07:00', want: '2026-04-01' },
    { profile: 'vn', at: '2026-03-31T23:30:00+07:00', want: '2026-03-31' },
    { profile: 'cn', at: '2026-04-01T06:30:00+08:00', want: '2026-04-01' },
    { profile: 'cn', at: '2026-03-31T23:30:00+08:00', want: '2026-03-31' },
  ])('the $profile profile at $at: $want', ({ profile, at, want }) => {
    expect(todayOf({ profile: loadProfile(profile), clock: fixedClock(at) })).toBe(want);
  });

  test('the week of a Monday morning in Hanoi is that week, not the week before (UTC still on Sunday)', () => {
    const today = todayIn('Asia/Ho_Chi_Minh', new Date('2026-11-29T23:30:00Z')); // Mon 30 Nov, 06:30
    expect(isoWeek(today)).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  });

  test.each([
    { date: '2026-01-01', want: { year: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' } },
    { date: '2026-03-31', want: { year: 2026, quarter: 1, start: '2026-01-01', end: '2026-03-31' } },
    { date: '2026-04-01', want: { year: 2026, quarter: 2, start: '2026-04-01', end: '2026-06-30' } },
    { date: '2026-09-30', want: { year: 2026, quarter: 3, start: '2026-07-01', end: '2026-09-30' } },
    { date: '2026-12-31', want: { year: 2026, quarter: 4, start: '2026-10-01', end: '2026-12-31' } },
  ])('$date is in quarter $want.quarter', ({ date, want }) => {
    expect(quarterOf(date)).toEqual(want);
  });

  test('a fixed clock stays where it was set', () => {
    const clock = fixedClock('2026-03-31T23:30:00+07:00');
    expect(clock.now().toISOString()).toBe('2026-03-31T16:30:00.000Z');
    clock.now().setFullYear(2000);
    expect(clock.now().toISOString()).toBe('2026-03-31T16:30:00.000Z');
    expect(() => fixedClock('not a time')).toThrow(/not an instant/);
  });

  test('time zone names are checked', () => {
    expect(isTimeZone('Asia/Ho_Chi_Minh')).toBe(true);
    expect(isTimeZone('Asia/Saigon')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
