import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { DISTRICT_568, registerAreas, registerStation } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';

const names = (items: { fullName: string }[]) => items.map((r) => r.fullName);

/**
 * Counter search at the edges: misspellings found without an area filter (province-wide) and inside
 * a station's commune, area filters exact at the boundary of a sibling village whose code starts with
 * the same characters, and residents found by their insurance card number or its last 10 digits.
 */
describeOnBothEngines('resident search', (t) => {
  const ids: Record<string, string> = {};

  // Communes 56801 (villages 56801_1 and 56801_10, a station) and 56802, with five residents.
  beforeAll(async () => {
    await registerAreas(t(), [
      ...DISTRICT_568,
      ['56801_1', 'village', '56801'],
      ['56801_10', 'village', '56801'],
    ]);
    await registerStation(t(), 'S5681', '56801');
    const people: [string, string, string][] = [
      ['binh', 'Nguyễn Văn Bình', '56801_1'],
      ['binh2', 'Nguyễn Thị Bình', '56801_10'],
      ['hoa', 'Trần Thị Hoa', '56801'],
      ['hoa2', 'Trần Văn Hoa', '56801'],
      ['thuy', 'Lê Thị Thủy', '56802'],
    ];
    for (const [key, fullName, areaCode] of people) {
      ids[key] = (await postExpect(t(), '/api/residents', { fullName, areaCode, birthDate: '1980' })).id;
    }
  });

  test('a misspelt given name is found province-wide, the closest name first', async () => {
    const bihn = (await t().inject({ url: '/api/residents?q=nguyen%20van%20bihn' })).json().items;
    expect(names(bihn)[0]).toBe('Nguyễn Văn Bình');
    expect(names(bihn)).toContain('Nguyễn Thị Bình');
    const hoy = (await t().inject({ url: '/api/residents?q=tran%20thi%20hoy' })).json().items;
    expect(names(hoy)).toEqual(['Trần Thị Hoa', 'Trần Văn Hoa']);
    const family = (await t().inject({ url: '/api/residents?q=ngyen%20van%20binh' })).json().items;
    expect(names(family)[0]).toBe('Nguyễn Văn Bình');
    const joined = (await t().inject({ url: '/api/residents?q=le%20thithuy' })).json().items;
    expect(names(joined)).toEqual(['Lê Thị Thủy']);
  });

  test('a renamed resident is found by the new name only; other changes keep the name keys', async () => {
    const patch = (payload: Record<string, unknown>) =>
      t().inject({ method: 'PATCH', url: `/api/residents/${ids.hoa2}`, payload });
    expect((await patch({ fullName: 'Trần Văn Hòa Bình' })).statusCode).toBe(200);
    const renamed = (await t().inject({ url: '/api/residents?q=tran%20van%20hoa%20binh' })).json().items;
    expect(renamed.map((r: { id: string }) => r.id)).toEqual([ids.hoa2]);
    const old = (await t().inject({ url: '/api/residents?q=tran%20van%20hoa' })).json().items;
    expect(old[0].fullName).toBe('Trần Văn Hòa Bình'); // now a prefix match, not an exact one
    expect((await patch({ occupation: 'teacher' })).statusCode).toBe(200);
    const still = (await t().inject({ url: '/api/residents?q=binh&limit=5' })).json().items;
    expect(names(still)).toContain('Trần Văn Hòa Bình');
    expect((await patch({ fullName: 'Trần Văn Hoa' })).statusCode).toBe(200);
  });

  test('an area filter keeps to the area, not to a sibling whose code starts alike', async () => {
    const inFirst = (await t().inject({ url: '/api/residents?q=nguyen%20bihn&area=56801_1' })).json().items;
    expect(names(inFirst)).toEqual(['Nguyễn Văn Bình']);
    const inSecond = (await t().inject({ url: '/api/residents?q=nguyen%20binh&area=56801_10' })).json().items;
    expect(names(inSecond)).toEqual(['Nguyễn Thị Bình']);
    const both = (await t().inject({ url: '/api/residents?q=nguyen%20binh&area=56801' })).json().items;
    expect(names(both).sort()).toEqual(['Nguyễn Thị Bình', 'Nguyễn Văn Bình']);
  });

  test('a station finds its own residents, misspelt or not, and nobody from the next commune', async () => {
    await postExpect(t(), '/api/users', {
      username: 'station-search',
      displayName: 'Station',
      password: 'Quiet-river-station-2',
      roles: [{ role: 'station', facility: 'S5681' }],
    });
    const token = await t().signIn('station-search', 'Quiet-river-station-2');
    const as = async (q: string) =>
      (
        await t().app.inject({
          url: `/api/residents?q=${encodeURIComponent(q)}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).json().items as { fullName: string }[];
    expect(names(await as('nguyen van binh'))).toEqual(['Nguyễn Văn Bình', 'Nguyễn Thị Bình']);
    expect(names(await as('nguyen thi bihn'))).toEqual(['Nguyễn Thị Bình', 'Nguyễn Văn Bình']);
    expect(names(await as('tran thi hoy'))).toEqual(['Trần Thị Hoa', 'Trần Văn Hoa']);
    expect(names(await as('le thi thuy'))).toEqual([]);
    expect(names(await as('le thi thyy'))).toEqual([]);
  });

  test('the insurance card number finds its holder, as does its last 10 digits', async () => {
    await postExpect(t(), `/api/residents/${ids.hoa}/insurance-cards`, {
      cardNumber: 'DN4560123456789',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
    });
    for (const q of ['DN4560123456789', 'dn4 56 0123456789', '0123456789']) {
      const found = (await t().inject({ url: `/api/residents?q=${encodeURIComponent(q)}` })).json().items;
      expect(found.map((r: { id: string }) => r.id)).toEqual([ids.hoa]);
    }
    const other = (await t().inject({ url: '/api/residents?q=DN4569999999999' })).json().items;
    expect(other).toEqual([]);
  });
});
