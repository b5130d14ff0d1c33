import { describe, expect, test } from 'vitest';
import {
  formatBirth,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatInteger,
  formatSex,
} from './format.ts';

const HANOI = 'Asia/Ho_Chi_Minh';

describe('Decision 130 formats', () => {
  test.each([
    { at: '2026-12-02T02:05:00Z', zone: HANOI, want: '202612020905' },
    { at: '2026-03-31T16:30:00Z', zone: HANOI, want: '202603312330' },
    { at: '2026-03-31T17:00:00Z', zone: HANOI, want: '202604010000' },
    { at: '2026-12-31T16:59:00Z', zone: 'Asia/Shanghai', want: '202701010059' },
  ])('the instant $at is $want on $zone', ({ at, zone, want }) => {
    expect(formatDateTime(new Date(at), zone)).toBe(want);
  });

  test('no instant is empty', () => expect(formatDateTime(null, HANOI)).toBe(''));

  test.each([
    { date: '2026-02-01', want: '20260201' },
    { date: null, want: '' },
    { date: '2026/02/01', want: '' },
  ])('the date $date is "$want"', ({ date, want }) => expect(formatDate(date)).toBe(want));

  test.each([
    { date: '1980-07-09', year: 1980, precision: 'day' as const, want: '198007090000' },
    { date: '1980-01-01', year: 1980, precision: 'year' as const, want: '198000000000' },
    { date: null, year: 1955, precision: 'year' as const, want: '195500000000' },
    { date: null, year: null, precision: null, want: '' },
  ])('NGAY_SINH of $date ($precision) is "$want"', ({ date, year, precision, want }) => {
    const got = formatBirth(date, year, precision);
    expect(got).toBe(want);
    if (got) expect(got).toHaveLength(12);
  });

  test.each([
    { sex: 'male', want: '1' },
    { sex: 'female', want: '2' },
    { sex: 'other', want: '3' },
    { sex: null, want: '3' },
  ])('GIOI_TINH of $sex is $want', ({ sex, want }) => expect(formatSex(sex)).toBe(want));

  test.each([
    { value: '12500', decimals: 2, want: '12500.00' },
    { value: '12500.5', decimals: 2, want: '12500.50' },
    { value: '0.005', decimals: 2, want: '0.01' },
    { value: '0.004', decimals: 2, want: '0.00' },
    { value: '-0.004', decimals: 2, want: '0.00' },
    { value: '-7.125', decimals: 2, want: '-7.13' },
    { value: '1.2345', decimals: 3, want: '1.235' },
    { value: '99999999999.99', decimals: 2, want: '99999999999.99' },
    { value: '80.00', decimals: 0, want: '80' },
    { value: 450, decimals: 3, want: '450.000' },
    { value: 0.1, decimals: 2, want: '0.10' },
    { value: '1,5', decimals: 2, want: '' },
    { value: null, decimals: 2, want: '' },
  ])('$value with $decimals decimals is "$want"', ({ value, decimals, want }) => {
    expect(formatDecimal(value, decimals)).toBe(want);
  });

  test.each([
    { value: 3, want: '3' },
    { value: '12', want: '12' },
    { value: 1.5, want: '' },
    { value: null, want: '' },
  ])('the whole number $value is "$want"', ({ value, want }) => expect(formatInteger(value)).toBe(want));
});
