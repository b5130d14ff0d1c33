import { describe, expect, test } from 'vitest';
import {
  cardNumberOf,
  type HanReading,
  nameQueryOf,
  oneEditVariants,
  pinyinSplits,
  socialInsuranceNumberOf,
  subtreeRange,
} from './residents.search.rules.ts';

describe('oneEditVariants', () => {
  test.each([
    ['bihn', 'binh', 'two neighbours swapped'],
    ['hoy', 'hoa', 'one letter changed'],
    ['ngyen', 'nguyen', 'a letter dropped'],
    ['nguyenn', 'nguyen', 'a letter doubled'],
    ['a', 'an', 'a letter missing at the end'],
  ])('%s stands for %s (%s)', (typed, meant) => {
    expect(oneEditVariants(typed)).toContain(meant);
  });

  test.each([
    ['binh', 'banh'],
    ['binh', 'bin'],
    ['an', 'nan'],
  ])('%s also reaches %s, one edit away', (typed, other) => {
    expect(oneEditVariants(typed)).toContain(other);
  });

  test.each([
    ['binh', 'binh', 'the word itself'],
    ['binh', 'bin h', 'a space inside a word'],
    ['hoa', 'hoang', 'two edits away'],
    ['hoy', 'hoa ', 'trailing space'],
  ])('%s does not give %s (%s)', (typed, other) => {
    expect(oneEditVariants(typed)).not.toContain(other);
  });

  test('a whole name key may gain or lose the space between words, never a double one', () => {
    const v = oneEditVariants('nguyenvan an', true);
    expect(v).toContain('nguyen van an');
    expect(oneEditVariants('nguyen van an', true)).toContain('nguyen vanan');
    expect(oneEditVariants('nguyen van an', true).some((x) => x.includes('  '))).toBe(false);
  });

  test('empty and overlong keys give nothing; sizes stay in the hundreds', () => {
    expect(oneEditVariants('')).toEqual([]);
    expect(oneEditVariants('x'.repeat(41))).toEqual([]);
    const n = oneEditVariants('nguyen thi hoa', true).length;
    expect(n).toBeGreaterThan(500);
    expect(n).toBeLessThan(900);
  });
});

describe('subtreeRange', () => {
  // ltree order: label by label, byte-wise within a label, the shorter label first.
  test.each([
    ['56', '56', true],
    ['56', '56.568.22333', true],
    ['56', '560', false],
    ['56', '57', false],
    ['56.568', '56.568.22333.1', true],
    ['56.568', '56.5680', false],
    ['56.568', '56.569', false],
    ['56.568', '56.567.1', false],
  ])('the range of %s holds %s: %s', (path, other, inside) => {
    const { from, to } = subtreeRange(path);
    const cmp = (a: string, b: string) => {
      const la = a.split('.');
      const lb = b.split('.');
      for (let i = 0; i < Math.min(la.length, lb.length); i++) {
        if (la[i] !== lb[i]) return la[i]! < lb[i]! ? -1 : 1;
      }
      return la.length - lb.length;
    };
    expect(cmp(from, other) <= 0 && cmp(other, to) < 0).toBe(inside);
  });
});

describe('card numbers in the search box', () => {
  const pattern = '^[A-Z]{2}[1-5]\\d{12}$';
  test.each([
    ['DN4560123456789', 'DN4560123456789'],
    ['dn 4 56 0123456789', 'DN4560123456789'],
    ['DN4-56-0123456789', 'DN4560123456789'],
    ['DN9560123456789', undefined],
    ['0123456789', undefined],
    ['nguyen van an', undefined],
  ])('%s -> %s', (typed, card) => {
    expect(cardNumberOf(typed, pattern)).toBe(card);
  });

  test('no card scheme in the profile: never a card', () => {
    expect(cardNumberOf('DN4560123456789', undefined)).toBeUndefined();
  });

  test.each([
    ['0123456789', '0123456789'],
    ['012345678', undefined],
    ['056085000001', undefined],
  ])('social insurance number %s -> %s', (value, sin) => {
    expect(socialInsuranceNumberOf(value)).toBe(sin);
  });
});

describe('nameQueryOf: the keys a typed name may stand for', () => {
  const vn = {
    familyVariants: [
      ['vu', 'vo'],
      ['hoang', 'huynh'],
    ],
  };
  test.each([
    // typed, a whole-name key, the typed words as a name without its family name, a family + given pair
    ['Nguyễn Văn An', 'nguyen van an', 'nguyen van an', { family: 'nguyen', given: 'an' }],
    ['Văn An Nguyễn', 'nguyen van an', 'van an', { family: 'nguyen', given: 'an' }],
    ['An Nguyen', 'nguyen an', 'an nguyen', { family: 'nguyen', given: 'an' }],
    ['  le   thi  HOA ', 'le thi hoa', 'le thi hoa', { family: 'le', given: 'hoa' }],
    ['Đặng Đức', 'dang duc', 'dang duc', { family: 'dang', given: 'duc' }],
  ])('%s', (typed, whole, rest, pair) => {
    const q = nameQueryOf(typed, vn)!;
    expect(q.wholes).toContain(whole);
    expect(q.rests).toContain(rest);
    expect(q.pairs).toContainEqual(pair);
  });

  test('one word is a whole name, a family name followed by more, a given name, and a word start', () => {
    const q = nameQueryOf('Hòa', vn)!;
    expect(q).toMatchObject({ wholes: ['hoa'], prefixes: ['hoa '], partials: ['hoa'], givens: ['hoa'] });
    expect(q.spelled).toEqual(['hòa']);
  });

  test.each([
    ['Vũ Thị Lan', { family: 'vo', given: 'lan' }],
    ['Võ Văn Nam', { family: 'vu', given: 'nam' }],
    ['Huỳnh Tú', { family: 'hoang', given: 'tu' }],
  ])('%s: the family name as written in the other region', (typed, variant) => {
    expect(nameQueryOf(typed, vn)!.familyVariants).toContainEqual(variant);
  });

  test('the spelling as typed is kept, lower case and composed (NFC)', () => {
    expect(nameQueryOf('Nguye\u0302\u0303n Thị Hòa', vn)!.spelled).toEqual(['nguyễn', 'thị', 'hòa']);
  });

  test('nothing to search for is undefined', () => {
    expect(nameQueryOf(' -- ', vn)).toBeUndefined();
  });

  test('no pinyin readings under a profile without them', () => {
    expect(nameQueryOf('liming', vn)!.wholes).toEqual(['liming']);
  });

  const readings = new Map<string, HanReading>(
    [
      ['李', 'li', 'li'],
      ['明', 'ming', 'ming'],
      ['单', 'dan', 'shan'],
      ['雄', 'xiong', 'xiong'],
      ['欧', 'ou', 'ou'],
      ['阳', 'yang', 'yang'],
      ['娜', 'na', 'na'],
    ].map(([ch, reading, surname]) => [ch!, { reading: reading!, surname: surname! }]),
  );
  test.each([
    ['李明', 'li ming', 'liming'],
    ['单雄', 'shan xiong', 'danxiong'],
    ['欧阳娜娜', 'ouyang nana', 'ouyangnana'],
    ['明', 'ming', 'ming'],
    ['liming', 'li ming', 'liming'],
    ['li ming', 'li ming', 'liming'],
    ['lǐ míng', 'li ming', 'liming'],
    ['LiMing', 'li ming', 'liming'],
    ['ouyang nana', 'ouyang nana', 'ouyangnana'],
    ['lvming', 'lu ming', 'luming'],
  ])('%s (pinyin)', (typed, whole, given) => {
    const q = nameQueryOf(typed, { phonetic: 'pinyin' }, readings)!;
    expect(q.wholes).toContain(whole);
    expect(q.givens).toContain(given);
  });

  test('a two-character family name is tried only when it is a compound surname', () => {
    expect(nameQueryOf('李明娜', { phonetic: 'pinyin' }, readings)!.wholes).toEqual(['li mingna']);
  });
});

describe('pinyinSplits', () => {
  test.each([
    ['liming', [['li', 'ming']]],
    ['xian', [['xian'], ['xi', 'an']]],
    ['zhangsan', [['zhang', 'san']]],
    ['nguyen', []],
    ['abc', []],
    ['', []],
  ])('%s', (word, splits) => expect(pinyinSplits(word)).toEqual(splits));
});
