import { describe, expect, test } from 'vitest';
import { dayOfMonth, lmsAt, valueAtZ } from './growth.rules.ts';
import { growthTables } from './growth.tables.ts';

/**
 * The shipped LMS tables against WHO's published SD tables (the SD3neg ... SD3 columns of
 * tab_wfa_boys_z_0_5, tab_lhfa_girls_z_0_2 / _2_5, tab_wfl_boys_z_0_2, tab_wfh_boys_z_2_5, one decimal):
 * the curves the tables give round to the published figures. Months are read at day m × 30.4375 (dayOfMonth).
 */
const tables = growthTables();
/** Half of the published figures' last decimal, and the half day between month 24 (730.5) and day 731. */
const TOLERANCE = 0.06;
type Row = readonly [number, number, number, number, number, number, number];

function sdOf(lms: [number, number, number]): number[] {
  return [-3, -2, -1, 0, 1, 2, 3].map((z) => valueAtZ(lms, z));
}

describe('weight-for-age boys (WHO tab_wfa_boys_z_0_5)', () => {
  test.each([
    [0, [2.1, 2.5, 2.9, 3.3, 3.9, 4.4, 5.0]],
    [1, [2.9, 3.4, 3.9, 4.5, 5.1, 5.8, 6.6]],
    [12, [6.9, 7.7, 8.6, 9.6, 10.8, 12.0, 13.3]],
    [24, [8.6, 9.7, 10.8, 12.2, 13.6, 15.3, 17.1]],
  ] as const)('month %s', (month, published: Row) => {
    const lms = lmsAt(tables.weightForAge, 'male', dayOfMonth(month));
    expect(lms).not.toBeNull();
    sdOf(lms!).forEach((v, i) => {
      expect(Math.abs(v - published[i]!)).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('length/height-for-age girls (WHO tab_lhfa_girls_z_0_2 and _2_5)', () => {
  test.each([
    [0, [43.6, 45.4, 47.3, 49.1, 51.0, 52.9, 54.7]],
    [1, [47.8, 49.8, 51.7, 53.7, 55.6, 57.6, 59.5]],
    [12, [66.3, 68.9, 71.4, 74.0, 76.6, 79.2, 81.7]],
    // From 24 months the height table (standing): median 85.7, 0.7 cm below the length table's 86.4.
    [24, [76.0, 79.3, 82.5, 85.7, 88.9, 92.2, 95.4]],
    [36, [83.6, 87.4, 91.2, 95.1, 98.9, 102.7, 106.5]],
    [48, [89.8, 94.1, 98.4, 102.7, 107.0, 111.3, 115.7]],
  ] as const)('month %s', (month, published: Row) => {
    const lms = lmsAt(tables.lengthHeightForAge, 'female', dayOfMonth(month));
    sdOf(lms!).forEach((v, i) => {
      expect(Math.abs(v - published[i]!)).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

describe('weight-for-length and weight-for-height boys (WHO tab_wfl_boys_z_0_2, tab_wfh_boys_z_2_5)', () => {
  test.each([
    ['weightForLength', 45, [1.9, 2.0, 2.2, 2.4, 2.7, 3.0, 3.3]],
    ['weightForLength', 45.5, [1.9, 2.1, 2.3, 2.5, 2.8, 3.1, 3.4]],
    ['weightForLength', 51, [2.7, 3.0, 3.2, 3.5, 3.9, 4.2, 4.7]],
    ['weightForLength', 57, [4.0, 4.3, 4.7, 5.1, 5.6, 6.1, 6.7]],
    ['weightForHeight', 65, [5.9, 6.3, 6.9, 7.4, 8.1, 8.8, 9.6]],
    ['weightForHeight', 65.5, [6.0, 6.4, 7.0, 7.6, 8.2, 8.9, 9.8]],
    ['weightForHeight', 71, [6.9, 7.5, 8.1, 8.8, 9.6, 10.4, 11.4]],
    ['weightForHeight', 77, [7.9, 8.5, 9.2, 10.0, 10.9, 11.9, 13.0]],
  ] as const)('%s %s cm', (table, cm, published: Row) => {
    const lms = lmsAt(tables[table], 'male', cm);
    sdOf(lms!).forEach((v, i) => {
      expect(Math.abs(v - published[i]!)).toBeLessThanOrEqual(TOLERANCE);
    });
  });
});

test('every table covers its range for both sexes', () => {
  expect(tables.weightForAge.boys).toHaveLength(1827);
  expect(tables.weightForAge.girls).toHaveLength(1827);
  expect(tables.lengthHeightForAge.girls).toHaveLength(1827);
  expect(tables.weightForLength.boys).toHaveLength(651);
  expect(tables.weightForHeight.girls).toHaveLength(551);
});
