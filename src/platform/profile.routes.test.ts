import { expect, test } from 'vitest';
import { describeOnBothEngines } from '../../test/support/engines.ts';

describeOnBothEngines('the country profile route', (t) => {
  test('answers the profile in force without signing in', async () => {
    const res = await t().app.inject({ url: '/api/profile' });
    expect(res.statusCode).toBe(200);
    const profile = res.json();
    expect(profile).toMatchObject({
      id: 'vn',
      currency: 'VND',
      communeStationKinds: ['commune_health_station'],
    });
    expect(profile.capacityTargets).toContainEqual({ year: 2025, bedsPer10k: 33.5, doctorsPer10k: 10 });
  });
});
