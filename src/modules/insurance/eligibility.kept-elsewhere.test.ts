import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';

/**
 * Cards of the armed forces (province code 97) and the police (98) are kept by their own social
 * security bodies, not by the agency this registry mirrors. The agency's lookup answers them 001 and
 * 002: check the card on its face and the holder's identity papers.
 */
async function post(t: TestEngine, url: string, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

describeOnBothEngines('eligibility of a card kept by the defence or police social security', (t) => {
  const check = async (query: string) => {
    const res = await t().inject({ url: `/api/eligibility?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const e = t();
    await post(e, '/api/areas', { code: '56', name: 'Khánh Hòa', level: 'province' });
    await post(e, '/api/areas', { code: '568', name: 'Huyện Thử', level: 'district', parentCode: '56' });
    await post(e, '/api/areas', { code: '22300', name: 'Xã Thử', level: 'commune', parentCode: '568' });
    await post(e, '/api/facilities', {
      code: '56101',
      name: 'Trạm Y tế xã Thử',
      kind: 'commune_health_station',
      areaCode: '22300',
    });
    await post(e, '/api/facilities', {
      code: '56020',
      name: 'Trung tâm Y tế huyện Thử',
      kind: 'district_health_centre',
      areaCode: '568',
    });
    const soldier = await post(e, '/api/residents', {
      fullName: 'Lê Văn Lính',
      citizenId: '056090000011',
      birthDate: '1990-05-06',
      areaCode: '22300',
    });
    await post(e, `/api/residents/${soldier.id}/insurance-cards`, {
      cardNumber: 'QN5970000000011',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
      registeredFacilityCode: '56020',
    });
  });

  test('a defence card not on file is judged on its face: 001, the card level, the route by the visit', async () => {
    const answer = await check('facility=56020&card=QN5970123456789&date=2025-06-01&cost=1000000');
    expect(answer).toMatchObject({
      valid: true,
      reason: { code: 'kept-elsewhere', agencyCode: '001' },
      benefitPercent: 100,
      onRoute: true,
      routeRule: 'registered-facility',
      card: null,
    });
    expect(answer.reason.message).toContain('BHXH Bộ Quốc phòng');
  });

  test('a police card self-referred at a district centre of another province: 002, off-route rate', async () => {
    const answer = await check(
      'facility=56020&card=CA5980123456789&date=2025-06-01&visitKind=self-referred&cost=1000000',
    );
    expect(answer).toMatchObject({
      valid: true,
      reason: { code: 'kept-elsewhere', agencyCode: '002' },
      onRoute: false,
      rule: 'off-route-rate',
      benefitPercent: 100,
    });
  });

  test('a defence card on file: its own dates decide, and the answer still says 001', async () => {
    expect(await check('facility=56020&card=QN5970000000011&date=2025-06-01')).toMatchObject({
      valid: true,
      reason: { code: 'kept-elsewhere', agencyCode: '001' },
      card: { cardNumber: 'QN5970000000011' },
    });
    expect(await check('facility=56020&card=QN5970000000011&date=2026-02-01')).toMatchObject({
      valid: false,
      reason: { code: 'expired', agencyCode: '010' },
    });
  });

  test('a malformed number with code 97 is still 051, and an ordinary province card not on file 050', async () => {
    expect(await check('facility=56101&card=QN597012345')).toMatchObject({
      valid: false,
      reason: { agencyCode: '051' },
    });
    expect(await check('facility=56101&card=DN4560123456789')).toMatchObject({
      valid: false,
      reason: { agencyCode: '050' },
    });
  });
});
