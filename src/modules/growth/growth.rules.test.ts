import { describe, expect, test } from 'vitest';
import type { GrowthClass, GrowthIndicator, MeasurePosition } from './growth.enums.ts';
import {
  ageOn,
  assess,
  classify,
  isChildOn,
  lengthForTables,
  lmsAt,
  referenceCurves,
  valueAtZ,
  zFromLms,
  zRestricted,
} from './growth.rules.ts';
import { growthTables } from './growth.tables.ts';

/**
 * The rules against hand computations from the rows of the WHO tables (L, M, S written out below, as
 * read from protocols/growth/) and against WHO Anthro's own expected answers where it publishes them.
 */
const tables = growthTables();

// Boys' weight-for-age at 365 days: L 0.0645, M 9.646, S 0.10925.
const BOY_WFA_365 = [0.0645, 9.646, 0.10925] as const;

describe('zFromLms and zRestricted (Box-Cox, then SD23 beyond ±3)', () => {
  test.each([
    // value, lms, plain z, restricted z
    [9.646, BOY_WFA_365, 0, 0],
    [7.7, BOY_WFA_365, -2.0475, -2.0475],
    [16, BOY_WFA_365, 4.7084, 4.9575],
    [6, BOY_WFA_365, -4.28, -4.1366],
    // Girls at 1522 days (L -0.3387, M 16.433, S 0.14051): WHO Anthro's own test answers 0.24 for 17 kg.
    [17, [-0.3387, 16.433, 0.14051], 0.24, 0.24],
    // L = 0 is the log form.
    [10 * Math.exp(0.1), [0, 10, 0.1], 1, 1],
  ] as const)('%s kg → z %s, restricted %s', (value, lms, plain, restricted) => {
    expect(zFromLms(value, [...lms])).toBeCloseTo(plain, 2);
    expect(zRestricted(value, [...lms])).toBeCloseTo(restricted, 2);
  });

  test.each([-3, -2, -1, 0, 1, 2, 3])('valueAtZ inverts zFromLms at %s', (z) => {
    expect(zFromLms(valueAtZ([...BOY_WFA_365], z), [...BOY_WFA_365])).toBeCloseTo(z, 10);
  });

  test('the restricted score is continuous at ±3', () => {
    const at3 = valueAtZ([...BOY_WFA_365], 3);
    expect(zRestricted(at3 + 1e-9, [...BOY_WFA_365])).toBeCloseTo(3, 6);
    const atMinus3 = valueAtZ([...BOY_WFA_365], -3);
    expect(zRestricted(atMinus3 - 1e-9, [...BOY_WFA_365])).toBeCloseTo(-3, 6);
  });
});

describe('lmsAt (rows by day, by 0.1 cm, linear between)', () => {
  test.each([
    ['weightForAge', 'male', 0, [0.3487, 3.3464, 0.14602]],
    ['weightForAge', 'male', 365, [0.0645, 9.646, 0.10925]],
    ['weightForAge', 'female', 1522, [-0.3387, 16.433, 0.14051]],
    ['lengthHeightForAge', 'male', 730, [1, 87.8018, 0.03479]],
    ['lengthHeightForAge', 'male', 731, [1, 87.1303, 0.03508]],
    ['weightForLength', 'male', 52.3, [-0.3521, 3.833, 0.08753]],
    ['weightForLength', 'male', 52.35, [-0.3521, 3.84505, 0.0875]],
    ['weightForLength', 'male', 110, [-0.3521, 18.2689, 0.08755]],
    ['weightForHeight', 'female', 90, [-0.3833, 12.6461, 0.08911]],
    ['weightForHeight', 'female', 120, [-0.3833, 22.8173, 0.09828]],
  ] as const)('%s %s at %s', (table, sex, x, row) => {
    const got = lmsAt(tables[table], sex, x);
    expect(got).not.toBeNull();
    row.forEach((v, i) => {
      expect(got?.[i]).toBeCloseTo(v, 6);
    });
  });

  test.each([
    ['weightForAge', -1],
    ['weightForAge', 1827],
    ['weightForLength', 44.9],
    ['weightForLength', 110.1],
    ['weightForHeight', 64.9],
    ['weightForHeight', 120.05],
  ] as const)('%s at %s is outside the table', (table, x) => {
    expect(lmsAt(tables[table], 'male', x)).toBeNull();
  });
});

describe('lengthForTables (lying under 731 days, standing from then, 0.7 cm the other way)', () => {
  test.each([
    [200, 65, null, 65, 'lying', false],
    [200, 65, 'lying', 65, 'lying', false],
    [200, 65, 'standing', 65.7, 'lying', true],
    [730, 80, 'standing', 80.7, 'lying', true],
    [731, 88, 'lying', 87.3, 'standing', true],
    [800, 88, 'standing', 88, 'standing', false],
    [800, 88, null, 88, 'standing', false],
  ] as const)('day %s, %s cm measured %s → %s cm %s', (day, cm, position, expected, as, converted) => {
    expect(lengthForTables(day, cm, position as MeasurePosition | null)).toEqual({
      cm: expected,
      as,
      converted,
    });
  });
});

describe('classify (WHO cut-offs, on the two-decimal z)', () => {
  test.each([
    ['weight-for-age', -3.01, 'severely_underweight'],
    ['weight-for-age', -3, 'underweight'],
    ['weight-for-age', -2.01, 'underweight'],
    ['weight-for-age', -2, 'normal'],
    ['weight-for-age', 2.5, 'normal'],
    ['weight-for-age', -6.01, 'implausible'],
    ['weight-for-age', 5.01, 'implausible'],
    ['weight-for-age', 5, 'normal'],
    ['length-height-for-age', -3.5, 'severely_stunted'],
    ['length-height-for-age', -2.42, 'stunted'],
    ['length-height-for-age', 0, 'normal'],
    ['length-height-for-age', 3, 'normal'],
    ['length-height-for-age', 3.01, 'very_tall'],
    ['length-height-for-age', 6.01, 'implausible'],
    ['length-height-for-age', -6, 'severely_stunted'],
    ['weight-for-length-height', -3.34, 'severely_wasted'],
    ['weight-for-length-height', -2.76, 'wasted'],
    ['weight-for-length-height', -2, 'normal'],
    ['weight-for-length-height', 1, 'normal'],
    ['weight-for-length-height', 1.01, 'possible_risk_of_overweight'],
    ['weight-for-length-height', 2, 'possible_risk_of_overweight'],
    ['weight-for-length-height', 2.01, 'overweight'],
    ['weight-for-length-height', 3.01, 'obese'],
    ['weight-for-length-height', 5.01, 'implausible'],
    ['weight-for-length-height', -5.01, 'implausible'],
  ] as const)('%s %s → %s', (indicator, z, expected) => {
    expect(classify(indicator as GrowthIndicator, z)).toBe(expected as GrowthClass);
  });
});

describe('ageOn and isChildOn', () => {
  test.each([
    ['2025-12-02', '2026-12-02', 365, 12],
    ['2025-12-03', '2026-12-02', 364, 11],
    ['2026-01-31', '2026-02-28', 28, 0],
    ['2026-01-31', '2026-03-01', 29, 1],
    ['2024-02-29', '2025-02-28', 365, 11],
    ['2026-12-02', '2026-12-02', 0, 0],
    ['2020-12-02', '2026-12-01', 2190, 71],
    ['2020-12-02', '2026-12-02', 2191, 72],
  ])('born %s, on %s: %s days, %s completed months', (birth, on, days, months) => {
    expect(ageOn(birth, on)).toEqual({ days, months });
  });

  test.each([
    ['2020-12-03', '2026-12-02', true],
    ['2020-12-02', '2026-12-02', false],
    ['1960-05-01', '2026-12-02', false],
    ['2026-12-02', '2026-12-02', true],
    ['2026-12-03', '2026-12-02', false],
  ])('born %s is a child on %s: %s', (birth, on, child) => {
    expect(isChildOn(birth, on)).toBe(child);
  });
});

describe('assess (one measurement, every indicator)', () => {
  const m = (
    date: string,
    weightKg: number | null,
    heightCm: number | null,
    position: MeasurePosition | null = null,
  ) => ({
    date,
    weightKg,
    heightCm,
    position,
  });

  test('a boy of 365 days at the median weight, 70 cm lying: normal weight, stunted', () => {
    const a = assess(tables, 'male', '2025-12-02', m('2026-12-02', 9.646, 70));
    expect(a.age).toEqual({ days: 365, months: 12 });
    expect(a.weightForAge).toEqual({ z: 0, class: 'normal' });
    // (70 / 75.7391 − 1) / 0.03137 = −2.4155
    expect(a.lengthHeightForAge).toEqual({ z: -2.42, class: 'stunted' });
    expect(a.length).toEqual({ cm: 70, as: 'lying', converted: false });
    // weight-for-length 70 cm: L −0.3521, M 8.4227, S 0.08229 → 1.61
    expect(a.weightForLengthHeight).toEqual({ z: 1.61, class: 'possible_risk_of_overweight' });
  });

  test('a girl of 1522 days, 17 kg: WHO Anthro answers 0.24', () => {
    const a = assess(tables, 'female', '2022-09-01', { ...m('2026-11-01', 17, null) });
    expect(a.age.days).toBe(1522);
    expect(a.weightForAge).toEqual({ z: 0.24, class: 'normal' });
    expect(a.lengthHeightForAge).toBeNull();
    expect(a.weightForLengthHeight).toBeNull();
  });

  test('a girl of one day weighing 10.37 kg is implausible (WHO Anthro flags it)', () => {
    const a = assess(tables, 'female', '2026-12-01', m('2026-12-02', 10.37, null));
    expect(a.weightForAge?.class).toBe('implausible');
  });

  test('weight-for-length by interpolation at 52.35 cm (a standing infant of 51.65 cm + 0.7)', () => {
    const a = assess(tables, 'male', '2026-10-02', m('2026-12-02', 3.8, 51.65, 'standing'));
    expect(a.length).toEqual({ cm: 52.35, as: 'lying', converted: true });
    expect(a.weightForLengthHeight).toEqual({ z: -0.13, class: 'normal' });
  });

  test.each([
    // boy, lying 80 cm at 400 days: L −0.3521, M 10.4475, S 0.08308
    ['male', '2025-10-28', '2026-12-02', 8.0, 80, -3.34, 'severely_wasted'],
    ['male', '2025-10-28', '2026-12-02', 13.5, 80, 2.95, 'overweight'],
    // girl, standing 90 cm at 3 years: L −0.3833, M 12.6461, S 0.08911
    ['female', '2023-12-02', '2026-12-02', 10.0, 90, -2.76, 'wasted'],
    ['female', '2023-12-02', '2026-12-02', 15.2, 90, 1.99, 'possible_risk_of_overweight'],
  ] as const)('%s born %s, on %s, %s kg at %s cm → %s %s', (sex, birth, on, kg, cm, z, cls) => {
    expect(assess(tables, sex, birth, m(on, kg, cm)).weightForLengthHeight).toEqual({ z, class: cls });
  });

  test('an older child measured lying is read against height: −0.7 cm', () => {
    const a = assess(tables, 'male', '2024-09-23', m('2026-12-02', 12.2382, 88, 'lying'));
    expect(a.length).toEqual({ cm: 87.3, as: 'standing', converted: true });
    expect(a.weightForLengthHeight).toEqual({ z: 0, class: 'normal' });
  });

  test('beyond the tables: over 60 months, or a length outside 45-110 cm', () => {
    const old = assess(tables, 'male', '2021-10-01', m('2026-12-02', 19, 112));
    expect(old.age.days).toBeGreaterThan(1826);
    expect([old.weightForAge, old.lengthHeightForAge, old.weightForLengthHeight]).toEqual([null, null, null]);
    const tiny = assess(tables, 'female', '2026-11-30', m('2026-12-02', 1.5, 44));
    expect(tiny.weightForLengthHeight).toBeNull();
    // (44 / 49.4854 − 1) / 0.03776 = −2.94
    expect(tiny.lengthHeightForAge).toEqual({ z: -2.94, class: 'stunted' });
  });

  test('a measurement dated before the birth date scores nothing', () => {
    const a = assess(tables, 'male', '2026-12-02', m('2026-12-01', 3, 50));
    expect([a.weightForAge, a.lengthHeightForAge, a.length]).toEqual([null, null, null]);
  });
});

describe('referenceCurves', () => {
  test('61 monthly points each, rising medians, ordered SD lines', () => {
    for (const sex of ['male', 'female'] as const) {
      const c = referenceCurves(tables, sex);
      for (const curve of [c.weightForAge, c.lengthHeightForAge]) {
        expect(curve).toHaveLength(61);
        expect(curve[0]?.month).toBe(0);
        expect(curve[60]?.month).toBe(60);
        for (const p of curve) {
          expect(p.minus3 < p.minus2 && p.minus2 < p.median && p.median < p.plus2 && p.plus2 < p.plus3).toBe(
            true,
          );
        }
      }
    }
  });
});
