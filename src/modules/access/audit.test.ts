import { sql } from 'kysely';
import { beforeAll, expect, test } from 'vitest';
import { describeOnBothEngines } from '../../../test/support/engines.ts';
import { type AccessWorld, as, auditEntries, buildAccessWorld } from './access.fixtures.ts';
import { BREAK_GLASS_HEADER } from './access-control.ts';

describeOnBothEngines('audit log', (t) => {
  let w: AccessWorld;

  beforeAll(async () => {
    w = await buildAccessWorld(t(), { roles: ['station', 'district', 'province'] });
  });

  const station = () => w.users.station;

  test('a successful sign-in and a failed one are both logged, with the username', async () => {
    const res = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: station().username, password: 'not-the-right-one' },
    });
    expect(res.statusCode).toBe(401);
    const entries = await auditEntries(t(), { user: station().username, resourceType: 'session' });
    expect(entries.find((e) => e.action === 'login_failed')).toMatchObject({
      userId: station().id,
      status: 401,
      detail: 'wrong password',
    });
    // The fixture signed the user in.
    expect(entries.find((e) => e.action === 'login')).toMatchObject({ userId: station().id, status: 200 });
    const unknown = await t().app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ghost-user', password: 'not-the-right-one' },
    });
    expect(unknown.statusCode).toBe(401);
    expect(await auditEntries(t(), { user: 'ghost-user' })).toMatchObject([
      { action: 'login_failed', userId: null, detail: 'unknown user' },
    ]);
  });

  test("reading a worker's record is logged as 'read' with the worker id, the user and the role", async () => {
    const worker = w.workers.station1[0]!;
    expect((await as(t(), station().token, { url: `/api/workers/${worker.id}` })).statusCode).toBe(200);
    expect(await auditEntries(t(), { user: station().username, resourceId: worker.id })).toMatchObject([
      {
        action: 'read',
        userId: station().id,
        role: 'station',
        resourceType: 'workers',
        resourceId: worker.id,
        status: 200,
        flagged: false,
        reason: null,
      },
    ]);
  });

  test("listing workers is logged as 'search' with the number of records returned", async () => {
    const res = await as(t(), station().token, { url: '/api/workers?cadre=doctor' });
    expect(res.statusCode).toBe(200);
    const [entry] = await auditEntries(t(), { user: station().username, action: 'search' });
    expect(entry).toMatchObject({ resourceType: 'workers', status: 200 });
    expect(entry!.detail).toContain(`${res.json().items.length} record(s)`);
  });

  test('reading facilities (no personal data) is not logged', async () => {
    const before = await auditEntries(t(), { user: station().username, resourceType: 'facilities' });
    expect((await as(t(), station().token, { url: '/api/facilities' })).statusCode).toBe(200);
    expect(await auditEntries(t(), { user: station().username, resourceType: 'facilities' })).toEqual(before);
  });

  test("creating a worker is logged as 'create' with the new id", async () => {
    const res = await as(t(), w.users.district.token, {
      method: 'POST',
      url: '/api/workers',
      payload: {
        code: 'AUD1',
        fullName: 'Audited hire',
        cadre: 'nurse',
        qualification: 'college',
        assignment: { facilityCode: w.facilities.station1.code, startDate: '2024-01-01' },
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await auditEntries(t(), { resourceId: res.json().id })).toMatchObject([
      {
        action: 'create',
        username: w.users.district.username,
        role: 'district',
        resourceType: 'workers',
        status: 201,
      },
    ]);
  });

  test('a write that fails leaves no audit entry claiming it happened', async () => {
    const res = await as(t(), w.users.district.token, {
      method: 'PATCH',
      url: `/api/workers/${w.workers.station2[0]!.id}`,
      payload: { fullName: 'Should not change' },
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await auditEntries(t(), { resourceId: w.workers.station2[0]!.id })).filter(
        (e) => e.action === 'update',
      ),
    ).toEqual([]);
  });

  test("an export is logged as 'export'", async () => {
    expect((await as(t(), w.users.district.token, { url: '/api/exports/workers' })).statusCode).toBe(200);
    expect(await auditEntries(t(), { user: w.users.district.username, action: 'export' })).toMatchObject([
      { resourceType: 'exports', detail: 'GET /api/exports/:kind', status: 200 },
    ]);
  });

  test("a refused access is logged as 'denied' with status 403", async () => {
    const res = await as(t(), station().token, { method: 'POST', url: '/api/workers', payload: {} });
    expect(res.statusCode).toBe(403);
    expect(await auditEntries(t(), { user: station().username, action: 'denied' })).toMatchObject([
      { status: 403, resourceType: 'workers', detail: 'POST /api/workers', role: 'station' },
    ]);
  });

  test('breaking the glass opens a record outside the scope and is flagged with the reason', async () => {
    const outside = w.workers.station2[1]!;
    expect((await as(t(), station().token, { url: `/api/workers/${outside.id}` })).statusCode).toBe(404);
    const reason = 'Patient transferred from 45201 in an emergency';
    const res = await as(t(), station().token, {
      url: `/api/workers/${outside.id}`,
      headers: { [BREAK_GLASS_HEADER]: reason },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().id).toBe(outside.id);
    expect(await auditEntries(t(), { flagged: 'true', resourceId: outside.id })).toMatchObject([
      { action: 'read', username: station().username, reason, flagged: true, status: 200 },
    ]);
  });

  test('a break-the-glass reason must be 10 characters or more', async () => {
    const res = await as(t(), station().token, {
      url: `/api/workers/${w.workers.station2[2]!.id}`,
      headers: { [BREAK_GLASS_HEADER]: 'because' },
    });
    expect(res.statusCode).toBe(400);
    expect(await auditEntries(t(), { resourceId: w.workers.station2[2]!.id, action: 'read' })).toEqual([]);
  });

  // Each case as a role that holds the route's permission and access.break_glass.
  test.each([
    { name: 'a list', role: 'station' as const, method: 'GET' as const, url: '/api/workers?limit=500' },
    { name: 'an export', role: 'province' as const, method: 'GET' as const, url: '/api/exports/workers' },
    { name: 'a write', role: 'province' as const, method: 'POST' as const, url: '/api/workers' },
  ])(
    'breaking the glass is refused for $name: it opens one record for reading',
    async ({ role, method, url }) => {
      const res = await as(t(), w.users[role].token, {
        method,
        url,
        headers: { [BREAK_GLASS_HEADER]: 'Emergency transfer from the next commune' },
        ...(method === 'POST' ? { payload: {} } : {}),
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().detail).toContain('single record');
    },
  );

  test('a role without access.break_glass cannot break the glass', async () => {
    const res = await as(t(), w.users.district.token, {
      url: `/api/workers/${w.workers.station2[2]!.id}`,
      headers: { [BREAK_GLASS_HEADER]: 'I would like to see it anyway' },
    });
    expect(res.statusCode).toBe(403);
  });

  test('the audit log is append-only for the table owner', async () => {
    const db = t().ctx.db;
    await expect(sql`update audit_log set action = 'x'`.execute(db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`delete from audit_log`.execute(db)).rejects.toMatchObject({ code: '42501' });
    await expect(sql`truncate audit_log`.execute(db)).rejects.toMatchObject({ code: '42501' });
    const n = await sql<{ n: string }>`select count(*) as n from audit_log where action = 'x'`.execute(db);
    expect(Number(n.rows[0]!.n)).toBe(0);
  });

  test('the application role can append to the audit log but not change or delete it', async () => {
    const asApp = (statement: ReturnType<typeof sql>) =>
      t()
        .ctx.db.transaction()
        .execute(async (trx) => {
          await sql`set local role grassroots_app`.execute(trx);
          await sql`select set_config('app.scope_all', 'on', true)`.execute(trx);
          return statement.execute(trx);
        });
    await asApp(sql`insert into audit_log (action, username) values ('probe', 'rls-probe')`);
    await expect(asApp(sql`update audit_log set action = 'x'`)).rejects.toMatchObject({ code: '42501' });
    await expect(asApp(sql`delete from audit_log`)).rejects.toMatchObject({ code: '42501' });
    expect(await auditEntries(t(), { user: 'rls-probe' })).toMatchObject([{ action: 'probe' }]);
  });

  test('only an administrator may search the audit log', async () => {
    expect((await as(t(), w.users.province.token, { url: '/api/audit' })).statusCode).toBe(403);
  });

  test('the audit export answers CSV with the matching entries, and is itself logged', async () => {
    const res = await t().inject({ url: `/api/audit/export?user=${station().username}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const [header, ...rows] = res.body.trim().split(/\r?\n/);
    expect(header).toBe(
      'id,at,username,role,action,resource_type,resource_id,detail,status,ip,reason,flagged',
    );
    expect(rows.length).toBeGreaterThan(3);
    for (const r of rows) expect(r).toContain(station().username);
    expect(await auditEntries(t(), { action: 'export', resourceType: 'audit' })).toHaveLength(1);
  });
});
