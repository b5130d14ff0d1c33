import { describe, expect, test } from 'vitest';
import { copyCell } from './staging.ts';

describe('a cell in COPY text form', () => {
  test.each([
    [null, '\\N'],
    [1974, '1974'],
    ['Nguyễn Văn An', 'Nguyễn Văn An'],
    ['a\\b', 'a\\\\b'],
    ['tab\there', 'tab\\there'],
    ['two\nlines\r\n', 'two\\nlines\\r\\n'],
    ['\\N', '\\\\N'],
    ['', ''],
  ])('%j is sent as %j', (value, sent) => {
    expect(copyCell(value)).toBe(sent);
  });
});
