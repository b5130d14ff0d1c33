import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';

/**
 * A child's card (TE, benefit 1) ran to the end of 2024; from 2025 the same child holds a pupil's card
 * (HS, benefit 4) with a new number. The agency's lookup answers the old number with 003 (expired, a
 * new card was issued) or, while it still runs, 004 (still valid, a new card was issued).
 */
async function post(t: TestEngine, url: string, payload: Record<string, unknown>) {
  const res = await t.inject({ method: 'POST', url, payload });
  expect(res.statusCode, `${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

describeOnBothEngines('eligibility when a card was replaced by a new number', (t) => {
  const check = async (query: string) => {
    const res = await t().inject({ url: `/api/eligibility?facility=56101&${query}` });
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
    const child = await post(e, '/api/residents', {
      fullName: 'Nguyễn Văn Bé',
      citizenId: '056218000007',
      areaCode: '22300',
    });
    for (const [cardNumber, validFrom, validTo] of [
      ['TE1560000000007', '2018-06-01', '2024-12-31'],
      ['HS4560000000007', '2025-01-01', '2025-12-31'],
    ])
      await post(e, `/api/residents/${child.id}/insurance-cards`, {
        cardNumber,
        validFrom,
        validTo,
        registeredFacilityCode: '56101',
      });
  });

  test('the old number after it expired: valid on the new card, with the agency code 003', async () => {
    const answer = await check('card=TE1560000000007&date=2025-06-01');
    expect(answer).toMatchObject({
      valid: true,
      reason: { code: 'old-card-expired-new-issued', agencyCode: '003' },
      card: { cardNumber: 'HS4560000000007' },
    });
    expect(answer.reason.message).toContain('HS4560000000007');
  });

  test('the old number while it still runs: valid on it, with 004', async () => {
    const answer = await check('card=TE1560000000007&date=2024-12-31');
    expect(answer).toMatchObject({
      valid: true,
      reason: { code: 'old-card-valid-new-issued', agencyCode: '004' },
      card: { cardNumber: 'TE1560000000007' },
    });
  });

  test('the new number, or the citizen id: a plain answer on the card valid that day', async () => {
    for (const query of ['card=HS4560000000007', 'citizenId=056218000007']) {
      const answer = await check(`${query}&date=2025-06-01`);
      expect(answer).toMatchObject({
        valid: true,
        reason: { code: 'valid', agencyCode: '000' },
        card: { cardNumber: 'HS4560000000007' },
      });
    }
  });

  test('the old number after the new card ended too: expired (010)', async () => {
    const answer = await check('card=TE1560000000007&date=2026-02-01');
    expect(answer).toMatchObject({ valid: false, reason: { code: 'expired', agencyCode: '010' } });
  });
});
