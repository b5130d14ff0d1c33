import Type, { type TSchema } from 'typebox';
import { describe, expect, test } from 'vitest';
import { UUID_PATTERN } from '../ids.ts';
import { fieldErrorsFromValidation, type ValidationError } from './validation-messages.ts';
import { buildRequestValidator } from './validator.ts';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Sex = Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('other')]);

/** A body schema with one field of each shape the modules use. */
const Body = Type.Object(
  {
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    sex: Type.Optional(Sex),
    sexOrNull: Type.Optional(Nullable(Sex)),
    areaId: Type.Optional(Type.String({ format: 'uuid', maxLength: 36 })),
    order: Type.Optional(Type.Enum(['asc', 'desc'])),
    ownership: Type.Optional(Nullable(Type.Enum(['public', 'private']))),
    householdId: Type.Optional(Type.String({ pattern: UUID_PATTERN })),
    headResidentId: Type.Optional(Nullable(Type.String({ pattern: UUID_PATTERN }))),
    effectiveOn: Type.Optional(Type.String({ format: 'date' })),
    validFrom: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
    birthDate: Type.Optional(Type.String({ pattern: '^[0-9]{4}(-[0-9]{2}-[0-9]{2})?$' })),
    expiresAt: Type.Optional(Type.String({ format: 'date-time' })),
    beds: Type.Optional(Type.Integer({ minimum: 0 })),
    latitude: Type.Optional(Nullable(Type.Number({ minimum: -90, maximum: 90 }))),
    code: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
    active: Type.Optional(Type.Boolean()),
    services: Type.Optional(Type.Array(Type.String(), { minItems: 1, uniqueItems: true })),
    newHousehold: Type.Optional(Type.Object({ address: Type.String({ minLength: 1 }) })),
    target: Type.Optional(
      Type.Union([
        Type.Object({ kind: Type.Literal('area'), areaId: Type.String() }),
        Type.Object({ kind: Type.Literal('facility'), beds: Type.Integer() }),
      ]),
    ),
  },
  { additionalProperties: false },
);

const validators = buildRequestValidator({}, {});
const validateBody = validators({ schema: Body, httpPart: 'body' });

/** The field errors the API answers for a body, through the same Ajv settings as the server. */
function errorsFor(body: unknown) {
  const ok = validateBody(body);
  expect(ok).toBe(false);
  return fieldErrorsFromValidation('body', (validateBody.errors ?? []) as ValidationError[]);
}

const DATE = 'must be a date written YYYY-MM-DD';

describe('validation errors in words, one per field', () => {
  test.each([
    { body: { sex: 'x' }, field: 'body.sex', message: 'must be one of male, female, other' },
    { body: { sex: 42 }, field: 'body.sex', message: 'must be one of male, female, other' },
    {
      body: { sexOrNull: 'x' },
      field: 'body.sexOrNull',
      message: 'must be one of male, female, other, or null',
    },
    { body: { areaId: 'abc' }, field: 'body.areaId', message: 'must be a UUID' },
    { body: { areaId: 'x'.repeat(40) }, field: 'body.areaId', message: 'must be a UUID' },
    { body: { order: 'up' }, field: 'body.order', message: 'must be one of asc, desc' },
    {
      body: { ownership: 'mixed' },
      field: 'body.ownership',
      message: 'must be one of public, private, or null',
    },
    { body: { householdId: 'abc' }, field: 'body.householdId', message: 'must be a UUID' },
    { body: { headResidentId: 'abc' }, field: 'body.headResidentId', message: 'must be a UUID' },
    { body: { headResidentId: 7 }, field: 'body.headResidentId', message: 'must be a string or null' },
    { body: { effectiveOn: '2026-02-30' }, field: 'body.effectiveOn', message: DATE },
    { body: { validFrom: '31/12/2026' }, field: 'body.validFrom', message: DATE },
    { body: { birthDate: '1990-1' }, field: 'body.birthDate', message: `${DATE}, or a year YYYY` },
    {
      body: { expiresAt: 'soon' },
      field: 'body.expiresAt',
      message: 'must be a date and time such as 2026-01-31T08:00:00Z',
    },
    { body: { fullName: 42 }, field: 'body.fullName', message: 'must be a string' },
    { body: { fullName: '' }, field: 'body.fullName', message: 'must not be empty' },
    { body: { fullName: '   ' }, field: 'body.fullName', message: 'must not be blank' },
    {
      body: { fullName: 'x'.repeat(201) },
      field: 'body.fullName',
      message: 'must be at most 200 characters long',
    },
    { body: { beds: 1.5 }, field: 'body.beds', message: 'must be a whole number' },
    { body: { beds: '3' }, field: 'body.beds', message: 'must be a whole number' },
    { body: { beds: -1 }, field: 'body.beds', message: 'must be at least 0' },
    { body: { latitude: -100 }, field: 'body.latitude', message: 'must be at least -90' },
    { body: { latitude: 'north' }, field: 'body.latitude', message: 'must be a number or null' },
    { body: { code: '' }, field: 'body.code', message: 'must not be empty' },
    { body: { active: 'yes' }, field: 'body.active', message: 'must be true or false' },
    { body: { services: [] }, field: 'body.services', message: 'must not be empty' },
    { body: { services: ['a', 'a'] }, field: 'body.services', message: 'must not list the same item twice' },
    { body: { newHousehold: 'here' }, field: 'body.newHousehold', message: 'must be an object' },
    { body: { newHousehold: {} }, field: 'body.newHousehold.address', message: 'is required' },
    {
      body: { newHousehold: { address: 1 } },
      field: 'body.newHousehold.address',
      message: 'must be a string',
    },
    { body: { colour: 'red' }, field: 'body.colour', message: 'is not a known field' },
    {
      body: { target: { kind: 'room' } },
      field: 'body.target.kind',
      message: 'must be one of area, facility',
    },
    {
      body: { target: { kind: 'facility', beds: 'x' } },
      field: 'body.target.beds',
      message: 'must be a whole number',
    },
  ])('$field for $body', ({ body, field, message }) => {
    expect(errorsFor(body)).toEqual([{ field, message }]);
  });

  test('every bad field is named at once, each once, with no follow-on "must match a schema in anyOf"', () => {
    const errors = errorsFor({ sex: 'x', sexOrNull: 1, headResidentId: 'abc', latitude: 'n', beds: -1 });
    expect(errors.map((e) => e.field)).toEqual([
      'body.sex',
      'body.sexOrNull',
      'body.headResidentId',
      'body.beds',
      'body.latitude',
    ]);
    expect(errors.map((e) => e.message).join(' ')).not.toMatch(/anyOf|constant|pattern/);
  });

  test('a JSON body is not coerced, a query string is', () => {
    const query = validators({ schema: Type.Object({ limit: Type.Integer() }), httpPart: 'querystring' });
    const params = { limit: '20' };
    expect(query(params)).toBe(true);
    expect(params.limit).toBe(20);
    const body = validators({ schema: Type.Object({ username: Type.String() }), httpPart: 'body' });
    expect(body({ username: 42 })).toBe(false);
  });
});

describe('errors as Fastify hands them over', () => {
  test.each([
    {
      err: { instancePath: '', keyword: 'required', params: { missingProperty: 'code' }, message: 'x' },
      want: { field: 'body.code', message: 'is required' },
    },
    {
      err: { instancePath: '/location/latitude', keyword: 'maximum', params: { limit: 90 } },
      want: { field: 'body.location.latitude', message: 'must be at most 90' },
    },
    {
      err: { instancePath: '/a~1b', keyword: 'minimum', params: { limit: 0 } },
      want: { field: 'body.a/b', message: 'must be at least 0' },
    },
    {
      err: { instancePath: '', keyword: 'propertyNames', params: {}, message: 'property name must be valid' },
      want: { field: 'body', message: 'property name must be valid' },
    },
  ])('$err.keyword at "$err.instancePath"', ({ err, want }) => {
    expect(fieldErrorsFromValidation('body', [err])).toEqual([want]);
  });

  test('the context names the part of the request, the query string as query', () => {
    const [e] = fieldErrorsFromValidation('querystring', [
      { instancePath: '/limit', keyword: 'maximum', params: { limit: 500 }, message: 'must be <= 500' },
    ]);
    expect(e).toEqual({ field: 'query.limit', message: 'must be at most 500' });
  });
});
