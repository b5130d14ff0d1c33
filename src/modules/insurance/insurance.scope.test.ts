import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * Cards follow their residents' places: a district-1 caller never sees a district-2 card, and
 * coverage or the expiring list of an area outside one's scope is refused rather than half-counted.
 */
describeOnBothEngines('insurance cards inside and outside the caller scope', (t) => {
  let w: AccessWorld;
  const cards: Record<'one' | 'two', string> = { one: 'DN4450000000101', two: 'DN4450000000202' };

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'insurance', 'province'] });
    const add = async (commune: string, fullName: string, cardNumber: string) => {
      const r = await t().inject({
        method: 'POST',
        url: '/api/residents',
        payload: { fullName, areaCode: commune },
      });
      expect(r.statusCode, r.body).toBe(201);
      const c = await t().inject({
        method: 'POST',
        url: `/api/residents/${r.json().id}/insurance-cards`,
        payload: { cardNumber, validFrom: '2025-01-01', validTo: '2025-12-31' },
      });
      expect(c.statusCode, c.body).toBe(201);
    };
    await add(w.areas.commune1.code, 'Người Một', cards.one);
    await add(w.areas.commune2.code, 'Người Hai', cards.two);
  });

  test.each(['station', 'district'] as const)(
    '%s of district 1 finds the district-1 card only',
    async (role) => {
      const token = w.users[role].token;
      const one = await as(t(), token, { url: `/api/insurance-cards?number=${cards.one}` });
      expect(one.statusCode).toBe(200);
      expect(one.json().items).toHaveLength(1);
      const two = await as(t(), token, { url: `/api/insurance-cards?number=${cards.two}` });
      expect(two.json().items).toEqual([]);
    },
  );

  test('the insurance officer of the province finds both cards', async () => {
    for (const number of Object.values(cards)) {
      const res = await as(t(), w.users.insurance.token, { url: `/api/insurance-cards?number=${number}` });
      expect(res.json().items).toHaveLength(1);
    }
  });

  test('a district-2 card checked at a district-1 station gets its answer (a visitor), though the card registry stays closed', async () => {
    const res = await as(t(), w.users.station.token, {
      url: `/api/eligibility?card=${cards.two}&facility=${w.facilities.station1.code}&date=2025-06-01`,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ valid: true, card: { cardNumber: cards.two } });
    // By the 10-digit number printed on newer cards, too.
    const bySin = await as(t(), w.users.station.token, {
      url: `/api/eligibility?card=${cards.two.slice(5)}&facility=${w.facilities.station1.code}&date=2025-06-01`,
    });
    expect(bySin.json()).toMatchObject({ valid: true, card: { cardNumber: cards.two } });
    // The lookup of the card registry itself, and the holder's record, stay inside the scope.
    const list = await as(t(), w.users.station.token, { url: `/api/insurance-cards?number=${cards.two}` });
    expect(list.json().items).toEqual([]);
    // The answer is the agency lookup's: no id that opens the holder's record or the card row.
    expect(Object.keys(res.json().card).sort()).toEqual([
      'beneficiaryGroup',
      'benefitLevel',
      'birthDateMatches',
      'cardNumber',
      'copayExemptFrom',
      'fiveYearsOn',
      'insuredAreaCode',
      'nameMatches',
      'provinceCode',
      'registeredFacilityCode',
      'scheme',
      'status',
      'validFrom',
      'validTo',
    ]);
    expect(res.json().card).toMatchObject({ nameMatches: null, birthDateMatches: null });
    expect(res.body).not.toMatch(/residentId|"id"/);
  });

  test('coverage and expiring cards of district 2 are refused to district 1', async () => {
    const token = w.users.district.token;
    const coverage = await as(t(), token, {
      url: `/api/coverage?area=${w.areas.district2.code}&date=2025-06-01`,
    });
    expect(coverage.statusCode).toBe(403);
    const expiring = await as(t(), token, {
      url: `/api/insurance-cards/expiring?area=${w.areas.district2.code}`,
    });
    expect(expiring.statusCode).toBe(403);
    const own = await as(t(), token, { url: `/api/coverage?area=${w.areas.district1.code}&date=2025-06-01` });
    expect(own.json()).toMatchObject({ insuredResidents: 1, activeResidents: 1, coveragePercent: 100 });
  });

  test('a card follows its holder: after a move to district 2, and through a merge and its undo', async () => {
    const district1 = w.users.district.token;
    const province = w.users.province.token;
    const found = async (token: string, number: string) =>
      (await as(t(), token, { url: `/api/insurance-cards?number=${number}` })).json().items.length;
    const resident = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: { fullName: 'Người Chuyển', areaCode: w.areas.commune1.code },
    });
    const id = resident.json().id as string;
    const number = 'DN4450000000404';
    const card = await t().inject({
      method: 'POST',
      url: `/api/residents/${id}/insurance-cards`,
      payload: { cardNumber: number, validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(card.statusCode, card.body).toBe(201);
    expect(await found(district1, number)).toBe(1);

    const moved = await t().inject({
      method: 'POST',
      url: `/api/residents/${id}/move`,
      payload: {
        newHousehold: { address: 'Số 4, thôn Mới', areaCode: w.areas.commune2.code },
        effectiveOn: '2025-03-01',
      },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    // District 1 no longer reads the card of someone who left; the province still does.
    expect(await found(district1, number)).toBe(0);
    expect(await found(province, number)).toBe(1);
    const expiring = await as(t(), district1, {
      url: `/api/insurance-cards/expiring?area=${w.areas.district1.code}&days=400`,
    });
    expect(JSON.stringify(expiring.json())).not.toContain(number);

    // Merged into a duplicate in district 1, the card goes where the survivor lives, and back on undo.
    const survivor = await t().inject({
      method: 'POST',
      url: '/api/residents',
      payload: { fullName: 'Người Chuyển', areaCode: w.areas.commune1.code },
    });
    const merge = await t().inject({
      method: 'POST',
      url: '/api/residents/merge',
      payload: { survivorId: survivor.json().id, duplicateId: id },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(await found(district1, number)).toBe(1);
    const undo = await t().inject({
      method: 'POST',
      url: `/api/residents/merges/${merge.json().merge.id}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await found(district1, number)).toBe(0);
  });

  test('the insurance officer reads but cannot record cards', async () => {
    const res = await as(t(), w.users.insurance.token, {
      method: 'POST',
      url: '/api/residents/01900000-0000-7000-8000-000000000000/insurance-cards',
      payload: { cardNumber: 'DN4450000000303', validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(res.statusCode).toBe(403);
  });
});
