import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { getOk, postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Claims under the CN profile on both engines: a visit on an enrolment (shown by citizen id) at a
 * community health centre makes a claim from its deductible-ratio bill the same way, with the scheme
 * instead of a card, checked and submitted.
 */
describeOnBothEngines(
  'claims API (cn)',
  (t) => {
    let residentId: string;
    let centre: string;
    let exam: string;
    const citizenId = '110105198001010016';

    beforeAll(async () => {
      const e = t();
      centre = await registerJianwaiCentre(e);
      residentId = (
        await postOk(e, '/api/residents', { fullName: '李保险', citizenId, areaCode: '110105001' })
      ).id;
      await postOk(e, `/api/residents/${residentId}/insurance-cards`, {
        scheme: 'resident',
        insuredArea: '110105',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      });
      const s = await sql<{ id: string }>`select id from service_item where code = 'CNS0001'`.execute(
        e.ctx.db,
      );
      exam = s.rows[0]?.id as string;
    });

    test('the claim carries the scheme and the bill line for line; it checks and submits', async () => {
      const opened = await postOk(t(), '/api/encounters', {
        id: newId(),
        residentId,
        facilityId: centre,
        kind: 'station-visit',
        citizenId,
        diagnoses: [{ id: newId(), code: 'I10' }],
        services: [{ id: newId(), serviceItemId: exam }],
      });
      const closed = await postOk(t(), `/api/encounters/${opened.id}/close`, {});
      expect(closed.bill.method).toBe('deductible-ratio');
      const page = await getOk(t(), `/api/claims?facility=${centre}`);
      const claim = page.items.find((c: { encounterId: string }) => c.encounterId === opened.id);
      expect(claim).toMatchObject({
        status: 'draft',
        scheme: 'resident',
        cardNumber: null,
        currency: 'CNY',
        visitKind: '1.1',
        careKind: '01',
        mainDiagnosis: 'I10',
        hospitalAmount: closed.bill.totals.hospitalAmount,
        insurancePays: closed.bill.totals.insurancePays,
      });
      const checked = await postOk(t(), `/api/claims/${claim.id}/check`, {});
      expect(checked).toMatchObject({ status: 'checked', lastCheck: { outcome: 'passed' } });
      expect(checked.lines).toEqual([
        expect.objectContaining({ code: 'CNS0001', status: 'passed', unitPrice: 10 }),
      ]);
      expect((await postOk(t(), `/api/claims/${claim.id}/submit`, {})).status).toBe('submitted');
      const summary = await getOk(t(), '/api/claims/summary?quarter=2026-Q4');
      expect(summary).toMatchObject({ currency: 'CNY', claimed: { count: 1 } });
    });
  },
  { profile: 'cn' },
);
