import { describe, expect, test } from 'vitest';
import { loadProfile } from '../../platform/profile.ts';
import {
  citizenIdProblem,
  cnCheckCharacter,
  normaliseCitizenId,
  validateCitizenId,
} from './identity.rules.ts';

const vn = loadProfile('vn');
const cn = loadProfile('cn');

describe('Vietnamese chip citizen ID (12 digits)', () => {
  test.each([
    { value: '056090123456', normalised: '056090123456', sex: 'male', birthYear: 1990 },
    { value: '001185000001', normalised: '001185000001', sex: 'female', birthYear: 1985 },
    { value: '079205123456', normalised: '079205123456', sex: 'male', birthYear: 2005 },
    { value: '079324000999', normalised: '079324000999', sex: 'female', birthYear: 2024 },
    { value: '096000000000', normalised: '096000000000', sex: 'male', birthYear: 1900 },
    { value: '001199000000', normalised: '001199000000', sex: 'female', birthYear: 1999 },
    { value: '048400000001', normalised: '048400000001', sex: 'male', birthYear: 2100 },
    { value: '048901000001', normalised: '048901000001', sex: 'female', birthYear: 2301 },
    { value: ' 056 090 123 456 ', normalised: '056090123456', sex: 'male', birthYear: 1990 },
    { value: '056-090-123.456', normalised: '056090123456', sex: 'male', birthYear: 1990 },
  ])('$value is valid: $sex born $birthYear', ({ value, normalised, sex, birthYear }) => {
    expect(validateCitizenId(vn, value)).toEqual({ ok: true, normalised, sex, birthYear });
  });

  test.each([
    { value: '05609012345', reason: 'must be 12 digits' },
    { value: '0560901234567', reason: 'must be 12 digits' },
    { value: '05609012345A', reason: 'must be 12 digits' },
    { value: '', reason: 'must be 12 digits' },
    { value: '000090123456', reason: 'province-of-birth' },
    { value: '003090123456', reason: 'province-of-birth' },
    { value: '099090123456', reason: 'province-of-birth' },
    { value: '560901234567', reason: 'province-of-birth' },
    { value: '156090123456', reason: 'province-of-birth' },
  ])('$value is refused: $reason', ({ value, reason }) => {
    const result = validateCitizenId(vn, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  test.each([
    { value: '056090123456', facts: { sex: 'male' as const, birthYear: 1990 }, ok: true },
    { value: '056190123456', facts: { sex: 'female' as const, birthDate: '1990-05-04' }, ok: true },
    { value: '056090123456', facts: { sex: 'female' as const }, ok: false },
    { value: '056190123456', facts: { sex: 'male' as const }, ok: false },
    { value: '056090123456', facts: { birthYear: 1991 }, ok: false },
    { value: '056090123456', facts: { birthYear: 2090 }, ok: false },
    { value: '056290123456', facts: { birthYear: 1990 }, ok: false },
    { value: '056212123456', facts: { birthDate: '2012-01-31' }, ok: true },
    { value: '056212123456', facts: { birthDate: '1912-01-31' }, ok: false },
  ])('$value against $facts: $ok', ({ value, facts, ok }) => {
    expect(validateCitizenId(vn, value, facts).ok).toBe(ok);
  });
});

describe('Chinese resident ID (18 characters, ISO 7064 MOD 11-2)', () => {
  test.each([
    { first17: '11010519491231002', check: 'X' },
    { first17: '44052418800101001', check: '4' },
    { first17: '11010120000101001', check: '0' },
    { first17: '31010419851015002', check: '6' },
    { first17: '44030620240229001', check: '5' },
  ])('check character of $first17 is $check', ({ first17, check }) => {
    expect(cnCheckCharacter(first17)).toBe(check);
  });

  test.each([
    { value: '11010519491231002X', sex: 'female', birthDate: '1949-12-31' },
    { value: '11010519491231002x', sex: 'female', birthDate: '1949-12-31' },
    { value: '440524188001010014', sex: 'male', birthDate: '1880-01-01' },
    { value: '310104198510150026', sex: 'female', birthDate: '1985-10-15' },
    { value: '440306202402290015', sex: 'male', birthDate: '2024-02-29' },
    { value: '110101 20000101 0010', sex: 'male', birthDate: '2000-01-01' },
  ])('$value is valid: $sex born $birthDate', ({ value, sex, birthDate }) => {
    const result = validateCitizenId(cn, value);
    expect(result).toEqual({
      ok: true,
      normalised: value.replace(/\s/g, '').toUpperCase(),
      sex,
      birthYear: Number(birthDate.slice(0, 4)),
      birthDate,
    });
  });

  test.each([
    { value: '11010519491231002', reason: '17 digits' },
    { value: '11010519491231002X1', reason: '17 digits' },
    { value: '1101051949123100XX', reason: '17 digits' },
    { value: '110105194912310021', reason: 'check digit' },
    { value: '440524188001010015', reason: 'check digit' },
    { value: '110105194913310020', reason: 'not a real date' },
    { value: '110105202302290010', reason: 'not a real date' },
    { value: '110105194912320020', reason: 'not a real date' },
    { value: '000000194912310020', reason: 'area code' },
    { value: '990105194912310020', reason: 'area code' },
  ])('$value is refused: $reason', ({ value, reason }) => {
    const result = validateCitizenId(cn, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });

  test.each([
    { facts: { sex: 'female' as const, birthDate: '1949-12-31' }, ok: true },
    { facts: { sex: 'male' as const }, ok: false },
    { facts: { birthYear: 1950 }, ok: false },
    { facts: { birthDate: '1949-12-30' }, ok: false },
  ])('11010519491231002X against $facts: $ok', ({ facts, ok }) => {
    expect(validateCitizenId(cn, '11010519491231002X', facts).ok).toBe(ok);
  });

  test('a Vietnamese number is not a Chinese one and the other way round', () => {
    expect(validateCitizenId(cn, '056090123456').ok).toBe(false);
    expect(validateCitizenId(vn, '11010519491231002X').ok).toBe(false);
  });
});

describe('the first problem as data, as the web form words it', () => {
  const vnRule = { format: 'vn-cccd', regionCodes: ['056', '001'] };
  const cnRule = { format: 'cn-resident-id', regionCodes: ['11'] };

  test.each([
    ['056090123456', {}, null],
    ['056 090 123 456', {}, null],
    ['05609012345', {}, { kind: 'length', digits: 12 }],
    ['05609012345a', {}, { kind: 'length', digits: 12 }],
    ['099090123456', {}, { kind: 'region', code: '099' }],
    ['056090123456', { sex: 'female' }, { kind: 'sex', encoded: 'male', given: 'female' }],
    ['056190123456', { sex: 'female', birthYear: 1990 }, null],
    ['056290123456', { birthDate: '1990-04-01' }, { kind: 'birthYear', encoded: 2090, given: 1990 }],
    ['056090123456', { sex: 'other' }, null],
  ] as const)('VN %s with %o: %o', (id, facts, expected) => {
    expect(citizenIdProblem(vnRule, id, facts)).toEqual(expected);
  });

  test.each([
    ['11010519491231002x', { sex: 'female', birthDate: '1949-12-31' }, null],
    [
      '11010519491231002X',
      { birthDate: '1949-12-30' },
      { kind: 'birthDate', encoded: '1949-12-31', given: '1949-12-30' },
    ],
    ['110105194912310021', {}, { kind: 'checkDigit' }],
    ['11010519491331002X', {}, { kind: 'notADate', digits: '19491331' }],
    ['12010519491231002X', {}, { kind: 'region', code: '120105' }],
    ['1101051949123100', {}, { kind: 'length', digits: 18 }],
  ] as const)('CN %s with %o: %o', (id, facts, expected) => {
    expect(citizenIdProblem(cnRule, id, facts)).toEqual(expected);
  });

  test('normalises separators and case', () => {
    expect(normaliseCitizenId(' 056.090-123 456 ')).toBe('056090123456');
    expect(normaliseCitizenId('11010519491231002x')).toBe('11010519491231002X');
  });
});
