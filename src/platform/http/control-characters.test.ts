import { describe, expect, test } from 'vitest';
import { findTextProblems, textProblem } from './control-characters.ts';

describe('control characters in request text', () => {
  test.each([
    ['a\u0000b', 'body', true],
    ['\u001b[31m', 'body', true],
    ['\u007f', 'url', true],
    ['tab\tand\nline\r\n', 'body', false],
    ['line\nbreak', 'url', true],
    ['\uD800', 'body', true],
    ['🏥 Đà Nẵng', 'body', false],
  ] as const)('%j in a %s is refused: %s', (text, part, refused) => {
    expect(textProblem(text, part) !== null).toBe(refused);
  });

  test('every bad string is named by its path, field names included, however deep the body', () => {
    let deep: unknown = 'x\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const found = findTextProblems({
      params: { id: 'a\u0000' },
      query: { q: 'ok', area: ['45', '4\u00005'] },
      body: { name: 'fine', ['bad\u0000key']: 1, nested: { list: ['ok', 'no\u0007'] }, deep },
    } as never);
    expect(found.map((f) => f.field)).toEqual(
      expect.arrayContaining(['params.id', 'query.area.1', 'body.bad\u0000key', 'body.nested.list.1']),
    );
    expect(found.find((f) => f.field === 'params.id')?.message).toMatch(/control characters such as NUL/);
  });
});
