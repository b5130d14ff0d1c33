import { describe, expect, it } from 'vitest';
import {
  EMPTY_RESIDENT_FORM,
  formFieldOf,
  type ResidentFormValues,
  residentBody,
  residentFormProblems,
} from './resident-form.ts';

const rule = { format: 'vn-cccd', regionCodes: ['056'] };
const today = '2026-06-01';
const good: ResidentFormValues = {
  ...EMPTY_RESIDENT_FORM,
  fullName: '  Nguyễn   Văn An ',
  sex: 'male',
  birthDate: '1990-04-02',
  citizenId: '056 090 123456',
  householdId: 'h1',
  relationshipToHead: 'child',
};
const keys = (values: ResidentFormValues) =>
  Object.fromEntries(Object.entries(residentFormProblems(values, rule, today)).map(([f, p]) => [f, p?.key]));

describe('the registration form checks what the API checks', () => {
  it('a complete household member has no problem', () => {
    expect(keys(good)).toEqual({});
  });

  it.each<[Partial<ResidentFormValues>, Record<string, string>]>([
    [{ fullName: '  ' }, { fullName: 'validation.required' }],
    [{ fullName: 'a'.repeat(201) }, { fullName: 'validation.tooLong' }],
    [{ citizenId: '05609012345' }, { citizenId: 'residents.form.citizenIdLength' }],
    [{ citizenId: '099090123456' }, { citizenId: 'residents.form.citizenIdRegion' }],
    [{ sex: 'female' }, { citizenId: 'residents.form.citizenIdMale' }],
    [{ birthDate: '1991-04-02' }, { citizenId: 'residents.form.citizenIdYear' }],
    [{ birthDate: '2026-06-02', citizenId: '' }, { birthDate: 'residents.form.dateFuture' }],
    [{ birthDate: '1990-02-30' }, { birthDate: 'residents.form.dateFormat' }],
    [{ birthKnown: 'year', birthYear: '1990' }, {}],
    [{ birthKnown: 'year', birthYear: '90' }, { birthYear: 'residents.form.yearFormat' }],
    [
      { birthKnown: 'year', birthYear: '1849', citizenId: '' },
      { birthYear: 'residents.form.yearImplausible' },
    ],
    [{ phone: '12' }, { phone: 'validation.tooShort' }],
    [{ phone: '0905 123 456' }, {}],
    [
      { householdId: '', relationshipToHead: '' },
      { householdId: 'residents.form.chooseHousehold', relationshipToHead: 'validation.required' },
    ],
    [{ householdMode: 'none', householdId: '' }, { areaId: 'validation.required' }],
    [{ householdMode: 'none', areaId: 'a1', relationshipToHead: '' }, {}],
    [
      { householdMode: 'new', areaId: 'a1', householdCode: 'x'.repeat(41) },
      { householdAddress: 'validation.required', householdCode: 'validation.tooLong' },
    ],
  ])('%o → %o', (change, expected) => {
    expect(keys({ ...good, ...change })).toEqual(expected);
  });
});

describe('the bodies it sends', () => {
  it('a household member, registered at the user facility', () => {
    expect(residentBody(good, 'h1', 'f1')).toEqual({
      fullName: 'Nguyễn Văn An',
      sex: 'male',
      birthDate: '1990-04-02',
      citizenId: '056090123456',
      householdId: 'h1',
      relationshipToHead: 'child',
      registeredFacilityId: 'f1',
    });
  });

  it('a year-only birth on an area, without a facility', () => {
    const body = residentBody(
      {
        ...good,
        householdMode: 'none',
        areaId: 'a1',
        birthKnown: 'year',
        birthYear: '1990',
        registerHere: false,
      },
      undefined,
      'f1',
    );
    expect(body).toMatchObject({ birthDate: '1990', areaId: 'a1' });
    expect(body.householdId).toBeUndefined();
    expect(body.relationshipToHead).toBeUndefined();
    expect(body.registeredFacilityId).toBeUndefined();
  });

  it('a new household travels in the same request, which the person heads', () => {
    const body = residentBody(
      { ...good, householdMode: 'new', householdAddress: ' 9 Nguyễn Huệ ', householdCode: '', areaId: 'v1' },
      undefined,
      'f1',
    );
    expect(body.newHousehold).toEqual({ address: '9 Nguyễn Huệ', code: undefined, areaId: 'v1' });
    expect(body.householdId).toBeUndefined();
    expect(body.areaId).toBeUndefined();
    expect(body.relationshipToHead).toBe(good.relationshipToHead);
  });
});

describe("the API's fields land next to the form's", () => {
  it.each([
    ['body.citizenId', good, 'citizenId'],
    ['body.birthDate', { ...good, birthKnown: 'year' as const }, 'birthYear'],
    ['body.birthDate', good, 'birthDate'],
    ['body.areaCode', good, 'areaId'],
    ['body.newHousehold.address', good, 'householdAddress'],
    ['body.newHousehold.code', good, 'householdCode'],
    ['body.newHousehold.areaId', good, 'areaId'],
    ['body.code', good, undefined],
  ])('%s → %s', (field, values, expected) => {
    expect(formFieldOf(field, values)).toBe(expected);
  });
});
