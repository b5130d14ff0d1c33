import { describe, expect, test } from 'vitest';
import type { ObservationKind, PrescriptionTemplate } from './api.ts';
import {
  diagnosisInputs,
  draftFlag,
  draftQuantity,
  formKinds,
  fromLastTime,
  newPrescription,
  observationInputs,
  prescriptionInputs,
  problemTarget,
  rangeOf,
  readNumber,
  recordsBody,
  unreadableDrafts,
} from './visit-form.ts';

const kind = (over: Partial<ObservationKind> & Pick<ObservationKind, 'code' | 'key'>): ObservationKind => ({
  unit: 'mm[Hg]',
  displayUnit: 'mm[Hg]',
  units: [{ unit: 'mm[Hg]', factor: 1 }],
  min: 50,
  max: 300,
  alarmingLow: 80,
  alarmingHigh: 180,
  alarmingHighExclusive: false,
  decimals: 0,
  derived: false,
  ...over,
});
const SYSTOLIC = kind({ code: '8480-6', key: 'systolic' });
const DIASTOLIC = kind({
  code: '8462-4',
  key: 'diastolic',
  min: 20,
  max: 200,
  alarmingLow: 40,
  alarmingHigh: 110,
});
const BMI = kind({ code: '39156-5', key: 'bmi', derived: true });
const GLUCOSE_MG = kind({
  code: '1558-6',
  key: 'glucose-fasting',
  unit: 'mmol/L',
  displayUnit: 'mg/dL',
  units: [
    { unit: 'mmol/L', factor: 1 },
    { unit: 'mg/dL', factor: 0.0555 },
  ],
  min: 1,
  max: 50,
  alarmingLow: 3,
  alarmingHigh: 16.7,
  alarmingHighExclusive: true,
  decimals: 1,
});
const WAIST = kind({
  code: '8280-0',
  key: 'waist',
  unit: 'cm',
  displayUnit: 'cm',
  units: [{ unit: 'cm', factor: 1 }],
});

describe('the measurement boxes', () => {
  test('blood pressure comes first, derived kinds are never typed', () => {
    const { first, more } = formKinds([WAIST, BMI, DIASTOLIC, SYSTOLIC]);
    expect(first.map((k) => k.key)).toEqual(['systolic', 'diastolic']);
    expect(more.map((k) => k.key)).toEqual(['waist']);
  });

  test.each([
    { text: '', want: null },
    { text: ' 120 ', want: 120 },
    { text: '36,8', want: 36.8 },
    { text: '36.8', want: 36.8 },
    { text: '12a', want: Number.NaN },
    { text: '1.2.3', want: Number.NaN },
  ])('"$text" reads as $want', ({ text, want }) => {
    expect(readNumber(text)).toEqual(want);
  });

  test.each([
    { k: SYSTOLIC, text: '180', want: 'alarming-high' },
    { k: SYSTOLIC, text: '179', want: null },
    { k: DIASTOLIC, text: '110', want: 'alarming-high' },
    { k: SYSTOLIC, text: '75', want: 'alarming-low' },
    { k: SYSTOLIC, text: 'x', want: null },
    // 310 mg/dL is 17.2 mmol/L: above 16.7, in the unit the country writes.
    { k: GLUCOSE_MG, text: '310', want: 'alarming-high' },
    { k: GLUCOSE_MG, text: '300', want: null },
  ])('$k.key $text is flagged $want', ({ k, text, want }) => {
    expect(draftFlag(k, text)).toBe(want);
  });

  test('the allowed range is shown in the unit typed', () => {
    expect(rangeOf(SYSTOLIC)).toEqual({ min: 50, max: 300, unit: 'mm[Hg]' });
    expect(rangeOf(GLUCOSE_MG)).toEqual({ min: 18.02, max: 900.9, unit: 'mg/dL' });
  });

  test('only boxes with a number are sent, in their display unit; unreadable ones are named', () => {
    const kinds = new Map([SYSTOLIC, GLUCOSE_MG].map((k) => [k.code, k]));
    const drafts = [
      { code: SYSTOLIC.code, text: '400', id: 'a' },
      { code: GLUCOSE_MG.code, text: '', id: 'b' },
      { code: DIASTOLIC.code, text: 'abc', id: 'c' },
    ];
    expect(observationInputs(drafts, kinds)).toEqual([
      { id: 'a', code: '8480-6', value: 400, unit: 'mm[Hg]' },
    ]);
    expect(unreadableDrafts(drafts)).toEqual([DIASTOLIC.code]);
  });
});

describe('diagnoses and prescriptions', () => {
  test('the first diagnosis is the main one unless the visit has one already', () => {
    const d = [
      { id: '1', code: 'I10', name: '', chronic: true },
      { id: '2', code: 'E11.9', name: '', chronic: true },
    ];
    expect(diagnosisInputs(d, false).map((x) => x.role)).toEqual(['main', 'secondary']);
    expect(diagnosisInputs(d, true).map((x) => x.role)).toEqual(['secondary', 'secondary']);
  });

  const amlodipine = { id: 'm1', name: 'Amlodipin', strength: '5 mg', unit: 'viên', dosageForm: 'tablet' };
  const template: PrescriptionTemplate = {
    medicineId: 'm1',
    medicine: { ...amlodipine, code: 'A1' },
    dose: 1,
    frequency: 'once-daily',
    durationDays: 30,
    quantity: 30,
    longTerm: false,
    instructions: null,
  };

  test('same as last time: the same lines under new ids, the quantity counted again', () => {
    const [line] = fromLastTime([template]);
    expect(line).toMatchObject({ medicineId: 'm1', dose: '1', frequency: 'once-daily', durationDays: '30' });
    expect(line!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(draftQuantity(line!)).toBe(30);
    expect(prescriptionInputs([line!])).toEqual([
      { id: line!.id, medicineId: 'm1', dose: 1, frequency: 'once-daily', durationDays: 30 },
    ]);
  });

  test.each([
    { dose: '0.5', frequency: 'three-times-daily', days: '5', quantity: '', want: 8 },
    { dose: '1', frequency: 'twice-daily', days: '30', quantity: '', want: 60 },
    { dose: '1', frequency: 'as-needed', days: '5', quantity: '', want: null },
    { dose: '1', frequency: 'as-needed', days: '5', quantity: '10', want: 10 },
    { dose: 'x', frequency: 'once-daily', days: '5', quantity: '', want: null },
  ] as const)(
    '$dose × $frequency × $days days (typed "$quantity") is $want',
    ({ dose, frequency, days, quantity, want }) => {
      const line = { ...newPrescription(amlodipine), dose, frequency, durationDays: days, quantity };
      expect(draftQuantity(line)).toBe(want);
    },
  );

  test('a line over 30 days goes as long-term; a typed quantity is sent', () => {
    const line = { ...newPrescription(amlodipine), durationDays: '90', quantity: '90' };
    expect(prescriptionInputs([line])[0]).toMatchObject({ durationDays: 90, quantity: 90, longTerm: true });
  });

  test('nothing typed: no request', () => {
    expect(recordsBody({ observations: [], diagnoses: [], prescriptions: [] })).toBeNull();
  });
});

describe('where a refusal of the API goes on the form', () => {
  test.each([
    { field: 'body.observations[1].value', want: { list: 'observations', index: 1, part: 'value' } },
    { field: 'body.prescriptions[0].quantity', want: { list: 'prescriptions', index: 0, part: 'quantity' } },
    { field: 'prescriptions[2].quantity', want: { list: 'prescriptions', index: 2, part: 'quantity' } },
    { field: 'body.add.diagnoses[0].code', want: { list: 'diagnoses', index: 0, part: 'code' } },
    { field: 'body.reason', want: null },
  ])('$field', ({ field, want }) => {
    expect(problemTarget(field)).toEqual(want);
  });
});
