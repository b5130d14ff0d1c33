import { describe, expect, test } from 'vitest';
import { decodeCursor, decodeNumericCursor, encodeCursor } from './pagination.ts';

const id = '0193c6e0-1234-7abc-8def-0123456789ab';
const forged = (c: unknown) => Buffer.from(JSON.stringify(c)).toString('base64url');

describe('cursors', () => {
  test('a cursor the server made reads back', () => {
    expect(decodeCursor(encodeCursor({ v: 'Nha Trang', id, more: [2, 0.5, '45.451'] }))).toEqual({
      v: 'Nha Trang',
      id,
      more: [2, 0.5, '45.451'],
    });
  });

  test.each([
    ['20 digits', '12345678901234567890'],
    ['a NUL in the sort value', forged({ v: 'a\u0000', id })],
    ['an id that is not a UUID', forged({ v: 'a', id: "'; drop table x" })],
    ['a number past what a column holds', forged({ v: 1e308, id })],
    ['an object as the sort value', forged({ v: { a: 1 }, id })],
    ['JSON null', forged(null)],
  ])('%s is a bad cursor (400 naming query.cursor)', (_, raw) => {
    expect(() => decodeCursor(raw)).toThrow(
      expect.objectContaining({ status: 400, errors: [expect.objectContaining({ field: 'query.cursor' })] }),
    );
  });

  test.each([
    ['12345678901234567890', false],
    ['9007199254740993', false],
    ['123', true],
  ])('the numeric cursor %s is taken: %s', (raw, ok) => {
    if (ok) expect(decodeNumericCursor(raw)).toBe(Number(raw));
    else expect(() => decodeNumericCursor(raw)).toThrow(expect.objectContaining({ status: 400 }));
  });
});
