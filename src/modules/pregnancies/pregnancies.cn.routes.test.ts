import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { getOk, postExpect, postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';
import { pregnancyFactsOf } from './index.ts';

/**
 * Pregnancies under the CN profile on both engines, today 2026-12-02 in Beijing: a community health
 * centre's 孕产妇 record, dated by an early ultrasound (the same rules: the profile changes the places,
 * not the records), closed by a live birth, and the engine's facts.
 */
describeOnBothEngines(
  'pregnancies API (cn)',
  (t) => {
    let mother: string;

    beforeAll(async () => {
      const e = t();
      await registerJianwaiCentre(e);
      mother = (
        await postOk(e, '/api/residents', {
          fullName: '李娜',
          areaCode: '110105001',
          sex: 'female',
          birthDate: '1994-06-01',
        })
      ).id;
    });

    test('an ultrasound dating with an LMP it confirms keeps the LMP; the birth closes it', async () => {
      const body = {
        id: newId(),
        lmp: '2026-03-01',
        ultrasound: { date: '2026-04-26', weeks: 7, days: 5 },
        note: '早孕建册',
      };
      const p = await postExpect(t(), `/api/residents/${mother}/pregnancies`, body);
      expect(p).toMatchObject({ datedBy: 'lmp', edd: '2026-12-06', gestationalAge: { weeks: 39, days: 3 } });
      const closed = await postExpect(
        t(),
        `/api/pregnancies/${p.id}/outcome`,
        { outcome: 'live-birth', date: '2026-11-30' },
        200,
      );
      expect(closed).toMatchObject({ open: false, outcome: 'live-birth', outcomeDate: '2026-11-30' });
      const list = await getOk(t(), `/api/residents/${mother}/pregnancies`);
      expect(list.items).toHaveLength(1);
      expect((await pregnancyFactsOf(t().ctx.db, [mother])).get(mother)).toEqual([
        { id: p.id, lmp: '2026-03-01', edd: '2026-12-06', outcome: 'live-birth', outcomeDate: '2026-11-30' },
      ]);
    });

    test('a scan that disagrees redates it; a scan after today (Beijing) is refused naming the field', async () => {
      const sister = (
        await postOk(t(), '/api/residents', { fullName: '李婷', areaCode: '110105001', sex: 'female' })
      ).id;
      const p = await postExpect(t(), `/api/residents/${sister}/pregnancies`, {
        id: newId(),
        lmp: '2026-09-01',
        ultrasound: { date: '2026-11-01', weeks: 10, days: 0 },
      });
      expect(p).toMatchObject({ datedBy: 'ultrasound', lmp: '2026-09-01', edd: '2027-05-30' });
      // The engine counts from the dating in force: no LMP when the scan redated it.
      expect((await pregnancyFactsOf(t().ctx.db, [sister])).get(sister)).toEqual([
        { id: p.id, lmp: null, edd: '2027-05-30', outcome: null, outcomeDate: null },
      ]);
      const res = await t().inject({
        method: 'POST',
        url: `/api/pregnancies/${p.id}/amendments`,
        payload: {
          id: newId(),
          reason: '复查B超',
          correct: { ultrasound: { date: '2026-12-03', weeks: 14, days: 0 } },
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe('body.correct.ultrasound.date');
    });
  },
  { profile: 'cn' },
);
