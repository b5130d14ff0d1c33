import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { AppError } from '../../platform/http/errors.ts';
import { newId } from '../../platform/ids.ts';
import { dispense, INSUFFICIENT_STOCK, onHandOf, returnDispensed } from './index.ts';
import { createMedicine, createStockPlace, type Place, receive } from './stock.fixtures.ts';

const ON = '2026-12-02';
const AT = new Date('2026-12-02T03:00:00Z');

for (const [profile, supplierKind] of [
  ['vn', 'district_health_centre'],
  ['cn', 'county_hospital'],
] as const) {
  describeOnBothEngines(
    `stock: dispense, return, on hand (${profile})`,
    (t) => {
      let place: Place;
      let station: string;
      beforeAll(async () => {
        place = await createStockPlace(t(), supplierKind);
        station = (place.stations[0] as Place['stations'][number]).id;
      });

      const line = (medicineId: string, quantity: number) => ({
        prescriptionId: newId(),
        medicineId,
        quantity,
      });

      async function caught(p: Promise<unknown>): Promise<AppError> {
        try {
          await p;
        } catch (e) {
          if (e instanceof AppError) return e;
          throw e;
        }
        throw new Error('expected an AppError');
      }

      test('first expiry first out, skipping expired batches; on hand follows', async () => {
        const m = await createMedicine(t());
        const late = await receive(t(), station, m.id, 10, '2027-12-31');
        const soon = await receive(t(), station, m.id, 4, '2027-01-31');
        const expired = await receive(t(), station, m.id, 50, '2026-12-02', '2026-10-01');
        expect(expired).toBeTruthy();
        const l = line(m.id, 6);
        const out = await dispense(t().ctx.db, {
          facilityId: station,
          encounterId: newId(),
          on: ON,
          at: AT,
          lines: [l],
        });
        expect(out).toEqual([
          { prescriptionId: l.prescriptionId, batchId: soon, quantity: 4 },
          { prescriptionId: l.prescriptionId, batchId: late, quantity: 2 },
        ]);
        expect((await onHandOf(t().ctx.db, station, [m.id], ON)).get(m.id)).toBe(8);
        expect((await onHandOf(t().ctx.db, station, [m.id])).get(m.id)).toBe(58);
        const moves = await sql<{ kind: string; quantity: number; balance_after: number }>`
          select kind, quantity, balance_after from stock_movement
           where prescription_id = ${l.prescriptionId} order by balance_after`.execute(t().ctx.db);
        expect(moves.rows).toEqual([
          { kind: 'dispense', quantity: -4, balance_after: 0 },
          { kind: 'dispense', quantity: -2, balance_after: 8 },
        ]);
      });

      test('over-dispensing is refused with 409 insufficient_stock naming the medicine and what is left; nothing is taken', async () => {
        const m = await createMedicine(t(), 'Amoxicillin', '250 mg');
        const other = await createMedicine(t(), 'Metformin', '500 mg');
        await receive(t(), station, m.id, 3, '2027-06-30');
        await receive(t(), station, other.id, 10, '2027-06-30');
        const err = await caught(
          dispense(t().ctx.db, {
            facilityId: station,
            encounterId: newId(),
            on: ON,
            at: AT,
            fieldPrefix: 'body.prescriptions',
            lines: [line(other.id, 2), line(m.id, 5)],
          }),
        );
        expect(err.status).toBe(409);
        expect(err.code).toBe(INSUFFICIENT_STOCK);
        expect(err.message).toContain('Amoxicillin 250 mg');
        expect(err.message).toContain('only 3 left');
        expect(err.errors).toEqual([
          { field: 'body.prescriptions[1].quantity', message: expect.stringContaining('only 3 left') },
        ]);
        const left = await onHandOf(t().ctx.db, station, [m.id, other.id], ON);
        expect(Object.fromEntries(left)).toEqual({ [m.id]: 3, [other.id]: 10 });
      });

      test('two lines of one medicine share the shelf', async () => {
        const m = await createMedicine(t());
        await receive(t(), station, m.id, 5, '2027-06-30');
        const err = await caught(
          dispense(t().ctx.db, {
            facilityId: station,
            encounterId: newId(),
            on: ON,
            at: AT,
            lines: [line(m.id, 3), line(m.id, 3)],
          }),
        );
        expect(err.errors.map((e) => e.field)).toEqual(['lines[1].quantity']);
        expect(err.errors[0]?.message).toContain('only 2 left');
      });

      test('a line may be dispensed in several goes: each call takes what it is given; a return puts all of it back', async () => {
        const m = await createMedicine(t());
        await receive(t(), station, m.id, 5, '2027-06-30');
        const prescriptionId = newId();
        const encounterId = newId();
        const give = (quantity: number) =>
          dispense(t().ctx.db, {
            facilityId: station,
            encounterId,
            on: ON,
            at: AT,
            lines: [{ prescriptionId, medicineId: m.id, quantity }],
          });
        expect((await give(2)).map((d) => d.quantity)).toEqual([2]);
        expect((await give(1)).map((d) => d.quantity)).toEqual([1]);
        expect((await onHandOf(t().ctx.db, station, [m.id], ON)).get(m.id)).toBe(2);
        await returnDispensed(t().ctx.db, {
          facilityId: station,
          encounterId,
          prescriptionIds: [prescriptionId],
          on: ON,
          at: AT,
          reason: 'amended',
        });
        expect((await onHandOf(t().ctx.db, station, [m.id], ON)).get(m.id)).toBe(5);
      });

      test('bad lines are 400 naming the field; an unknown medicine too', async () => {
        const err = await caught(
          dispense(t().ctx.db, {
            facilityId: station,
            encounterId: newId(),
            on: ON,
            at: AT,
            lines: [line(newId(), 0), line(newId(), 1)],
          }),
        );
        expect(err.status).toBe(400);
        expect(err.errors.map((e) => e.field)).toEqual(['lines[0].quantity']);
        const unknown = await caught(
          dispense(t().ctx.db, {
            facilityId: station,
            encounterId: newId(),
            on: ON,
            at: AT,
            lines: [line(newId(), 1)],
          }),
        );
        expect(unknown.errors.map((e) => e.field)).toEqual(['lines[0].medicineId']);
      });

      test('returning puts the units back as a return movement; a repeat returns nothing more', async () => {
        const m = await createMedicine(t());
        await receive(t(), station, m.id, 5, '2027-06-30');
        await receive(t(), station, m.id, 5, '2027-07-30');
        const l = line(m.id, 7);
        const encounterId = newId();
        await dispense(t().ctx.db, { facilityId: station, encounterId, on: ON, at: AT, lines: [l] });
        expect((await onHandOf(t().ctx.db, station, [m.id], ON)).get(m.id)).toBe(3);
        const back = {
          facilityId: station,
          encounterId,
          prescriptionIds: [l.prescriptionId],
          on: ON,
          at: AT,
          reason: 'wrong dose',
        };
        await returnDispensed(t().ctx.db, back);
        await returnDispensed(t().ctx.db, back);
        expect((await onHandOf(t().ctx.db, station, [m.id], ON)).get(m.id)).toBe(10);
        const kinds = await sql<{ kind: string; n: number }>`
          select kind, sum(quantity)::int as n from stock_movement where prescription_id = ${l.prescriptionId}
           group by kind order by kind`.execute(t().ctx.db);
        expect(kinds.rows).toEqual([
          { kind: 'dispense', n: -7 },
          { kind: 'return', n: 7 },
        ]);
        // Dispensed again after the return: a new dispensing.
        const again = await dispense(t().ctx.db, {
          facilityId: station,
          encounterId,
          on: ON,
          at: AT,
          lines: [l],
        });
        expect(again.reduce((s, d) => s + d.quantity, 0)).toBe(7);
      });

      test('two transactions racing for the last box: one dispenses, the other gets 409', async () => {
        const m = await createMedicine(t());
        await receive(t(), station, m.id, 1, '2027-06-30');
        const attempt = () =>
          t()
            .ctx.db.transaction()
            .execute(async (trx) => {
              const r = await dispense(trx, {
                facilityId: station,
                encounterId: newId(),
                on: ON,
                at: AT,
                lines: [line(m.id, 1)],
              });
              // Hold the transaction a moment so the other one is waiting on the row lock.
              await sql`select pg_sleep(0.05)`.execute(trx);
              return r;
            });
        const results = await Promise.allSettled([attempt(), attempt()]);
        const ok = results.filter((r) => r.status === 'fulfilled');
        const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
        expect(ok).toHaveLength(1);
        expect(refused).toHaveLength(1);
        expect((refused[0] as AppError).code).toBe(INSUFFICIENT_STOCK);
        expect((await onHandOf(t().ctx.db, station, [m.id])).get(m.id)).toBe(0);
      });

      test('stock movements are append-only', async () => {
        await expect(sql`update stock_movement set quantity = 1`.execute(t().ctx.db)).rejects.toThrow(
          /append-only/,
        );
        await expect(sql`delete from stock_movement`.execute(t().ctx.db)).rejects.toThrow(/append-only/);
      });
    },
    { profile },
  );
}
