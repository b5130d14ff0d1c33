import { describe, expect, it } from 'vitest';
import { citizenIdProblem, normaliseCitizenId } from './citizen-id.ts';

const vn = { format: 'vn-cccd', regionCodes: ['056', '001'] };
const cn = { format: 'cn-resident-id', regionCodes: ['11'] };

describe('citizen id in the browser, as identity.rules.ts checks it', () => {
  it.each([
    ['056090123456', {}, null],
    ['056 090 123 456', {}, null],
    ['05609012345', {}, { kind: 'length', digits: 12 }],
    ['0560901234567', {}, { kind: 'length', digits: 12 }],
    ['05609012345a', {}, { kind: 'length', digits: 12 }],
    ['099090123456', {}, { kind: 'region', code: '099' }],
    ['056090123456', { sex: 'female' }, { kind: 'sex', encoded: 'male' }],
    ['056190123456', { sex: 'female', birth: '1990' }, null],
    ['056290123456', { birth: '1990-04-01' }, { kind: 'birthYear', encoded: 2090 }],
    ['056205123456', { sex: 'male', birth: '2005-04-01' }, null],
    ['056090123456', { sex: 'other', birth: '' }, null],
  ] as const)('VN %s with %o → %o', (id, facts, expected) => {
    expect(citizenIdProblem(vn, id, facts)).toEqual(expected);
  });

  it.each([
    ['11010519491231002X', {}, null],
    ['11010519491231002x', { sex: 'female', birth: '1949-12-31' }, null],
    ['11010519491231002X', { birth: '1949-12-30' }, { kind: 'birthDate' }],
    ['110105194912310021', {}, { kind: 'checkDigit' }],
    ['11010519491331002X', {}, { kind: 'birthDate' }],
    ['12010519491231002X', {}, { kind: 'region', code: '120105' }],
    ['1101051949123100', {}, { kind: 'length', digits: 18 }],
  ] as const)('CN %s with %o → %o', (id, facts, expected) => {
    expect(citizenIdProblem(cn, id, facts)).toEqual(expected);
  });

  it('normalises separators and case', () => {
    expect(normaliseCitizenId(' 056.090-123 456 ')).toBe('056090123456');
    expect(normaliseCitizenId('11010519491231002x')).toBe('11010519491231002X');
  });
});
