import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { eligibilityCheck, residentWithCards, seedCommuneAndDistrict } from './eligibility.fixture.ts';

/**
 * A child's card (TE, benefit 1) ran to the end of 2024; from 2025 the same child holds a pupil's card
 * (HS, benefit 4) with a new number. The agency's lookup answers the old number with 003 (expired, a
 * new card was issued) or, while it still runs, 004 (still valid, a new card was issued). The name and
 * birth date given at the counter are checked against the holder's (060, 070).
 */

describeOnBothEngines('eligibility at the counter: a replaced card number, the holder named', (t) => {
  const check = eligibilityCheck(t, 'facility=56101&');

  beforeAll(async () => {
    const e = t();
    await seedCommuneAndDistrict(e);
    await residentWithCards(
      e,
      { fullName: 'Nguyễn Văn Bé', citizenId: '056218000007', birthDate: '2018-03-04' },
      [
        ['TE1560000000007', '2018-06-01', '2024-12-31'],
        ['HS4560000000007', '2025-01-01', '2025-12-31'],
      ],
    );
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

  test.each([
    [
      'the name typed without accents and the birth date',
      'fullName=nguyen%20van%20be&birthDate=2018-03-04',
      'valid',
      true,
    ],
    ['the birth year only', 'birthDate=2018', 'valid', true],
    [
      "another person's name: 060, and nothing of the card",
      'fullName=Tr%E1%BA%A7n%20V%C4%83n%20B%C3%A9',
      'wrong-name',
      false,
    ],
    ['a wrong birth date: 070', 'fullName=Nguyen%20Van%20Be&birthDate=2018-04-03', 'wrong-birth-date', false],
    ['a wrong birth year: 070', 'birthDate=2017', 'wrong-birth-date', false],
  ])('the holder checked at the counter: %s', async (_name, given, code, valid) => {
    const answer = await check(`card=HS4560000000007&date=2025-06-01&${given}`);
    expect(answer).toMatchObject({ valid, reason: { code } });
    if (!valid) expect(answer.card).toBeNull();
    // A match is told as the agency's lookup tells it, yes or no, beside the card (null: not given).
    else
      expect(answer.card).toMatchObject({
        nameMatches: given.includes('fullName') ? true : null,
        birthDateMatches: true,
      });
  });

  test('an impossible birth date is a 400 naming the field', async () => {
    const res = await t().inject({
      url: '/api/eligibility?facility=56101&card=HS4560000000007&birthDate=2018-02-30',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('query.birthDate');
  });
});
