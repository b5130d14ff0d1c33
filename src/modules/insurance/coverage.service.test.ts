import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { postOk } from '../../../test/support/requests.ts';

/**
 * Coverage on a date counts who lived in the area and was active on that date, from the status
 * history, not who is active now. Commune 22300 (district 568) and commune 22301 (district 569).
 * Ten residents, all registered today (the registration date is not a lower bound), D = 2025-06-01:
 *   A  active                         DN card 2025-01-01 .. 2026-12-31
 *   B  moved away 2025-03-01 (before)  DN card 2025
 *   C  moved away 2025-09-01 (after)   DN card 2025
 *   D  died 2025-02-01 (before)        DN card 2025
 *   E  died 2025-10-01 (after)         no card
 *   F  born 2025-08-01 (after)         TE card 2025-08-01 .. 2031-07-31
 *   G  moved to 22301 on 2025-09-01    HN card 2025-01-01 .. 2026-12-31
 *   H  registered in 22301, moved to 22300 on 2025-04-01    GD card 2025
 *   I  active                         withdrawn card covering 2025
 *   J  active                         DN card 2024 (expired)
 * On D in 22300: A C E G H I J = 7 active; A C G H = 4 insured (DN 2, GD 1, HN 1). 22301: nobody.
 * Today in 22300: A F H I J = 5 active; A F = 2 insured. Today in 22301: G, insured.
 */

const D = '2025-06-01';

async function coverage(t: TestEngine, query: string) {
  const res = await t.inject({ url: `/api/coverage?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

describeOnBothEngines('coverage on a date', (t) => {
  beforeAll(async () => {
    const e = t();
    await postOk(e, '/api/areas', { code: '56', name: 'Khánh Hòa', level: 'province' });
    await postOk(e, '/api/areas', { code: '568', name: 'Huyện Một', level: 'district', parentCode: '56' });
    await postOk(e, '/api/areas', { code: '569', name: 'Huyện Hai', level: 'district', parentCode: '56' });
    await postOk(e, '/api/areas', { code: '22300', name: 'Xã Một', level: 'commune', parentCode: '568' });
    await postOk(e, '/api/areas', { code: '22301', name: 'Xã Hai', level: 'commune', parentCode: '569' });
    const ids: Record<string, string> = {};
    for (const [name, area, birthDate] of [
      ['A', '22300', '1980-01-01'],
      ['B', '22300', '1980-01-01'],
      ['C', '22300', '1980-01-01'],
      ['D', '22300', '1940-01-01'],
      ['E', '22300', '1940-01-01'],
      ['F', '22300', '2025-08-01'],
      ['G', '22300', '1990-01-01'],
      ['H', '22301', '1990-01-01'],
      ['I', '22300', '1970'],
      ['J', '22300', '1970-05-05'],
    ] as const) {
      ids[name] = (
        await postOk(e, '/api/residents', { fullName: `Người ${name}`, areaCode: area, birthDate })
      ).id;
    }
    const card = (name: string, cardNumber: string, validFrom: string, validTo: string, status?: string) =>
      postOk(e, `/api/residents/${ids[name]}/insurance-cards`, {
        cardNumber,
        validFrom,
        validTo,
        ...(status ? { status } : {}),
      });
    await card('A', 'DN4560000000001', '2025-01-01', '2026-12-31');
    await card('B', 'DN4560000000002', '2025-01-01', '2025-12-31');
    await card('C', 'DN4560000000003', '2025-01-01', '2025-12-31');
    await card('D', 'DN4560000000004', '2025-01-01', '2025-12-31');
    await card('F', 'TE1560000000006', '2025-08-01', '2031-07-31');
    await card('G', 'HN2560000000007', '2025-01-01', '2026-12-31');
    await card('H', 'GD4560000000008', '2025-01-01', '2025-12-31');
    await card('I', 'GD4560000000009', '2025-01-01', '2025-12-31', 'withdrawn');
    await card('J', 'DN4560000000010', '2024-01-01', '2024-12-31');
    const status = (name: string, s: string, effectiveOn: string) =>
      postOk(e, `/api/residents/${ids[name]}/status`, { status: s, effectiveOn });
    await status('B', 'moved_away', '2025-03-01');
    await status('C', 'moved_away', '2025-09-01');
    await status('D', 'deceased', '2025-02-01');
    await status('E', 'deceased', '2025-10-01');
    const move = (name: string, areaCode: string, effectiveOn: string) =>
      postOk(e, `/api/residents/${ids[name]}/move`, {
        newHousehold: { address: `Nhà của ${name}`, areaCode },
        effectiveOn,
      });
    await move('G', '22301', '2025-09-01');
    await move('H', '22300', '2025-04-01');
  });

  test('on a past date: who lived there and was active then, with a card valid then', async () => {
    const body = await coverage(t(), `area=22300&date=${D}`);
    expect(body).toMatchObject({ date: D, activeResidents: 7, insuredResidents: 4, coveragePercent: 57.14 });
    expect(body.byGroup).toEqual([
      { group: 'DN', insuredResidents: 2, coveragePercent: 28.57 },
      { group: 'GD', insuredResidents: 1, coveragePercent: 14.29 },
      { group: 'HN', insuredResidents: 1, coveragePercent: 14.29 },
    ]);
    expect(await coverage(t(), `area=22300&date=${D}&group=DN`)).toMatchObject({
      group: 'DN',
      activeResidents: 7,
      insuredResidents: 2,
    });
    expect(await coverage(t(), `area=22301&date=${D}`)).toMatchObject({
      activeResidents: 0,
      insuredResidents: 0,
      coveragePercent: null,
    });
    expect(await coverage(t(), `area=568&date=${D}`)).toMatchObject({
      activeResidents: 7,
      insuredResidents: 4,
    });
  });

  test('today: the moves, deaths and the birth since are counted where and when they happened', async () => {
    const today = t().today;
    expect(await coverage(t(), `area=22300&date=${today}`)).toMatchObject({
      activeResidents: 5,
      insuredResidents: 2,
      coveragePercent: 40,
    });
    expect(await coverage(t(), 'area=22300')).toMatchObject({ date: today, activeResidents: 5 });
    expect(await coverage(t(), `area=22301&date=${today}`)).toMatchObject({
      activeResidents: 1,
      insuredResidents: 1,
      byGroup: [{ group: 'HN', insuredResidents: 1, coveragePercent: 100 }],
    });
    expect(await coverage(t(), `area=56&date=${today}`)).toMatchObject({
      activeResidents: 6,
      insuredResidents: 3,
    });
  });

  test('between the events the figures move with them', async () => {
    // 2025-09-15: C and G gone from 22300 (G now in 22301), F born; E still alive.
    expect(await coverage(t(), 'area=22300&date=2025-09-15')).toMatchObject({
      activeResidents: 6, // A E F H I J
      insuredResidents: 3, // A F H
    });
    expect(await coverage(t(), 'area=22301&date=2025-09-15')).toMatchObject({
      activeResidents: 1,
      insuredResidents: 1,
    });
  });
});
