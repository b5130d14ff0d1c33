import { describe, expect, it } from 'vitest';
import {
  type CardCheckValues,
  cardCheckFieldOf,
  cardCheckProblems,
  cardCheckQuery,
  numberQuery,
} from './card-check.ts';

const good: CardCheckValues = {
  number: 'DN4 56 0000000001',
  fullName: ' Nguyễn Văn An ',
  birth: '1990',
  visitKind: 'referred',
  cost: '',
  facility: '56110',
};

describe('what the number box holds', () => {
  it.each([
    ['DN4560000000001', { card: 'DN4560000000001' }],
    ['dn4 56 0000000001', { card: 'DN4560000000001' }],
    ['5600000001', { card: '5600000001' }],
    ['056 090 000 001', { citizenId: '056090000001' }],
    ['11010519491231002x', { citizenId: '11010519491231002X' }],
    ['05609000000', { card: '05609000000' }],
  ])('%s → %o', (typed, expected) => {
    expect(numberQuery(typed)).toEqual(expected);
  });
});

describe('the form checks what the API checks', () => {
  it.each([
    [{}, {}],
    [{ number: ' ' }, { number: 'validation.required' }],
    [{ birth: '1990-02-30' }, { birth: 'residents.check.birthFormat' }],
    [{ birth: '90' }, { birth: 'residents.check.birthFormat' }],
    [{ birth: '1990-02-28' }, {}],
    [{ cost: '-5' }, { cost: 'residents.check.costFormat' }],
    [{ cost: 'abc' }, { cost: 'residents.check.costFormat' }],
    [{ cost: '350000' }, {}],
    [{ facility: '' }, { facility: 'validation.required' }],
  ])('%o → %o', (change, expected) => {
    expect(cardCheckProblems({ ...good, ...change })).toEqual(expected);
  });
});

describe('the query it sends, and where the answers land', () => {
  it('a card with the holder named and the visit described', () => {
    expect(cardCheckQuery({ ...good, cost: '120000' }, '2026-11-30')).toEqual({
      card: 'DN4560000000001',
      facility: '56110',
      date: '2026-11-30',
      visitKind: 'referred',
      cost: 120000,
      fullName: 'Nguyễn Văn An',
      birthDate: '1990',
    });
  });

  it.each([
    ['query.card', 'number'],
    ['query.citizenId', 'number'],
    ['query.birthDate', 'birth'],
    ['query.facility', 'facility'],
    ['query.date', undefined],
  ])('%s → %s', (field, expected) => {
    expect(cardCheckFieldOf(field)).toBe(expected);
  });
});
