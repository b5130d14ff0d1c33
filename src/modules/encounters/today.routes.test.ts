import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';
import { residentWithCards, seedCommuneAndDistrict } from '../insurance/eligibility.fixture.ts';

/**
 * GET /api/encounters/today: the station's visits of today in the profile's time zone (the server's
 * pinned clock: 2026-12-02 09:00 in Hanoi, 02:00 UTC), with the residents' names, on both engines.
 */
describeOnBothEngines("today's visits at a station", (t) => {
  let station: string;
  let residentId: string;

  beforeAll(async () => {
    await seedCommuneAndDistrict(t());
    residentId = await residentWithCards(
      t(),
      { fullName: 'Lê Thị Hôm Nay', citizenId: '056160000777', birthDate: '1960-03-01' },
      [['HS4560000000777', '2026-01-01', '2026-12-31']],
    );
    const f = await t().inject({ url: '/api/facilities?q=56101&limit=1' });
    station = f.json().items[0].id;
  });

  const open = (startedAt?: string) =>
    t().inject({
      method: 'POST',
      url: '/api/encounters',
      payload: {
        id: newId(),
        residentId,
        facilityId: station,
        kind: 'station-visit',
        reason: 'Khám',
        ...(startedAt ? { startedAt } : {}),
      },
    });

  test("lists today's visits with the resident's name; yesterday's (in Hanoi) are not today's", async () => {
    expect((await open()).statusCode).toBe(201);
    // 00:30 in Hanoi on the 2nd is still 1 December in UTC: it is today's.
    expect((await open('2026-12-01T17:30:00Z')).statusCode).toBe(201);
    // 23:30 in Hanoi on the 1st is yesterday's.
    expect((await open('2026-12-01T16:30:00Z')).statusCode).toBe(201);
    const res = await t().inject({ url: `/api/encounters/today?facility=${station}` });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.date).toBe('2026-12-02');
    expect(body.total).toEqual({ count: 2, exact: true });
    expect(body.open).toBe(2);
    expect(body.items.map((v: { residentName: string }) => v.residentName)).toEqual([
      'Lê Thị Hôm Nay',
      'Lê Thị Hôm Nay',
    ]);
    expect(body.items.every((v: { date: string }) => v.date === '2026-12-02')).toBe(true);
  });

  test('a facility id that is not a UUID is a 400 naming the query field', async () => {
    const res = await t().inject({ url: '/api/encounters/today?facility=56101' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('facility');
  });
});
