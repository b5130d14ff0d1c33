import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { eligibilityCheck, residentWithCards, seedCommuneAndDistrict } from './eligibility.fixture.ts';

/**
 * What the counter hears when the registry holds no card for what is shown. Cards of the armed forces
 * (province code 97) and the police (98) are kept by their own social security bodies: the agency's
 * lookup answers them 001 and 002, check the card on its face and the holder's identity papers. A child
 * under 6 is covered without a card, on birth papers or a citizen id (130). Anyone else: 050.
 */

describeOnBothEngines('eligibility with no card on file', (t) => {
  const check = eligibilityCheck(t);

  beforeAll(async () => {
    const e = t();
    await seedCommuneAndDistrict(e);
    const soldier = { fullName: 'Lê Văn Lính', citizenId: '056090000011', birthDate: '1990-05-06' };
    await residentWithCards(e, soldier, [['QN5970000000011', '2025-01-01', '2025-12-31', '56020']]);
    // Two young children without a card: one born in 2021, one whose birth year only is known.
    await residentWithCards(e, {
      fullName: 'Phạm Thị Bé',
      citizenId: '056321000013',
      birthDate: '2021-03-04',
    });
    await residentWithCards(e, { fullName: 'Phạm Văn Út', citizenId: '056220000014', birthDate: '2020' });
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
      facility: { code: '56020', tier: 'district', careLevel: 'basic' },
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

  test('a child under 6 with no card, by citizen id: covered as TE, 130, at the station and at the district', async () => {
    expect(await check('facility=56101&citizenId=056321000013&date=2025-06-01')).toMatchObject({
      valid: true,
      reason: { code: 'child-without-card', agencyCode: '130' },
      benefitPercent: 100,
      rule: 'commune-station',
      card: null,
    });
    const referred = await check(
      'facility=56020&citizenId=056321000013&date=2027-03-03&visitKind=referred&cost=2000000',
    );
    expect(referred).toMatchObject({
      valid: true,
      reason: { agencyCode: '130' },
      onRoute: true,
      benefitPercent: 100,
    });
    expect(referred.reason.message).toContain('under 6');
  });

  test('from the sixth birthday the child needs a card: 050', async () => {
    expect(await check('facility=56101&citizenId=056321000013&date=2027-03-04')).toMatchObject({
      valid: false,
      reason: { agencyCode: '050' },
    });
  });

  test('a birth known only by its year counts from the first of January', async () => {
    expect(await check('facility=56101&citizenId=056220000014&date=2025-12-31')).toMatchObject({
      reason: { agencyCode: '130' },
    });
    expect(await check('facility=56101&citizenId=056220000014&date=2026-01-01')).toMatchObject({
      reason: { agencyCode: '050' },
    });
  });

  test('an adult without a card, or a citizen id nobody holds: 050', async () => {
    for (const id of ['056090000012', '056321000099'])
      expect(await check(`facility=56101&citizenId=${id}&date=2025-06-01`)).toMatchObject({
        valid: false,
        reason: { agencyCode: '050' },
      });
  });
});
