import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { getOk, postExpect, postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';

/**
 * A child's growth under the CN profile on both engines: the community health centre's 儿童健康检查
 * visits scored by the same WHO standards (the profile changes the places, not the standards), the
 * reference curves for the chart, and an adult refused.
 */
describeOnBothEngines(
  'growth API (cn)',
  (t) => {
    let centre: string;
    let boy: string;

    beforeAll(async () => {
      centre = await registerJianwaiCentre(t());
      boy = (
        await postOk(t(), '/api/residents', {
          fullName: '张小明',
          areaCode: '110105001',
          sex: 'male',
          birthDate: '2024-12-02',
        })
      ).id;
      for (const [date, kg, cm] of [
        ['2025-12-02', 9.6, 75.7],
        ['2026-12-01', 12.2, 87.1],
      ] as const)
        await postExpect(t(), '/api/encounters', {
          id: newId(),
          residentId: boy,
          facilityId: centre,
          kind: 'station-visit',
          startedAt: `${date}T09:00:00+08:00`,
          observations: [
            { id: newId(), code: '29463-7', value: kg },
            { id: newId(), code: '8302-2', value: cm },
          ],
        });
    });

    test('the visits at the centre, scored near the median; from 24 months against the height tables', async () => {
      const chart = await getOk(t(), `/api/residents/${boy}/growth`);
      expect(chart).toMatchObject({ sex: 'male', today: '2026-12-02', age: { months: 24 } });
      const [one, two] = chart.readings;
      expect(one).toMatchObject({ age: { months: 12 }, lengthForTables: { as: 'lying' } });
      expect(two).toMatchObject({ age: { days: 729 }, lengthForTables: { as: 'lying' } });
      for (const r of [one, two])
        for (const s of [r.weightForAge, r.lengthHeightForAge, r.weightForLengthHeight]) {
          expect(s.class).toBe('normal');
          expect(Math.abs(s.z)).toBeLessThan(0.5);
        }
    });

    test('the reference curves; an adult is refused with resident_not_child', async () => {
      const ref = await getOk(t(), '/api/growth/reference?indicator=weight-for-length-height&sex=female');
      expect(ref.curves.map((c: { x: string }) => c.x)).toEqual(['length-cm', 'height-cm']);
      const adult = (
        await postOk(t(), '/api/residents', {
          fullName: '张伟',
          areaCode: '110105001',
          sex: 'male',
          birthDate: '1985-01-01',
        })
      ).id;
      const res = await t().inject({ url: `/api/residents/${adult}/growth` });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('resident_not_child');
    });
  },
  { profile: 'cn' },
);
