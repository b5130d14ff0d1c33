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
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'insurance'] });
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

  test('a district-2 card checked at a district-1 station is "no card data" for a district-1 caller', async () => {
    const res = await as(t(), w.users.station.token, {
      url: `/api/eligibility?card=${cards.two}&facility=${w.facilities.station1.code}&date=2025-06-01`,
    });
    expect(res.json()).toMatchObject({ valid: false, reason: { code: 'no-card-data' } });
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

  test('the insurance officer reads but cannot record cards', async () => {
    const res = await as(t(), w.users.insurance.token, {
      method: 'POST',
      url: '/api/residents/01900000-0000-7000-8000-000000000000/insurance-cards',
      payload: { cardNumber: 'DN4450000000303', validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(res.statusCode).toBe(403);
  });
});
