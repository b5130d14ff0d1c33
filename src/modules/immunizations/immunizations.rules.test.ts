import { describe, expect, test } from 'vitest';
import { checkAmendment, checkDose, type DoseContext } from './immunizations.rules.ts';
import type { DoseInput } from './immunizations.schema.ts';

const on: DoseContext = {
  today: '2026-12-02',
  birthDate: '2026-01-10',
  vaccineCodes: new Set(['BCG', 'HepB', 'MR']),
};
const dose = (over: Partial<DoseInput> = {}): DoseInput => ({
  id: '0190f3c8-0000-7000-8000-000000000001',
  vaccine: 'BCG',
  date: '2026-01-10',
  givenElsewhere: false,
  ...over,
});

describe('checkDose', () => {
  test.each<[string, Partial<DoseInput>, Partial<DoseContext>, string[]]>([
    ['a dose on the birth day', {}, {}, []],
    ['a dose today', { date: '2026-12-02' }, {}, []],
    ['HepB birth dose numbered 0', { vaccine: 'HepB', doseNumber: 0 }, {}, []],
    ['a dose given elsewhere with its place', { givenElsewhere: true, place: 'BV Nhi' }, {}, []],
    ['a dose given elsewhere without a place', { givenElsewhere: true }, {}, []],
    ['unknown birth date', { date: '1990-01-01' }, { birthDate: null }, []],
    ['an unknown vaccine', { vaccine: 'XYZ' }, {}, ['body.vaccine']],
    ['a code in the wrong case', { vaccine: 'bcg' }, {}, ['body.vaccine']],
    ['tomorrow', { date: '2026-12-03' }, {}, ['body.date']],
    ['the day before birth', { date: '2026-01-09' }, {}, ['body.date']],
    ['a place for a dose given here', { place: 'Trạm' }, {}, ['body.place']],
    [
      'a facility for a dose given elsewhere',
      { givenElsewhere: true, facilityId: 'x' },
      {},
      ['body.facilityId'],
    ],
    ['two wrongs at once', { vaccine: 'XYZ', date: '2027-01-01' }, {}, ['body.vaccine', 'body.date']],
  ])('%s', (_, over, ctx, fields) => {
    expect(checkDose(dose(over), { ...on, ...ctx }).map((e) => e.field)).toEqual(fields);
  });

  test('the message names a few codes, never the whole list', () => {
    const many = new Set(Array.from({ length: 100 }, (_, i) => `V${i}`));
    const [e] = checkDose(dose({ vaccine: 'XYZ' }), { ...on, vaccineCodes: many });
    expect(e?.message).toContain('V0, V1');
    expect(e?.message).not.toContain('V99');
  });

  test('fields are named under the prefix given', () => {
    expect(checkDose(dose({ vaccine: 'XYZ' }), on, 'body.replaceWith')[0]?.field).toBe(
      'body.replaceWith.vaccine',
    );
  });
});

describe('checkAmendment', () => {
  test.each<[string, { retract?: true; replaceWith?: unknown }, string[]]>([
    ['retract', { retract: true }, []],
    ['replace', { replaceWith: {} }, []],
    ['neither', {}, ['body.retract']],
    ['both', { retract: true, replaceWith: {} }, ['body.replaceWith']],
  ])('%s', (_, body, fields) => {
    expect(checkAmendment(body).map((e) => e.field)).toEqual(fields);
  });
});
