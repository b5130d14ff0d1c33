import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { newId } from '../../platform/ids.ts';
import { dispense } from './index.ts';
import { createMedicine, createStockPlace, type Place, receive } from './stock.fixtures.ts';

for (const [profile, supplierKind] of [
  ['vn', 'district_health_centre'],
  ['cn', 'county_hospital'],
] as const) {
  describeOnBothEngines(
    `requisitions (${profile})`,
    (t) => {
      let place: Place;
      let station: Place['stations'][number];
      let medicine: string;
      let stationToken: string;
      let districtToken: string;
      const as = (token: string) => ({ authorization: `Bearer ${token}` });

      beforeAll(async () => {
        place = await createStockPlace(t(), supplierKind);
        station = place.stations[0] as Place['stations'][number];
        medicine = (await createMedicine(t(), 'Enalapril', '5 mg')).id;
        // 30 a month over three months, 10 left: below min.
        await receive(t(), station.id, medicine, 100, '2028-01-31', '2026-08-01');
        for (const on of ['2026-09-10', '2026-10-10', '2026-11-10'])
          await dispense(t().ctx.db, {
            facilityId: station.id,
            encounterId: newId(),
            on,
            at: new Date(`${on}T03:00:00Z`),
            lines: [{ prescriptionId: newId(), medicineId: medicine, quantity: 30 }],
          });
        await receive(t(), place.centre.id, medicine, 500, '2028-06-30', '2026-08-01');
        const user = async (name: string, role: Record<string, string>) => {
          const username = `${name}-${profile}-${t().name}`;
          const password = 'Quiet-river-requisitions';
          const res = await t().inject({
            method: 'POST',
            url: '/api/users',
            payload: { username, displayName: name, password, roles: [role] },
          });
          expect(res.statusCode, res.body).toBe(201);
          return t().signIn(username, password);
        };
        stationToken = await user('req-station', { role: 'station', facility: station.code });
        districtToken = await user('req-district', { role: 'district', area: place.districtCode });
      });

      test('draft (suggested by max-min) → sent → approved → shipped → received, each step by its side', async () => {
        const maxMonths = t().ctx.profile.stock?.maxMonths ?? 3;
        const suggested = await t().inject({
          url: `/api/requisitions/suggestion?facility=${station.id}`,
          headers: as(stationToken),
        });
        expect(suggested.statusCode, suggested.body).toBe(200);
        expect(suggested.json()).toMatchObject({
          supplier: { id: place.centre.id },
          lines: [{ medicineId: medicine, suggestedOrder: maxMonths * 30 - 10 }],
        });

        const id = newId();
        const created = await t().inject({
          method: 'POST',
          url: '/api/requisitions',
          headers: as(stationToken),
          payload: { id, facilityId: station.id },
        });
        expect(created.statusCode, created.body).toBe(201);
        expect(created.json()).toMatchObject({
          status: 'draft',
          supplier: { id: place.centre.id },
          lines: [
            {
              medicineId: medicine,
              suggested: maxMonths * 30 - 10,
              requested: maxMonths * 30 - 10,
              approved: null,
            },
          ],
        });
        const repeat = await t().inject({
          method: 'POST',
          url: '/api/requisitions',
          headers: as(stationToken),
          payload: { id, facilityId: station.id },
        });
        expect(repeat.statusCode).toBe(200);

        const step = (action: string, token: string, payload: Record<string, unknown> = {}) =>
          t().inject({
            method: 'POST',
            url: `/api/requisitions/${id}/${action}`,
            headers: as(token),
            payload,
          });

        // The district cannot approve a draft; the station cannot approve at all.
        expect((await step('approve', districtToken)).statusCode).toBe(409);
        expect((await step('send', stationToken)).json().status).toBe('sent');
        expect((await step('send', stationToken)).statusCode).toBe(200); // a repeat
        expect((await step('approve', stationToken)).statusCode).toBe(403);

        // The district sees the station's shortage and its requisition.
        const roll = await t().inject({
          url: `/api/stock/district?area=${place.districtCode}`,
          headers: as(districtToken),
        });
        expect(roll.json().facilities[0]).toMatchObject({ facility: { id: station.id }, belowMin: 1 });
        const inbox = await t().inject({
          url: `/api/requisitions?area=${place.districtCode}&status=sent`,
          headers: as(districtToken),
        });
        expect(inbox.json().map((r: { id: string }) => r.id)).toEqual([id]);

        const approved = await step('approve', districtToken, {
          lines: [{ medicineId: medicine, approved: 50 }],
        });
        expect(approved.statusCode, approved.body).toBe(200);
        expect(approved.json().lines[0].approved).toBe(50);
        const shipped = await step('ship', districtToken, {});
        expect(shipped.statusCode, shipped.body).toBe(200);
        expect(shipped.json()).toMatchObject({ status: 'shipped', transferId: expect.any(String) });
        const transit = await t().inject({
          url: `/api/stock/alerts?facility=${station.id}`,
          headers: as(stationToken),
        });
        expect(transit.json().lines[0]).toMatchObject({ inTransit: 50 });

        const received = await step('receive', stationToken, {});
        expect(received.statusCode, received.body).toBe(200);
        expect(received.json().events.map((e: { to: string }) => e.to)).toEqual([
          'draft',
          'sent',
          'approved',
          'shipped',
          'received',
        ]);
        const shelf = await t().inject({
          url: `/api/stock/on-hand?facility=${station.id}`,
          headers: as(stationToken),
        });
        expect(shelf.json().lines[0].onHand).toBe(60);
        const centre = await t().inject({ url: `/api/stock/on-hand?facility=${place.centre.id}` });
        expect(
          centre.json().lines.find((l: { medicineId: string }) => l.medicineId === medicine).onHand,
        ).toBe(450);
      });

      test('shipping more than the supplier holds is 409 insufficient_stock and the requisition stays approved', async () => {
        const other = (await createMedicine(t(), 'Scarce')).id;
        await receive(t(), place.centre.id, other, 5, '2028-06-30');
        const id = newId();
        const created = await t().inject({
          method: 'POST',
          url: '/api/requisitions',
          headers: as(stationToken),
          payload: { id, facilityId: station.id, lines: [{ medicineId: other, requested: 20 }] },
        });
        expect(created.statusCode, created.body).toBe(201);
        const step = (action: string, token: string) =>
          t().inject({
            method: 'POST',
            url: `/api/requisitions/${id}/${action}`,
            headers: as(token),
            payload: {},
          });
        await step('send', stationToken);
        await step('approve', districtToken);
        const ship = await step('ship', districtToken);
        expect(ship.statusCode).toBe(409);
        expect(ship.json().code).toBe('insufficient_stock');
        const now = await t().inject({ url: `/api/requisitions/${id}` });
        expect(now.json().status).toBe('approved');
      });
    },
    { profile },
  );
}
