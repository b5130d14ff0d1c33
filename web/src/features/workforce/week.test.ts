import { describe, expect, it } from 'vitest';
import {
  addYears,
  dayMonth,
  mondayOf,
  sessionDays,
  weekDates,
  weekdayName,
  weekFromParam,
  weekRange,
} from './week.ts';

describe('weeks', () => {
  it.each([
    ['2026-11-30', '2026-11-30'], // a Monday is its own
    ['2026-12-06', '2026-11-30'], // Sunday ends the ISO week
    ['2026-12-03', '2026-11-30'],
    ['2027-01-01', '2026-12-28'], // across the year
    ['2024-03-03', '2024-02-26'], // across a leap February
  ])('the Monday of %s is %s', (date, monday) => {
    expect(mondayOf(date)).toBe(monday);
  });

  it('a week is seven days from Monday to Sunday', () => {
    expect(weekDates('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });

  it.each([
    [null, '2026-11-30'],
    ['', '2026-11-30'],
    ['garbage', '2026-11-30'],
    ['2026-02-30', '2026-11-30'],
    ['2026-12-10', '2026-12-07'],
  ])('the week parameter %s gives the week of %s', (param, monday) => {
    expect(weekFromParam(param, '2026-12-02')).toBe(monday);
  });

  it('a year later keeps the day; 29 February goes to 1 March', () => {
    expect(addYears('2026-11-30', 1)).toBe('2027-11-30');
    expect(addYears('2028-02-29', 1)).toBe('2029-03-01');
  });
});

describe('weekday names and dates in the reader language', () => {
  it.each([
    ['en', 'Monday', 'Sunday'],
    ['vi', 'Thứ Hai', 'Chủ Nhật'],
    ['zh', '星期一', '星期日'],
  ] as const)('%s', (locale, monday, sunday) => {
    expect(weekdayName(locale, '2026-11-30')).toBe(monday);
    expect(weekdayName(locale, '2026-12-06').toLowerCase()).toBe(sunday.toLowerCase());
  });

  it('day and month, and a week range', () => {
    expect(dayMonth('en', '2026-11-30')).toBe('30 Nov');
    expect(dayMonth('zh', '2026-11-30')).toBe('11月30日');
    expect(weekRange('en', '2026-11-30')).toMatch(/30 Nov.+6 Dec 2026/);
  });
});

describe('session days of a rotation in a week, as the API counts them', () => {
  const r = { startDate: '2026-12-01', endDate: '2026-12-31', weekdays: [2, 4], dates: ['2026-12-05'] };
  it.each([
    ['2026-11-30', '2026-12-06', ['2026-12-01', '2026-12-03', '2026-12-05']],
    ['2026-12-07', '2026-12-13', ['2026-12-08', '2026-12-10']],
    ['2026-12-28', '2027-01-03', ['2026-12-29', '2026-12-31']],
    ['2027-01-04', '2027-01-10', []],
    ['2026-11-23', '2026-11-29', []],
  ])('from %s to %s', (from, to, days) => {
    expect(sessionDays(r, from, to)).toEqual(days);
  });

  it('listed dates alone', () => {
    expect(
      sessionDays(
        { startDate: '2026-12-01', endDate: '2026-12-31', weekdays: [], dates: ['2026-12-09'] },
        '2026-12-07',
        '2026-12-13',
      ),
    ).toEqual(['2026-12-09']);
  });
});
