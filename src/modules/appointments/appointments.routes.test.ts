import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * Appointments over HTTP on both engines (VN): booked by the station at its own facility, idempotent
 * by id (another body 409), refused naming the field, scoped by the resident's place (another
 * district's resident is a 404), listed for the resident and for the facility's days, kept (a visit
 * on the day) or missed, rescheduled and cancelled by amendments that keep what they end, audited.
 */
describeOnBothEngines('appointments API (vn)', (t) => {
  let w: AccessWorld;
  let here: string;
  let away: string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'insurance'] });
    const resident = async (areaCode: string, fullName: string) =>
      (
        await postExpect(t(), '/api/residents', {
          fullName,
          areaCode,
          sex: 'male',
          birthDate: '1958-02-03',
          phone: '0912000111',
        })
      ).id as string;
    here = await resident(w.areas.commune1.code, 'Phan Văn Hẹn');
    away = await resident(w.areas.commune2.code, 'Đỗ Văn Xa');
  });

  const station = (options: Parameters<typeof as>[2]) => as(t(), w.users.station.token, options);
  const book = (residentId: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/residents/${residentId}/appointments`, payload: body });
  const amend = (id: string, body: Record<string, unknown>) =>
    station({ method: 'POST', url: `/api/appointments/${id}/amendments`, payload: body });
  const inDays = (n: number) => addDays(t().today, n);

  test("booked at the station's facility: 201, the same again 200, another body 409, audited", async () => {
    const body = { id: newId(), date: inDays(7), time: '08:30', reason: 'Blood pressure check' };
    const audits = async () =>
      (
        await sql<{ n: number }>`select count(*)::int n from audit_log
          where user_id = ${w.users.station.id} and action like '%appointments%'`.execute(t().ctx.db)
      ).rows[0]!.n;
    const before = await audits();
    const first = await book(here, body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id: body.id,
      residentId: here,
      residentName: 'Phan Văn Hẹn',
      facility: { id: w.facilities.station1.id, code: w.facilities.station1.code },
      date: inDays(7),
      time: '08:30',
      reason: 'Blood pressure check',
      source: 'staff',
      state: 'booked',
      endedBy: null,
      recordedBy: w.users.station.id,
    });
    expect(await audits()).toBeGreaterThan(before);
    const again = await book(here, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await book(here, { ...body, time: '09:00' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('body.id');
  });

  test('a day before today, too far ahead or a bad time is a 400 naming the field', async () => {
    const past = await book(here, { id: newId(), date: inDays(-1) });
    expect(past.statusCode).toBe(400);
    expect(past.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.date']);
    const far = await book(here, { id: newId(), date: inDays(400) });
    expect(far.statusCode).toBe(400);
    expect(far.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.date']);
    const time = await book(here, { id: newId(), date: inDays(1), time: '25:00' });
    expect(time.statusCode).toBe(400);
    expect(time.json().errors[0].field).toBe('body.time');
    const noFacility = await t().inject({
      method: 'POST',
      url: `/api/residents/${here}/appointments`,
      payload: { id: newId(), date: inDays(1) },
    });
    expect(noFacility.statusCode).toBe(400);
    expect(noFacility.json().errors[0].field).toBe('body.facilityId');
  });

  test("another district's resident is a 404; a role without the permission a 403", async () => {
    expect((await book(away, { id: newId(), date: inDays(1) })).statusCode).toBe(404);
    expect((await station({ url: `/api/residents/${away}/appointments` })).statusCode).toBe(404);
    const insurance = await as(t(), w.users.insurance.token, { url: `/api/residents/${here}/appointments` });
    expect(insurance.statusCode).toBe(403);
    const district = await as(t(), w.users.district.token, {
      method: 'POST',
      url: `/api/residents/${here}/appointments`,
      payload: { id: newId(), date: inDays(1), facilityId: w.facilities.station1.id },
    });
    expect(district.statusCode).toBe(403);
  });

  test('kept when a visit came on its day, missed when the day passed without one', async () => {
    const kept = newId();
    const missed = newId();
    const row = (id: string, date: string) => sql`
      insert into appointment (id, resident_id, facility_id, on_date, source, fingerprint, recorded_at, area_path)
      select ${id}, r.id, ${w.facilities.station1.id}, ${date}, 'staff', 'f', now(), r.area_path
      from resident r where r.id = ${here}`;
    await row(kept, inDays(-6)).execute(t().ctx.db);
    await row(missed, inDays(-5)).execute(t().ctx.db);
    const visit = await t().inject({
      method: 'POST',
      url: '/api/encounters',
      payload: {
        id: newId(),
        residentId: here,
        facilityId: w.facilities.station1.id,
        kind: 'station-visit',
        startedAt: `${inDays(-6)}T02:00:00Z`,
      },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const list = await station({ url: `/api/residents/${here}/appointments` });
    expect(list.statusCode, list.body).toBe(200);
    const states = Object.fromEntries(
      list.json().items.map((a: { id: string; state: string }) => [a.id, a.state]),
    );
    expect(states[kept]).toBe('attended');
    expect(states[missed]).toBe('missed');

    const facility = `/api/facilities/${w.facilities.station1.id}/appointments`;
    const missedList = await station({ url: `${facility}?from=${inDays(-30)}&to=${t().today}&state=missed` });
    expect(missedList.statusCode, missedList.body).toBe(200);
    expect(missedList.json().items.map((a: { id: string }) => a.id)).toEqual([missed]);
    const week = await station({ url: `${facility}?from=${inDays(-6)}&to=${inDays(7)}` });
    expect(week.json().counts).toMatchObject({ attended: 1, missed: 1, booked: 1 });
    const tooLong = await station({ url: `${facility}?from=${t().today}&to=${inDays(200)}` });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors[0].field).toBe('querystring.to');
  });

  test('rescheduled: the old one kept as rescheduled, the new one booked; then cancelled; no second change', async () => {
    const first = (await book(here, { id: newId(), date: inDays(3), reason: 'Diabetes follow-up' })).json();
    const moveId = newId();
    const moveBody = {
      id: moveId,
      reason: 'Asked for a later day',
      rescheduleTo: { id: newId(), date: inDays(10) },
    };
    const moved = await amend(first.id, moveBody);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      ended: { id: first.id, state: 'rescheduled', endedBy: { amendmentId: moveId, action: 'reschedule' } },
      replacement: {
        id: moveBody.rescheduleTo.id,
        date: inDays(10),
        state: 'booked',
        replacesId: first.id,
        reason: 'Diabetes follow-up',
      },
    });
    expect((await amend(first.id, moveBody)).json()).toEqual(moved.json());
    const twice = await amend(first.id, { id: newId(), reason: 'again', cancel: true });
    expect(twice.statusCode).toBe(409);
    const neither = await amend(moveBody.rescheduleTo.id, { id: newId(), reason: 'x' });
    expect(neither.statusCode).toBe(400);
    const cancelled = await amend(moveBody.rescheduleTo.id, {
      id: newId(),
      reason: 'Moved away',
      cancel: true,
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ ended: { state: 'cancelled' }, replacement: null });
    const rows = await sql<{
      n: number;
    }>`select count(*)::int n from appointment where resident_id = ${here}`.execute(t().ctx.db);
    expect(rows.rows[0]!.n).toBeGreaterThanOrEqual(5);
    expect((await amend(newId(), { id: newId(), reason: 'x', cancel: true })).statusCode).toBe(404);
  });
});
