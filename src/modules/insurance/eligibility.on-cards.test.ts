import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { lookupFacility } from '../facilities/index.ts';
import { eligibilityCheck, residentWithCards, seedCommuneAndDistrict } from './eligibility.fixture.ts';
import { eligibilityCardsOfResidents, eligibilityOnCards } from './index.ts';

/**
 * The answer for many past visits at once (the demos' history): the cards read once, then decided by
 * the rules with nothing read, equal to what the counter answers for the citizen id on that date.
 */
describeOnBothEngines('eligibility from cards already read', (t) => {
  const check = eligibilityCheck(t);
  let residentId: string;
  const citizenId = '056170000321';

  beforeAll(async () => {
    await seedCommuneAndDistrict(t());
    // Two periods back to back, then a gap: this year's card starts on 1 March.
    residentId = await residentWithCards(
      t(),
      { fullName: 'Võ Thị Lịch Sử', citizenId, birthDate: '1970-02-02' },
      [
        ['GD4560000000321', '2024-03-01', '2025-02-28'],
        ['GD4560000000321', '2025-03-01', '2026-02-28', '56020'],
      ],
    );
  });

  test.each([
    ['2024-06-10', '56101'],
    ['2025-06-10', '56101'],
    ['2025-06-10', '56020'],
    ['2024-01-15', '56101'],
    ['2026-05-01', '56101'],
  ])('on %s at %s: the same answer as the counter', async (date, facilityCode) => {
    const counter = await check(`facility=${facilityCode}&citizenId=${citizenId}&date=${date}`);
    const cards = (await eligibilityCardsOfResidents(t().ctx.db, [residentId])).get(residentId) ?? [];
    expect(cards).toHaveLength(2);
    const facility = await lookupFacility(t().ctx.db, facilityCode, t().ctx.profile);
    const answer = eligibilityOnCards(t().ctx.profile, { cards, facility: facility!, visit: { date } });
    expect(answer).toEqual(counter);
  });

  test('a visit before the first period on file is refused as not yet valid, one in a period is valid', async () => {
    const cards = (await eligibilityCardsOfResidents(t().ctx.db, [residentId])).get(residentId) ?? [];
    const facility = (await lookupFacility(t().ctx.db, '56101', t().ctx.profile))!;
    expect(
      eligibilityOnCards(t().ctx.profile, { cards, facility, visit: { date: '2024-01-15' } }),
    ).toMatchObject({
      valid: false,
      date: '2024-01-15',
    });
    expect(
      eligibilityOnCards(t().ctx.profile, { cards, facility, visit: { date: '2024-06-10' } }),
    ).toMatchObject({
      valid: true,
      card: { cardNumber: 'GD4560000000321', validFrom: '2024-03-01' },
    });
  });
});
