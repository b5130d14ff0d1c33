import { describe, expect, test } from 'vitest';
import type { ObservationInput } from './encounters.schema.ts';
import { observationKinds, observationKindsByCode } from './observation-kinds.ts';
import { bmiOf, flagOf, readObservation, readObservations, roundTo } from './observations.rules.ts';

const kinds = observationKindsByCode();
const kind = (code: string) => {
  const k = kinds.get(code);
  if (!k) throw new Error(code);
  return k;
};
const at = '2026-12-03T02:00:00.000Z';
const obs = (code: string, value: number, unit?: string): ObservationInput => ({
  id: '019ad000-0000-7000-8000-000000000001',
  code,
  value,
  ...(unit ? { unit } : {}),
});
const f = 'body.observations[0]';

describe('flagOf', () => {
  test.each([
    // code, value, flag
    ['8480-6', 120, null],
    ['8480-6', 179, null],
    ['8480-6', 180, 'alarming-high'],
    ['8480-6', 220, 'alarming-high'],
    ['8480-6', 79, 'alarming-low'],
    ['8480-6', 80, null],
    ['8462-4', 109, null],
    ['8462-4', 110, 'alarming-high'],
    ['1558-6', 16.7, null],
    ['1558-6', 16.8, 'alarming-high'],
    ['1558-6', 2.9, 'alarming-low'],
    ['1558-6', 3, null],
    ['2339-0', 20, 'alarming-high'],
    ['55283-6', 140, null],
    ['55283-6', 160, null],
    ['55283-6', 161, 'alarming-high'],
    ['55283-6', 100, 'alarming-low'],
    ['8310-5', 39.5, 'alarming-high'],
    ['8310-5', 34.9, 'alarming-low'],
    ['29463-7', 150, null],
    ['4548-4', 12, null],
  ] as const)('%s at %s is %s', (code, value, want) => {
    expect(flagOf(kind(code), value)).toBe(want);
  });
});

describe('readObservation', () => {
  test.each([
    // code, value, unit, stored value, flag
    ['8480-6', 135, undefined, 135, null],
    ['8480-6', 185, 'mmHg', 185, 'alarming-high'],
    ['1558-6', 126, 'mg/dL', 7, null],
    ['1558-6', 400, 'mg/dL', 22.2, 'alarming-high'],
    ['1558-6', 6.1, 'mmol/L', 6.1, null],
    ['29463-7', 3200, 'g', 3.2, null],
    ['8302-2', 1.62, 'm', 162, null],
    ['8310-5', 37.25, undefined, 37.3, null],
  ] as const)('%s %s %s is stored as %s (%s)', (code, value, unit, stored, flag) => {
    const r = readObservation(kinds, obs(code, value, unit), f, at);
    expect(r).toMatchObject({ code, value: stored, unit: kind(code).unit, enteredValue: value, flag });
  });

  test.each([
    // code, value, unit, field, words in the message
    ['8480-6', 400, undefined, `${f}.value`, 'allowed 50 to 300 mm[Hg]'],
    ['8480-6', 20, undefined, `${f}.value`, 'allowed 50 to 300'],
    ['29463-7', 0, undefined, `${f}.value`, 'allowed 0.3 to 300 kg'],
    ['29463-7', -5, undefined, `${f}.value`, 'not possible'],
    ['1558-6', 2000, 'mg/dL', `${f}.value`, 'allowed 18.02 to 900.9 mg/dL'],
    ['8462-4', 250, undefined, `${f}.value`, 'allowed 20 to 200'],
    ['8480-6', 120, 'kPa', `${f}.unit`, 'measured in mm[Hg], mmHg'],
    ['9999-9', 1, undefined, `${f}.code`, 'unknown observation code'],
    ['39156-5', 22, undefined, `${f}.code`, 'computed'],
  ] as const)('refuses %s %s %s at %s', (code, value, unit, field, words) => {
    const r = readObservation(kinds, obs(code, value, unit), f, at);
    expect(r).toMatchObject({ field });
    expect((r as { message: string }).message).toContain(words);
  });
});

describe('readObservations', () => {
  const derivedId = () => '019ad000-0000-7000-8000-0000000000bb';
  test('derives BMI from weight and height', () => {
    const r = readObservations(
      kinds,
      [obs('29463-7', 70), { ...obs('8302-2', 170), id: '019ad000-0000-7000-8000-000000000002' }],
      { fieldPrefix: 'body.observations', observedAt: at, derivedId },
    );
    expect(r.ok && r.observations.find((o) => o.derived)).toMatchObject({
      id: '019ad000-0000-7000-8000-0000000000bb',
      code: '39156-5',
      value: 24.2,
      derived: true,
    });
  });

  test('names every bad item', () => {
    const r = readObservations(kinds, [obs('8480-6', 400), obs('8462-4', 90), obs('8867-4', 0)], {
      fieldPrefix: 'body.observations',
      observedAt: at,
      derivedId,
    });
    expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual([
      'body.observations[0].value',
      'body.observations[2].value',
    ]);
  });

  test('no BMI without both', () => {
    const r = readObservations(kinds, [obs('29463-7', 70)], { fieldPrefix: 'b', observedAt: at, derivedId });
    expect(r.ok && r.observations.length).toBe(1);
  });
});

test.each([
  [70, 170, 24.2],
  [50, 155, 20.8],
  [0, 170, null],
  [70, 0, null],
])('bmiOf(%s kg, %s cm) = %s', (w, h, want) => expect(bmiOf(w, h)).toBe(want));

test.each([
  [1.005, 2, 1.01],
  [7.0, 1, 7],
  [-1.25, 1, -1.3],
  [126 * 0.0555, 1, 7],
])('roundTo(%s, %s) = %s', (v, d, want) => expect(roundTo(v, d)).toBe(want));

test('a profile display unit changes the default unit of entry', () => {
  const mg = observationKinds({ '1558-6': 'mg/dL', '8480-6': 'furlongs' });
  expect(mg.find((k) => k.code === '1558-6')?.displayUnit).toBe('mg/dL');
  expect(mg.find((k) => k.code === '8480-6')?.displayUnit).toBe('mm[Hg]');
  const r = readObservation(new Map(mg.map((k) => [k.code, k])), obs('1558-6', 99), f, at);
  expect(r).toMatchObject({ value: 5.5, enteredUnit: 'mg/dL', unit: 'mmol/L' });
});
