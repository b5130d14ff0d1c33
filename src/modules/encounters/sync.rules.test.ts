import { expect, test } from 'vitest';
import { derivedIdOf, fingerprintOf, stableJson } from './sync.rules.ts';

test.each([
  [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
  [{ a: undefined, b: [1, { d: 1, c: null }] }, '{"b":[1,{"c":null,"d":1}]}'],
  ['x', '"x"'],
  [[], '[]'],
])('stableJson(%j) = %s', (value, want) => expect(stableJson(value)).toBe(want));

test('the fingerprint ignores key order and absent fields, not values', () => {
  expect(fingerprintOf({ a: 1, b: 'x' })).toBe(fingerprintOf({ b: 'x', a: 1, c: undefined }));
  expect(fingerprintOf({ a: 1 })).not.toBe(fingerprintOf({ a: 2 }));
});

test('a derived id is a stable UUID v7 with its source time', () => {
  const source = '019ae3f1-2b3c-7d4e-8f00-112233445566';
  const id = derivedIdOf(source, 'bmi');
  expect(id).toMatch(/^019ae3f1-2b3c-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(derivedIdOf(source, 'bmi')).toBe(id);
  expect(derivedIdOf(source, 'other')).not.toBe(id);
});
