import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { getOk, postExpect, postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Doses under the CN profile on both engines: a community health centre records China's NIP vaccines
 * (the same list, the same rules: the profile changes the places, not the records).
 */
describeOnBothEngines(
  'immunizations API (cn)',
  (t) => {
    let child: string;
    let centre: string;

    beforeAll(async () => {
      const e = t();
      centre = await registerJianwaiCentre(e);
      child = (
        await postOk(e, '/api/residents', {
          fullName: '王小宝',
          areaCode: '110105001',
          birthDate: '2026-03-01',
        })
      ).id;
    });

    test('a HepB birth dose and JE-L at the centre, listed oldest first with the Chinese names', async () => {
      const je = {
        id: newId(),
        vaccine: 'JE-L',
        date: '2026-11-05',
        doseNumber: 1,
        givenElsewhere: false,
        facilityId: centre,
      };
      const hepb = {
        id: newId(),
        vaccine: 'HepB',
        date: '2026-03-01',
        doseNumber: 1,
        givenElsewhere: true,
        place: '朝阳医院',
      };
      await postExpect(t(), `/api/residents/${child}/immunizations`, je);
      await postExpect(t(), `/api/residents/${child}/immunizations`, hepb);
      const list = await getOk(t(), `/api/residents/${child}/immunizations`);
      expect(list.items.map((i: { vaccine: string }) => i.vaccine)).toEqual(['HepB', 'JE-L']);
      expect(list.items[0]).toMatchObject({
        vaccineNames: { zh: '乙肝疫苗' },
        place: '朝阳医院',
        facility: null,
      });
      expect(list.items[1]).toMatchObject({ facility: { id: centre, code: 'CHC110105001' } });
    });

    test('a dose after today (the profile zone) is refused naming the date', async () => {
      const res = await t().inject({
        method: 'POST',
        url: `/api/residents/${child}/immunizations`,
        payload: { id: newId(), vaccine: 'BCG', date: '2026-12-03', givenElsewhere: true },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.date');
    });
  },
  { profile: 'cn' },
);
