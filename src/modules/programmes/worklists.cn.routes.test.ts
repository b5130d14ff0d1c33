import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Worklists under the CN profile on both engines: China's NIP from the same store (the profile picks
 * the programmes, the places and the names; nothing else differs): the HepB birth dose recorded, the
 * second dose overdue from its completion rule, then done, the third due from 6 months.
 */
describeOnBothEngines(
  'worklists API (cn)',
  (t) => {
    let child: string;
    let centre: string;

    beforeAll(async () => {
      centre = await registerJianwaiCentre(t());
      child = (
        await postExpect(t(), '/api/residents', {
          fullName: '李小宝',
          areaCode: '110105001',
          birthDate: '2026-09-01',
        })
      ).id;
      await postExpect(t(), `/api/residents/${child}/immunizations`, {
        id: newId(),
        vaccine: 'HepB',
        date: '2026-09-01',
        givenElsewhere: true,
        place: '朝阳医院',
      });
    });

    test('hepb-2 is overdue on the centre list; recorded, hepb-3 is due from 6 months', async () => {
      const programmes = await getOk(t(), '/api/programmes');
      expect(programmes.programmes.map((p: { id: string }) => p.id)).toContain('cn-nip');
      const list = await getOk(t(), '/api/worklists?programme=cn-nip&area=110105001&limit=500');
      const hepb2 = list.items.find((r: { itemId: string }) => r.itemId === 'hepb-2');
      expect(hepb2).toMatchObject({
        residentId: child,
        dueFrom: '2026-10-01',
        state: 'overdue',
        village: '建外街道',
      });
      expect(list.items.some((r: { itemId: string }) => r.itemId === 'hepb-1')).toBe(false);

      await postExpect(t(), `/api/residents/${child}/immunizations`, {
        id: newId(),
        vaccine: 'HepB',
        date: t().today,
        givenElsewhere: false,
        facilityId: centre,
      });
      const after = await getOk(t(), '/api/worklists?programme=cn-nip&limit=500');
      expect(after.items.some((r: { itemId: string }) => r.itemId === 'hepb-2')).toBe(false);
      const due = await getOk(t(), `/api/residents/${child}/due`);
      expect(due.upcoming).toEqual(
        expect.arrayContaining([expect.objectContaining({ itemId: 'hepb-3', dueFrom: '2027-03-01' })]),
      );
    });
  },
  { profile: 'cn' },
);
