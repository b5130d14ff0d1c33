import { describe, expect, test } from 'vitest';
import {
  type DuplicateFacts,
  duplicateReason,
  nameKey,
  parseBirth,
  parseSearchTerm,
  relationshipProblem,
  residentLanguageOf,
  statusChangeProblem,
} from './residents.rules.ts';

const TODAY = '2026-11-25';

describe('nameKey', () => {
  test.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['  NGUYỄN   văn  AN ', 'nguyen van an'],
    ['Đặng Thị Đào', 'dang thi dao'],
    ['Trần Thị Ánh', 'tran thi anh'],
    ['Lê  Hoàng', 'le hoang'],
    ['Nguye\u0302\u0303n', 'nguyen'],
  ])('%s -> %s', (name, key) => expect(nameKey(name)).toBe(key));
});

describe('parseSearchTerm', () => {
  test.each([
    [
      'nguyen van an',
      { kind: 'name', text: 'nguyen van an', key: 'nguyen van an', family: 'nguyen', given: 'an', tokens: 3 },
    ],
    [
      'Nguyễn Văn An 1985',
      {
        kind: 'name',
        text: 'Nguyễn Văn An',
        key: 'nguyen van an',
        family: 'nguyen',
        given: 'an',
        tokens: 3,
        birthYear: 1985,
      },
    ],
    ['an', { kind: 'name', text: 'an', key: 'an', family: 'an', given: 'an', tokens: 1 }],
    ['056 090 123 456', { kind: 'identifier', value: '056090123456', phoneVariants: ['056090123456'] }],
    ['0905-123-456', { kind: 'identifier', value: '0905123456', phoneVariants: ['0905123456'] }],
    [
      '+84905123456',
      { kind: 'identifier', value: '+84905123456', phoneVariants: ['+84905123456', '84905123456'] },
    ],
    [
      '11010519491231002x',
      { kind: 'identifier', value: '11010519491231002X', phoneVariants: ['11010519491231002X'] },
    ],
    [
      'nguyen van an 2999',
      {
        kind: 'name',
        text: 'nguyen van an 2999',
        key: 'nguyen van an 2999'.replace(/ 2999$/, ''),
        family: 'nguyen',
        given: 'an',
        tokens: 3,
      },
    ],
  ])('%s', (raw, expected) => expect(parseSearchTerm(raw, TODAY)).toEqual(expected));

  test('nothing searchable is undefined', () => expect(parseSearchTerm('  -- ', TODAY)).toBeUndefined());
});

describe('parseBirth', () => {
  test.each([
    ['1985-03-01', { ok: true, date: '1985-03-01', year: 1985, precision: 'day' }],
    ['1950', { ok: true, date: null, year: 1950, precision: 'year' }],
    ['2026-11-25', { ok: true, date: '2026-11-25', year: 2026, precision: 'day' }],
  ])('%s is accepted', (v, expected) => expect(parseBirth(v, TODAY)).toEqual(expected));
  test.each([['1985-02-30'], ['2027-01-01'], ['2030'], ['1800'], ['85-03-01'], ['01/03/1985']])(
    '%s is refused',
    (v) => expect(parseBirth(v, TODAY).ok).toBe(false),
  );
});

describe('relationshipProblem', () => {
  const head = { id: 'h', relationship: 'head' as const, active: true };
  const child = { id: 'c', relationship: 'child' as const, active: true };
  test.each([
    ['a child joins a household with a head', 'child', [head], undefined, null],
    ['a head joins an empty household', 'head', [], undefined, null],
    [
      'a second head is refused',
      'head',
      [head, child],
      undefined,
      'the household already has a head (change the head first)',
    ],
    ['the head keeps being head', 'head', [head], 'h', null],
    ['an inactive head does not block', 'head', [{ ...head, active: false }], undefined, null],
    ['no relationship is fine', null, [head], undefined, null],
  ] as const)('%s', (_n, rel, members, self, expected) =>
    expect(relationshipProblem(rel, [...members], self)).toBe(expected),
  );
});

describe('duplicateReason', () => {
  const day = (date: string) => ({ date, year: Number(date.slice(0, 4)), precision: 'day' as const });
  const year = (y: number) => ({ date: null, year: y, precision: 'year' as const });
  const base: DuplicateFacts = {
    citizenIdA: null,
    citizenIdB: null,
    nameSimilarity: 0.9,
    birthA: day('1980-01-02'),
    birthB: day('1980-01-02'),
    sameCommune: true,
  };
  test.each([
    [
      'same citizen id, whatever else',
      { citizenIdA: '1', citizenIdB: '1', nameSimilarity: 0.1, sameCommune: false },
      'same citizen identity number',
    ],
    ['similar name, same date, same commune', {}, 'similar name, same birth date, same commune'],
    ['similar name, other date', { birthB: day('1980-01-03') }, null],
    ['other commune', { sameCommune: false }, null],
    ['name not similar enough', { nameSimilarity: 0.79 }, null],
    ['exactly at the threshold', { nameSimilarity: 0.8 }, 'similar name, same birth date, same commune'],
    [
      'year known only on one side, same year',
      { birthB: year(1980) },
      'similar name, same birth year, same commune',
    ],
    ['year only, different years', { birthA: year(1981), birthB: year(1980) }, null],
    [
      'no birth at all',
      {
        birthA: { date: null, year: null, precision: 'day' as const },
        birthB: { date: null, year: null, precision: 'day' as const },
      },
      null,
    ],
  ])('%s', (_n, change, expected) => expect(duplicateReason({ ...base, ...change })).toBe(expected));
});

describe('statusChangeProblem', () => {
  test.each([
    ['active', 'deceased', null],
    ['active', 'moved_away', null],
    ['moved_away', 'active', null],
    ['deceased', 'active', null],
    ['deceased', 'moved_away', 'a deceased resident cannot move away'],
    ['active', 'active', 'the resident is already active'],
  ] as const)('%s -> %s', (from, to, expected) => expect(statusChangeProblem(from, to)).toBe(expected));
});

describe("a resident's language", () => {
  const vn = { locale: 'vi-VN', languages: ['vi-VN', 'en', 'zh-CN'] };
  const bare = { locale: 'vi-VN' };
  test.each([
    [vn, 'vi-VN', { language: 'vi-VN' }],
    [vn, 'EN', { language: 'en' }],
    [vn, 'zh-cn', { language: 'zh-CN' }],
    [vn, null, { language: null }],
    [vn, 'fr', { error: 'is not a language of this profile (vi-VN, en, zh-CN)' }],
    [vn, 'zh', { error: 'is not a language of this profile (vi-VN, en, zh-CN)' }],
    [bare, 'vi-vn', { language: 'vi-VN' }],
    [bare, 'en', { error: 'is not a language of this profile (vi-VN)' }],
  ] as const)('%j: %s is %j', (profile, tag, want) => expect(residentLanguageOf(profile, tag)).toEqual(want));
});
