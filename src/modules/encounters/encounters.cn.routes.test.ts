import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { postOk } from '../../../test/support/requests.ts';
import { newId } from '../../platform/ids.ts';

/**
 * The visit API under the CN profile on both engines: an enrolment shown by citizen id at a community
 * health centre, the bill by the scheme's deductible and ratio at the grassroots tier (the deductible
 * counted across the year's visits), prices in CNY from the CN catalogue.
 */
describeOnBothEngines(
  'encounters API (cn)',
  (t) => {
    let residentId: string;
    let centre: string;
    let amlodipine: string;
    const citizenId = '110105198001010016';

    beforeAll(async () => {
      const e = t();
      centre = await registerJianwaiCentre(e);
      residentId = (
        await postOk(e, '/api/residents', { fullName: '王高压', citizenId, areaCode: '110105001' })
      ).id;
      await postOk(e, `/api/residents/${residentId}/insurance-cards`, {
        scheme: 'resident',
        insuredArea: '110105',
        validFrom: '2026-01-01',
        validTo: '2026-12-31',
      });
      const m = await sql<{ id: string }>`select id from medicine where code = 'CNY0001'`.execute(e.ctx.db);
      amlodipine = m.rows[0]?.id as string;
      await postOk(e, '/api/stock/receipts', {
        id: newId(),
        facilityId: centre,
        receivedOn: '2026-11-20',
        supplier: '县医药公司',
        lines: [{ medicineId: amlodipine, batchNumber: 'CN-1', expiryDate: '2027-12-31', quantity: 1000 }],
      });
    });

    const visit = (quantity: number) => ({
      id: newId(),
      residentId,
      facilityId: centre,
      kind: 'station-visit',
      citizenId,
      diagnoses: [{ id: newId(), code: 'I10' }],
      prescriptions: [
        { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30, quantity },
      ],
    });

    test('the enrolment is checked at opening; the bill takes the deductible, then the ratio, across the year', async () => {
      const first = await postOk(t(), '/api/encounters', visit(30));
      expect(first.eligibility).toMatchObject({ valid: true, scheme: 'resident' });
      const closed = await postOk(t(), `/api/encounters/${first.id}/close`, {});
      // 30 × 0.12 CNY = 3.60, all under the 300 CNY deductible of the resident scheme.
      expect(closed.bill).toMatchObject({
        currency: 'CNY',
        method: 'deductible-ratio',
        deductibleApplied: 3.6,
        totals: { hospitalAmount: 3.6, insurancePays: 0, coPayment: 3.6, residentPays: 3.6 },
      });
      expect(closed.prescriptions[0].dispensed).toBe(30);
      expect(closed.prescriptions[0].medicine.code).toBe('CNY0001');
    });

    test('an uninsured visit (no enrolment shown) is paid by the resident', async () => {
      const { citizenId: _c, ...body } = visit(10);
      const opened = await postOk(t(), '/api/encounters', body);
      expect(opened.eligibility).toBeNull();
      const closed = await postOk(t(), `/api/encounters/${opened.id}/close`, { dispense: false });
      expect(closed.bill).toMatchObject({
        method: 'uninsured',
        totals: { insurancePays: 0, patientPays: 1.2 },
      });
    });

    test('the observation kinds are the same data; an impossible value is refused', async () => {
      const res = await t().inject({
        method: 'POST',
        url: '/api/encounters',
        payload: { ...visit(1), observations: [{ id: newId(), code: '1558-6', value: 0.2 }] },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: 'body.observations[0].value' });
    });
  },
  { profile: 'cn' },
);
