import { describe, expect, test } from 'vitest';
import type { DoseFrequency } from './encounters.enums.ts';
import type { PrescriptionInput } from './encounters.schema.ts';
import { administrationsOf, quantityOf, readPrescription } from './prescriptions.rules.ts';

describe('quantityOf', () => {
  test.each<[number, DoseFrequency, number, number | null]>([
    // dose, frequency, days, quantity
    [1, 'once-daily', 30, 30],
    [1, 'once-daily', 1, 1],
    [2, 'once-daily', 30, 60],
    [1, 'twice-daily', 30, 60],
    [1, 'three-times-daily', 5, 15],
    [1, 'four-times-daily', 7, 28],
    [0.5, 'once-daily', 30, 15],
    [0.5, 'once-daily', 29, 15],
    [0.5, 'twice-daily', 3, 3],
    [0.5, 'three-times-daily', 5, 8],
    [0.25, 'once-daily', 10, 3],
    [0.1, 'once-daily', 30, 3],
    [1.5, 'twice-daily', 7, 21],
    [1, 'every-other-day', 30, 15],
    [1, 'every-other-day', 31, 16],
    [1, 'every-other-day', 1, 1],
    [1, 'weekly', 28, 4],
    [1, 'weekly', 29, 5],
    [1, 'weekly', 90, 13],
    [1, 'at-night', 90, 90],
    [2, 'single-dose', 1, 2],
    [2, 'single-dose', 30, 2],
    [0.01, 'single-dose', 1, 1],
    [1, 'as-needed', 10, null],
  ])('%s × %s over %s days is %s', (dose, frequency, days, want) => {
    expect(quantityOf(dose, frequency, days)).toBe(want);
  });

  test('as-needed cannot be counted', () => {
    expect(administrationsOf('as-needed', 5)).toBeNull();
  });
});

describe('readPrescription', () => {
  const base: PrescriptionInput = {
    id: '019ad000-0000-7000-8000-000000000001',
    medicineId: '019ad000-0000-7000-8000-000000000002',
    dose: 1,
    frequency: 'once-daily',
    durationDays: 30,
  };
  const f = 'body.prescriptions[0]';

  test.each<[string, Partial<PrescriptionInput>, boolean, unknown]>([
    ['30 days counted', {}, false, { quantity: 30, quantityComputed: true, longTerm: false }],
    [
      'given quantity kept',
      { quantity: 28 },
      false,
      { quantity: 28, quantityComputed: false, longTerm: false },
    ],
    [
      '90 days of a chronic patient is long-term',
      { durationDays: 90 },
      true,
      { quantity: 90, quantityComputed: true, longTerm: true },
    ],
    [
      'marked long-term at 30 days',
      { longTerm: true },
      true,
      { quantity: 30, quantityComputed: true, longTerm: true },
    ],
    [
      'as-needed with quantity',
      { frequency: 'as-needed', quantity: 10 },
      false,
      { quantity: 10, quantityComputed: false, longTerm: false },
    ],
  ])('%s', (_name, change, chronicPatient, want) => {
    expect(readPrescription({ ...base, ...change }, f, { chronicPatient })).toEqual(want);
  });

  test.each<[string, Partial<PrescriptionInput>, boolean, string[]]>([
    ['as-needed without quantity', { frequency: 'as-needed' }, false, [`${f}.quantity`]],
    ['60 days of a non-chronic patient', { durationDays: 60 }, false, [`${f}.longTerm`]],
    ['60 days marked not long-term', { durationDays: 60, longTerm: false }, true, [`${f}.longTerm`]],
    ['long-term without a chronic problem', { longTerm: true }, false, [`${f}.longTerm`]],
  ])('refuses %s', (_name, change, chronicPatient, fields) => {
    const r = readPrescription({ ...base, ...change }, f, { chronicPatient });
    expect(Array.isArray(r)).toBe(true);
    expect((r as { field: string }[]).map((e) => e.field)).toEqual(fields);
  });
});
