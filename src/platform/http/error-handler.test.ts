import { describe, expect, test } from 'vitest';
import { translateDatabaseError } from '../db/database-errors.ts';
import { fieldErrorsFromValidation } from './error-handler.ts';
import { AppError, invalidFields, toProblem } from './errors.ts';

describe('validation errors become field errors', () => {
  test.each([
    {
      err: { instancePath: '', keyword: 'required', params: { missingProperty: 'code' }, message: 'x' },
      want: { field: 'body.code', message: 'is required' },
    },
    {
      err: { instancePath: '/beds', keyword: 'minimum', params: {}, message: 'must be >= 0' },
      want: { field: 'body.beds', message: 'must be >= 0' },
    },
    {
      err: { instancePath: '/location/latitude', keyword: 'maximum', params: {}, message: 'must be <= 90' },
      want: { field: 'body.location.latitude', message: 'must be <= 90' },
    },
    {
      err: { instancePath: '', keyword: 'additionalProperties', params: { additionalProperty: 'colour' } },
      want: { field: 'body.colour', message: 'is not a known field' },
    },
  ])('$err.keyword at "$err.instancePath"', ({ err, want }) => {
    expect(fieldErrorsFromValidation('body', [err])).toEqual([want]);
  });

  test('the context names the part of the request, the query string as query', () => {
    const [e] = fieldErrorsFromValidation('querystring', [
      { instancePath: '/limit', keyword: 'maximum', params: {}, message: 'must be <= 500' },
    ]);
    expect(e?.field).toBe('query.limit');
  });
});

describe('problem+json', () => {
  test('carries the status, code, detail and every field error', () => {
    const p = toProblem(
      invalidFields([
        { field: 'body.kind', message: 'is not a facility kind' },
        { field: 'body.areaCode', message: 'no such area' },
      ]),
    );
    expect(p).toMatchObject({ status: 400, code: 'validation_failed', title: 'Invalid input' });
    expect(p.errors).toHaveLength(2);
    expect(p.detail).toContain('body.kind');
  });

  test('has no errors member when there are none', () => {
    expect(toProblem(new AppError('not_found', 'x')).errors).toBeUndefined();
  });
});

describe('database errors that slip past a service become 4xx', () => {
  test.each([
    ['23505', 409],
    ['23503', 400],
    ['23514', 400],
    ['22P02', 400],
    ['42501', 403],
  ])('SQLSTATE %s is HTTP %i', (code, status) => {
    expect(translateDatabaseError({ code, constraint: 'facility_code_key' })?.status).toBe(status);
  });

  test('anything else is not translated (a 500, logged)', () => {
    expect(translateDatabaseError(new Error('boom'))).toBeUndefined();
  });
});
