import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { registerJianwaiCentre } from '../../../test/support/places.ts';
import { postExpect } from '../../../test/support/requests.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * A resident's reminder preferences and messages over HTTP on both engines: opt-outs per channel of
 * the profile (VN: zalo, sms, file), recorded by the station, audited, scoped (another district's
 * resident is a 404), refused naming the field for a channel the profile does not use.
 */
describeOnBothEngines('reminder preferences API (vn)', (t) => {
  let w: AccessWorld;
  let here: string;
  let away: string;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district'] });
    const resident = async (areaCode: string, fullName: string) =>
      (
        await postExpect(t(), '/api/residents', {
          fullName,
          areaCode,
          sex: 'female',
          birthDate: '1990-02-03',
          phone: '0912345678',
        })
      ).id as string;
    here = await resident(w.areas.commune1.code, 'Phạm Thị Nhắc');
    away = await resident(w.areas.commune2.code, 'Đỗ Thị Xa');
  });

  const station = (options: Parameters<typeof as>[2]) => as(t(), w.users.station.token, options);
  const prefs = (id: string) => `/api/residents/${id}/reminder-preferences`;

  test('every channel of the profile is in until opted out; a PUT records the opt-outs, audited', async () => {
    const first = await station({ url: prefs(here) });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({
      residentId: here,
      channels: [
        { channel: 'zalo', optedOut: false, changedAt: null },
        { channel: 'sms', optedOut: false, changedAt: null },
        { channel: 'file', optedOut: false, changedAt: null },
      ],
    });
    const audits = async () =>
      (
        await sql<{
          n: number;
        }>`select count(*)::int n from audit_log where user_id = ${w.users.station.id}`.execute(t().ctx.db)
      ).rows[0]!.n;
    const before = await audits();
    const put = await station({ method: 'PUT', url: prefs(here), payload: { optedOut: ['zalo'] } });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().channels).toEqual([
      { channel: 'zalo', optedOut: true, changedAt: expect.any(String) },
      { channel: 'sms', optedOut: false, changedAt: null },
      { channel: 'file', optedOut: false, changedAt: null },
    ]);
    expect(await audits()).toBeGreaterThan(before);
    // Opting in again is an update of the same row: nothing is deleted.
    const back = await station({ method: 'PUT', url: prefs(here), payload: { optedOut: ['sms'] } });
    expect(back.json().channels.map((c: { optedOut: boolean }) => c.optedOut)).toEqual([false, true, false]);
    const rows = await sql<{ channel: string; opted_out: boolean; changed_by: string }>`
      select channel, opted_out, changed_by from reminder_opt_out where resident_id = ${here} order by channel`.execute(
      t().ctx.db,
    );
    expect(rows.rows).toEqual([
      { channel: 'sms', opted_out: true, changed_by: w.users.station.id },
      { channel: 'zalo', opted_out: false, changed_by: w.users.station.id },
    ]);
  });

  test('a channel the profile does not use, or not a channel, is refused naming the field', async () => {
    const res = await station({ method: 'PUT', url: prefs(here), payload: { optedOut: ['file', 'wechat'] } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'body.optedOut.1', message: expect.stringContaining('wechat') },
    ]);
    const bad = await station({ method: 'PUT', url: prefs(here), payload: { optedOut: ['pigeon'] } });
    expect(bad.statusCode).toBe(400);
    const extra = await station({ method: 'PUT', url: prefs(here), payload: { optedOut: [], more: 1 } });
    expect(extra.statusCode).toBe(400);
  });

  test("another district's resident is not found; the district reads but may not write", async () => {
    expect((await station({ url: prefs(away) })).statusCode).toBe(404);
    expect((await station({ method: 'PUT', url: prefs(away), payload: { optedOut: [] } })).statusCode).toBe(
      404,
    );
    expect((await station({ url: `/api/residents/${away}/reminders` })).statusCode).toBe(404);
    const district = (options: Parameters<typeof as>[2]) => as(t(), w.users.district.token, options);
    expect((await district({ url: prefs(here) })).statusCode).toBe(200);
    expect((await district({ method: 'PUT', url: prefs(here), payload: { optedOut: [] } })).statusCode).toBe(
      403,
    );
  });

  test("a resident's messages: none yet", async () => {
    const res = await station({ url: `/api/residents/${here}/reminders` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });
});

describeOnBothEngines(
  'reminder preferences API (cn)',
  (t) => {
    test("the CN profile's channels: WeChat first", async () => {
      await registerJianwaiCentre(t());
      const r = await postExpect(t(), '/api/residents', {
        fullName: '王芳',
        areaCode: '110105001',
        sex: 'female',
      });
      const put = await t().inject({
        method: 'PUT',
        url: `/api/residents/${r.id}/reminder-preferences`,
        payload: { optedOut: ['wechat'] },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(
        put.json().channels.map((c: { channel: string; optedOut: boolean }) => [c.channel, c.optedOut]),
      ).toEqual([
        ['wechat', true],
        ['sms', false],
        ['file', false],
      ]);
    });
  },
  { profile: 'cn' },
);
