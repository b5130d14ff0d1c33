import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { getOk, postExpect } from '../../../test/support/requests.ts';
import { addDays } from '../../platform/dates.ts';
import { newId } from '../../platform/ids.ts';
import { type AccessWorld, as, buildAccessWorld } from '../access/access.fixtures.ts';

/**
 * Worklists on both engines (VN): what a station's children are due from Vietnam's EPI, a dose taking
 * the child off the list and the next dose due on its date, a dose too early left uncounted (shown in
 * /due, the dose still due), outreach outcomes (will-come, refused, not-reachable, moved-away;
 * idempotent by id), the caller's places only, Simple's order a page at a time, hostile input
 * answered 4xx in problem+json, and a merge carrying the attempts.
 */

interface Row {
  id: string;
  residentId: string;
  itemId: string;
  state: string;
  daysOverdue: number;
  priority: number;
  dueFrom: string;
  lastAttempt: { outcome: string } | null;
  [k: string]: unknown;
}

describeOnBothEngines('worklists API (vn)', (t) => {
  let w: AccessWorld;
  const child: Record<'a' | 'b' | 'c' | 'away', string> = { a: '', b: '', c: '', away: '' };

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district'] });
    const register = async (fullName: string, areaCode: string) =>
      (
        await postExpect(t(), '/api/residents', {
          fullName,
          areaCode,
          sex: 'female',
          birthDate: '2026-08-15',
          phone: '0905123456',
        })
      ).id as string;
    child.a = await register('Bé An', w.areas.village1.code);
    child.b = await register('Bé Bình', w.areas.village1.code);
    child.c = await register('Bé Chi', w.areas.commune1.code);
    child.away = await register('Bé Xa', w.areas.commune2.code);
  });

  const station = (options: Parameters<typeof as>[2]) => as(t(), w.users.station.token, options);
  const stationGet = async (url: string) => {
    const res = await station({ url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const list = async (query = '', user = w.users.station.token): Promise<Row[]> => {
    const res = await as(t(), user, { url: `/api/worklists?programme=vn-epi&limit=500${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const dose = (residentId: string, date: string) =>
    station({
      method: 'POST',
      url: `/api/residents/${residentId}/immunizations`,
      payload: { id: newId(), vaccine: 'DTP-HepB-Hib', date, givenElsewhere: false },
    });
  const outcome = (body: Record<string, unknown>) =>
    station({ method: 'POST', url: '/api/worklists/outcomes', payload: body });
  const about = (
    residentId: string,
    itemId: string,
    dueFrom: string,
    over: Record<string, unknown> = {},
  ) => ({
    id: newId(),
    residentId,
    programmeId: 'vn-epi',
    itemId,
    dueFrom,
    ...over,
  });

  test("GET /api/programmes: the profile's programmes with their items", async () => {
    const body = await stationGet('/api/programmes');
    const epi = body.programmes.find((p: { id: string }) => p.id === 'vn-epi');
    expect(epi).toMatchObject({ kind: 'immunization', names: { vi: 'Tiêm chủng mở rộng' } });
    expect(epi.items.map((i: { id: string }) => i.id)).toEqual(
      expect.arrayContaining(['penta-1', 'penta-2', 'bcg']),
    );
  });

  test("the station's list: its children's overdue doses, in Simple's order, with who to call", async () => {
    const rows = await list();
    expect(new Set(rows.map((r) => r.residentId))).toEqual(new Set([child.a, child.b, child.c]));
    const penta = rows.find((r) => r.residentId === child.a && r.itemId === 'penta-1')!;
    // Born 15 August: penta-1 from 2 months (15 October), overdue after 28 days (12 November).
    expect(penta).toMatchObject({
      fullName: 'Bé An',
      phone: '0905123456',
      phoneOf: null,
      village: `Area ${w.areas.village1.code}`,
      age: 0,
      ageMonths: 3,
      kind: 'immunization',
      dueFrom: '2026-10-15',
      overdueAfter: '2026-11-12',
      state: 'overdue',
      daysOverdue: 20,
      priority: 3,
      lastBp: null,
      lastAttempt: null,
    });
    const keys = rows.map((r) => [r.priority, -r.daysOverdue] as const);
    expect(keys).toEqual([...keys].sort((x, y) => x[0] - y[0] || x[1] - y[1]));
    const district = await list('', w.users.district.token);
    expect(district.some((r) => r.residentId === child.away)).toBe(false);
    expect((await list('')).length).toBe(rows.length);
    const all = await getOk(t(), '/api/worklists?programme=vn-epi&limit=500');
    expect(all.items.some((r: Row) => r.residentId === child.away)).toBe(true);
  });

  test('a dose takes the child off the list; the next dose is upcoming from 28 days later', async () => {
    const res = await dose(child.a, t().today);
    expect(res.statusCode, res.body).toBe(201);
    expect((await list()).some((r) => r.residentId === child.a && r.itemId === 'penta-1')).toBe(false);
    const due = await stationGet(`/api/residents/${child.a}/due`);
    expect(due.done).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: 'penta-1', doneOn: t().today, doneBy: res.json().id }),
      ]),
    );
    // Penta-2: from 3 months (15 November) and 28 days after penta-1, whichever is later.
    expect(due.upcoming).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ itemId: 'penta-2', dueFrom: addDays(t().today, 28) }),
      ]),
    );
    const later = await list(`&asOf=${addDays(t().today, 28)}`);
    expect(later.some((r) => r.residentId === child.a && r.itemId === 'penta-2' && r.state === 'due')).toBe(
      true,
    );
  });

  test('/due lists upcoming items about a year ahead only (horizonDays to ask for more, bounded)', async () => {
    // The store holds the child's check-ups from 65 (2091): not a thing to show a baby's mother.
    const stored = await sql<{ kind: string; due_from: string }>`
      select kind, due_from::text from programme_due where resident_id = ${child.a}`.execute(t().ctx.db);
    const far = stored.rows.filter((r) => r.due_from > addDays(t().today, 1827));
    expect(far.map((r) => r.kind)).toContain('elderly');
    const due = await stationGet(`/api/residents/${child.a}/due`);
    expect(due.upcomingUntil).toBe(addDays(t().today, 366));
    expect(due.upcoming.length).toBeGreaterThan(0);
    expect(due.upcoming.every((d: { dueFrom: string }) => d.dueFrom <= due.upcomingUntil)).toBe(true);
    expect(due.upcoming.some((d: { kind: string }) => d.kind === 'elderly')).toBe(false);
    const none = await stationGet(`/api/residents/${child.a}/due?horizonDays=0`);
    expect(none).toMatchObject({ upcoming: [], upcomingUntil: t().today });
    expect(none.overdue).toEqual(due.overdue);
    const five = await stationGet(`/api/residents/${child.a}/due?horizonDays=1827`);
    expect(five.upcoming.length).toBeGreaterThan(due.upcoming.length);
    expect(five.upcoming.every((d: { dueFrom: string }) => d.dueFrom <= addDays(t().today, 1827))).toBe(true);
    for (const bad of ['-1', '1828', 'year']) {
      const res = await station({ url: `/api/residents/${child.a}/due?horizonDays=${bad}` });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors[0].field).toBe('query.horizonDays');
    }
  });

  test('a dose before the minimum age is not counted: shown in /due, the dose still due', async () => {
    const res = await dose(child.b, '2026-09-10');
    expect(res.statusCode, res.body).toBe(201);
    const due = await stationGet(`/api/residents/${child.b}/due`);
    expect(due.invalidDoses).toEqual([
      expect.objectContaining({
        doseId: res.json().id,
        programmeId: 'vn-epi',
        reason: 'below-minimum-age',
        validFrom: '2026-09-26',
      }),
    ]);
    expect(due.overdue.map((d: { itemId: string }) => d.itemId)).toContain('penta-1');
    expect((await list()).some((r) => r.residentId === child.b && r.itemId === 'penta-1')).toBe(true);
  });

  test('will-come puts the item off to its day (7 days by default), idempotent by id', async () => {
    const body = about(child.b, 'penta-1', '2026-10-15', { outcome: 'will-come', note: 'Mẹ hẹn tuần sau' });
    const first = await outcome(body);
    expect(first.statusCode, first.body).toBe(201);
    const comeOn = addDays(t().today, 7);
    expect(first.json()).toMatchObject({
      id: body.id,
      outcome: 'will-come',
      comeOn,
      recordedBy: w.users.station.id,
      episodeId: null,
    });
    const again = await outcome(body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await outcome({ ...body, note: 'khác' });
    expect(other.statusCode).toBe(409);
    expect(other.json().errors[0].field).toBe('body.id');
    expect((await list()).some((r) => r.residentId === child.b && r.itemId === 'penta-1')).toBe(false);
    const back = (await list(`&asOf=${comeOn}`)).find(
      (r) => r.residentId === child.b && r.itemId === 'penta-1',
    );
    expect(back?.lastAttempt).toMatchObject({ outcome: 'will-come', note: 'Mẹ hẹn tuần sau' });
    const due = await stationGet(`/api/residents/${child.b}/due`);
    expect(due.overdue.find((d: { itemId: string }) => d.itemId === 'penta-1')).toMatchObject({ comeOn });
  });

  test('refused closes the item; not-reachable leaves it listed with the attempt shown', async () => {
    const bcg = (await list()).find((r) => r.residentId === child.b && r.itemId === 'bcg')!;
    expect((await outcome(about(child.b, 'bcg', bcg.dueFrom, { outcome: 'refused' }))).statusCode).toBe(201);
    expect((await list()).some((r) => r.residentId === child.b && r.itemId === 'bcg')).toBe(false);
    const due = await stationGet(`/api/residents/${child.b}/due`);
    expect(due.closed).toEqual([
      expect.objectContaining({
        itemId: 'bcg',
        lastAttempt: expect.objectContaining({ outcome: 'refused' }),
      }),
    ]);

    const opv = (await list()).find((r) => r.residentId === child.b && r.itemId === 'opv-1')!;
    expect(
      (await outcome(about(child.b, 'opv-1', opv.dueFrom, { outcome: 'not-reachable' }))).statusCode,
    ).toBe(201);
    const still = (await list()).find((r) => r.residentId === child.b && r.itemId === 'opv-1');
    expect(still?.lastAttempt).toMatchObject({ outcome: 'not-reachable', note: null });
  });

  test('moved-away is recorded in the registry and nothing is due any more', async () => {
    const row = (await list()).find((r) => r.residentId === child.c)!;
    const res = await outcome(
      about(child.c, row.itemId, row.dueFrom, { outcome: 'moved-away', note: 'Vào Sài Gòn' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const resident = await stationGet(`/api/residents/${child.c}`);
    expect(resident.status).toBe('moved_away');
    const due = await stationGet(`/api/residents/${child.c}/due`);
    expect([...due.due, ...due.overdue, ...due.upcoming]).toEqual([]);
    expect((await list()).some((r) => r.residentId === child.c)).toBe(false);
  });

  test('bad outcomes are refused naming the field; unknown items and residents elsewhere are 404', async () => {
    const penta = (await list()).find((r) => r.residentId === child.b && r.itemId === 'opv-1')!;
    const field = async (body: Record<string, unknown>, status = 400) => {
      const res = await outcome(body);
      expect(res.statusCode, res.body).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors?.[0]?.field;
    };
    const base = about(child.b, 'opv-1', penta.dueFrom);
    expect(await field({ ...base, outcome: 'will-come', comeOn: addDays(t().today, -1) })).toBe(
      'body.comeOn',
    );
    expect(await field({ ...base, outcome: 'will-come', comeOn: addDays(t().today, 367) })).toBe(
      'body.comeOn',
    );
    expect(await field({ ...base, outcome: 'refused', comeOn: addDays(t().today, 3) })).toBe('body.comeOn');
    expect(await field({ ...base, outcome: 'maybe' })).toBe('body.outcome');
    expect(await field({ ...base, outcome: 'refused', extra: 1 })).toBeDefined();
    expect(await field({ ...base, id: 'not-a-uuid', outcome: 'refused' })).toBe('body.id');
    expect(await field({ ...base, outcome: 'refused', note: 'x'.repeat(1001) })).toBe('body.note');
    await field({ ...base, itemId: 'no-such-item', outcome: 'refused' }, 404);
    await field({ ...base, dueFrom: '2020-01-01', outcome: 'refused' }, 404);
    await field(about(child.away, 'bcg', '2026-08-15', { outcome: 'refused' }), 404);
  });

  test('hostile queries are 4xx problem+json, never a 500', async () => {
    for (const [url, status] of [
      ['/api/worklists?cursor=garbage', 400],
      [
        `/api/worklists?cursor=${Buffer.from('{"v":"x","id":"00000000-0000-7000-8000-000000000000"}').toString('base64url')}`,
        400,
      ],
      ['/api/worklists?programme=nope', 400],
      ['/api/worklists?kind=surgery', 400],
      ['/api/worklists?state=done', 400],
      ['/api/worklists?asOf=2026-13-01', 400],
      ['/api/worklists?limit=0', 400],
      ['/api/worklists?area=does-not-exist', 400],
      [`/api/worklists?area=${w.areas.commune2.code}`, 403],
      ['/api/worklists?area=%27%3B%20drop%20table%20programme_due', 400],
      ['/api/residents/not-a-uuid/due', 400],
      [`/api/residents/${child.away}/due`, 404],
      [`/api/residents/${child.a}/due?asOf=yesterday`, 400],
    ] as const) {
      const res = await station({ url });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const anonymous = await as(t(), null, { url: '/api/worklists' });
    expect(anonymous.statusCode).toBe(401);
  });

  test('pages in order without overlap; counts by kind; filters by state and village', async () => {
    const all = await list();
    const seen: Row[] = [];
    let cursor: string | null = null;
    do {
      const page = await stationGet(
        `/api/worklists?programme=vn-epi&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(page.total).toEqual({ count: all.length, exact: true });
      expect(page.counts.total).toBe(all.length);
      expect(page.counts.byKind.immunization.overdue + page.counts.byKind.immunization.due).toBe(all.length);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
    const overdue = await list('&state=overdue');
    expect(overdue.every((r) => r.state === 'overdue')).toBe(true);
    const village = await list(`&area=${w.areas.village1.code}`);
    expect(village.length).toBeGreaterThan(0);
    expect(village.every((r) => [child.a, child.b].includes(r.residentId))).toBe(true);
  });

  test("a merge carries the duplicate's attempts to the survivor, recomputed", async () => {
    const dup = (
      await postExpect(t(), '/api/residents', {
        fullName: 'Bé An (trùng)',
        areaCode: w.areas.village1.code,
        birthDate: '2026-08-15',
      })
    ).id as string;
    const row = (await list()).find((r) => r.residentId === dup && r.itemId === 'opv-1')!;
    expect((await outcome(about(dup, 'opv-1', row.dueFrom, { outcome: 'wrong-number' }))).statusCode).toBe(
      201,
    );
    const merged = await postExpect(
      t(),
      '/api/residents/merge',
      { survivorId: child.a, duplicateId: dup },
      200,
    );
    expect(merged.moved.outreach_attempts).toBe(1);
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from programme_due where resident_id = ${dup}`.execute(t().ctx.db);
    expect(left.rows[0]!.n).toBe(0);
    const survivor = (await list()).find((r) => r.residentId === child.a && r.itemId === 'opv-1');
    expect(survivor?.lastAttempt).toMatchObject({ outcome: 'wrong-number' });
  });
  test("a child's row dials the household's head; without one with a phone, its oldest adult", async () => {
    const register = async (body: Record<string, unknown>) =>
      (await postExpect(t(), '/api/residents', body)).id as string;
    const mother = await register({
      fullName: 'Trần Thị Hoa',
      sex: 'female',
      birthDate: '1995-03-01',
      phone: '0912000111',
      newHousehold: { address: 'Số 1, thôn Một', areaCode: w.areas.village1.code },
    });
    const motherHome = (await getOk(t(), `/api/residents/${mother}`)).householdId as string;
    const baby = await register({
      fullName: 'Bé Hoa',
      sex: 'female',
      birthDate: '2026-08-20',
      householdId: motherHome,
      relationshipToHead: 'child',
      phone: '0999999999',
    });
    // A head without a phone, a grandmother with one, a teenager with one: the grandmother answers.
    const father = await register({
      fullName: 'Lê Văn Nam',
      sex: 'male',
      birthDate: '1990-01-01',
      newHousehold: { address: 'Số 2, thôn Một', areaCode: w.areas.village1.code },
    });
    const fatherHome = (await getOk(t(), `/api/residents/${father}`)).householdId as string;
    const member = (body: Record<string, unknown>) =>
      register({ householdId: fatherHome, relationshipToHead: 'other', ...body });
    const grandmother = await member({ fullName: 'Bà Lê', birthDate: '1958-05-05', phone: '0913000222' });
    await member({ fullName: 'Lê Văn Anh', birthDate: '2010-01-01', phone: '0914000333' });
    const boy = await member({ fullName: 'Bé Lê', sex: 'male', birthDate: '2026-08-20' });

    const rows = await list();
    const rowOf = (id: string) => rows.find((r) => r.residentId === id);
    expect(rowOf(baby)).toMatchObject({
      fullName: 'Bé Hoa',
      phone: '0912000111',
      phoneOf: { residentId: mother, fullName: 'Trần Thị Hoa' },
    });
    expect(rowOf(boy)).toMatchObject({
      phone: '0913000222',
      phoneOf: { residentId: grandmother, fullName: 'Bà Lê' },
    });
  });
});
