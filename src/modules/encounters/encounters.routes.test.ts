import { sql } from 'kysely';
import { beforeAll, describe, expect, test } from 'vitest';
import { describeOnBothEngines, type TestEngine } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';
import { residentWithCards, seedCommuneAndDistrict } from '../insurance/eligibility.fixture.ts';

/**
 * The visit API under the VN profile on both engines: open with records (idempotent by id), refuse an
 * impossible value naming its range, flag an alarming one, close with the bill and the dispensing in
 * one transaction (an over-dispense leaves nothing written), amend with history, the timeline, and a
 * village health worker refused prescribing.
 */

async function medicineId(t: TestEngine, code: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from medicine where code = ${code}`.execute(t.ctx.db);
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`no medicine ${code}`);
  return id;
}

async function facilityId(t: TestEngine, code: string): Promise<string> {
  const r = await sql<{ id: string }>`select id from facility where code = ${code}`.execute(t.ctx.db);
  const id = r.rows[0]?.id;
  if (!id) throw new Error(`no facility ${code}`);
  return id;
}

async function stockIn(t: TestEngine, facility: string, medicine: string, quantity: number) {
  const res = await t.inject({
    method: 'POST',
    url: '/api/stock/receipts',
    payload: {
      id: newId(),
      facilityId: facility,
      receivedOn: '2026-11-20',
      supplier: 'Test depot',
      lines: [
        {
          medicineId: medicine,
          batchNumber: `L${quantity}-${newId().slice(-4)}`,
          expiryDate: '2027-12-31',
          quantity,
        },
      ],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}

const bp = (systolic: number, diastolic: number) => [
  { id: newId(), code: '8480-6', value: systolic },
  { id: newId(), code: '8462-4', value: diastolic },
];

describeOnBothEngines('encounters API (vn)', (t) => {
  let residentId: string;
  let station: string;
  let district: string;
  let amlodipine: string;
  let insulin: string;

  beforeAll(async () => {
    await seedCommuneAndDistrict(t());
    residentId = await residentWithCards(
      t(),
      { fullName: 'Trần Thị Huyết Áp', citizenId: '056160000123', birthDate: '1960-05-01' },
      [['HS4560000000123', '2026-01-01', '2026-12-31']],
    );
    station = await facilityId(t(), '56101');
    district = await facilityId(t(), '56020');
    amlodipine = await medicineId(t(), 'VNT0001');
    insulin = await medicineId(t(), 'VNT0006');
  });

  const open = (over: Record<string, unknown> = {}) => ({
    id: newId(),
    residentId,
    facilityId: station,
    kind: 'station-visit',
    reason: 'Tái khám tăng huyết áp',
    insuranceCard: 'HS4560000000123',
    ...over,
  });
  const post = (url: string, payload: unknown, headers?: Record<string, string>) =>
    t().inject({
      method: 'POST',
      url,
      payload: payload as Record<string, unknown>,
      ...(headers ? { headers } : {}),
    });

  test('a visit opens with its records; the same create answers 200 with the stored visit, another body 409', async () => {
    const body = open({
      observations: [
        ...bp(150, 95),
        { id: newId(), code: '29463-7', value: 62 },
        { id: newId(), code: '8302-2', value: 1.55, unit: 'm' },
      ],
      diagnoses: [{ id: newId(), code: 'i10' }],
      prescriptions: [
        { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30 },
      ],
    });
    const first = await post('/api/encounters', body);
    expect(first.statusCode, first.body).toBe(201);
    const visit = first.json();
    expect(visit).toMatchObject({
      status: 'open',
      date: '2026-12-02',
      facility: { code: '56101' },
      eligibility: { valid: true, benefitPercent: 100, rule: 'commune-station' },
      diagnoses: [{ code: 'I10', role: 'main', chronic: true }],
      prescriptions: [{ quantity: 30, quantityComputed: true, longTerm: false, dispensed: 0 }],
      flags: [],
      bill: null,
    });
    expect(visit.observations.find((o: { code: string }) => o.code === '39156-5')).toMatchObject({
      value: 25.8,
      derived: true,
    });
    expect(visit.observations.find((o: { code: string }) => o.code === '8302-2')).toMatchObject({
      value: 155,
      enteredUnit: 'm',
    });

    const again = await post('/api/encounters', body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(visit);
    const other = await post('/api/encounters', { ...body, reason: 'Khác' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors).toEqual([expect.objectContaining({ field: 'body.id' })]);
    const list = await t().inject({ url: `/api/encounters?resident=${residentId}` });
    expect(list.json().items.filter((v: { id: string }) => v.id === visit.id)).toHaveLength(1);
  });

  test('an impossible value is refused naming the field and the allowed range; nothing is saved', async () => {
    const body = open({ observations: bp(400, 90) });
    const res = await post('/api/encounters', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.observations[0].value', message: expect.stringContaining('allowed 50 to 300 mm[Hg]') },
    ]);
    expect((await t().inject({ url: `/api/encounters/${body.id}` })).statusCode).toBe(404);
    const weight = await post(
      '/api/encounters',
      open({ observations: [{ id: newId(), code: '29463-7', value: 0 }] }),
    );
    expect(weight.json().errors[0]).toMatchObject({ field: 'body.observations[0].value' });
  });

  test('an unknown ICD-10 code and a malformed one are refused by field', async () => {
    const res = await post(
      '/api/encounters',
      open({
        diagnoses: [
          { id: newId(), code: 'Z99.99' },
          { id: newId(), code: 'hello' },
        ],
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'body.diagnoses[0].code',
      'body.diagnoses[1].code',
    ]);
  });

  test('an alarming blood pressure is accepted and flagged on the visit and the timeline', async () => {
    const res = await post('/api/encounters', open({ observations: bp(185, 112) }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().flags).toMatchObject([
      { kind: 'alarming-observation', code: '8480-6', value: 185, flag: 'alarming-high' },
      { kind: 'alarming-observation', code: '8462-4', value: 112, flag: 'alarming-high' },
    ]);
    const timeline = (await t().inject({ url: `/api/residents/${residentId}/timeline` })).json();
    expect(timeline.flags.some((f: { encounterId: string }) => f.encounterId === res.json().id)).toBe(true);
  });

  test('closing with too little stock is refused and leaves nothing written; with stock it bills and dispenses', async () => {
    const lineId = newId();
    const created = await post(
      '/api/encounters',
      open({
        diagnoses: [{ id: newId(), code: 'I10' }],
        prescriptions: [
          { id: lineId, medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30 },
        ],
      }),
    );
    const id = created.json().id;
    const refused = await post(`/api/encounters/${id}/close`, {});
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().errors[0].field).toBe('prescriptions[0].quantity');
    const still = (await t().inject({ url: `/api/encounters/${id}` })).json();
    expect(still).toMatchObject({ status: 'open', bill: null, prescriptions: [{ dispensed: 0 }] });

    await stockIn(t(), station, amlodipine, 100);
    const closed = await post(`/api/encounters/${id}/close`, {});
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      prescriptions: [{ id: lineId, dispensed: 30 }],
      bill: {
        method: 'benefit-percent',
        benefitPercent: 100,
        rule: 'commune-station',
        currency: 'VND',
        lines: [
          {
            kind: 'medicine',
            recordId: lineId,
            quantity: 30,
            unitPrice: 450,
            coverage: 'insured',
            insurancePays: 13_500,
          },
        ],
        totals: {
          hospitalAmount: 13_500,
          insurancePays: 13_500,
          coPayment: 0,
          patientPays: 0,
          residentPays: 0,
        },
      },
    });
    const again = await post(`/api/encounters/${id}/close`, {});
    expect(again.json().bills).toHaveLength(1);
    const add = await post(`/api/encounters/${id}/observations`, { items: bp(130, 80) });
    expect(add.statusCode).toBe(409);

    // An amendment retracts the line: the dispensing goes back to the shelf, the bill is priced again, the history kept.
    const amendment = { id: newId(), reason: 'Kê nhầm thuốc', retract: { prescriptions: [lineId] } };
    const amended = await post(`/api/encounters/${id}/amendments`, amendment);
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json()).toMatchObject({
      status: 'amended',
      prescriptions: [],
      retracted: { prescriptions: [{ id: lineId, retractedBy: amendment.id, dispensed: 0 }] },
      amendments: [{ id: amendment.id, reason: 'Kê nhầm thuốc', retracted: { prescriptions: [lineId] } }],
      bill: { amendmentId: amendment.id, totals: { hospitalAmount: 0 } },
    });
    expect(amended.json().bills).toHaveLength(2);
    expect((await post(`/api/encounters/${id}/amendments`, amendment)).statusCode).toBe(200);
    expect(
      (await post(`/api/encounters/${id}/amendments`, { ...amendment, reason: 'Khác' })).statusCode,
    ).toBe(409);
  });

  test('at the district on-route under 15% of the base salary: 100% (low-cost); a medicine insured only from a higher level is outside the list', async () => {
    await stockIn(t(), district, amlodipine, 50);
    const res = await post(
      '/api/encounters',
      open({
        facilityId: district,
        diagnoses: [{ id: newId(), code: 'I10' }],
        prescriptions: [
          { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 10 },
        ],
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().eligibility).toMatchObject({ valid: true, benefitPercent: 80, rule: 'benefit-level' });
    const closed = await post(`/api/encounters/${res.json().id}/close`, {});
    expect(closed.json().bill).toMatchObject({
      benefitPercent: 100,
      rule: 'low-cost',
      totals: { insurancePays: 4_500 },
    });

    const atStation = await post(
      '/api/encounters',
      open({
        diagnoses: [{ id: newId(), code: 'E11.9' }],
        prescriptions: [
          {
            id: newId(),
            medicineId: insulin,
            dose: 1,
            frequency: 'once-daily',
            durationDays: 1,
            quantity: 1,
          },
        ],
      }),
    );
    const billed = await post(`/api/encounters/${atStation.json().id}/close`, { dispense: false });
    expect(billed.json().bill.lines[0]).toMatchObject({ coverage: 'above-care-level', insurancePays: 0 });
    expect(billed.json().bill.totals.patientPays).toBeGreaterThan(0);
  });

  test("the timeline: visits, the blood pressure series, the problem list, current medicines and last time's prescriptions", async () => {
    const res = await t().inject({ url: `/api/residents/${residentId}/timeline` });
    expect(res.statusCode, res.body).toBe(200);
    const tl = res.json();
    expect(tl.visitCount).toBeGreaterThanOrEqual(4);
    expect(tl.series.bloodPressure.length).toBeGreaterThanOrEqual(2);
    expect(tl.series.bloodPressure[0]).toMatchObject({ systolic: 150, diastolic: 95 });
    expect(tl.problems.map((p: { code: string }) => p.code).sort()).toEqual(['E11.9', 'I10']);
    expect(tl.currentMedicines.map((m: { medicine: { code: string } }) => m.medicine.code)).toContain(
      'VNT0001',
    );
    expect(tl.lastPrescriptions.items.length).toBeGreaterThan(0);

    const next = await post('/api/encounters', open({ diagnoses: [{ id: newId(), code: 'I10' }] }));
    const ids = tl.lastPrescriptions.items.map(() => newId());
    const copied = await post(`/api/encounters/${next.json().id}/prescriptions/same-as-last-time`, { ids });
    expect(copied.statusCode, copied.body).toBe(200);
    expect(
      copied
        .json()
        .prescriptions.map((p: { id: string }) => p.id)
        .sort(),
    ).toEqual([...ids].sort());
  });

  describe('permissions', () => {
    let vhw: string;
    beforeAll(async () => {
      const username = `vhw-enc-${t().name}`;
      const password = 'Village-health-worker-1';
      const res = await t().inject({
        method: 'POST',
        url: '/api/users',
        payload: { username, displayName: 'VHW', password, roles: [{ role: 'vhw', area: '22300' }] },
      });
      expect(res.statusCode, res.body).toBe(201);
      vhw = await t().signIn(username, password);
    });

    test('a village health worker records a home visit with observations, and is refused prescribing (403)', async () => {
      const auth = { authorization: `Bearer ${vhw}` };
      const home = await post(
        '/api/encounters',
        open({ kind: 'home-visit', observations: bp(140, 90) }),
        auth,
      );
      expect(home.statusCode, home.body).toBe(201);
      const rx = await post(
        '/api/encounters',
        open({
          prescriptions: [
            { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30 },
          ],
        }),
        auth,
      );
      expect(rx.statusCode).toBe(403);
      const add = await post(
        `/api/encounters/${home.json().id}/prescriptions`,
        {
          items: [
            { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30 },
          ],
        },
        auth,
      );
      expect(add.statusCode).toBe(403);
      // A home visit of observations closes (no bill lines); one where a doctor prescribed does not.
      const close = await post(`/api/encounters/${home.json().id}/close`, {}, auth);
      expect(close.statusCode, close.body).toBe(200);
      expect(close.json().status).toBe('closed');
      const prescribed = await post(
        '/api/encounters',
        open({
          kind: 'home-visit',
          prescriptions: [
            { id: newId(), medicineId: amlodipine, dose: 1, frequency: 'once-daily', durationDays: 30 },
          ],
        }),
      );
      expect(prescribed.statusCode, prescribed.body).toBe(201);
      const refused = await post(`/api/encounters/${prescribed.json().id}/close`, {}, auth);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().detail).toMatch(/care\.prescribe/);
    });
  });
});
