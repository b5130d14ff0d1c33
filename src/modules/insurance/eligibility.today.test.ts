import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { addDays } from '../../platform/dates.ts';
import { residentWithCards, seedCommuneAndDistrict } from './eligibility.fixture.ts';

/**
 * "Today" is the country's date. One card runs to 31 March 2026, its successor from 1 April. At 06:30
 * in Hanoi on 1 April it is still 31 March in UTC (23:30): a server counting in UTC would call the old
 * card valid and the new one not yet valid. A check with no date must answer as the station's calendar.
 */
const cases = [
  { at: '2026-03-31T23:30:00+07:00', today: '2026-03-31', valid: 'HS4560000000031' },
  { at: '2026-04-01T06:30:00+07:00', today: '2026-04-01', valid: 'HS4560000000401' },
];

for (const c of cases) {
  describeOnBothEngines(
    `a check without a date at ${c.at} answers for ${c.today}`,
    (t) => {
      beforeAll(async () => {
        const e = t();
        await seedCommuneAndDistrict(e);
        const pupil = { fullName: 'Trần Thị Mai', citizenId: '056310000031', birthDate: '2010-05-06' };
        await residentWithCards(e, pupil, [
          ['HS4560000000031', '2025-04-01', '2026-03-31'],
          ['HS4560000000401', '2026-04-01', '2027-03-31'],
        ]);
      });

      test('the server and the test agree on the day', () => {
        expect(t().today).toBe(c.today);
      });

      test('eligibility by citizen id answers on the card in force that day', async () => {
        const res = await t().inject({ url: '/api/eligibility?facility=56101&citizenId=056310000031' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ date: c.today, valid: true, card: { cardNumber: c.valid } });
      });

      test('the expiring list starts today', async () => {
        const res = await t().inject({ url: '/api/insurance-cards/expiring?area=22300&days=1' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ from: c.today, to: addDays(c.today, 1) });
      });

      test('coverage without a date is as of today', async () => {
        const res = await t().inject({ url: '/api/coverage?area=22300' });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ date: c.today, insuredResidents: 1 });
      });
    },
    { now: c.at },
  );
}
