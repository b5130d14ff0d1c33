import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postOk } from '../../../test/support/requests.ts';

/**
 * Cards, eligibility, coverage and the expiring list over a small commune built through the API.
 * Commune 22300 (Khánh Hòa, 56) holds station 56101, the district centre 56020 and the provincial
 * hospital 56001; province 79 holds station 79101. Six residents of 22300, by hand on 2025-06-01:
 *   An     DN4 card 2025, registered at 56101            insured
 *   Binh   DN4 card 2024 only                           expired
 *   Chi    DN4 card from province 79, 2025 to 2026-03   insured
 *   Dung   no card
 *   Em     HN2 card 2025, moved away on 2025-03-01      not an active resident
 *   Giang  GD4 card to 2025-12-20 and a 2026 card        insured
 * Active residents: An, Binh, Chi, Dung, Giang = 5; insured: An, Chi, Giang = 3 (60%); DN: 2.
 */

describeOnBothEngines('insurance cards, eligibility and coverage', (t) => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const e = t();
    await postOk(e, '/api/areas', { code: '56', name: 'Khánh Hòa', level: 'province' });
    await postOk(e, '/api/areas', { code: '568', name: 'Huyện Thử', level: 'district', parentCode: '56' });
    await postOk(e, '/api/areas', {
      code: '22300',
      name: 'Xã Thử',
      level: 'commune',
      parentCode: '568',
      population: [{ year: 2025, population: 10, households: 3 }],
    });
    await postOk(e, '/api/areas', { code: '79', name: 'TP. Hồ Chí Minh', level: 'province' });
    await postOk(e, '/api/areas', { code: '760', name: 'Quận 1', level: 'district', parentCode: '79' });
    await postOk(e, '/api/areas', {
      code: '26734',
      name: 'Phường Bến Nghé',
      level: 'commune',
      parentCode: '760',
    });
    const facility = (code: string, kind: string, areaCode: string) =>
      postOk(e, '/api/facilities', { code, name: `Cơ sở ${code}`, kind, areaCode });
    await facility('56101', 'commune_health_station', '22300');
    await facility('56020', 'district_health_centre', '22300');
    await facility('56001', 'provincial_general_hospital', '22300');
    await facility('79101', 'commune_health_station', '26734');

    const resident = async (name: string, citizenId: string) => {
      const r = await postOk(e, '/api/residents', { fullName: name, citizenId, areaCode: '22300' });
      ids[name] = r.id;
    };
    await resident('Nguyễn Văn An', '056090000001');
    await resident('Trần Thị Bình', '056190000002');
    await resident('Lê Thị Chi', '079185000003');
    await resident('Phạm Văn Dũng', '056080000004');
    await resident('Hoàng Văn Em', '056070000005');
    await resident('Võ Thị Giang', '056195000006');

    // Each card: its holder, number, first and last valid day, registered facility.
    for (const [name, cardNumber, validFrom, validTo, registeredFacilityCode] of [
      ['Nguyễn Văn An', 'DN4560000000001', '2025-01-01', '2025-12-31', '56101'],
      ['Trần Thị Bình', 'DN4560000000002', '2024-01-01', '2024-12-31', '56101'],
      ['Lê Thị Chi', 'DN4790000000003', '2025-01-01', '2026-03-31', '79101'],
      ['Hoàng Văn Em', 'HN2560000000005', '2025-01-01', '2025-12-31', '56101'],
      ['Võ Thị Giang', 'GD4560000000006', '2025-01-01', '2025-12-20', '56101'],
      ['Võ Thị Giang', 'GD4560000000006', '2025-12-21', '2026-12-20', '56101'],
    ] as const)
      await postOk(e, `/api/residents/${ids[name]}/insurance-cards`, {
        cardNumber,
        validFrom,
        validTo,
        registeredFacilityCode,
      });
    await postOk(e, `/api/residents/${ids['Hoàng Văn Em']}/status`, {
      status: 'moved_away',
      effectiveOn: '2025-03-01',
    });
  });

  test('a card is stored with the parts of its number and listed in the history of its resident', async () => {
    const body = await getOk(t(), `/api/residents/${ids['Võ Thị Giang']}/insurance-cards`);
    expect(body.items.map((c: { validFrom: string }) => c.validFrom)).toEqual(['2025-01-01', '2025-12-21']);
    expect(body.items[0]).toMatchObject({
      cardNumber: 'GD4560000000006',
      beneficiaryGroup: 'GD',
      benefitLevel: 4,
      provinceCode: '56',
      socialInsuranceNumber: '0000000006',
      status: 'active',
    });
  });

  test('a card overlapping another active card of the same resident is refused with 409', async () => {
    const res = await t().inject({
      method: 'POST',
      url: `/api/residents/${ids['Nguyễn Văn An']}/insurance-cards`,
      payload: { cardNumber: 'DN4560000000001', validFrom: '2025-12-01', validTo: '2026-11-30' },
    });
    expect(res.statusCode).toBe(409);
  });

  test('a card with a wrong benefit code, a wrong province and a reversed period names every field', async () => {
    const res = await t().inject({
      method: 'POST',
      url: `/api/residents/${ids['Phạm Văn Dũng']}/insurance-cards`,
      payload: { cardNumber: 'DN3560000000004', validFrom: '2025-06-01', validTo: '2025-01-01' },
    });
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((x: { field: string }) => x.field)
      .sort();
    expect(fields).toEqual(['body.cardNumber', 'body.validTo']);
    expect(res.json().errors[0].message).toContain('wrong benefit code');
  });

  test('a Chinese enrolment under the Vietnamese profile is a 400 that asks for the card number', async () => {
    const res = await t().inject({
      method: 'POST',
      url: `/api/residents/${ids['Phạm Văn Dũng']}/insurance-cards`,
      payload: { scheme: 'resident', insuredArea: '568', validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as { field: string; message: string }[];
    expect(errors.map((x) => x.field)).toEqual(['body.scheme', 'body.insuredArea', 'body.cardNumber']);
    expect(errors[0]?.message).toMatch(/^not part of a card in Việt Nam: send cardNumber \(Mã thẻ BHYT/);
    expect(errors[2]?.message).toMatch(/^required: Mã thẻ BHYT/);
  });

  test('coverage by an unknown beneficiary group is a 400 listing the groups', async () => {
    const res = await t().inject({ url: '/api/coverage?area=22300&date=2025-06-01&group=resident' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'query.group' });
    expect(res.json().errors[0].message).toMatch(/unknown group resident: one of CC, TE, /);
  });

  test('a card for an unknown resident is a 404', async () => {
    const res = await t().inject({
      method: 'POST',
      url: '/api/residents/01900000-0000-7000-8000-000000000000/insurance-cards',
      payload: { cardNumber: 'DN4560000000009', validFrom: '2025-01-01', validTo: '2025-12-31' },
    });
    expect(res.statusCode).toBe(404);
  });

  test.each([
    ['number=DN4560000000001', 'Nguyễn Văn An'],
    ['number=dn4%2056%200000000001', 'Nguyễn Văn An'],
    ['number=0000000003', 'Lê Thị Chi'],
    ['citizenId=056090000001', 'Nguyễn Văn An'],
  ])('cards are found by %s', async (query, name) => {
    const body = await getOk(t(), `/api/insurance-cards?${query}`);
    expect(body.items.map((c: { residentId: string }) => c.residentId)).toEqual([ids[name]]);
  });

  test('an expired card is not valid and says it expired', async () => {
    const body = await getOk(
      t(),
      '/api/eligibility?card=DN4560000000002&facility=56101&date=2025-06-01&visitKind=registered',
    );
    expect(body).toMatchObject({
      valid: false,
      benefitPercent: 0,
      onRoute: null,
      rule: 'card-expired',
      reason: { code: 'expired', agencyCode: '010' },
    });
    expect(body.reason.message).toContain('2024-12-31');
  });

  test('the same expired card is found by the citizen id', async () => {
    const body = await getOk(t(), '/api/eligibility?citizenId=056190000002&facility=56101&date=2025-06-01');
    expect(body).toMatchObject({ valid: false, reason: { code: 'expired' } });
  });

  test.each([
    ['/api/eligibility?citizenId=05619000000&facility=56101', 'must be 12 digits'],
    ['/api/eligibility?citizenId=999190000002&facility=56101', 'not a province-of-birth code'],
    ['/api/insurance-cards?citizenId=0561900000AB', 'must be 12 digits'],
  ])('a mistyped citizen id is a 400 naming what is wrong, not "no card data": %s', async (url, message) => {
    const res = await t().inject({ url });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().errors[0].field).toBe('query.citizenId');
    expect(res.json().errors[0].message).toContain(message);
  });

  test('a 10-digit social insurance number not on file is "no card data" (050), not a malformed card', async () => {
    const body = await getOk(t(), '/api/eligibility?card=5609999999&facility=56101&date=2025-06-01');
    expect(body).toMatchObject({ valid: false, reason: { code: 'no-card-data', agencyCode: '050' } });
  });

  test('a card from another province at the district centre is valid but off-route', async () => {
    const body = await getOk(
      t(),
      '/api/eligibility?card=DN4790000000003&facility=56020&date=2025-06-01&visitKind=self-referred',
    );
    expect(body).toMatchObject({
      valid: true,
      onRoute: false,
      routeRule: 'self-referred',
      rule: 'off-route-rate',
      benefitPercent: 80,
      reason: { code: 'valid', agencyCode: '000' },
    });
    expect(body.reason.message).toContain("outside the card's province (79)");
  });

  test('a card from another province at the provincial hospital, out-patient, is not covered', async () => {
    const body = await getOk(
      t(),
      '/api/eligibility?card=DN4790000000003&facility=56001&date=2025-06-01&visitKind=self-referred',
    );
    expect(body).toMatchObject({ valid: true, onRoute: false, benefitPercent: 0, rule: 'off-route-rate' });
  });

  test('a referred visit to the provincial hospital is on-route at the card rate', async () => {
    const body = await getOk(
      t(),
      '/api/eligibility?card=DN4560000000001&facility=56001&date=2025-06-01&visitKind=referred',
    );
    expect(body).toMatchObject({
      valid: true,
      onRoute: true,
      routeRule: 'referral',
      rule: 'benefit-level',
      benefitPercent: 80,
    });
  });

  test('a referred visit costing under 15% of the base salary is paid in full', async () => {
    const body = await getOk(
      t(),
      '/api/eligibility?card=DN4560000000001&facility=56001&date=2025-06-01&visitKind=referred&cost=300000',
    );
    expect(body).toMatchObject({ valid: true, onRoute: true, rule: 'low-cost', benefitPercent: 100 });
  });

  test('the registered station pays 100%', async () => {
    const body = await getOk(t(), '/api/eligibility?card=DN4560000000001&facility=56101&date=2025-06-01');
    expect(body).toMatchObject({
      valid: true,
      onRoute: true,
      routeRule: 'registered-facility',
      rule: 'commune-station',
      benefitPercent: 100,
    });
  });

  test.each([
    ['DN3560000000001', 'wrong-benefit-code', '053'],
    ['DN4990000000001', 'wrong-province-code', '052'],
    ['DN4560000000099', 'no-card-data', '050'],
  ])('card %s not on file: %s (%s)', async (card, code, agencyCode) => {
    const body = await getOk(t(), `/api/eligibility?card=${card}&facility=56101&date=2025-06-01`);
    expect(body).toMatchObject({ valid: false, reason: { code, agencyCode } });
  });

  test('an unknown facility is a 400 naming query.facility', async () => {
    const res = await t().inject({ url: '/api/eligibility?card=DN4560000000001&facility=99999' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((x: { field: string }) => x.field)).toEqual(['query.facility']);
  });

  test('coverage of the commune matches the count by hand', async () => {
    const body = await getOk(t(), '/api/coverage?area=22300&date=2025-06-01');
    expect(body).toMatchObject({
      insuredResidents: 3,
      activeResidents: 5,
      coveragePercent: 60,
      population: 10,
      populationCoveragePercent: 30,
      target: { year: 2025, percent: 95, met: false },
    });
    const dn = await getOk(t(), '/api/coverage?area=22300&date=2025-06-01&group=DN');
    expect(dn).toMatchObject({ insuredResidents: 2, coveragePercent: 40, group: 'DN' });
    const later = await getOk(t(), '/api/coverage?area=56&date=2026-06-01');
    expect(later).toMatchObject({
      insuredResidents: 1,
      activeResidents: 5,
      target: { year: 2030, percent: 98 },
    });
  });

  test('the expiring list holds residents whose card ends soon and who have no later card', async () => {
    const body = await getOk(t(), '/api/insurance-cards/expiring?area=22300&date=2025-12-10&days=30');
    expect(body).toMatchObject({ from: '2025-12-10', to: '2026-01-09' });
    expect(
      body.items.map((i: { residentId: string; daysLeft: number }) => [i.residentId, i.daysLeft]),
    ).toEqual([[ids['Nguyễn Văn An'], 21]]);
    // Whom to remind, without opening each record.
    expect(body.items[0].resident).toMatchObject({ fullName: 'Nguyễn Văn An' });
    expect(body.items[0].resident).toHaveProperty('phone');
    expect(body.items[0].resident).toHaveProperty('address');
  });

  test('merging a duplicate resident carries its cards to the survivor, and undoing brings them back', async () => {
    const e = t();
    const survivor = await postOk(e, '/api/residents', { fullName: 'Đỗ Thị Mai', areaCode: '26734' });
    const duplicate = await postOk(e, '/api/residents', { fullName: 'Do Thi Mai', areaCode: '26734' });
    await postOk(e, `/api/residents/${survivor.id}/insurance-cards`, {
      cardNumber: 'HS4790000000010',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    });
    // The duplicate record holds the person's older card: a number holds one resident (see below).
    await postOk(e, `/api/residents/${duplicate.id}/insurance-cards`, {
      cardNumber: 'HS4790000000011',
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    const merged = await postOk(e, '/api/residents/merge', {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
    });
    expect(merged.moved.insurance_cards).toBe(1);
    const cards = await getOk(e, `/api/residents/${survivor.id}/insurance-cards`);
    expect(cards.items.map((c: { validFrom: string }) => c.validFrom)).toEqual(['2024-01-01', '2025-01-01']);
    await postOk(e, `/api/residents/merges/${merged.merge.id}/undo`, {});
    expect((await getOk(e, `/api/residents/${duplicate.id}/insurance-cards`)).items).toHaveLength(1);
    expect((await getOk(e, `/api/residents/${survivor.id}/insurance-cards`)).items).toHaveLength(1);
  });

  test('a card number another resident holds is refused with a 409 naming the field; its holder may renew it', async () => {
    const e = t();
    const other = await postOk(e, '/api/residents', { fullName: 'Người Khác', areaCode: '26734' });
    const res = await e.inject({
      method: 'POST',
      url: `/api/residents/${other.id}/insurance-cards`,
      payload: { cardNumber: 'DN4560000000001', validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({
      code: 'conflict',
      errors: [
        { field: 'body.cardNumber', code: 'taken', message: expect.stringMatching(/another resident/) },
      ],
    });
    const renewed = await e.inject({
      method: 'POST',
      url: `/api/residents/${ids['Nguyễn Văn An']}/insurance-cards`,
      payload: { cardNumber: 'DN4560000000001', validFrom: '2026-01-01', validTo: '2026-12-31' },
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    const eligible = await e.inject({
      url: '/api/eligibility?card=DN4560000000001&facility=56101&date=2026-06-01',
    });
    expect(eligible.statusCode, eligible.body).toBe(200);
  });

  test('the database refuses a second holder of a card number from any writer, when the write commits', async () => {
    const e = t();
    const other = await postOk(e, '/api/residents', { fullName: 'Người Thứ Ba', areaCode: '26734' });
    const write = e.ctx.db.transaction().execute(async (trx) => {
      await sql`insert into insurance_card (id, resident_id, card_number, beneficiary_group, benefit_level,
          province_code, social_insurance_number, valid_from, valid_to, area_path)
        select gen_random_uuid(), ${other.id}::uuid, 'DN4560000000002', 'DN', 4, '56', '0000000002',
          '2027-01-01', '2027-12-31', area_path
        from resident where id = ${other.id}::uuid`.execute(trx);
    });
    await expect(write).rejects.toMatchObject({
      code: '23505',
      constraint: 'insurance_card_number_one_holder',
    });
    const held = await sql<{ n: number }>`select count(distinct resident_id)::int as n from insurance_card
      where card_number = 'DN4560000000002'`.execute(e.ctx.db);
    expect(held.rows[0]?.n).toBe(1);
  });
});
