import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * Outreach outcomes that reach other modules, on both engines (VN): moved-away and died change the
 * registry, so a village health worker (care.write without residents.write) gets a 403 problem and
 * nothing is written, while the station records them; will-come on a day given books the
 * appointment at the caller's facility, once.
 */
describeOnBothEngines('worklist outcomes: registry permission, appointments (vn)', (t) => {
  let w: AccessWorld;
  let child: string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'vhw'] });
    child = await register('Bé Bảo');
  });

  const register = async (fullName: string) =>
    (
      await postExpect(t(), '/api/residents', {
        fullName,
        areaCode: w.areas.village1.code,
        sex: 'female',
        birthDate: '2026-08-15',
        phone: '0905123456',
      })
    ).id as string;

  const post = (token: string, body: Record<string, unknown>) =>
    as(t(), token, { method: 'POST', url: '/api/worklists/outcomes', payload: body });
  // Born 15 August: penta-1 due from 15 October.
  const about = (residentId: string, over: Record<string, unknown>) => ({
    id: newId(),
    residentId,
    programmeId: 'vn-epi',
    itemId: 'penta-1',
    dueFrom: '2026-10-15',
    ...over,
  });
  const statusOf = async (id: string) =>
    (await as(t(), w.users.station.token, { url: `/api/residents/${id}` })).json().status;

  test.each(['moved-away', 'died'] as const)(
    'a village health worker recording %s: 403 naming residents.write, nothing written',
    async (outcome) => {
      const who = await register(`Bé ${outcome}`);
      const other = await register(`Bé khác ${outcome}`);
      const body = about(who, { outcome });
      const res = await post(w.users.vhw.token, body);
      expect(res.statusCode, res.body).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().detail).toContain('residents.write');
      expect(await statusOf(who)).toBe('active');
      // The attempt was not kept: the same id is free for the station.
      const station = await post(w.users.station.token, { ...body, residentId: other });
      expect(station.statusCode, station.body).toBe(201);
      expect(await statusOf(other)).toBe(outcome === 'died' ? 'deceased' : 'moved_away');
      // The other outcomes stay open to the village health worker.
      const reached = await post(w.users.vhw.token, about(who, { outcome: 'not-reachable' }));
      expect(reached.statusCode, reached.body).toBe(201);
    },
  );

  test('will-come on a day books the appointment at the caller facility, once; without a day, none', async () => {
    const comeOn = addDays(t().today, 5);
    const body = about(child, { outcome: 'will-come', comeOn, note: 'Mẹ đưa bé đến' });
    expect((await post(w.users.station.token, body)).statusCode).toBe(201);
    expect((await post(w.users.station.token, body)).statusCode).toBe(200);
    const list = await as(t(), w.users.station.token, { url: `/api/residents/${child}/appointments` });
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: body.id,
        date: comeOn,
        source: 'outreach',
        outreachAttemptId: body.id,
        reason: 'Mẹ đưa bé đến',
        state: 'booked',
        facility: expect.objectContaining({ id: w.facilities.station1.id }),
      }),
    ]);
    const bcg = await post(
      w.users.station.token,
      about(child, { itemId: 'bcg', dueFrom: '2026-08-15', outcome: 'will-come' }),
    );
    expect(bcg.statusCode, bcg.body).toBe(201);
    const after = await as(t(), w.users.station.token, { url: `/api/residents/${child}/appointments` });
    expect(after.json().items).toHaveLength(1);
  });
});
