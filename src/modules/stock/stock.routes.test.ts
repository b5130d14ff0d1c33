import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';
import { createMedicine, createStockPlace, type Place, receive } from './stock.fixtures.ts';

for (const [profile, supplierKind] of [
  ['vn', 'district_health_centre'],
  ['cn', 'county_hospital'],
] as const) {
  describeOnBothEngines(
    `stock API (${profile})`,
    (t) => {
      let place: Place;
      let stationA: Place['stations'][number];
      let stationB: Place['stations'][number];
      let stationToken: string;
      let districtToken: string;

      beforeAll(async () => {
        place = await createStockPlace(t(), supplierKind);
        [stationA, stationB] = place.stations as [Place['stations'][number], Place['stations'][number]];
        const user = async (name: string, role: Record<string, string>) => {
          const username = `${name}-${profile}-${t().name}`.slice(0, 40);
          const password = 'Quiet-river-stock-shelf';
          const res = await t().inject({
            method: 'POST',
            url: '/api/users',
            payload: { username, displayName: name, password, roles: [role] },
          });
          expect(res.statusCode, res.body).toBe(201);
          return t().signIn(username, password);
        };
        stationToken = await user('stock-station', { role: 'station', facility: stationA.code });
        districtToken = await user('stock-district', { role: 'district', area: place.districtCode });
      });

      const as = (token: string) => ({ authorization: `Bearer ${token}` });

      test('a receipt is idempotent by id: the same body answers 200 with the stored receipt, another body 409', async () => {
        const m = await createMedicine(t());
        const body = {
          id: newId(),
          facilityId: stationA.id,
          receivedOn: '2026-11-20',
          supplier: 'Provincial depot',
          lines: [{ medicineId: m.id, batchNumber: 'LOT-1', expiryDate: '2027-10-31', quantity: 100 }],
        };
        const first = await t().inject({ method: 'POST', url: '/api/stock/receipts', payload: body });
        expect(first.statusCode, first.body).toBe(201);
        expect(first.json().movements).toMatchObject([
          { kind: 'receipt', quantity: 100, balanceAfter: 100, batchNumber: 'LOT-1', medicineCode: m.code },
        ]);
        const again = await t().inject({ method: 'POST', url: '/api/stock/receipts', payload: body });
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual(first.json());
        const other = await t().inject({
          method: 'POST',
          url: '/api/stock/receipts',
          payload: { ...body, lines: [{ ...body.lines[0], quantity: 99 }] },
        });
        expect(other.statusCode).toBe(409);
        expect(other.json().errors[0].field).toBe('body.id');
        const shelf = await t().inject({ url: `/api/stock/on-hand?facility=${stationA.id}` });
        expect(shelf.json().lines.find((l: { medicineId: string }) => l.medicineId === m.id)).toMatchObject({
          onHand: 100,
          expired: 0,
        });
      });

      test('an expired batch is refused at receipt, naming the field', async () => {
        const m = await createMedicine(t());
        const res = await t().inject({
          method: 'POST',
          url: '/api/stock/receipts',
          payload: {
            id: newId(),
            facilityId: stationA.id,
            receivedOn: '2026-11-20',
            lines: [{ medicineId: m.id, batchNumber: 'OLD', expiryDate: '2026-11-20', quantity: 1 }],
          },
        });
        expect(res.statusCode).toBe(400);
        expect(res.json().errors[0].field).toBe('body.lines[0].expiryDate');
      });

      test('adjustments: reasons take units off, never below zero (409 insufficient_stock)', async () => {
        const m = await createMedicine(t(), 'Salbutamol', '2 mg');
        const batchId = await receive(t(), stationA.id, m.id, 5, '2027-05-31');
        const adjust = (quantity: number, reason = 'damaged') =>
          t().inject({
            method: 'POST',
            url: '/api/stock/adjustments',
            payload: {
              id: newId(),
              facilityId: stationA.id,
              on: '2026-12-01',
              reason,
              lines: [{ batchId, quantity }],
            },
          });
        expect((await adjust(2)).statusCode).toBe(400);
        const ok = await adjust(-2);
        expect(ok.statusCode, ok.body).toBe(201);
        expect(ok.json().movements[0]).toMatchObject({
          kind: 'adjustment',
          quantity: -2,
          balanceAfter: 3,
          reason: 'damaged',
        });
        const over = await adjust(-4, 'lost');
        expect(over.statusCode).toBe(409);
        expect(over.json()).toMatchObject({
          code: 'insufficient_stock',
          errors: [{ field: 'body.lines[0].quantity' }],
        });
        expect(over.json().detail).toContain('Salbutamol 2 mg');
        expect(over.json().detail).toContain('only 3 left');
        expect((await adjust(1, 'count_correction')).statusCode).toBe(201);
      });

      test('a physical count corrects each counted batch to what was counted', async () => {
        const m = await createMedicine(t());
        const a = await receive(t(), stationA.id, m.id, 10, '2027-05-31');
        const b = await receive(t(), stationA.id, m.id, 10, '2027-06-30');
        const res = await t().inject({
          method: 'POST',
          url: '/api/stock/counts',
          payload: {
            id: newId(),
            facilityId: stationA.id,
            countedOn: '2026-12-01',
            lines: [
              { batchId: a, counted: 7 },
              { batchId: b, counted: 10 },
            ],
          },
        });
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toMatchObject({
          kind: 'count',
          movements: [{ batchId: a, quantity: -3, balanceAfter: 7, reason: 'count_correction' }],
        });
        const wrong = await t().inject({
          method: 'POST',
          url: '/api/stock/counts',
          payload: {
            id: newId(),
            facilityId: stationB.id,
            countedOn: '2026-12-01',
            lines: [{ batchId: a, counted: 1 }],
          },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().errors[0].field).toBe('body.lines[0].batchId');
      });

      test('a transfer leaves the centre first expiry first out, is in transit, and is received at the station (partly)', async () => {
        const m = await createMedicine(t(), 'Amlodipine', '5 mg');
        await receive(t(), place.centre.id, m.id, 30, '2027-09-30');
        await receive(t(), place.centre.id, m.id, 20, '2027-03-31');
        const id = newId();
        const sent = await t().inject({
          method: 'POST',
          url: '/api/stock/transfers',
          headers: as(districtToken),
          payload: {
            id,
            fromFacilityId: place.centre.id,
            toFacilityId: stationA.id,
            sentOn: '2026-11-25',
            lines: [{ medicineId: m.id, quantity: 25 }],
          },
        });
        expect(sent.statusCode, sent.body).toBe(201);
        expect(sent.json()).toMatchObject({
          status: 'in_transit',
          fromFacility: { id: place.centre.id },
          toFacility: { id: stationA.id },
          lines: [
            { line: 0, expiryDate: '2027-03-31', quantitySent: 20, quantityReceived: null },
            { line: 1, expiryDate: '2027-09-30', quantitySent: 5, quantityReceived: null },
          ],
        });
        const centreShelf = await t().inject({ url: `/api/stock/on-hand?facility=${place.centre.id}` });
        expect(
          centreShelf.json().lines.find((l: { medicineId: string }) => l.medicineId === m.id).onHand,
        ).toBe(25);

        // The station sees it coming and books in what arrived (one box short on line 1).
        const inbox = await t().inject({
          url: `/api/stock/transfers?facility=${stationA.id}&status=in_transit`,
          headers: as(stationToken),
        });
        expect(inbox.json().map((x: { id: string }) => x.id)).toContain(id);
        const receiveBody = {
          id: newId(),
          receivedOn: '2026-11-27',
          lines: [{ line: 1, quantityReceived: 4 }],
        };
        const got = await t().inject({
          method: 'POST',
          url: `/api/stock/transfers/${id}/receive`,
          headers: as(stationToken),
          payload: receiveBody,
        });
        expect(got.statusCode, got.body).toBe(201);
        expect(got.json()).toMatchObject({
          status: 'received',
          receivedOn: '2026-11-27',
          lines: [{ quantityReceived: 20 }, { quantityReceived: 4 }],
        });
        const again = await t().inject({
          method: 'POST',
          url: `/api/stock/transfers/${id}/receive`,
          headers: as(stationToken),
          payload: receiveBody,
        });
        expect(again.statusCode).toBe(200);
        const twice = await t().inject({
          method: 'POST',
          url: `/api/stock/transfers/${id}/receive`,
          headers: as(stationToken),
          payload: { ...receiveBody, id: newId() },
        });
        expect(twice.statusCode).toBe(409);
        const shelf = await t().inject({
          url: `/api/stock/on-hand?facility=${stationA.id}`,
          headers: as(stationToken),
        });
        const line = shelf.json().lines.find((l: { medicineId: string }) => l.medicineId === m.id);
        expect(line.onHand).toBe(24);
        expect(line.batches.map((b: { supplier: string }) => b.supplier)).toEqual([
          place.centre.name,
          place.centre.name,
        ]);
      });

      test('a station sends stock back to its centre: it leaves the station, in transit until the centre books it in', async () => {
        const m = await createMedicine(t(), 'Metformin', '500 mg');
        await receive(t(), stationA.id, m.id, 12, '2027-06-30');
        const sent = await t().inject({
          method: 'POST',
          url: '/api/stock/transfers',
          headers: as(stationToken),
          payload: {
            id: newId(),
            fromFacilityId: stationA.id,
            toFacilityId: place.centre.id,
            sentOn: '2026-11-25',
            lines: [{ medicineId: m.id, quantity: 5 }],
          },
        });
        expect(sent.statusCode, sent.body).toBe(201);
        expect(sent.json()).toMatchObject({ status: 'in_transit' });
      });

      test('sending more than the centre holds is 409 insufficient_stock; nothing leaves', async () => {
        const m = await createMedicine(t());
        await receive(t(), place.centre.id, m.id, 3, '2027-09-30');
        const res = await t().inject({
          method: 'POST',
          url: '/api/stock/transfers',
          payload: {
            id: newId(),
            fromFacilityId: place.centre.id,
            toFacilityId: stationB.id,
            sentOn: '2026-11-25',
            lines: [{ medicineId: m.id, quantity: 4 }],
          },
        });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('insufficient_stock');
      });

      test('a station sees its own shelf only; it cannot write another station’s', async () => {
        const m = await createMedicine(t());
        await receive(t(), stationB.id, m.id, 3, '2027-09-30');
        const other = await t().inject({
          url: `/api/stock/on-hand?facility=${stationB.id}`,
          headers: as(stationToken),
        });
        expect(other.statusCode).toBe(404);
        const write = await t().inject({
          method: 'POST',
          url: '/api/stock/receipts',
          headers: as(stationToken),
          payload: {
            id: newId(),
            facilityId: stationB.id,
            receivedOn: '2026-11-20',
            lines: [{ medicineId: m.id, batchNumber: 'X', expiryDate: '2027-10-31', quantity: 1 }],
          },
        });
        expect(write.statusCode).toBe(400);
        expect(write.json().errors[0].field).toBe('body.facilityId');
        const district = await t().inject({
          url: `/api/stock/on-hand?facility=${stationB.id}`,
          headers: as(districtToken),
        });
        expect(district.statusCode).toBe(200);
      });

      test('two requests racing for the last box: one is taken, the other refused with 409', async () => {
        const m = await createMedicine(t());
        const batchId = await receive(t(), stationA.id, m.id, 1, '2027-05-31');
        const take = () =>
          t().inject({
            method: 'POST',
            url: '/api/stock/adjustments',
            payload: {
              id: newId(),
              facilityId: stationA.id,
              on: '2026-12-01',
              reason: 'lost',
              lines: [{ batchId, quantity: -1 }],
            },
          });
        const codes = (await Promise.all([take(), take(), take()])).map((r) => r.statusCode).sort();
        expect(codes).toEqual([201, 409, 409]);
        const moves = await t().inject({
          url: `/api/stock/movements?facility=${stationA.id}&medicine=${m.id}`,
        });
        expect(
          moves.json().map((x: { kind: string; balanceAfter: number }) => [x.kind, x.balanceAfter]),
        ).toEqual([
          ['adjustment', 0],
          ['receipt', 1],
        ]);
      });
    },
    { profile },
  );
}
