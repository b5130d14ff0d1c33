import { describe, expect, test } from 'vitest';
import { isoWeek } from '../../platform/dates.ts';
import { loadProfile } from '../../platform/profile.ts';
import { per10k, type StaffCell, share, staffingDate, summariseStaff, targetFor } from './capacity.rules.ts';

const vn = loadProfile('vn');

describe('per10k', () => {
  test.each([
    { count: 1380, population: 1_200_000, want: 11.5 },
    { count: 4020, population: 1_200_000, want: 33.5 },
    { count: 10, population: 10_000, want: 10 },
    { count: 1, population: 30_000, want: 0.3 },
    { count: 0, population: 5000, want: 0 },
    { count: 5, population: 0, want: null },
    { count: 5, population: Number.NaN, want: null },
  ])('$count per $population people is $want per 10,000', ({ count, population, want }) => {
    expect(per10k(count, population)).toBe(want);
  });
});

describe('share', () => {
  test.each([
    { part: 676, whole: 1380, want: 0.4899 },
    { part: 1, whole: 3, want: 0.3333 },
    { part: 0, whole: 7, want: 0 },
    { part: 3, whole: 0, want: null },
  ])('$part of $whole is $want', ({ part, whole, want }) => {
    expect(share(part, whole)).toBe(want);
  });
});

describe('summariseStaff', () => {
  const cells: StaffCell[] = [
    { tier: 'commune', cadre: 'doctor', qualification: 'bachelor', count: 2 },
    { tier: 'commune', cadre: 'nurse', qualification: 'secondary', count: 6 },
    { tier: 'commune', cadre: 'midwife', qualification: 'college', count: 2 },
    { tier: 'provincial', cadre: 'doctor', qualification: 'postgraduate', count: 30 },
    { tier: 'provincial', cadre: 'doctor', qualification: 'bachelor', count: 20 },
    { tier: 'provincial', cadre: 'nurse', qualification: 'bachelor', count: 25 },
    { tier: 'provincial', cadre: 'nurse', qualification: 'college', count: 25 },
    { tier: 'district', cadre: 'assistant_doctor', qualification: 'secondary', count: 4 },
  ];
  const s = summariseStaff(cells, vn);

  test('counts all staff and only the doctor cadres as doctors', () => {
    expect(s.staff).toBe(114);
    expect(s.doctors).toBe(52); // assistant doctors (y sĩ) are not doctors
    expect(s.doctorsPostgraduate).toBe(30);
  });

  test('bachelor or above by tier, tiers in the profile order', () => {
    expect(s.byTier.map((t) => t.tier)).toEqual(['provincial', 'district', 'commune']);
    expect(s.byTier[0]).toEqual({ tier: 'provincial', staff: 100, bachelorOrAbove: 75, share: 0.75 });
    expect(s.byTier[1]).toEqual({ tier: 'district', staff: 4, bachelorOrAbove: 0, share: 0 });
    expect(s.byTier[2]).toEqual({ tier: 'commune', staff: 10, bachelorOrAbove: 2, share: 0.2 });
    expect(s.bachelorOrAbove).toBe(77);
  });

  test('no staff gives zeros and no tiers', () => {
    expect(summariseStaff([], vn)).toEqual({
      staff: 0,
      doctors: 0,
      doctorsPostgraduate: 0,
      bachelorOrAbove: 0,
      byTier: [],
    });
  });
});

describe('targetFor', () => {
  test.each([
    { year: 2023, want: 2025 },
    { year: 2025, want: 2025 },
    { year: 2026, want: 2030 },
    { year: 2030, want: 2030 },
    { year: 2035, want: 2030 },
  ])('the target for $year is the $want one', ({ year, want }) => {
    expect(targetFor(vn, year)?.year).toBe(want);
  });

  test('the 2025 targets are 33.5 beds and 10 doctors per 10,000 (seed 004)', () => {
    expect(targetFor(vn, 2025)).toEqual({ year: 2025, bedsPer10k: 33.5, doctorsPer10k: 10 });
  });

  test('a profile without targets has none', () => {
    expect(targetFor(loadProfile('cn'), 2025)).toBeNull();
  });
});

describe('staffingDate', () => {
  test.each([
    { year: 2024, today: '2026-11-25', want: '2024-12-31' },
    { year: 2025, today: '2026-11-25', want: '2025-12-31' },
    { year: 2026, today: '2026-11-25', want: '2026-11-25' },
    { year: 2030, today: '2026-11-25', want: '2026-11-25' },
  ])('staff for $year counted on $want', ({ year, today, want }) => {
    expect(staffingDate(year, today)).toBe(want);
  });
});

describe('isoWeek', () => {
  test.each([
    { date: '2026-11-25', start: '2026-11-23', end: '2026-11-29' }, // a Wednesday
    { date: '2026-11-23', start: '2026-11-23', end: '2026-11-29' }, // Monday
    { date: '2026-11-29', start: '2026-11-23', end: '2026-11-29' }, // Sunday
    { date: '2027-01-01', start: '2026-12-28', end: '2027-01-03' }, // across the new year
    { date: '2024-02-29', start: '2024-02-26', end: '2024-03-03' }, // leap day
  ])('$date is in the week $start to $end', ({ date, start, end }) => {
    expect(isoWeek(date)).toEqual({ start, end });
  });
});
