import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';

async function search(t: TestEngine, q: string): Promise<string[]> {
  const res = await t.inject({ url: `/api/residents?q=${encodeURIComponent(q)}&limit=20` });
  if (res.statusCode !== 200) throw new Error(`${q}: ${res.statusCode} ${res.body}`);
  return (res.json().items as { fullName: string }[]).map((r) => r.fullName);
}

/** Each case: what was typed, the name that must come first, and names that must be found (in any place). */
type Case = [typed: string, first: string, alsoFound?: string[]];

/**
 * The counter search as people ask for a name (issue 19), as tables: any part of the name in any
 * order, the exact spelling first, near misses, and under the CN profile Chinese characters and pinyin.
 */
describeOnBothEngines('resident search: however a name is asked for (VN)', (t) => {
  beforeAll(async () => {
    await registerAreas(t(), DISTRICT_568);
    await registerStation(t(), 'S5681', '56801');
    const people: [string, string][] = [
      ['Nguyễn Văn An', '56802'],
      ['Trần Văn An', '56802'],
      ['Phạm Minh Khôi', '56802'],
      ['Lê Thị Hoa', '56802'],
      ['Lê Thị Hóa', '56802'],
      ['Lê Thị Hòa', '56802'],
      ['Võ Thị Lan', '56802'],
      ['Hoàng Văn Tú', '56802'],
      ['Đặng Văn Đức', '56802'],
      ['Bùi Quang Vinh', '56801'],
      ['Bùi Quang Vinh', '56802'],
      // A decomposed name (NFD, as some systems send it) is stored composed.
      ['Nguye\u0302\u0303n Thi\u0323 Ho\u0300a', '56802'],
    ];
    for (const [fullName, areaCode] of people) {
      await postExpect(t(), '/api/residents', { fullName, areaCode, birthDate: '1980' });
    }
  });

  test.each<Case>([
    // Any part of the name, any order.
    ['Khôi', 'Phạm Minh Khôi'],
    ['minh khoi', 'Phạm Minh Khôi'],
    ['Khoi Pham', 'Phạm Minh Khôi'],
    ['Minh Khôi Phạm', 'Phạm Minh Khôi'],
    ['pham', 'Phạm Minh Khôi'],
    // Equal names: the one changed last first.
    ['van an', 'Trần Văn An', ['Nguyễn Văn An']],
    ['An Nguyen', 'Nguyễn Văn An'],
    // The exact spelling first, then the others that fold alike.
    ['Hòa', 'Lê Thị Hòa', ['Lê Thị Hoa', 'Lê Thị Hóa', 'Nguyễn Thị Hòa']],
    ['Lê Thị Hóa', 'Lê Thị Hóa', ['Lê Thị Hoa', 'Lê Thị Hòa']],
    ['le thi hoa', 'Lê Thị Hoa', ['Lê Thị Hóa', 'Lê Thị Hòa']],
    ['Nguyễn Thị Hòa', 'Nguyễn Thị Hòa'],
    // Near misses: a typing slip, đ typed as d, a family name as written in the other region.
    ['pham minh khio', 'Phạm Minh Khôi'],
    ['pahm minh khoi', 'Phạm Minh Khôi'],
    ['dang van duc', 'Đặng Văn Đức'],
    ['Vũ Thị Lan', 'Võ Thị Lan'],
    ['Huỳnh Văn Tú', 'Hoàng Văn Tú'],
    // Two slips: in the given name, in the family name, or one in each.
    ['pham minh kjoy', 'Phạm Minh Khôi'],
    ['phm minh khoi', 'Phạm Minh Khôi'],
    ['bui quang vnhh', 'Bùi Quang Vinh'],
    ['nguyn van ab', 'Nguyễn Văn An'],
    ['dnag van dxc', 'Đặng Văn Đức'],
    ['khouy', 'Phạm Minh Khôi'],
  ])('%s', async (typed, first, alsoFound = []) => {
    const found = await search(t(), typed);
    expect(found[0]).toBe(first);
    for (const name of alsoFound) expect(found).toContain(name);
  });

  test('the exact spelling ranks before names that only fold alike', async () => {
    const found = await search(t(), 'Hòa');
    const spelled = found.filter((n) => n.endsWith('Hòa'));
    expect(found.slice(0, spelled.length)).toEqual(spelled);
    expect(spelled).toHaveLength(2);
  });

  test('a decomposed name is stored composed, and found by its composed spelling', async () => {
    const found = await search(t(), 'Nguyễn Thị Hòa');
    expect(found[0]).toBe('Nguyễn Thị Hòa');
    expect(found[0]).toBe('Nguyễn Thị Hòa'.normalize('NFC'));
  });

  test('among equal names, the searcher’s own commune comes first, then the most recently changed', async () => {
    await postExpect(t(), '/api/users', {
      username: 'district-station-doctor',
      displayName: 'District doctor at a station',
      password: 'Quiet-river-station-2',
      roles: [
        { role: 'district', area: '568' },
        { role: 'station', facility: 'S5681' },
      ],
    });
    const token = await t().signIn('district-station-doctor', 'Quiet-river-station-2');
    const headers = { authorization: `Bearer ${token}` };
    const ranked = async () => {
      const res = await t().app.inject({ url: '/api/residents?q=bui%20quang%20vinh', headers });
      return (res.json().items as { area: { code: string } }[]).map((r) => r.area.code);
    };
    expect(await ranked()).toEqual(['56801', '56802']);
    // As the administrator (no commune of their own), the one changed last comes first.
    const all = await t().inject({ url: '/api/residents?q=bui%20quang%20vinh' });
    const [a, b] = all.json().items as { id: string }[];
    const res = await t().inject({
      method: 'PATCH',
      url: `/api/residents/${b!.id}`,
      payload: { occupation: 'farmer' },
    });
    expect(res.statusCode).toBe(200);
    const again = (await t().inject({ url: '/api/residents?q=bui%20quang%20vinh' })).json().items;
    expect(again.map((r: { id: string }) => r.id)).toEqual([b!.id, a!.id]);
  });
});

describeOnBothEngines(
  'resident search: Chinese names, by characters and by pinyin (CN)',
  (t) => {
    beforeAll(async () => {
      await registerAreas(t(), [
        ['52', 'province'],
        ['5203', 'prefecture', '52'],
        ['520330', 'county', '5203'],
        ['520330100', 'township', '520330'],
      ]);
      for (const fullName of [
        '李明',
        '黎明',
        '王秀英',
        '张秀英',
        '欧阳娜娜',
        '单雄信',
        '刘德华',
        '李 秀兰',
      ]) {
        await postExpect(t(), '/api/residents', { fullName, areaCode: '520330100', birthDate: '1980' });
      }
    });

    test.each<Case>([
      // The full name in characters; a homophone is found after it.
      ['李明', '李明', ['黎明']],
      ['黎明', '黎明', ['李明']],
      // The given name's characters alone.
      ['明', '李明', ['黎明']],
      ['秀英', '王秀英', ['张秀英']],
      ['娜娜', '欧阳娜娜'],
      // Pinyin with or without spaces and tones.
      ['li ming', '李明', ['黎明']],
      ['liming', '李明', ['黎明']],
      ['lǐ míng', '李明', ['黎明']],
      ['Li Ming', '李明', ['黎明']],
      ['wang xiuying', '王秀英'],
      ['wangxiuying', '王秀英'],
      ['xiuying', '王秀英', ['张秀英']],
      ['ouyang nana', '欧阳娜娜'],
      // A family name read as a surname (单: shan), and a name typed with a space.
      ['shan xiongxin', '单雄信'],
      ['李秀兰', '李 秀兰'],
      ['liu dehua', '刘德华'],
    ])('%s', async (typed, first, alsoFound = []) => {
      const found = await search(t(), typed);
      // Homophones share the index key; a name holding the characters as typed comes first.
      if (/\p{Script=Han}/u.test(typed)) expect(found[0]!.replace(/\s/g, '')).toContain(typed);
      expect(found.slice(0, 2)).toContain(first);
      for (const name of alsoFound) expect(found).toContain(name);
    });
  },
  { profile: 'cn' },
);
