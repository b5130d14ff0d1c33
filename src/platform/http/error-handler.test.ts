import { describe, expect, test } from 'vitest';
import { translateDatabaseError } from '../db/database-errors.ts';
import { AppError, clip, invalidFields, MAX_FIELD_ERRORS, toProblem } from './errors.ts';

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

  test('never echoes a huge value back: long messages and field names are cut, long lists capped', () => {
    const huge = 'x'.repeat(100_000);
    const p = toProblem(
      invalidFields([
        { field: `body.${huge}`, message: 'is not a known field' },
        ...Array.from({ length: 500 }, (_, i) => ({ field: `body.items.${i}`, message: `no code ${huge}` })),
      ]),
    );
    expect(JSON.stringify(p).length).toBeLessThan(30_000);
    expect(p.errors).toHaveLength(MAX_FIELD_ERRORS);
    expect(p.errors?.[0]?.field).toMatch(/^body\.x+…$/);
    expect(p.detail).toContain(`the first ${MAX_FIELD_ERRORS} are listed`);
  });

  test.each([
    ['short', 10, 'short'],
    ['abcdef', 4, 'abc…'],
  ])('clip(%s, %i) is %s', (text, max, want) => {
    expect(clip(text, max)).toBe(want);
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
